# bash completion for docgen. Load it in the current shell with
#   source <(docgen completion bash)
# or install it with
#   docgen completion bash > /etc/bash_completion.d/docgen
# docgen itself lists the commands and flags that fit (urfave/cli's
# --generate-bash-completion); file names are completed as usual.
_docgen_complete() {
  local cur words
  COMPREPLY=()
  cur="${COMP_WORDS[COMP_CWORD]}"
  if [[ "$cur" == -* ]]; then
    words=$("${COMP_WORDS[@]:0:COMP_CWORD}" "$cur" --generate-bash-completion 2>/dev/null)
  else
    words=$("${COMP_WORDS[@]:0:COMP_CWORD}" --generate-bash-completion 2>/dev/null)
  fi
  local IFS=$'\n'
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o bashdefault -o default -F _docgen_complete docgen

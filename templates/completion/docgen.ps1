# PowerShell completion for docgen. Load it in the current session with
#   docgen completion powershell | Out-String | Invoke-Expression
# or add that line to your $PROFILE.
Register-ArgumentCompleter -Native -CommandName docgen -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $words = $commandAst.CommandElements | ForEach-Object { $_.ToString() }
  $program = $words[0]
  $args = @($words | Select-Object -Skip 1)
  if ($wordToComplete -ne '' -and $args.Count -gt 0) { $args = @($args | Select-Object -SkipLast 1) }
  if ($wordToComplete -like '-*') { $args += $wordToComplete }
  & $program @args --generate-bash-completion 2>$null | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}

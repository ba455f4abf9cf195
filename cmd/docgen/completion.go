package main

import (
	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/templates"
)

// completionScripts maps a shell to its script in templates/completion;
// fish's is generated from the command definitions by urfave/cli.
var completionScripts = map[string]string{
	"bash":       "completion/docgen.bash",
	"zsh":        "completion/docgen.zsh",
	"powershell": "completion/docgen.ps1",
}

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:        "completion",
		Usage:       msg.Get("cli.completion.usage"),
		UsageText:   "docgen completion bash|zsh|fish|powershell",
		Description: help("completion"),
		Action:      runCompletion,
	}
}

// runCompletion prints the completion script of one shell.
func runCompletion(c *cli.Context) error {
	if c.NArg() != 1 {
		return fail(exitInput, msg.Get("cli.completion.one_shell"))
	}
	shell := c.Args().First()
	if shell == "fish" {
		script, err := c.App.ToFishCompletion()
		if err != nil {
			return fail(exitInput, err.Error())
		}
		return emit(c.App.Writer, "", []byte(script))
	}
	name, ok := completionScripts[shell]
	if !ok {
		return fail(exitInput, msg.Format("cli.completion.unknown_shell", shell))
	}
	script, err := templates.FS.ReadFile(name)
	if err != nil {
		return fail(exitInput, err.Error())
	}
	return emit(c.App.Writer, "", script)
}

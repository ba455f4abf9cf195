// Command docgen writes the cybersecurity documentation of an EU MDR/IVDR
// medical device from one declarative spec, and checks in CI what the spec
// still lacks for MDCG 2019-16.
//
// Run "docgen --help" for the commands. The command line only parses flags
// and prints; the work is done by package generator and its sub-packages.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator/about"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/templates"
)

// version is the docgen version. The Makefile stamps it at build time with
// -ldflags "-X main.version=$(git describe)"; init completes it from the
// build information (the module version of `go install ...@v1.2.0`, or
// "dev-" and the commit), see about.Version.
var version string

func init() {
	info, _ := debug.ReadBuildInfo()
	version = about.Version(version, info)
	cli.VersionPrinter = func(c *cli.Context) { fmt.Fprintln(c.App.Writer, versionLine()) }
}

// completionFlag is the hidden flag with which the shell completion
// scripts ask docgen for the words that fit.
const completionFlag = "--generate-bash-completion"

// Exit codes, as documented in the help text.
const (
	exitOK       = 0
	exitFindings = 1
	exitInput    = 2
)

// exitError carries an exit code and a message for stderr.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// fail returns an error that makes docgen exit with code after printing text.
func fail(code int, text string) error { return &exitError{code: code, msg: text} }

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

// run executes the command line args and returns the exit code. A panic,
// which would be a bug in docgen, is reported in one line rather than as a
// stack trace.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(stderr, msg.Format("cli.internal_error", r))
			code = exitInput
		}
	}()
	app := newApp(stdout, stderr)
	err := app.Run(reorderArgs(app, args))
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(stderr, ee.msg)
		}
		return ee.code
	}
	// Anything else comes from flag parsing or an unknown command.
	fmt.Fprintln(stderr, msg.Format("cli.usage_error", err))
	return exitInput
}

// reorderArgs moves a command's flags in front of its other arguments, so
// that "docgen render IN.md -o OUT.pdf" works as well as
// "docgen render -o OUT.pdf IN.md"; the flag parser stops at the first
// argument that is not a flag. Everything after "--" is left alone.
func reorderArgs(app *cli.App, args []string) []string {
	// A completion request must stay last, where urfave/cli looks for it.
	if n := len(args); n > 1 && args[n-1] == completionFlag {
		return append(reorderArgs(app, args[:n-1]), completionFlag)
	}
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") {
		i++ // global flags, such as --max-spec-size 1MiB
		if i < len(args) && !strings.Contains(args[i-1], "=") && !strings.HasPrefix(args[i], "-") && app.Command(args[i]) == nil {
			i++
		}
	}
	if i >= len(args) {
		return args
	}
	cmd := app.Command(args[i])
	if cmd == nil {
		return args
	}
	// A subcommand (docgen translate export ...) takes the flags after it.
subcommands:
	for i+1 < len(args) {
		for _, sub := range cmd.Subcommands {
			if sub.HasName(args[i+1]) {
				cmd, i = sub, i+1
				continue subcommands
			}
		}
		break
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var flags, rest []string
	tail := args[i+1:]
	for j := 0; j < len(tail); j++ {
		a := tail[j]
		if a == "--" {
			rest = append(rest, tail[j:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if !strings.Contains(name, "=") && takesValue[name] && j+1 < len(tail) {
			flags = append(flags, tail[j+1])
			j++
		}
	}
	out := append(append([]string{}, args[:i+1]...), flags...)
	return append(out, rest...)
}

// help returns the long help text of a command from templates/help.
func help(name string) string {
	data, err := templates.FS.ReadFile("help/" + name + ".txt")
	if err != nil {
		return ""
	}
	return strings.TrimRight(string(data), "\n")
}

func newApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:                 "docgen",
		Usage:                msg.Get("cli.app.usage"),
		Description:          help("docgen"),
		Version:              version,
		Writer:               stdout,
		ErrWriter:            stderr,
		HideHelpCommand:      true,
		EnableBashCompletion: true,                         // the hidden --generate-bash-completion that the completion scripts call
		ExitErrHandler:       func(*cli.Context, error) {}, // run() maps errors to exit codes
		Commands: []*cli.Command{
			buildCommand(),
			checkCommand(),
			diffCommand(),
			rulesCommand(),
			initCommand(),
			mds2Command(),
			migrateCommand(),
			renderCommand(),
			sbomCommand(),
			schemaCommand(),
			serveCommand(),
			templatesCommand(),
			translateCommand(),
			versionCommand(),
			completionCommand(),
		},
		Flags:  limitFlags(),
		Before: applyLimits,
		OnUsageError: func(c *cli.Context, err error, isSubcommand bool) error {
			return fail(exitInput, msg.Format("cli.usage_error", err))
		},
	}
}

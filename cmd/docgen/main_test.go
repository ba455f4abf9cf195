package main

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/docgen/docgen/generator/render/pdf/pdfcheck"
	"github.com/docgen/docgen/generator/render/pdf/pdftext"
)

var update = flag.Bool("update", false, "rewrite the expected outputs in testdata/script")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"docgen": func() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command-line tests in testdata/script. Each script
// calls docgen as a user would and compares its output with the expected
// files in the same archive; `go test ./cmd/docgen -update` rewrites them.
//
// Besides the standard commands, scripts have `exitcode N docgen ARGS...`,
// which runs docgen and fails unless it exits with exactly N, `pdfdump
// FILE`, which prints what a PDF shows (its metadata, outline and text, see
// pdftext) to stdout, and `pdfcheck [-plain] FILE`, which fails unless the
// PDF meets PDF/A-3b (not with -plain) and PDF/UA-1 (see pdfcheck), and
// the variable $EXAMPLES, the repository's examples folder.
func TestScripts(t *testing.T) {
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", examples)
			env.Setenv("SOURCE_DATE_EPOCH", "1793491200") // 2026-11-01
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": exitcode,
			"pdfdump":  pdfdump,
			"pdfcheck": pdfcheckCmd,
		},
	})
}

// exitcode runs a command and checks its exact exit status.
func exitcode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exitcode: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Logf("stdout:\n%s\nstderr:\n%s", ts.ReadFile("stdout"), ts.ReadFile("stderr"))
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// pdfdump prints what the PDF file args[0] shows.
func pdfdump(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: pdfdump FILE")
	}
	d, err := pdftext.Read([]byte(ts.ReadFile(args[0])))
	if err != nil {
		ts.Fatalf("pdfdump: %v", err)
	}
	_, _ = ts.Stdout().Write([]byte(d.Dump()))
}

// pdfcheckCmd checks the PDF file against PDF/A-3b (unless -plain comes
// first) and PDF/UA-1; with !, it expects problems.
func pdfcheckCmd(ts *testscript.TestScript, neg bool, args []string) {
	plain := len(args) > 0 && args[0] == "-plain"
	if plain {
		args = args[1:]
	}
	if len(args) != 1 {
		ts.Fatalf("usage: pdfcheck [-plain] FILE")
	}
	problems, err := pdfcheck.Check([]byte(ts.ReadFile(args[0])), pdfcheck.Options{PDFA: !plain})
	if err != nil {
		ts.Fatalf("pdfcheck: %v", err)
	}
	for _, p := range problems {
		ts.Logf("%s", p)
	}
	if neg != (len(problems) > 0) {
		ts.Fatalf("pdfcheck: %d problems", len(problems))
	}
}

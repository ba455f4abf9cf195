package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator/fsutil"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/templates"
)

func initCommand() *cli.Command {
	return &cli.Command{
		Name:        "init",
		Usage:       msg.Get("cli.init.usage"),
		UsageText:   "docgen init [--force] [DIR]",
		Description: help("init"),
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "force", Usage: msg.Get("cli.flag.force")},
		},
		Action: runInit,
	}
}

func runInit(c *cli.Context) error {
	if c.NArg() > 1 {
		return fail(exitInput, msg.Get("cli.init.one_dir"))
	}
	dir := "."
	if c.NArg() == 1 {
		dir = c.Args().First()
	}
	skeleton, err := templates.FS.ReadFile("init/device.yaml")
	if err != nil {
		return fail(exitInput, err.Error())
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(exitInput, err.Error())
	}
	path := filepath.Join(dir, spec.DefaultFile)
	if _, err := os.Stat(path); err == nil && !c.Bool("force") {
		return fail(exitInput, msg.Format("cli.init.exists", path))
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fail(exitInput, err.Error())
	}
	if err := fsutil.WriteFile(path, skeleton, 0o644); err != nil {
		return fail(exitInput, err.Error())
	}
	_, err = c.App.Writer.Write([]byte(msg.Format("cli.init.done", path) + "\n"))
	return err
}

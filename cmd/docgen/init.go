package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator/fsutil"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/schema"
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
	// The skeleton's first line points editors at the schema, written next
	// to it, so completion works offline and matches this docgen.
	sch, err := schema.Generate()
	if err != nil {
		return fail(exitInput, err.Error())
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(exitInput, err.Error())
	}
	files := []struct {
		path string
		data []byte
	}{{filepath.Join(dir, spec.DefaultFile), skeleton}, {filepath.Join(dir, schema.FileName), sch}}
	for _, f := range files {
		if _, err := os.Stat(f.path); err == nil && !c.Bool("force") {
			return fail(exitInput, msg.Format("cli.init.exists", f.path))
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fail(exitInput, err.Error())
		}
	}
	for _, f := range files {
		if err := fsutil.WriteFile(f.path, f.data, 0o644); err != nil {
			return fail(exitInput, err.Error())
		}
	}
	_, err = c.App.Writer.Write([]byte(msg.Format("cli.init.done", files[0].path, files[1].path) + "\n"))
	return err
}

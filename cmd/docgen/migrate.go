package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator/fsutil"
	"github.com/docgen/docgen/generator/migrate"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
)

func migrateCommand() *cli.Command {
	return &cli.Command{
		Name:        "migrate",
		Usage:       msg.Get("cli.migrate.usage"),
		UsageText:   "docgen migrate [--write | --check] SPEC [SPEC...]",
		Description: help("migrate"),
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "write", Aliases: []string{"w"}, Usage: msg.Get("cli.flag.migrate_write")},
			&cli.BoolFlag{Name: "check", Usage: msg.Get("cli.flag.migrate_check")},
		},
		Action: runMigrate,
	}
}

// runMigrate migrates each spec: to standard output (one spec), in place
// (--write), or only reporting what would change (--check). Exit 0 done or
// current, 1 --check found a spec to migrate, 2 a spec could not be
// migrated.
func runMigrate(c *cli.Context) error {
	write, checkOnly := c.Bool("write"), c.Bool("check")
	switch {
	case write && checkOnly:
		return fail(exitInput, msg.Get("cli.migrate.write_and_check"))
	case c.NArg() == 0:
		return fail(exitInput, msg.Get("cli.migrate.no_spec"))
	case c.NArg() > 1 && !write && !checkOnly:
		return fail(exitInput, msg.Get("cli.migrate.one_spec"))
	}
	// Reports go to standard output, unless it carries the migrated spec.
	var report io.Writer = c.App.Writer
	if !write && !checkOnly {
		report = c.App.ErrWriter
	}
	var out bytes.Buffer
	var failures []string
	code := exitOK
	for _, arg := range c.Args().Slice() {
		path, res, err := migrateFile(arg)
		if err != nil {
			failures = append(failures, err.Error())
			continue
		}
		if res.Current() {
			out.Write(res.Data) // printed only without --write and --check
			fmt.Fprintln(report, msg.Format("cli.migrate.current", path, spec.FormatVersion))
			continue
		}
		for _, ch := range res.Changes {
			fmt.Fprintln(report, msg.Format("cli.migrate.change", ch.Pos, ch.Old, ch.New))
		}
		switch {
		case checkOnly:
			fmt.Fprintln(report, msg.Format("cli.migrate.needed", path, spec.FormatVersion, len(res.Changes), path))
			code = exitFindings
		case write:
			if err := fsutil.Replace(path, res.Data); err != nil {
				failures = append(failures, fmt.Sprintf("%s: %v", path, err))
				continue
			}
			fmt.Fprintln(report, msg.Format("cli.migrate.wrote", path, spec.FormatVersion, len(res.Changes)))
		default:
			out.Write(res.Data)
		}
	}
	if !write && !checkOnly {
		if _, err := c.App.Writer.Write(out.Bytes()); err != nil {
			return fail(exitInput, err.Error())
		}
	}
	if len(failures) > 0 {
		return fail(exitInput, strings.Join(failures, "\n")+"\n"+msg.Format("cli.migrate.failed", len(failures), c.NArg()))
	}
	if code != exitOK {
		return fail(code, "")
	}
	return nil
}

// migrateFile reads and migrates the spec arg stands for (a folder stands
// for its device.yaml) and returns the spec file's path.
func migrateFile(arg string) (string, *migrate.Result, error) {
	path, err := spec.Resolve(arg)
	if err != nil {
		return arg, nil, err
	}
	data, err := spec.Read(path)
	if err != nil {
		return path, nil, err
	}
	res, err := migrate.Migrate(path, data)
	return path, res, err
}

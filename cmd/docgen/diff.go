package main

import (
	"bytes"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/diff"
	"github.com/docgen/docgen/generator/msg"
)

func diffCommand() *cli.Command {
	return &cli.Command{
		Name:        "diff",
		Usage:       msg.Get("cli.diff.usage"),
		UsageText:   "docgen diff [options] OLD NEW",
		Description: help("diff"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: msg.Format("cli.flag.diff_format", strings.Join(diff.Formats, ", "))},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: msg.Get("cli.flag.output")},
			&cli.StringSliceFlag{Name: "profile", Aliases: []string{"p"}, Usage: msg.Get("cli.flag.diff_profile")},
			&cli.StringFlag{Name: "date", Usage: msg.Get("cli.flag.date")},
			&cli.BoolFlag{Name: "allow-outside-files", Usage: msg.Get("cli.flag.allow_outside")},
		},
		Action: runDiff,
	}
}

func runDiff(c *cli.Context) error {
	format := c.String("format")
	if !slices.Contains(diff.Formats, format) {
		return fail(exitInput, msg.Format("cli.bad_format", format, strings.Join(diff.Formats, ", ")))
	}
	if c.NArg() != 2 {
		return fail(exitInput, msg.Get("cli.diff.args"))
	}
	ref, err := today(c)
	if err != nil {
		return err
	}
	opts := generator.BuildOptions{
		Profiles: c.StringSlice("profile"), Today: ref, EndOfSupportDate: endOfSupportDate(c, ref), Version: version,
		AllowOutside: c.Bool("allow-outside-files"),
	}
	rep, err := generator.Diff(c.Context, c.Args().Get(0), c.Args().Get(1), opts)
	if err != nil {
		return fail(exitInput, err.Error()+"\n"+msg.Get("cli.diff.unreadable"))
	}
	var out bytes.Buffer
	if err := diff.Write(&out, format, rep); err != nil {
		return fail(exitInput, err.Error())
	}
	if err := emit(c.App.Writer, c.String("output"), out.Bytes()); err != nil {
		return fail(exitInput, err.Error())
	}
	if rep.Relevant() {
		return fail(exitFindings, "")
	}
	return nil
}

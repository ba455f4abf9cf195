package main

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/mds2"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/paths"
)

// mds2Formats are the output formats of docgen mds2.
var mds2Formats = []string{"text", "json", "csv"}

func mds2Command() *cli.Command {
	return &cli.Command{
		Name:        "mds2",
		Usage:       msg.Get("cli.mds2.usage"),
		UsageText:   "docgen mds2 [--format text|json|csv] [--import FORM.xlsx] SPEC",
		Description: help("mds2"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: msg.Get("cli.flag.mds2_format")},
			&cli.StringFlag{Name: "import", Usage: msg.Get("cli.flag.mds2_import")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: msg.Get("cli.flag.output")},
			&cli.BoolFlag{Name: "allow-outside-files", Usage: msg.Get("cli.flag.allow_outside")},
		},
		Action: runMDS2,
	}
}

// runMDS2 prints the MDS2 answered from one spec, or compares it with a
// completed workbook. Exit 0 done; 1 the workbook disagrees with the spec;
// 2 unreadable input.
func runMDS2(c *cli.Context) error {
	if c.NArg() != 1 {
		return fail(exitInput, msg.Get("cli.mds2.one_spec"))
	}
	format := c.String("format")
	if !slices.Contains(mds2Formats, format) {
		return fail(exitInput, msg.Format("cli.bad_format", format, "text, json, csv"))
	}
	s, err := generator.LoadSpec(c.Args().First())
	if err != nil {
		return fail(exitInput, err.Error()+"\n"+msg.Get("cli.check.unreadable"))
	}
	bom, err := generator.LoadSBOM(s, c.Bool("allow-outside-files"))
	var outside *paths.OutsideError
	if errors.As(err, &outside) {
		return fail(exitInput, outside.Error())
	}
	// An SBOM that cannot be read leaves the SBOM questions unanswered;
	// docgen check and docgen sbom say what is wrong with it.
	st, err := generator.MDS2(s, bom)
	if err != nil {
		return fail(exitInput, err.Error())
	}
	if form := c.String("import"); form != "" {
		return importMDS2(c, st, form)
	}
	var out bytes.Buffer
	switch format {
	case "json":
		data, err := st.JSON()
		if err != nil {
			return fail(exitInput, err.Error())
		}
		out.Write(data)
	case "csv":
		out.Write(st.CSV())
	default:
		if err := st.WriteText(&out); err != nil {
			return fail(exitInput, err.Error())
		}
	}
	if err := emit(c.App.Writer, c.String("output"), out.Bytes()); err != nil {
		return fail(exitInput, err.Error())
	}
	return nil
}

// importMDS2 compares a completed workbook with the statement.
func importMDS2(c *cli.Context, st *mds2.Statement, file string) error {
	data, err := input.Read(file, input.Workbook)
	if err != nil {
		return fail(exitInput, err.Error())
	}
	form, err := mds2.Load()
	if err != nil {
		return fail(exitInput, err.Error())
	}
	answers, err := form.ReadWorkbook(data)
	if err != nil {
		return fail(exitInput, fmt.Sprintf("%s: %v", file, err))
	}
	cmp := st.Compare(answers)
	var out bytes.Buffer
	if err := cmp.WriteText(&out, file); err != nil {
		return fail(exitInput, err.Error())
	}
	if err := emit(c.App.Writer, c.String("output"), out.Bytes()); err != nil {
		return fail(exitInput, err.Error())
	}
	if len(cmp.Differ) > 0 {
		return fail(exitFindings, "")
	}
	return nil
}

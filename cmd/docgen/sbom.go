package main

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/sbom"
)

func sbomCommand() *cli.Command {
	return &cli.Command{
		Name:        "sbom",
		Usage:       msg.Get("cli.sbom.usage"),
		UsageText:   "docgen sbom [--format text|json] [--date DATE] FILE",
		Description: help("sbom"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: msg.Get("cli.flag.sbom_format")},
			&cli.StringFlag{Name: "date", Usage: msg.Get("cli.flag.sbom_date")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: msg.Get("cli.flag.output")},
		},
		Action: runSBOM,
	}
}

// runSBOM validates and summarises one SBOM file. Exit 0 valid, 1 invalid,
// 2 unreadable or unsupported.
func runSBOM(c *cli.Context) error {
	if c.NArg() != 1 {
		return fail(exitInput, msg.Get("cli.sbom.one_file"))
	}
	format := c.String("format")
	if format != "text" && format != "json" {
		return fail(exitInput, msg.Format("cli.bad_format", format, "text, json"))
	}
	asOf, err := today(c)
	if err != nil {
		return err
	}
	path := c.Args().First()
	b, err := sbom.Read(path)
	if err != nil {
		var verr *sbom.ValidationError
		if errors.As(err, &verr) {
			return fail(exitFindings, err.Error())
		}
		return fail(exitInput, err.Error())
	}
	s := sbom.Summarize(b, asOf)
	var out bytes.Buffer
	if format == "json" {
		err = s.WriteJSON(&out)
	} else {
		err = s.WriteText(&out)
	}
	if err != nil {
		return fail(exitInput, fmt.Sprint(err))
	}
	if err := emit(c.App.Writer, c.String("output"), out.Bytes()); err != nil {
		return fail(exitInput, err.Error())
	}
	return nil
}

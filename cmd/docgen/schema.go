package main

import (
	"bytes"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/schema"
)

func schemaCommand() *cli.Command {
	return &cli.Command{
		Name:        "schema",
		Usage:       msg.Get("cli.schema.usage"),
		UsageText:   "docgen schema [-o FILE]",
		Description: help("schema"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: msg.Get("cli.flag.output")},
		},
		Action: func(c *cli.Context) error {
			var b bytes.Buffer
			if err := schema.Write(&b); err != nil {
				return fail(exitInput, err.Error())
			}
			if err := emit(c.App.Writer, c.String("output"), b.Bytes()); err != nil {
				return fail(exitInput, err.Error())
			}
			return nil
		},
	}
}

package main

import (
	"bytes"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator/docs"
	"github.com/docgen/docgen/generator/msg"
)

func templatesCommand() *cli.Command {
	return &cli.Command{
		Name:        "templates",
		Usage:       msg.Get("cli.templates.usage"),
		UsageText:   "docgen templates export [--force] DIR\ndocgen templates doc [-o FILE]",
		Description: help("templates"),
		Subcommands: []*cli.Command{
			{
				Name:      "export",
				Usage:     msg.Get("cli.templates.export.usage"),
				UsageText: "docgen templates export [--force] DIR",
				Flags: []cli.Flag{
					&cli.BoolFlag{Name: "force", Usage: msg.Get("cli.flag.templates_force")},
				},
				Action: func(c *cli.Context) error {
					if c.NArg() != 1 {
						return fail(exitInput, msg.Get("cli.templates.export.args"))
					}
					written, err := docs.ExportTemplates(c.Args().First(), c.Bool("force"))
					if err != nil {
						return fail(exitInput, err.Error())
					}
					for _, p := range written {
						fmt.Fprintln(c.App.Writer, p)
					}
					fmt.Fprintln(c.App.ErrWriter, msg.Format("cli.templates.export.done", len(written), c.Args().First()))
					return nil
				},
			},
			{
				Name:      "doc",
				Usage:     msg.Get("cli.templates.doc.usage"),
				UsageText: "docgen templates doc [-o FILE]",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: msg.Get("cli.flag.output")},
				},
				Action: func(c *cli.Context) error {
					if c.NArg() != 0 {
						return fail(exitInput, msg.Get("cli.templates.doc.args"))
					}
					var b bytes.Buffer
					if err := docs.WriteTemplateDoc(&b); err != nil {
						return fail(exitInput, err.Error())
					}
					if err := emit(c.App.Writer, c.String("output"), b.Bytes()); err != nil {
						return fail(exitInput, err.Error())
					}
					return nil
				},
			},
		},
	}
}

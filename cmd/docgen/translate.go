package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator/fsutil"
	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/translate"
	"github.com/docgen/docgen/generator/xliff"
)

func translateCommand() *cli.Command {
	return &cli.Command{
		Name:        "translate",
		Usage:       msg.Get("cli.translate.usage"),
		UsageText:   "docgen translate export --lang LANG SPEC [-o FILE.xlf]\ndocgen translate import FILE.xlf SPEC",
		Description: help("translate"),
		Subcommands: []*cli.Command{
			{
				Name:      "export",
				Usage:     msg.Get("cli.translate.export.usage"),
				UsageText: "docgen translate export --lang LANG SPEC [-o FILE.xlf]",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "lang", Aliases: []string{"l"}, Usage: msg.Get("cli.flag.translate_lang")},
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: msg.Get("cli.flag.translate_output")},
				},
				Action: runTranslateExport,
			},
			{
				Name:      "import",
				Usage:     msg.Get("cli.translate.import.usage"),
				UsageText: "docgen translate import FILE.xlf SPEC",
				Action:    runTranslateImport,
			},
		},
	}
}

// runTranslateExport writes the texts still to translate into --lang as
// XLIFF 2.0. Exit 0 done (also when nothing is left to translate), 2 the
// spec cannot be read.
func runTranslateExport(c *cli.Context) error {
	lang := c.String("lang")
	switch {
	case lang == "":
		return fail(exitInput, msg.Get("cli.translate.export.no_lang"))
	case !spec.IsLanguageTag(lang):
		return fail(exitInput, msg.Format("cli.translate.bad_lang", lang))
	case c.NArg() != 1:
		return fail(exitInput, msg.Get("cli.translate.export.args"))
	}
	s, err := spec.Load(c.Args().First())
	if err != nil {
		return fail(exitInput, err.Error())
	}
	if lang == s.SourceLanguage() {
		return fail(exitInput, msg.Format("cli.translate.source_lang", lang))
	}
	f, n := translate.Export(s, lang)
	report := c.App.ErrWriter
	if len(f.Units) == 0 {
		fmt.Fprintln(report, msg.Format("cli.translate.nothing", s.File, n.Texts, lang))
		return nil
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return fail(exitInput, err.Error())
	}
	if out := c.String("output"); out != "" {
		if err := fsutil.WriteFile(out, b.Bytes(), 0o644); err != nil {
			return fail(exitInput, fmt.Sprintf("%s: %v", out, err))
		}
	} else if _, err := c.App.Writer.Write(b.Bytes()); err != nil {
		return fail(exitInput, err.Error())
	}
	fmt.Fprintln(report, msg.Format("cli.translate.exported", s.File, len(f.Units), n.Texts, lang, n.Untranslated, n.Stale))
	return nil
}

// runTranslateImport writes the translations of an XLIFF file into the
// spec's side file for its target language.
func runTranslateImport(c *cli.Context) error {
	if c.NArg() != 2 {
		return fail(exitInput, msg.Get("cli.translate.import.args"))
	}
	xlfName := c.Args().Get(0)
	data, err := input.Read(xlfName, input.Spec)
	if err != nil {
		return fail(exitInput, fmt.Sprintf("%s: %v", xlfName, err))
	}
	f, err := xliff.Parse(xlfName, data)
	if err != nil {
		return fail(exitInput, err.Error())
	}
	path, err := spec.Resolve(c.Args().Get(1))
	if err != nil {
		return fail(exitInput, err.Error())
	}
	specData, err := spec.Read(path)
	if err != nil {
		return fail(exitInput, err.Error())
	}
	s, err := spec.Parse(path, specData)
	if err == nil {
		_, err = spec.LoadTranslations(s, false)
	}
	if err != nil {
		return fail(exitInput, err.Error())
	}
	res, err := translate.Import(s, specData, f, xlfName)
	if err != nil {
		return fail(exitInput, err.Error())
	}
	write := fsutil.Replace
	if res.Created {
		write = func(p string, data []byte) error { return fsutil.WriteFile(p, data, 0o644) }
	}
	if err := write(res.SideFile, res.SideData); err != nil {
		return fail(exitInput, fmt.Sprintf("%s: %v", res.SideFile, err))
	}
	w := c.App.Writer
	if res.SpecData != nil {
		if err := fsutil.Replace(path, res.SpecData); err != nil {
			_ = os.Remove(res.SideFile) // do not leave a side file the spec does not list
			return fail(exitInput, fmt.Sprintf("%s: %v", path, err))
		}
	}
	if res.Created {
		fmt.Fprintln(w, msg.Format("cli.translate.created", res.SideFile, path))
	}
	for _, p := range res.Changed {
		fmt.Fprintln(w, msg.Format("cli.translate.changed", xlfName, p))
	}
	fmt.Fprintln(w, msg.Format("cli.translate.imported", res.SideFile, res.New+res.Updated, f.TrgLang, res.New, res.Updated, res.Empty))
	return nil
}

package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render"
	_ "github.com/docgen/docgen/generator/render/formats" // every output format
	"github.com/docgen/docgen/generator/render/markdown"
	"github.com/docgen/docgen/generator/spec"
)

func renderCommand() *cli.Command {
	return &cli.Command{
		Name:        "render",
		Usage:       msg.Get("cli.render.usage"),
		UsageText:   "docgen render [options] IN.md -o OUT.pdf|OUT.html|OUT.docx",
		Description: help("render"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Required: true, Usage: msg.Format("cli.flag.render_output", strings.Join(extensions(), ", "))},
			&cli.StringFlag{Name: "title", Usage: msg.Get("cli.flag.title")},
			&cli.StringFlag{Name: "author", Usage: msg.Get("cli.flag.author")},
			&cli.StringFlag{Name: "subject", Usage: msg.Get("cli.flag.subject")},
			&cli.StringFlag{Name: "keywords", Usage: msg.Get("cli.flag.keywords")},
			&cli.StringFlag{Name: "lang", Usage: msg.Get("cli.flag.lang")},
			&cli.StringFlag{Name: "id", Usage: msg.Get("cli.flag.doc_id")},
			&cli.StringFlag{Name: "revision", Usage: msg.Get("cli.flag.revision")},
			&cli.StringFlag{Name: "date", Usage: msg.Get("cli.flag.doc_date")},
			&cli.StringFlag{Name: "page-size", Value: "A4", Usage: msg.Get("cli.flag.page_size")},
			&cli.BoolFlag{Name: "no-title-page", Usage: msg.Get("cli.flag.no_title_page")},
			&cli.StringFlag{Name: "docx-template", Usage: msg.Get("cli.flag.docx_template")},
			pdfStandardFlag(),
			&cli.BoolFlag{Name: "strict", Usage: msg.Get("cli.flag.render_strict")},
		},
		Action: runRender,
	}
}

// extensions lists the output file extensions render accepts, one per
// format.
func extensions() []string {
	var out []string
	for _, n := range render.Names() {
		r, _ := render.Lookup(n)
		out = append(out, r.Extension())
	}
	return out
}

// pdfStandardFlag is the --pdf-standard flag of build and render.
func pdfStandardFlag() cli.Flag {
	return &cli.StringFlag{Name: "pdf-standard", Value: render.PDFStandards[0],
		Usage: msg.Format("cli.flag.pdf_standard", strings.Join(render.PDFStandards, ", "))}
}

// checkPDFStandard checks the value of --pdf-standard and returns it as
// render.PDFStandards spells it.
func checkPDFStandard(s string) (string, error) {
	for _, v := range render.PDFStandards {
		if strings.EqualFold(strings.TrimSpace(s), v) {
			return v, nil
		}
	}
	return "", fail(exitInput, msg.Format("cli.bad_pdf_standard", s, strings.Join(render.PDFStandards, ", ")))
}

func checkPageSize(s string) error {
	if s != "A4" && s != "Letter" {
		return fail(exitInput, msg.Format("cli.bad_page_size", s))
	}
	return nil
}

func pick(flag, fm string) string {
	if flag != "" {
		return flag
	}
	return fm
}

func runRender(c *cli.Context) error {
	if c.NArg() != 1 {
		return fail(exitInput, msg.Get("cli.render.one_file"))
	}
	if err := checkPageSize(c.String("page-size")); err != nil {
		return err
	}
	standard, err := checkPDFStandard(c.String("pdf-standard"))
	if err != nil {
		return err
	}
	in := c.Args().First()
	out := c.String("output")
	r, ok := render.ForExtension(filepath.Ext(out))
	if !ok {
		return fail(exitInput, msg.Format("cli.render.bad_output", out, strings.Join(extensions(), ", ")))
	}
	if c.String("docx-template") != "" && r.Name() != "docx" {
		return fail(exitInput, msg.Get("cli.docx_template_unused"))
	}
	data, err := input.Read(in, input.Markdown)
	if err != nil {
		return fail(exitInput, err.Error())
	}
	d, err := markdown.Read(data)
	if err != nil {
		return fail(exitInput, in+": "+err.Error())
	}
	m := &d.Meta
	m.Title = pick(c.String("title"), m.Title)
	if m.Title == "" {
		// No front matter title and no leading level-1 heading (which
		// the reader takes as the title): the first heading, else the
		// file name.
		if s := docmodel.Sections(d); len(s) > 0 {
			m.Title = strings.TrimSpace(docmodel.PlainText(s[0].Title))
		}
	}
	if m.Title == "" {
		m.Title = strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
	}
	m.Author = pick(c.String("author"), m.Author)
	m.Subject = pick(c.String("subject"), m.Subject)
	m.Language = pick(c.String("lang"), m.Language)
	m.ID = pick(c.String("id"), m.ID)
	m.Revision = pick(c.String("revision"), m.Revision)
	if k := c.String("keywords"); k != "" {
		m.Keywords = strings.Split(k, ",")
	}
	if ds := c.String("date"); ds != "" {
		p, err := spec.ParseDate(ds)
		if err != nil {
			return fail(exitInput, "--date: "+err.Error())
		}
		m.Date = p.Time
	}
	var b bytes.Buffer
	warns, err := r.Render(&b, d, render.Options{
		PageSize: c.String("page-size"), TitlePage: !c.Bool("no-title-page"), Generator: "docgen " + version,
		Template: c.String("docx-template"), PDFStandard: standard,
	})
	if err != nil {
		return fail(exitInput, fmt.Sprintf("%s: %v", in, err))
	}
	for _, w := range warns {
		fmt.Fprintln(c.App.ErrWriter, in+":"+w.String())
	}
	if len(warns) > 0 && c.Bool("strict") {
		return fail(exitFindings, msg.Format("cli.render.strict", in, len(warns), out))
	}
	if err := emit(c.App.Writer, out, b.Bytes()); err != nil {
		return fail(exitInput, err.Error())
	}
	return nil
}

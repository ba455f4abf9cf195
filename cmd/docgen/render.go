package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render/html"
	"github.com/docgen/docgen/generator/render/pdf"
	"github.com/docgen/docgen/generator/spec"
)

func renderCommand() *cli.Command {
	return &cli.Command{
		Name:        "render",
		Usage:       msg.Get("cli.render.usage"),
		UsageText:   "docgen render [options] IN.md -o OUT.pdf|OUT.html",
		Description: help("render"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Required: true, Usage: msg.Get("cli.flag.render_output")},
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
		},
		Action: runRender,
	}
}

// frontMatter is the metadata a Markdown file may carry between --- lines.
type frontMatter struct {
	Title    string   `yaml:"title"`
	Author   string   `yaml:"author"`
	Subject  string   `yaml:"subject"`
	Keywords []string `yaml:"keywords"`
	Lang     string   `yaml:"lang"`
	ID       string   `yaml:"id"`
	Revision string   `yaml:"revision"`
	Date     string   `yaml:"date"`
}

// splitFrontMatter separates YAML front matter from the Markdown body. The
// body keeps blank lines in place of the front matter so line numbers in
// warnings stay right.
func splitFrontMatter(data []byte) (frontMatter, []byte, error) {
	var fm frontMatter
	text := strings.TrimPrefix(string(data), "\ufeff")
	if !strings.HasPrefix(text, "---\n") && !strings.HasPrefix(text, "---\r\n") {
		return fm, []byte(text), nil
	}
	rest := text[strings.Index(text, "\n")+1:]
	end := strings.Index(rest, "\n---")
	if end < 0 {
		return fm, []byte(text), nil
	}
	head := rest[:end]
	body := rest[end+4:]
	if i := strings.IndexByte(body, '\n'); i >= 0 {
		body = body[i+1:]
	} else {
		body = ""
	}
	if err := yaml.Unmarshal([]byte(head), &fm); err != nil {
		return fm, nil, err
	}
	blank := strings.Repeat("\n", strings.Count(head, "\n")+2)
	return fm, []byte(blank + body), nil
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
	in := c.Args().First()
	data, err := os.ReadFile(in)
	if err != nil {
		return fail(exitInput, err.Error())
	}
	fm, body, err := splitFrontMatter(data)
	if err != nil {
		return fail(exitInput, msg.Format("cli.render.front_matter", in, err))
	}
	title := pick(c.String("title"), fm.Title)
	if title == "" {
		title = strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
	}
	var date time.Time
	if d := pick(c.String("date"), fm.Date); d != "" {
		p, err := spec.ParseDate(d)
		if err != nil {
			return fail(exitInput, "--date: "+err.Error())
		}
		date = p.Time
	}
	keywords := fm.Keywords
	if k := c.String("keywords"); k != "" {
		keywords = strings.Split(k, ",")
	}
	out := c.String("output")
	var b bytes.Buffer
	switch strings.ToLower(filepath.Ext(out)) {
	case ".pdf":
		warns, err := pdf.Render(&b, body, pdf.Options{
			Title: title, Author: pick(c.String("author"), fm.Author), Subject: pick(c.String("subject"), fm.Subject),
			Keywords: keywords, Lang: pick(c.String("lang"), fm.Lang), DocumentID: pick(c.String("id"), fm.ID),
			Revision: pick(c.String("revision"), fm.Revision), Date: date, PageSize: c.String("page-size"),
			TitlePage: !c.Bool("no-title-page"), Producer: "docgen " + version,
		})
		if err != nil {
			return fail(exitInput, fmt.Sprintf("%s: %v", in, err))
		}
		for _, w := range warns {
			fmt.Fprintln(c.App.ErrWriter, in+":"+w.String())
		}
	case ".html", ".htm":
		if err := html.Render(&b, body, html.Options{Title: title, Lang: pick(c.String("lang"), fm.Lang), Generator: "docgen " + version}); err != nil {
			return fail(exitInput, fmt.Sprintf("%s: %v", in, err))
		}
	default:
		return fail(exitInput, msg.Format("cli.render.bad_output", out))
	}
	if err := emit(c.App.Writer, out, b.Bytes()); err != nil {
		return fail(exitInput, err.Error())
	}
	return nil
}

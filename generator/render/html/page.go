package html

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/templates"
)

// pageData is what templates/html/page.html.tmpl receives.
type pageData struct {
	// Title is the text of <title>: the heading, after the draft notice
	// when the document is a draft.
	Lang, Title, Heading, Generator string
	// DraftNotice is shown as a banner above the header, "" when the
	// document is not a draft.
	DraftNotice    string
	Control        []docmodel.Field
	ControlCaption string
	TOC            []tocItem
	TOCTitle       string
	TOCID          string
	// Body is the document's HTML, written by writer: every text in it is
	// escaped, so it is safe to insert as is.
	Body template.HTML
	CSS  template.CSS
	// PageCSS is the page-dependent part of the print stylesheet: the title
	// in the footer of every printed page, and the draft notice in its
	// header.
	PageCSS template.CSS
}

// page is the parsed page template and the stylesheet it embeds.
type page struct {
	tmpl *template.Template
	css  template.CSS
}

var loadPage = sync.OnceValues(func() (*page, error) {
	css, err := templates.FS.ReadFile("html/style.css")
	if err != nil {
		return nil, err
	}
	t, err := template.ParseFS(templates.FS, "html/page.html.tmpl")
	if err != nil {
		return nil, err
	}
	return &page{tmpl: t, css: template.CSS(css)}, nil
})

func writePage(w io.Writer, d *pageData) error {
	p, err := loadPage()
	if err != nil {
		return err
	}
	d.CSS = p.css
	pageCSS := "@page { @bottom-left { content: " + cssString(d.Heading) + "; } }"
	if d.DraftNotice != "" {
		pageCSS += "\n@page { @top-center { content: " + cssString(d.DraftNotice) + "; } }"
	}
	d.PageCSS = template.CSS(pageCSS)
	return p.tmpl.ExecuteTemplate(w, "page.html.tmpl", d)
}

// cssString quotes s as a CSS string that is also safe inside a <style>
// element: quotes, backslashes, markup characters and control characters
// become hexadecimal escapes.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f || strings.ContainsRune(`"'\<>&`, r):
			fmt.Fprintf(&b, "\\%06x", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

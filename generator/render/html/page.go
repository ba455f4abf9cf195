package html

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/docgen/docgen/templates"
)

// pageData is what templates/html/page.html.tmpl receives.
type pageData struct {
	Lang, Title, TitleID, Generator string
	Meta                            []MetaItem
	MetaCaption                     string
	TOC                             []tocItem
	TOCTitle, TOCID                 string
	// Body is goldmark's HTML for the document: text escaped, raw HTML
	// omitted, so it is safe to insert as is.
	Body template.HTML
	CSS  template.CSS
	// PageCSS is the page-dependent part of the print stylesheet: the title
	// in the footer of every printed page.
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
	d.PageCSS = template.CSS("@page { @bottom-left { content: " + cssString(d.Title) + "; } }")
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

package pdf_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render"
	_ "github.com/docgen/docgen/generator/render/pdf" // registers "pdf"
)

func Example() {
	d := &docmodel.Document{Meta: docmodel.Meta{
		Name: "ifu-security", Title: "Device X – Instructions for use", Author: "Example Manufacturer GmbH",
		ID: "EX-IFU-1", Revision: "B", Date: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Language: "en",
		Control: []docmodel.Field{{Name: "Document", Value: "EX-IFU-1"}, {Name: "Revision", Value: "B"}},
	}}
	d.Body = []docmodel.Block{&docmodel.Section{Level: 2, Anchor: "ifu-updates", Title: docmodel.Plain("Security updates"),
		Blocks: []docmodel.Block{
			&docmodel.Admonition{Kind: docmodel.Warning, Blocks: []docmodel.Block{
				&docmodel.Paragraph{Content: docmodel.Plain("Install every update.")}}},
			&docmodel.Paragraph{Content: []docmodel.Inline{
				&docmodel.Text{Text: "Administrators: see "},
				&docmodel.XRef{Document: "admin-guide", Anchor: "adm-updates", Content: docmodel.Plain("updates")},
				&docmodel.Text{Text: "."},
			}},
			&docmodel.Figure{Src: "logo.png", Alt: "Logo"},
		}}}
	r, _ := render.Lookup("pdf")
	var buf bytes.Buffer
	warnings, err := r.Render(&buf, d, render.Options{TitlePage: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(buf.Bytes(), []byte("%PDF-1.7")), r.Extension())
	for _, w := range warnings {
		fmt.Println(w)
	}
	// Output:
	// true .pdf
	// image "logo.png" is not available; its description is shown instead
}

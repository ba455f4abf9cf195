package docx

import (
	"fmt"
	"io"
	"testing"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render"
)

// largeDoc is a document of n sections, each with a paragraph that links
// to the previous section, a list, a footnote and a table of 10 rows.
func largeDoc(n int) *docmodel.Document {
	d := &docmodel.Document{Meta: docmodel.Meta{Title: "Large", ID: "L-1", Revision: "A"}}
	for i := range n {
		anchor := fmt.Sprintf("sec-%d", i)
		prev := fmt.Sprintf("sec-%d", max(i-1, 0))
		tbl := &docmodel.Table{Columns: []docmodel.Column{{Header: txt("Port"), Kind: docmodel.PortColumn}, {Header: txt("Purpose")}, {Header: txt("Component"), Kind: docmodel.CodeColumn}}}
		for r := range 10 {
			tbl.Rows = append(tbl.Rows, cells(fmt.Sprint(1000+r), "Traffic of component number "+fmt.Sprint(r), "pkg:generic/c@1.0."+fmt.Sprint(r)))
		}
		d.Footnotes = append(d.Footnotes, &docmodel.Footnote{Blocks: []docmodel.Block{mpara(&docmodel.Text{Text: "Note."})}})
		d.Body = append(d.Body, &docmodel.Section{Level: 2, Anchor: anchor, Title: txt("Section " + fmt.Sprint(i)), Blocks: []docmodel.Block{
			mpara(&docmodel.Text{Text: "See "}, &docmodel.XRef{Anchor: prev, Content: txt("the previous section")}, &docmodel.FootnoteRef{Index: i + 1}),
			&docmodel.List{Items: []*docmodel.ListItem{{Blocks: []docmodel.Block{mpara(&docmodel.Text{Text: "one"})}}, {Blocks: []docmodel.Block{mpara(&docmodel.Text{Text: "two"})}}}},
			tbl,
		}})
	}
	return d
}

// BenchmarkRender renders documents of 10, 100 and 1000 sections (1x, 10x
// and 100x a generated guide).
func BenchmarkRender(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		d := largeDoc(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := (renderer{}).Render(io.Discard, d, render.Options{TitlePage: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

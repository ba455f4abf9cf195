package html

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render/markdown"
)

// This file keeps the functions that package render/pdf calls while it
// still lays out Markdown rather than the document model. They are the only
// reason this package imports package render/markdown and goldmark's
// syntax-tree types; delete the file when the PDF renderer no longer calls
// them.

// Heading is a heading of a Markdown document.
//
// Deprecated: sections of the document model ([docmodel.Section]) carry
// their level, title and anchor.
type Heading struct {
	// Level is 1 for #, 2 for ## and so on.
	Level int
	// Text is the heading's plain text, without markup or anchor.
	Text string
	// ID is the heading's anchor, the target of #ID links; "" for a heading
	// in a footnote, which has none.
	ID string
}

// Headings returns the headings of a Markdown document in document order:
// every heading goldmark's parser finds, a level-1 title included, with
// the anchor package render/markdown gives it (its <a id> or {#id}, else
// an id derived from its text, unique in the document). It fails only if
// src is not valid UTF-8.
//
// Deprecated: read the document with [markdown.Read] and take its sections
// ([docmodel.Sections]); the anchors are the same, except that a title read
// as Meta.Title takes no part in making anchors unique.
func Headings(src []byte) ([]Heading, error) {
	if !utf8.Valid(src) {
		_, err := markdown.Read(src) // for its error, which names the offset
		return nil, err
	}
	// Behind a paragraph, a level-1 heading that opens src stays a section
	// instead of becoming the title, and a front matter block stays
	// Markdown: the reader then sees every heading that goldmark sees.
	d, err := markdown.Read(append([]byte("x\n\n"), src...))
	if err != nil {
		return nil, err
	}
	var out []Heading
	add := func(b docmodel.Block) bool {
		if s, ok := b.(*docmodel.Section); ok {
			out = append(out, Heading{Level: s.Level, Text: docmodel.PlainText(s.Title), ID: s.Anchor})
		}
		return true
	}
	docmodel.Walk(d.Body, add)
	for _, fn := range d.Footnotes {
		n := len(out)
		docmodel.Walk(fn.Blocks, add)
		for i := n; i < len(out); i++ {
			out[i].ID = "" // docmodel.AssignAnchors gives footnote sections none
		}
	}
	return out, nil
}

// LeadingTitle returns the level-1 heading that opens doc, if any; raw HTML
// blocks before it (such as a "generated file" comment) do not count.
//
// Deprecated: [markdown.Read] takes that heading as the document's title
// (Meta.Title) and leaves it out of the body.
func LeadingTitle(doc ast.Node) *ast.Heading {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.HTMLBlock:
			continue
		case *ast.Heading:
			if n.Level == 1 {
				return n
			}
		}
		return nil
	}
	return nil
}

package docmodel

import (
	"strings"
)

// Plain returns s as inline content: one Text, or nothing when s is empty.
func Plain(s string) []Inline {
	if s == "" {
		return nil
	}
	return []Inline{&Text{Text: s}}
}

// PlainText returns the text of inline content as a reader sees it, without
// markup: link texts, code spans and image alternative texts included, raw
// HTML left out, hard line breaks as spaces.
func PlainText(content []Inline) string {
	var b strings.Builder
	writePlain(&b, content)
	return b.String()
}

func writePlain(b *strings.Builder, content []Inline) {
	for _, in := range content {
		switch in := in.(type) {
		case *Text:
			b.WriteString(in.Text)
		case *Code:
			b.WriteString(in.Text)
		case *Strong:
			writePlain(b, in.Content)
		case *Emphasis:
			writePlain(b, in.Content)
		case *Strikethrough:
			writePlain(b, in.Content)
		case *Link:
			if len(in.Content) == 0 {
				b.WriteString(strings.TrimPrefix(in.URL, "mailto:"))
			} else {
				writePlain(b, in.Content)
			}
		case *XRef:
			writePlain(b, in.Content)
		case *Image:
			b.WriteString(in.Alt)
		case *LineBreak:
			b.WriteByte(' ')
		}
	}
}

// BlocksText returns the plain text of blocks, one line per paragraph,
// list item, table row or heading, for searching and comparing.
func BlocksText(blocks []Block) string {
	var lines []string
	Walk(blocks, func(b Block) bool {
		switch b := b.(type) {
		case *Section:
			lines = append(lines, PlainText(b.Title))
		case *Paragraph:
			lines = append(lines, PlainText(b.Content))
		case *Table:
			var h []string
			for _, c := range b.Columns {
				h = append(h, PlainText(c.Header))
			}
			lines = append(lines, strings.Join(h, " | "))
			for _, r := range b.Rows {
				cells := make([]string, len(r.Cells))
				for i, c := range r.Cells {
					cells[i] = PlainText(c.Content)
				}
				lines = append(lines, strings.Join(cells, " | "))
			}
		case *Figure:
			lines = append(lines, b.Alt)
			if len(b.Caption) > 0 {
				lines = append(lines, PlainText(b.Caption))
			}
		case *CodeBlock:
			lines = append(lines, b.Text)
		case *DefinitionList:
			for _, it := range b.Items {
				lines = append(lines, PlainText(it.Term))
			}
		}
		return true
	})
	return strings.Join(lines, "\n")
}

// Walk calls fn for each block of blocks and, depth first, for the blocks
// inside it (section content, list items, admonitions, quotes, definition
// descriptions), in document order. When fn returns false, the blocks
// inside that block are skipped.
func Walk(blocks []Block, fn func(Block) bool) {
	for _, b := range blocks {
		if !fn(b) {
			continue
		}
		for _, inner := range Children(b) {
			Walk(inner, fn)
		}
	}
}

// Children returns the block lists directly inside b.
func Children(b Block) [][]Block {
	switch b := b.(type) {
	case *Section:
		return [][]Block{b.Blocks}
	case *List:
		out := make([][]Block, len(b.Items))
		for i, it := range b.Items {
			out[i] = it.Blocks
		}
		return out
	case *Admonition:
		return [][]Block{b.Blocks}
	case *Quote:
		return [][]Block{b.Blocks}
	case *DefinitionList:
		var out [][]Block
		for _, it := range b.Items {
			out = append(out, it.Descriptions...)
		}
		return out
	}
	return nil
}

// Sections returns every section of d in document order, nested ones
// included.
func Sections(d *Document) []*Section {
	var out []*Section
	Walk(d.Body, func(b Block) bool {
		if s, ok := b.(*Section); ok {
			out = append(out, s)
		}
		return true
	})
	return out
}

// FindSection returns the section of d with the given anchor, or nil.
func FindSection(d *Document, anchor string) *Section {
	for _, s := range Sections(d) {
		if s.Anchor == anchor {
			return s
		}
	}
	return nil
}

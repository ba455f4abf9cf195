// Package redline shows what changed between two revisions of a generated
// document, as one self-contained HTML page: the new text with deleted
// paragraphs, list items, table rows and headings struck through and
// inserted ones marked, so that a reviewer sees each change in its context.
//
// The comparison works on the document model (package docmodel), block by
// block, not character by character: a document is read as a sequence of
// units (the title and each document-control row, each heading, paragraph,
// list item, table row, code block and figure), units are compared by their
// kind, their place (heading level, table) and their plain text, and a
// shortest edit script (Myers' algorithm) turns the old sequence into the
// new one. A changed paragraph therefore shows as the old paragraph deleted
// and the new one inserted; a changed table row as the old row and the new
// row, in the table. Long runs of unchanged units are folded (HTML details
// elements, no script), and an index at the top links to every change.
//
//	page, err := redline.HTML(oldDoc, newDoc, redline.Options{})
package redline

import (
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/docmodel"
)

// Unit kinds.
const (
	titleUnit   = "title"
	controlUnit = "control"
	headingUnit = "heading"
	paraUnit    = "para"
	itemUnit    = "item"
	rowUnit     = "row"
	codeUnit    = "code"
	figureUnit  = "figure"
	noteUnit    = "note"
	termUnit    = "term"
)

// unit is one comparable piece of a document.
type unit struct {
	kind string
	// level is the heading level, or the nesting depth of a list item.
	level int
	// text is the plain text, for a row its cells joined.
	text string
	// cells and header are a table row's cells and its table's header.
	cells, header []string
	// table names the table a row is in: its id and header.
	table string
}

// key is what two units must share to be the same.
func (u unit) key() string {
	return u.kind + "\x00" + strconv.Itoa(u.level) + "\x00" + u.table + "\x00" + u.text
}

// Units reads d as a sequence of units, in reading order.
func units(d *docmodel.Document) []unit {
	var out []unit
	if d.Meta.Title != "" {
		out = append(out, unit{kind: titleUnit, text: d.Meta.Title})
	}
	for _, f := range d.Meta.Control {
		cells := []string{f.Name, f.Value}
		out = append(out, unit{kind: controlUnit, text: strings.Join(cells, " | "), cells: cells})
	}
	var walk func(blocks []docmodel.Block, depth int)
	walk = func(blocks []docmodel.Block, depth int) {
		for _, b := range blocks {
			switch b := b.(type) {
			case *docmodel.Section:
				out = append(out, unit{kind: headingUnit, level: b.Level, text: docmodel.PlainText(b.Title)})
				walk(b.Blocks, depth)
			case *docmodel.Paragraph:
				kind := paraUnit
				if depth > 0 {
					kind = itemUnit
				}
				out = append(out, unit{kind: kind, level: depth, text: docmodel.PlainText(b.Content)})
			case *docmodel.List:
				for _, it := range b.Items {
					walk(it.Blocks, depth+1)
				}
			case *docmodel.Table:
				header := make([]string, len(b.Columns))
				for i, c := range b.Columns {
					header[i] = docmodel.PlainText(c.Header)
				}
				table := b.ID + "\x00" + strings.Join(header, "\x00")
				for _, r := range b.Rows {
					cells := make([]string, len(r.Cells))
					for i, c := range r.Cells {
						cells[i] = docmodel.PlainText(c.Content)
					}
					out = append(out, unit{kind: rowUnit, text: strings.Join(cells, " | "), cells: cells, header: header, table: table})
				}
			case *docmodel.Figure:
				text := b.Alt
				if c := docmodel.PlainText(b.Caption); c != "" {
					text += " – " + c
				}
				out = append(out, unit{kind: figureUnit, text: text})
			case *docmodel.Admonition:
				title := docmodel.PlainText(b.Title)
				if title == "" {
					title = string(b.Kind)
				}
				out = append(out, unit{kind: noteUnit, level: depth, text: title})
				walk(b.Blocks, depth)
			case *docmodel.Quote:
				walk(b.Blocks, depth)
			case *docmodel.CodeBlock:
				out = append(out, unit{kind: codeUnit, text: b.Text})
			case *docmodel.HTMLBlock:
				out = append(out, unit{kind: codeUnit, text: b.Text})
			case *docmodel.DefinitionList:
				for _, it := range b.Items {
					out = append(out, unit{kind: termUnit, level: depth, text: docmodel.PlainText(it.Term)})
					for _, desc := range it.Descriptions {
						walk(desc, depth+1)
					}
				}
			}
		}
	}
	walk(d.Body, 0)
	for _, fn := range d.Footnotes {
		walk(fn.Blocks, 0)
	}
	return out
}

// Change is one run of changed units: where it is, and how many units it
// deletes and inserts.
type Change struct {
	// Section is the heading of the section the change is in.
	Section           string
	Deleted, Inserted int
}

// Compare compares two documents unit by unit and returns the units of both
// and the edit script.
func compare(old, cur *docmodel.Document) (a, b []unit, ops []Op) {
	a, b = units(old), units(cur)
	ids := map[string]int{}
	intern := func(us []unit) []int {
		out := make([]int, len(us))
		for i, u := range us {
			k := u.key()
			id, ok := ids[k]
			if !ok {
				id = len(ids)
				ids[k] = id
			}
			out[i] = id
		}
		return out
	}
	return a, b, Script(intern(a), intern(b))
}

// Changes lists the runs of changes between two documents, in document
// order.
func Changes(old, cur *docmodel.Document) []Change {
	a, b, ops := compare(old, cur)
	return runs(a, b, ops)
}

// runs groups the changed ops into runs, each with the section it is in.
func runs(a, b []unit, ops []Op) []Change {
	var out []Change
	section := ""
	in := false
	for _, op := range ops {
		u := unitOf(a, b, op)
		if u.kind == headingUnit && op.Kind != Delete {
			section = u.text
		}
		if op.Kind == Equal {
			in = false
			continue
		}
		if !in {
			s := section
			if u.kind == headingUnit {
				s = u.text
			}
			out = append(out, Change{Section: s})
			in = true
		}
		if op.Kind == Delete {
			out[len(out)-1].Deleted++
		} else {
			out[len(out)-1].Inserted++
		}
	}
	return out
}

// unitOf returns the unit an op is about: the new one, or the old one for a
// deletion.
func unitOf(a, b []unit, op Op) unit {
	if op.Kind == Delete {
		return a[op.A]
	}
	return b[op.B]
}

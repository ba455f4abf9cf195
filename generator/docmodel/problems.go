package docmodel

import (
	"fmt"
	"regexp"
	"strings"
)

// Problem is a structural defect of a generated document.
type Problem struct {
	// Where names the section (by anchor) the problem is in.
	Where string
	// What describes the defect.
	What string
	// Source is the provenance of the block at fault.
	Source Provenance
}

// String formats the problem as "anchor: what".
func (p Problem) String() string {
	if p.Where == "" {
		return p.What
	}
	return p.Where + ": " + p.What
}

var (
	emptyParensRE = regexp.MustCompile(`\(\s*\)`)
	doubleStopRE  = regexp.MustCompile(`[^.]\.\.(?:[^.]|$)`)
)

// Problems lists the structural defects of d that no generated document may
// have, in document order:
//
//   - a section without content, or an empty paragraph, list, list item or
//     table;
//   - a lead-in (a paragraph ending in a colon) with nothing after it in its
//     section;
//   - a list item that is only a bold label ending in a colon, its value
//     missing;
//   - empty parentheses "()" or a doubled full stop "..", the traces of a
//     value missing from a sentence.
//
// Hand-written Markdown may have such things; generated documents must not.
func Problems(d *Document) []Problem {
	var out []Problem
	add := func(where, what string, src Provenance) {
		out = append(out, Problem{Where: where, What: what, Source: src})
	}
	var visit func(blocks []Block, where string)
	visit = func(blocks []Block, where string) {
		for i, b := range blocks {
			src := *b.Provenance()
			switch b := b.(type) {
			case *Section:
				if len(b.Blocks) == 0 {
					add(b.Anchor, "heading without content", src)
				}
				if PlainText(b.Title) == "" {
					add(b.Anchor, "heading without text", src)
				}
				visit(b.Blocks, b.Anchor)
				continue
			case *Paragraph:
				text := strings.TrimSpace(PlainText(b.Content))
				switch {
				case text == "":
					add(where, "empty paragraph", src)
				case strings.HasSuffix(text, ":") && leadsNowhere(blocks, i):
					add(where, fmt.Sprintf("lead-in %q with nothing after it", text), src)
				}
				out = append(out, textProblems(where, text, src)...)
			case *List:
				if len(b.Items) == 0 {
					add(where, "empty list", src)
				}
				for _, it := range b.Items {
					if len(it.Blocks) == 0 {
						add(where, "empty list item", it.Source)
					}
					if len(it.Blocks) == 1 {
						if p, ok := it.Blocks[0].(*Paragraph); ok && labelOnly(p.Content) {
							add(where, fmt.Sprintf("label %q without its value", PlainText(p.Content)), it.Source)
						}
					}
				}
			case *Table:
				if len(b.Rows) == 0 {
					add(where, "table without rows", src)
				}
				for _, r := range b.Rows {
					for _, c := range r.Cells {
						out = append(out, textProblems(where, PlainText(c.Content), c.Source)...)
					}
				}
			}
			for _, inner := range Children(b) {
				visit(inner, where)
			}
		}
	}
	visit(d.Body, "")
	return out
}

// leadsNowhere reports whether the block after blocks[i] is missing or a
// section heading, so that a lead-in at i introduces nothing.
func leadsNowhere(blocks []Block, i int) bool {
	if i+1 >= len(blocks) {
		return true
	}
	_, isSection := blocks[i+1].(*Section)
	return isSection
}

// labelOnly reports whether content is only a bold label ending in a colon
// (or a full stop), such as "**Contact:**".
func labelOnly(content []Inline) bool {
	var rest []Inline
	for _, in := range content {
		if t, ok := in.(*Text); ok && strings.TrimSpace(t.Text) == "" {
			continue
		}
		rest = append(rest, in)
	}
	if len(rest) != 1 {
		return false
	}
	s, ok := rest[0].(*Strong)
	if !ok {
		return false
	}
	t := strings.TrimSpace(PlainText(s.Content))
	return strings.HasSuffix(t, ":")
}

func textProblems(where, text string, src Provenance) []Problem {
	var out []Problem
	if emptyParensRE.MatchString(text) {
		out = append(out, Problem{Where: where, What: fmt.Sprintf("empty parentheses in %q", text), Source: src})
	}
	if doubleStopRE.MatchString(text) {
		out = append(out, Problem{Where: where, What: fmt.Sprintf("doubled full stop in %q", text), Source: src})
	}
	return out
}

package docmodel

import (
	"fmt"
	"strings"
)

// Dump returns a readable outline of d: one line per block, indented by
// nesting, with inline markup shown compactly and provenance in brackets.
// Golden tests compare dumps, so a change to a document reads as a change
// to its structure.
func Dump(d *Document) string {
	var b strings.Builder
	m := d.Meta
	fmt.Fprintf(&b, "document %q", m.Title)
	if m.Name != "" {
		fmt.Fprintf(&b, " name=%s", m.Name)
	}
	if m.Language != "" {
		fmt.Fprintf(&b, " lang=%s", m.Language)
	}
	if m.Audience != "" {
		fmt.Fprintf(&b, " audience=%s", m.Audience)
	}
	if m.Draft {
		b.WriteString(" draft")
	}
	b.WriteByte('\n')
	for _, f := range m.Control {
		fmt.Fprintf(&b, "  control %s: %s\n", f.Name, f.Value)
	}
	dumpBlocks(&b, d.Body, 1)
	for i, fn := range d.Footnotes {
		fmt.Fprintf(&b, "  footnote %d%s\n", i+1, prov(fn.Source))
		dumpBlocks(&b, fn.Blocks, 2)
	}
	return b.String()
}

func dumpBlocks(b *strings.Builder, blocks []Block, depth int) {
	ind := strings.Repeat("  ", depth)
	for _, bl := range blocks {
		p := prov(*bl.Provenance())
		switch x := bl.(type) {
		case *Section:
			fmt.Fprintf(b, "%ssection h%d #%s %s%s\n", ind, x.Level, x.Anchor, DumpInlines(x.Title), p)
			dumpBlocks(b, x.Blocks, depth+1)
		case *Paragraph:
			fmt.Fprintf(b, "%sp %s%s\n", ind, DumpInlines(x.Content), p)
		case *List:
			kind := "ul"
			if x.Ordered {
				kind = fmt.Sprintf("ol start=%d", x.Start)
			}
			if x.Loose {
				kind += " loose"
			}
			fmt.Fprintf(b, "%s%s%s\n", ind, kind, p)
			for _, it := range x.Items {
				task := ""
				switch it.Task {
				case TaskOpen:
					task = " [ ]"
				case TaskDone:
					task = " [x]"
				}
				fmt.Fprintf(b, "%s  li%s%s\n", ind, task, prov(it.Source))
				dumpBlocks(b, it.Blocks, depth+2)
			}
		case *Table:
			cols := make([]string, len(x.Columns))
			for i, c := range x.Columns {
				cols[i] = DumpInlines(c.Header)
				if c.Kind != TextColumn {
					cols[i] += ":" + [...]string{"text", "code", "date", "port", "number"}[c.Kind]
				}
			}
			fmt.Fprintf(b, "%stable %s (%s)%s\n", ind, x.ID, strings.Join(cols, " | "), p)
			for _, r := range x.Rows {
				cells := make([]string, len(r.Cells))
				for i, c := range r.Cells {
					cells[i] = DumpInlines(c.Content)
				}
				fmt.Fprintf(b, "%s  row %s%s\n", ind, strings.Join(cells, " | "), prov(r.Source))
			}
		case *Figure:
			kind := "image"
			if x.Diagram != nil {
				kind = "diagram"
			}
			fmt.Fprintf(b, "%sfigure %s %s alt=%q caption=%s%s\n", ind, kind, x.Src, x.Alt, DumpInlines(x.Caption), p)
			if x.Description != "" {
				fmt.Fprintf(b, "%s  description %q\n", ind, x.Description)
			}
		case *Admonition:
			fmt.Fprintf(b, "%s%s %s%s\n", ind, x.Kind, DumpInlines(x.Title), p)
			dumpBlocks(b, x.Blocks, depth+1)
		case *Quote:
			fmt.Fprintf(b, "%squote%s\n", ind, p)
			dumpBlocks(b, x.Blocks, depth+1)
		case *CodeBlock:
			fmt.Fprintf(b, "%scode %s %q%s\n", ind, x.Language, x.Text, p)
		case *ThematicBreak:
			fmt.Fprintf(b, "%shr%s\n", ind, p)
		case *HTMLBlock:
			fmt.Fprintf(b, "%shtml %q%s\n", ind, x.Text, p)
		case *DefinitionList:
			fmt.Fprintf(b, "%sdl%s\n", ind, p)
			for _, it := range x.Items {
				fmt.Fprintf(b, "%s  dt %s\n", ind, DumpInlines(it.Term))
				for _, d := range it.Descriptions {
					fmt.Fprintf(b, "%s  dd\n", ind)
					dumpBlocks(b, d, depth+2)
				}
			}
		}
	}
}

// prov formats a provenance for Dump, or "" when it is empty.
func prov(p Provenance) string {
	var parts []string
	if p.Text != "" {
		parts = append(parts, "text="+p.Text)
	}
	if len(p.Paths) > 0 {
		parts = append(parts, "from="+strings.Join(p.Paths, ","))
	}
	if len(p.Absent) > 0 {
		parts = append(parts, "absent="+strings.Join(p.Absent, ","))
	}
	if p.Line > 0 {
		parts = append(parts, fmt.Sprintf("line=%d", p.Line))
	}
	if len(parts) == 0 {
		return ""
	}
	return "  [" + strings.Join(parts, " ") + "]"
}

// DumpInlines shows inline content compactly: **strong**, *emphasis*,
// ~~struck~~, `code`, [text](url), [text](->doc#anchor), ![alt](src), a
// hard break as ⏎ and a footnote reference as [^n].
func DumpInlines(content []Inline) string {
	var b strings.Builder
	for _, in := range content {
		switch x := in.(type) {
		case *Text:
			b.WriteString(strings.ReplaceAll(x.Text, "\n", `\n`))
		case *Strong:
			b.WriteString("**" + DumpInlines(x.Content) + "**")
		case *Emphasis:
			b.WriteString("*" + DumpInlines(x.Content) + "*")
		case *Strikethrough:
			b.WriteString("~~" + DumpInlines(x.Content) + "~~")
		case *Code:
			b.WriteString("`" + x.Text + "`")
		case *Link:
			b.WriteString("[" + DumpInlines(x.Content) + "](" + x.URL + ")")
		case *XRef:
			b.WriteString("[" + DumpInlines(x.Content) + "](->" + x.Document + "#" + x.Anchor + ")")
		case *Image:
			b.WriteString("![" + x.Alt + "](" + x.Src + ")")
		case *LineBreak:
			b.WriteString("⏎")
		case *RawHTML:
			b.WriteString("<raw " + strings.ReplaceAll(x.Text, "\n", `\n`) + ">")
		case *FootnoteRef:
			fmt.Fprintf(&b, "[^%d]", x.Index)
		}
	}
	return b.String()
}

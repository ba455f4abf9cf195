package redline

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
)

// DefaultContext is how many unchanged blocks are shown before and after
// each change; the others are folded.
const DefaultContext = 2

// Options adjust the redline page.
type Options struct {
	// OldLabel and NewLabel name the two revisions, such as "revision D"
	// or "v5.1:device.yaml".
	OldLabel, NewLabel string
	// Context is how many unchanged blocks are shown around each change
	// (DefaultContext when 0; negative shows everything).
	Context int
}

// block is a piece of the page: one unit, or the consecutive rows of one
// table, the consecutive items of a list, the document-control rows.
type block struct {
	ops     []Op
	changed bool
	heading bool
}

// HTML returns the redline of two revisions of a document as a
// self-contained HTML page (styles inline, no scripts, no external
// resources; every text escaped).
func HTML(old, cur *docmodel.Document, opts Options) []byte {
	a, b, ops := compare(old, cur)
	context := opts.Context
	if context == 0 {
		context = DefaultContext
	}
	if opts.OldLabel == "" {
		opts.OldLabel = msg.Get("redline.old")
	}
	if opts.NewLabel == "" {
		opts.NewLabel = msg.Get("redline.new")
	}
	blocks := group(a, b, ops)
	changes := runs(a, b, ops)

	var w bytes.Buffer
	lang := cur.Meta.Language
	if lang == "" {
		lang = msg.DefaultLanguage
	}
	title := msg.Format("redline.title", cur.Meta.Title)
	fmt.Fprintf(&w, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", esc(lang))
	w.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&w, "<meta name=\"generator\" content=\"docgen\">\n<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n", esc(title), style)
	fmt.Fprintf(&w, "<header>\n<h1>%s</h1>\n", esc(title))
	fmt.Fprintf(&w, "<p>%s</p>\n", esc(msg.Format("redline.compared", opts.OldLabel, opts.NewLabel)))
	if len(changes) == 0 {
		fmt.Fprintf(&w, "<p>%s</p>\n", esc(msg.Get("redline.no_changes")))
	} else {
		del, ins := 0, 0
		for _, c := range changes {
			del, ins = del+c.Deleted, ins+c.Inserted
		}
		fmt.Fprintf(&w, "<p>%s</p>\n", esc(msg.Format("redline.summary", len(changes), del, ins)))
		fmt.Fprintf(&w, "<p class=\"legend\">%s <del>%s</del> <ins>%s</ins></p>\n", esc(msg.Get("redline.legend")), esc(msg.Get("redline.deleted")), esc(msg.Get("redline.inserted")))
		fmt.Fprintf(&w, "<nav aria-label=\"%s\">\n<ol>\n", esc(msg.Get("redline.index")))
		for i, c := range changes {
			fmt.Fprintf(&w, "<li><a href=\"#change-%d\">%s</a></li>\n", i+1, esc(msg.Format("redline.index_entry", orDocument(c.Section), c.Deleted, c.Inserted)))
		}
		w.WriteString("</ol>\n</nav>\n")
	}
	w.WriteString("</header>\n<main>\n")

	visible := make([]bool, len(blocks))
	for i, bl := range blocks {
		if !bl.changed {
			continue
		}
		for k := max(0, i-context); k <= min(len(blocks)-1, i+context); k++ {
			visible[k] = true
		}
	}
	r := &renderer{a: a, b: b, w: &w}
	for i := 0; i < len(blocks); {
		if visible[i] || blocks[i].heading || context < 0 {
			r.block(blocks[i])
			i++
			continue
		}
		j := i
		for j < len(blocks) && !visible[j] && !blocks[j].heading {
			j++
		}
		fmt.Fprintf(&w, "<details class=\"same\">\n<summary>%s</summary>\n", esc(msg.Format("redline.folded", j-i)))
		for ; i < j; i++ {
			r.block(blocks[i])
		}
		w.WriteString("</details>\n")
	}
	w.WriteString("</main>\n</body>\n</html>\n")
	return w.Bytes()
}

// orDocument names the start of the document when a change is before the
// first heading.
func orDocument(section string) string {
	if section == "" {
		return msg.Get("redline.start")
	}
	return section
}

// group gathers the ops into blocks: the rows of one table, the items of a
// list and the document-control rows each make one block.
func group(a, b []unit, ops []Op) []block {
	var out []block
	for i := 0; i < len(ops); {
		u := unitOf(a, b, ops[i])
		j := i + 1
		switch u.kind {
		case rowUnit, itemUnit, controlUnit:
			for j < len(ops) {
				v := unitOf(a, b, ops[j])
				if v.kind != u.kind || v.table != u.table {
					break
				}
				j++
			}
		}
		bl := block{ops: ops[i:j], heading: u.kind == headingUnit}
		for _, op := range bl.ops {
			bl.changed = bl.changed || op.Kind != Equal
		}
		out = append(out, bl)
		i = j
	}
	return out
}

// renderer writes blocks.
type renderer struct {
	a, b []unit
	w    *bytes.Buffer
	// changes counts the runs of changes written so far; prev is the kind
	// of the op before, to find where a run starts.
	changes int
	prev    OpKind
}

// mark returns the class and id attributes of an op's element, and the
// tags that wrap its text.
func (r *renderer) mark(op Op) (attrs, open, close string) {
	if op.Kind == Equal {
		r.prev = Equal
		return "", "", ""
	}
	class, tag := "del", "del"
	if op.Kind == Insert {
		class, tag = "ins", "ins"
	}
	attrs = fmt.Sprintf(" class=\"%s\"", class)
	if r.prev == Equal {
		r.changes++
		attrs += fmt.Sprintf(" id=\"change-%d\"", r.changes)
	}
	r.prev = op.Kind
	return attrs, "<" + tag + ">", "</" + tag + ">"
}

func (r *renderer) block(bl block) {
	w := r.w
	first := unitOf(r.a, r.b, bl.ops[0])
	switch first.kind {
	case controlUnit:
		fmt.Fprintf(w, "<table class=\"control\">\n<caption>%s</caption>\n<tbody>\n", esc(msg.Get("render.control_caption")))
		for _, op := range bl.ops {
			u := unitOf(r.a, r.b, op)
			attrs, open, close := r.mark(op)
			fmt.Fprintf(w, "<tr%s><th>%s%s%s</th><td>%s%s%s</td></tr>\n", attrs, open, esc(u.cells[0]), close, open, esc(u.cells[1]), close)
		}
		w.WriteString("</tbody>\n</table>\n")
	case rowUnit:
		w.WriteString("<table>\n<thead>\n<tr>")
		for _, h := range first.header {
			fmt.Fprintf(w, "<th>%s</th>", esc(h))
		}
		w.WriteString("</tr>\n</thead>\n<tbody>\n")
		for _, op := range bl.ops {
			u := unitOf(r.a, r.b, op)
			attrs, open, close := r.mark(op)
			fmt.Fprintf(w, "<tr%s>", attrs)
			for _, c := range u.cells {
				if c == "" {
					c = docmodel.EmptyCell
				}
				fmt.Fprintf(w, "<td>%s%s%s</td>", open, esc(c), close)
			}
			w.WriteString("</tr>\n")
		}
		w.WriteString("</tbody>\n</table>\n")
	case itemUnit:
		w.WriteString("<ul>\n")
		for _, op := range bl.ops {
			u := unitOf(r.a, r.b, op)
			attrs, open, close := r.mark(op)
			fmt.Fprintf(w, "<li%s style=\"margin-left:%.1fem\">%s%s%s</li>\n", attrs, 1.5*float64(u.level-1), open, esc(u.text), close)
		}
		w.WriteString("</ul>\n")
	default:
		op := bl.ops[0]
		attrs, open, close := r.mark(op)
		text := open + esc(first.text) + close
		switch first.kind {
		case titleUnit:
			fmt.Fprintf(w, "<p class=\"doctitle\"><span%s>%s</span></p>\n", attrs, text)
		case headingUnit:
			n := min(first.level+1, 6)
			fmt.Fprintf(w, "<h%d%s>%s</h%d>\n", n, attrs, text, n)
		case codeUnit:
			fmt.Fprintf(w, "<pre%s>%s</pre>\n", attrs, text)
		case figureUnit:
			fmt.Fprintf(w, "<p class=\"figure\"><span%s>%s</span></p>\n", attrs, open+esc(msg.Format("redline.figure", first.text))+close)
		case noteUnit, termUnit:
			fmt.Fprintf(w, "<p class=\"%s\"><strong%s>%s</strong></p>\n", first.kind, attrs, text)
		default:
			fmt.Fprintf(w, "<p%s>%s</p>\n", attrs, text)
		}
	}
}

// esc escapes text for HTML, keeping line breaks of code.
func esc(s string) string { return html.EscapeString(s) }

// style is the page's stylesheet: deletions struck through on red,
// insertions underlined on green, with a marker in the margin so that the
// changes also show without colour.
var style = strings.TrimLeft(`
body { font-family: system-ui, sans-serif; line-height: 1.45; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #1a1a1a; }
header { border-bottom: 1px solid #999; margin-bottom: 1.5em; }
h1 { font-size: 1.5em; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
caption { text-align: left; font-weight: bold; }
pre { white-space: pre-wrap; background: #f4f4f4; padding: 0.5em; }
del { background: #fde2e2; color: #8a1010; text-decoration: line-through; }
ins { background: #dcf5dc; color: #0b5a0b; text-decoration: underline; }
.del, .ins { border-left: 4px solid; padding-left: 0.4em; }
.del { border-color: #c0392b; }
.ins { border-color: #2e8b57; }
tr.del, tr.ins { border-left-width: 6px; }
details.same { color: #555; margin: 0.5em 0; }
details.same > summary { cursor: pointer; font-style: italic; }
.doctitle { font-size: 1.3em; font-weight: bold; }
nav ol { padding-left: 1.5em; }
`, "\n")

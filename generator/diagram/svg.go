package diagram

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteSVG writes d as a standalone SVG 1.1 document. All text from the
// spec is escaped. Every shape carries its colours, widths and dashes as
// presentation attributes (see Style), not CSS, so that converters which
// ignore style sheets (pandoc to DOCX, rsvg, Inkscape exports, e-mail
// clients) draw it as browsers do; an arrow marker per edge colour; no
// external fonts or images.
func (d *Diagram) WriteSVG(w io.Writer) error {
	b := bufio.NewWriter(w)
	p := func(parts ...string) {
		for _, s := range parts {
			b.WriteString(s)
		}
	}
	p(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	p(`<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="`, num(d.Width), `" height="`, num(d.Height),
		`" viewBox="0 0 `, num(d.Width), " ", num(d.Height), `" role="img" aria-labelledby="docgen-net-title docgen-net-desc">`, "\n")
	p(`<title id="docgen-net-title">`, esc(d.Title), "</title>\n")
	p(`<desc id="docgen-net-desc">`, esc(d.Desc), "</desc>\n")
	p("<defs>\n")
	var colors []string
	for _, e := range d.Edges {
		if !contains(colors, e.Color) {
			colors = append(colors, e.Color)
		}
	}
	if !contains(colors, ColorText) {
		colors = append(colors, ColorText) // for the legend
	}
	for i, c := range colors {
		// One marker per colour for the end of a line and one, pointing
		// back, for the start of a two-way line (orient="auto" only, which
		// SVG 1.1 converters know).
		p(`<marker id="docgen-arrow-`, strconv.Itoa(i), `" viewBox="0 0 `, num(ArrowLength), " ", num(ArrowWidth),
			`" refX="`, num(ArrowLength), `" refY="`, num(ArrowWidth/2), `" markerUnits="userSpaceOnUse" markerWidth="`,
			num(ArrowLength), `" markerHeight="`, num(ArrowWidth), `" orient="auto"><path d="M0,0L`, num(ArrowLength), ",",
			num(ArrowWidth/2), "L0,", num(ArrowWidth), `z" fill="`, esc(c), `"/></marker>`, "\n")
		p(`<marker id="docgen-arrow-start-`, strconv.Itoa(i), `" viewBox="0 0 `, num(ArrowLength), " ", num(ArrowWidth),
			`" refX="0" refY="`, num(ArrowWidth/2), `" markerUnits="userSpaceOnUse" markerWidth="`,
			num(ArrowLength), `" markerHeight="`, num(ArrowWidth), `" orient="auto"><path d="M`, num(ArrowLength), ",0L0,",
			num(ArrowWidth/2), "L", num(ArrowLength), ",", num(ArrowWidth), `z" fill="`, esc(c), `"/></marker>`, "\n")
	}
	p("</defs>\n")
	p(`<rect width="100%" height="100%" fill="#ffffff"/>`, "\n")

	p(`<g font-family="DejaVu Sans, Arial, sans-serif" fill="`, ColorText, `">`, "\n")
	p(`<g class="zones">`, "\n")
	for _, z := range d.Zones {
		p(`<g data-id="`, esc(z.ID), `">`)
		rect(p, z.Rect(), z.Style())
		texts(p, z.Text)
		p("</g>\n")
	}
	p("</g>\n")

	p(`<g class="edges">`, "\n")
	for _, e := range d.Edges {
		p(`<path data-id="`, esc(e.ID), `" d="`)
		for i, pt := range e.Points {
			if i == 0 {
				p("M")
			} else {
				p("L")
			}
			p(num(pt.X), ",", num(pt.Y))
		}
		p(`"`)
		strokeAttrs(p, e.Style())
		p(` stroke-linejoin="round"`)
		if e.ArrowAtEnd {
			p(` marker-end="url(#docgen-arrow-`, strconv.Itoa(index(colors, e.Color)), `)"`)
		}
		if e.ArrowAtStart {
			p(` marker-start="url(#docgen-arrow-start-`, strconv.Itoa(index(colors, e.Color)), `)"`)
		}
		p("><title>", esc(strings.Join(e.Names, "; ")), "</title></path>\n")
	}
	p("</g>\n")

	p(`<g class="nodes">`, "\n")
	for _, n := range d.Nodes {
		p(`<g data-id="`, esc(n.ID), `">`)
		rect(p, n.Rect(), n.Style())
		texts(p, n.Text)
		p("</g>\n")
	}
	p("</g>\n")

	p(`<g class="labels">`, "\n")
	for _, e := range d.Edges {
		p(`<g data-id="`, esc(e.ID), `">`)
		texts(p, e.Text)
		p("</g>\n")
	}
	p("</g>\n")

	p(`<g class="legend">`, "\n")
	for _, le := range d.Legend {
		cy := num(le.Y + le.H/2)
		switch le.Symbol {
		case SymbolLine:
			p(`<path d="M`, num(le.X), ",", cy, "L", num(le.X+le.W), ",", cy, `"`)
			strokeAttrs(p, le.Style())
			arrow := strconv.Itoa(index(colors, ColorText))
			if le.Heads > 0 {
				p(` marker-end="url(#docgen-arrow-`, arrow, `)"`)
			}
			if le.Heads > 1 {
				p(` marker-start="url(#docgen-arrow-start-`, arrow, `)"`)
			}
			p("/>")
		case SymbolArrow:
			for _, h := range le.Arrows() {
				p(`<path d="M`, num(h[0].X), ",", num(h[0].Y), "L", num(h[1].X), ",", num(h[1].Y), "L", num(h[2].X), ",", num(h[2].Y),
					`z" fill="`, esc(le.Style().Stroke), `"/>`)
			}
		case SymbolNode:
			rect(p, Rect{le.X, le.Y, le.W, le.H}, le.Style())
		}
		texts(p, []TextLine{le.Text})
		p("\n")
	}
	p("</g>\n</g>\n</svg>\n")
	return b.Flush()
}

// rect writes a box in style st.
func rect(p func(...string), r Rect, st Style) {
	p(`<rect x="`, num(r.X), `" y="`, num(r.Y), `" width="`, num(r.W), `" height="`, num(r.H), `" rx="`, num(st.Radius), `"`)
	strokeAttrs(p, st)
	p("/>")
}

// strokeAttrs writes the fill, stroke, width and dash attributes of st.
func strokeAttrs(p func(...string), st Style) {
	fill := st.Fill
	if fill == "" {
		fill = "none"
	}
	p(` fill="`, esc(fill), `"`)
	if st.Stroke != "" {
		p(` stroke="`, esc(st.Stroke), `" stroke-width="`, num(st.Width), `"`)
	}
	if len(st.Dash) > 0 {
		parts := make([]string, len(st.Dash))
		for i, v := range st.Dash {
			parts[i] = num(v)
		}
		p(` stroke-dasharray="`, strings.Join(parts, " "), `"`)
	}
}

// texts writes text lines as SVG text elements.
func texts(p func(...string), lines []TextLine) {
	for _, t := range lines {
		p(`<text x="`, num(t.X), `" y="`, num(t.Y), `" font-size="`, num(t.Size), `"`)
		switch t.Anchor {
		case AnchorMiddle:
			p(` text-anchor="middle"`)
		case AnchorEnd:
			p(` text-anchor="end"`)
		}
		if t.Bold {
			p(` font-weight="bold"`)
		}
		if t.Color != "" && t.Color != ColorText {
			p(` fill="`, esc(t.Color), `"`)
		}
		p(">", esc(t.Text), "</text>")
	}
}

// num formats a coordinate in the shortest form that reads back exactly.
func num(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// esc escapes s for XML text and attribute values, replacing characters that
// XML 1.0 cannot carry.
func esc(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r == utf8.RuneError && isInvalid(s[i:]):
			b.WriteRune('\uFFFD')
		case r < ' ' || (r >= 0xd800 && r <= 0xdfff) || r == 0xfffe || r == 0xffff:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isInvalid reports whether s starts with an invalid UTF-8 sequence.
func isInvalid(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return r == utf8.RuneError && n <= 1
}

func contains(list []string, s string) bool { return index(list, s) >= 0 }

func index(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

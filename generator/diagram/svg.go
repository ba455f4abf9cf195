package diagram

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// svgStyle is the embedded style sheet. It names no external resources.
const svgStyle = `text{font-family:"DejaVu Sans",Arial,sans-serif;fill:#1a1a1a}` +
	`.zone{fill:` + ColorZoneFill + `;stroke:` + ColorZoneStroke + `;stroke-width:1}` +
	`.zone.implicit{fill:none;stroke-dasharray:6 4}` +
	`.zone.device{stroke:#5a5f68;stroke-width:2}` +
	`.node{stroke:` + ColorNodeStroke + `;stroke-width:1}` +
	`.node.device{stroke-width:2.5}` +
	`.edge{fill:none;stroke-width:1.5;stroke-linejoin:round}` +
	`.edge.dashed{stroke-dasharray:6 4}` +
	`.b{font-weight:bold}`

// WriteSVG writes d as a standalone SVG 1.1 document. All text from the
// spec is escaped; the drawing uses one embedded style sheet and an arrow
// marker per edge colour, and no external fonts or images.
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
	p("<defs>\n<style>", svgStyle, "</style>\n")
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
		p(`<marker id="docgen-arrow-`, strconv.Itoa(i), `" viewBox="0 0 `, num(ArrowLength), " ", num(ArrowWidth),
			`" refX="`, num(ArrowLength), `" refY="`, num(ArrowWidth/2), `" markerUnits="userSpaceOnUse" markerWidth="`,
			num(ArrowLength), `" markerHeight="`, num(ArrowWidth), `" orient="auto"><path d="M0,0L`, num(ArrowLength), ",",
			num(ArrowWidth/2), "L0,", num(ArrowWidth), `z" fill="`, esc(c), `"/></marker>`, "\n")
	}
	p("</defs>\n")
	p(`<rect width="100%" height="100%" fill="#ffffff"/>`, "\n")

	p(`<g class="zones">`, "\n")
	for _, z := range d.Zones {
		class := "zone"
		if z.Implicit {
			class += " implicit"
		}
		if z.Device {
			class += " device"
		}
		p(`<g data-id="`, esc(z.ID), `"><rect class="`, class, `" x="`, num(z.X), `" y="`, num(z.Y), `" width="`, num(z.W),
			`" height="`, num(z.H), `" rx="8"/>`)
		texts(p, z.Text)
		p("</g>\n")
	}
	p("</g>\n")

	p(`<g class="edges">`, "\n")
	for _, e := range d.Edges {
		class := "edge"
		if e.Dashed {
			class += " dashed"
		}
		p(`<path class="`, class, `" data-id="`, esc(e.ID), `" d="`)
		for i, pt := range e.Points {
			if i == 0 {
				p("M")
			} else {
				p("L")
			}
			p(num(pt.X), ",", num(pt.Y))
		}
		p(`" stroke="`, esc(e.Color), `"`)
		if e.ArrowAtEnd {
			p(` marker-end="url(#docgen-arrow-`, strconv.Itoa(index(colors, e.Color)), `)"`)
		}
		p("><title>", esc(strings.Join(e.Names, "; ")), "</title></path>\n")
	}
	p("</g>\n")

	p(`<g class="nodes">`, "\n")
	for _, n := range d.Nodes {
		class := "node"
		if n.Kind == "device" {
			class += " device"
		}
		p(`<g data-id="`, esc(n.ID), `"><rect class="`, class, `" x="`, num(n.X), `" y="`, num(n.Y), `" width="`, num(n.W),
			`" height="`, num(n.H), `" rx="3" fill="`, KindFill(n.Kind), `"/>`)
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
		case SymbolSolid, SymbolDashed:
			class := "edge"
			if le.Symbol == SymbolDashed {
				class += " dashed"
			}
			p(`<path class="`, class, `" d="M`, num(le.X), ",", cy, "L", num(le.X+le.W), ",", cy, `" stroke="`, ColorText,
				`" marker-end="url(#docgen-arrow-`, strconv.Itoa(index(colors, ColorText)), `)"/>`)
		case SymbolNode:
			p(`<rect class="node" x="`, num(le.X), `" y="`, num(le.Y), `" width="`, num(le.W), `" height="`, num(le.H),
				`" rx="2" fill="`, KindFill(le.Kind), `"/>`)
		}
		texts(p, []TextLine{le.Text})
		p("\n")
	}
	p("</g>\n</svg>\n")
	return b.Flush()
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
			p(` class="b"`)
		}
		if t.Color != "" && t.Color != ColorText {
			p(` style="fill:`, esc(t.Color), `"`)
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

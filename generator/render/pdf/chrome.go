package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// chrome adds the running header (title, document id and revision) and
// the footer (manufacturer, "Page N of M") to every page; the title page
// has no header. The notice of a draft stands above the header of every
// page, the title page included. All of it is marked as header and footer
// artifacts: the title, the notice and the metadata say it once.
func (r *renderer) chrome(pages []*layout.Page) {
	total := len(pages)
	id := r.idRevision()
	draft := r.draftNotice()
	author := r.d.Meta.Author
	for i, p := range pages {
		t := p.Template
		left, right := t.Left, t.Width-t.Right
		width := right - left
		var ops []layout.Op
		if draft != "" {
			ops = append(ops, r.label(draft, fonts.Bold, sizeDraft, colorDraft, left+width/2, draftBase, layout.AlignCenter, width, layout.Header)...)
		}
		if i > 0 || !r.opts.TitlePage {
			idW := 0.0
			if id != "" {
				op := r.label(id, fonts.Regular, sizeHeader, colorMuted, right, headerBase, layout.AlignRight, width*0.45, layout.Header)
				ops = append(ops, op...)
				idW = width * 0.45
			}
			ops = append(ops, r.label(r.title, fonts.Regular, sizeHeader, colorMuted, left, headerBase, layout.AlignLeft, width-idW-12, layout.Header)...)
			ops = append(ops, layout.Path{Points: []layout.Point{{X: left, Y: headerRule}, {X: right, Y: headerRule}},
				Stroke: colorRule, Fill: layout.None, LineWidth: 0.5, Tag: layout.Header})
		}
		fy := t.Height - footerBase
		pageOf := r.m.Format("pdf.page_of", i+1, total)
		ops = append(ops, r.label(pageOf, fonts.Regular, sizeHeader, colorMuted, right, fy, layout.AlignRight, width*0.3, layout.Footer)...)
		if author != "" {
			ops = append(ops, r.label(author, fonts.Regular, sizeHeader, colorMuted, left, fy, layout.AlignLeft, width*0.65, layout.Footer)...)
		}
		p.Ops = append(p.Ops, ops...)
	}
}

// idRevision is the right part of the running header.
func (r *renderer) idRevision() string {
	switch id, rev := r.d.Meta.ID, r.d.Meta.Revision; {
	case id != "" && rev != "":
		return r.m.Format("pdf.header.id_revision", id, rev)
	case id != "":
		return id
	case rev != "":
		return r.m.Format("pdf.header.revision", rev)
	}
	return ""
}

// label sets s on one line at x (its left, centre or right end, by align)
// on the baseline y, shortened to at most maxW (see shorten), tagged with
// tag.
func (r *renderer) label(s string, face fonts.Face, size float64, color layout.Color, x, y float64, align layout.Align, maxW float64, tag *layout.Elem) []layout.Op {
	return r.labelAt(s, face, size, color, x, y, align, maxW, 0, tag)
}

// labelAt is label for text from source line line, for warnings.
func (r *renderer) labelAt(s string, face fonts.Face, size float64, color layout.Color, x, y float64, align layout.Align, maxW float64, line int, tag *layout.Elem) []layout.Op {
	runs := r.text.runs(s, face, line)
	if runsWidth(runs, size) > maxW {
		runs = shorten(runs, size, maxW)
	}
	w := runsWidth(runs, size)
	switch align {
	case layout.AlignRight:
		x -= w
	case layout.AlignCenter:
		x -= w / 2
	}
	var ops []layout.Op
	for _, rn := range runs {
		ops = append(ops, layout.Text{X: x, Y: y, Face: rn.face, Size: size, Color: color, S: rn.s, Tag: tag})
		x += rn.face.Width(rn.s, size)
	}
	return ops
}

// shorten cuts runs so that they and an ellipsis fit in maxW: after the
// last whole word that fits, or, when not even the first word fits, after
// its last character that does. Punctuation and spaces before the cut are
// dropped, so that the ellipsis follows a word ("Immunoassay System…").
func shorten(runs []run, size, maxW float64) []run {
	const ell = "\u2026"
	room := maxW - fonts.Regular.Width(ell, size)
	// fit is the end of what fits, word the end of the last whole word
	// that fits.
	fit, word := runPos{-1, 0}, runPos{-1, 0}
	w := 0.0
	full := true
scan:
	for i, rn := range runs {
		for off, c := range rn.s {
			if c == ' ' && (off > 0 || i > 0) {
				word = runPos{i, off}
			}
			cw := rn.face.Advance(c) * size
			if w+cw > room {
				full = false
				break scan
			}
			w += cw
			fit = runPos{i, off + utf8.RuneLen(c)}
		}
	}
	if full {
		return runs
	}
	if fit.run >= 0 && isWordEnd(runs, fit) {
		word = fit
	}
	cut := word
	if cut.run < 0 {
		cut = fit
	}
	var out []run
	for i := 0; i <= cut.run && i < len(runs); i++ {
		s := runs[i].s
		if i == cut.run {
			s = s[:cut.off]
		}
		out = append(out, run{face: runs[i].face, s: s})
	}
	// Drop the spaces and punctuation the cut leaves at the end.
	for len(out) > 0 {
		last := &out[len(out)-1]
		last.s = strings.TrimRightFunc(last.s, func(c rune) bool { return unicode.IsSpace(c) || unicode.IsPunct(c) })
		if last.s != "" {
			break
		}
		out = out[:len(out)-1]
	}
	return append(out, run{face: fonts.Regular, s: ell})
}

// runPos is a position in runs: a run and a byte offset in its text.
type runPos struct{ run, off int }

// isWordEnd reports whether the text of runs ends a word at p: the next
// character is a space, or there is none.
func isWordEnd(runs []run, p runPos) bool {
	for i := p.run; i < len(runs); i++ {
		s := runs[i].s
		if i == p.run {
			s = s[p.off:]
		}
		if s != "" {
			return s[0] == ' '
		}
	}
	return true
}

package pdf

import (
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// chrome adds the running header (title, document id and revision) and
// the footer (manufacturer, "Page N of M") to every page; the title page
// has no header. The notice of a draft stands above the header of every
// page, the title page included.
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
			ops = append(ops, r.label(draft, fonts.Bold, sizeDraft, colorDraft, left+width/2, draftBase, layout.AlignCenter, width)...)
		}
		if i > 0 || !r.opts.TitlePage {
			idW := 0.0
			if id != "" {
				op := r.label(id, fonts.Regular, sizeHeader, colorMuted, right, headerBase, layout.AlignRight, width*0.45)
				ops = append(ops, op...)
				idW = width * 0.45
			}
			ops = append(ops, r.label(r.title, fonts.Regular, sizeHeader, colorMuted, left, headerBase, layout.AlignLeft, width-idW-12)...)
			ops = append(ops, layout.Path{Points: []layout.Point{{X: left, Y: headerRule}, {X: right, Y: headerRule}},
				Stroke: colorRule, Fill: layout.None, LineWidth: 0.5})
		}
		fy := t.Height - footerBase
		pageOf := msg.Format("pdf.page_of", i+1, total)
		ops = append(ops, r.label(pageOf, fonts.Regular, sizeHeader, colorMuted, right, fy, layout.AlignRight, width*0.3)...)
		if author != "" {
			ops = append(ops, r.label(author, fonts.Regular, sizeHeader, colorMuted, left, fy, layout.AlignLeft, width*0.65)...)
		}
		p.Ops = append(p.Ops, ops...)
	}
}

// idRevision is the right part of the running header.
func (r *renderer) idRevision() string {
	switch id, rev := r.d.Meta.ID, r.d.Meta.Revision; {
	case id != "" && rev != "":
		return msg.Format("pdf.header.id_revision", id, rev)
	case id != "":
		return id
	case rev != "":
		return msg.Format("pdf.header.revision", rev)
	}
	return ""
}

// label sets s on one line at x (its left, centre or right end, by align)
// on the baseline y, shortened with an ellipsis to at most maxW.
func (r *renderer) label(s string, face fonts.Face, size float64, color layout.Color, x, y float64, align layout.Align, maxW float64) []layout.Op {
	return r.labelAt(s, face, size, color, x, y, align, maxW, 0)
}

// labelAt is label for text from source line line, for warnings.
func (r *renderer) labelAt(s string, face fonts.Face, size float64, color layout.Color, x, y float64, align layout.Align, maxW float64, line int) []layout.Op {
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
		ops = append(ops, layout.Text{X: x, Y: y, Face: rn.face, Size: size, Color: color, S: rn.s})
		x += rn.face.Width(rn.s, size)
	}
	return ops
}

// shorten cuts runs so that they and an ellipsis fit in maxW.
func shorten(runs []run, size, maxW float64) []run {
	const ell = "\u2026"
	var out []run
	w := 0.0
	for _, rn := range runs {
		var kept []rune
		for _, c := range rn.s {
			cw := rn.face.Advance(c) * size
			if w+cw+fonts.Regular.Width(ell, size) > maxW {
				if len(kept) > 0 {
					out = append(out, run{face: rn.face, s: string(kept)})
				}
				return append(out, run{face: fonts.Regular, s: ell})
			}
			w += cw
			kept = append(kept, c)
		}
		out = append(out, rn)
	}
	return out
}

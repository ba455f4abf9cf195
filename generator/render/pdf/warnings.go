package pdf

import (
	"sort"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render"
)

// maxGlyphWarnings is the number of missing-character warnings reported one
// by one; the rest are summed up in one more.
const maxGlyphWarnings = 50

// warnings collects the warnings of one rendering.
type warnings struct {
	items []render.Warning
	// glyphs remembers the missing characters reported, per line.
	glyphs      map[glyphAt]bool
	glyphCount  int
	glyphsExtra int
	seen        map[render.Warning]bool
}

type glyphAt struct {
	line int
	r    rune
}

func (w *warnings) add(line int, message string) {
	if w.seen == nil {
		w.seen = map[render.Warning]bool{}
	}
	wa := render.Warning{Line: line, Message: message}
	if w.seen[wa] {
		return
	}
	w.seen[wa] = true
	w.items = append(w.items, wa)
}

// glyph reports that r, on line, was replaced.
func (w *warnings) glyph(line int, r rune) {
	if w.glyphs == nil {
		w.glyphs = map[glyphAt]bool{}
	}
	k := glyphAt{line, r}
	if w.glyphs[k] {
		return
	}
	w.glyphs[k] = true
	if w.glyphCount >= maxGlyphWarnings {
		w.glyphsExtra++
		return
	}
	w.glyphCount++
	w.add(line, msg.Format("pdf.warn.glyph", r, string(r), string(replacement)))
}

// list returns the warnings sorted by line (stable, so in order of
// discovery within a line).
func (w *warnings) list() []render.Warning {
	out := append([]render.Warning(nil), w.items...)
	if w.glyphsExtra > 0 {
		out = append(out, render.Warning{Message: msg.Format("pdf.warn.glyph_more", w.glyphsExtra, string(replacement))})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Line, out[j].Line
		if a == 0 {
			a = 1 << 30
		}
		if b == 0 {
			b = 1 << 30
		}
		return a < b
	})
	return out
}

package pdf

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/bidi"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render"
)

// maxGlyphWarnings is the number of lines whose missing characters are
// reported one line at a time; the rest are summed up in one more warning.
// maxGlyphsListed is the number of characters a warning lists.
const (
	maxGlyphWarnings = 50
	maxGlyphsListed  = 5
)

// warnings collects the warnings of one rendering.
type warnings struct {
	items []render.Warning
	// glyphs holds the missing characters of each line, in order of
	// discovery; rtl the right-to-left scripts of each line.
	glyphs map[int][]rune
	rtl    map[int][]string
	seen   map[render.Warning]bool
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
		w.glyphs = map[int][]rune{}
	}
	for _, g := range w.glyphs[line] {
		if g == r {
			return
		}
	}
	w.glyphs[line] = append(w.glyphs[line], r)
}

// direction notes r, on line, if it is a letter of a right-to-left script,
// which the PDF shows left to right and unjoined.
func (w *warnings) direction(line int, r rune) {
	if r < 0x590 {
		return // below Hebrew, the first right-to-left script
	}
	if p, _ := bidi.LookupRune(r); p.Class() != bidi.R && p.Class() != bidi.AL {
		return
	}
	name := scriptOf(r)
	if w.rtl == nil {
		w.rtl = map[int][]string{}
	}
	for _, s := range w.rtl[line] {
		if s == name {
			return
		}
	}
	w.rtl[line] = append(w.rtl[line], name)
}

// scriptOf returns the name of the Unicode script of r, such as "Arabic"
// or "Han"; "symbols" for characters of no particular script, such as
// emoji.
func scriptOf(r rune) string {
	for name, table := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(table, r) {
			return name
		}
	}
	return msg.Get("pdf.warn.symbols")
}

// glyphWarnings returns the warnings about missing characters: one per
// line, naming the characters and their scripts, for the first
// maxGlyphWarnings lines, and one that counts the rest.
func (w *warnings) glyphWarnings() []render.Warning {
	lines := make([]int, 0, len(w.glyphs))
	for l := range w.glyphs {
		lines = append(lines, l)
	}
	sort.Ints(lines)
	var out []render.Warning
	more := 0
	for i, l := range lines {
		rs := w.glyphs[l]
		if i >= maxGlyphWarnings {
			more += len(rs)
			continue
		}
		var chars, scripts []string
		for k, r := range rs {
			if k < maxGlyphsListed {
				chars = append(chars, fmt.Sprintf("%U %q", r, string(r)))
			}
			if s := scriptOf(r); !contains(scripts, s) {
				scripts = append(scripts, s)
			}
		}
		list := strings.Join(chars, ", ")
		if len(rs) > maxGlyphsListed {
			list = msg.Format("pdf.warn.glyph_list_more", list, len(rs)-maxGlyphsListed)
		}
		out = append(out, render.Warning{Line: l, Message: msg.Format("pdf.warn.glyph", list, strings.Join(scripts, ", "), string(replacement))})
	}
	if more > 0 {
		out = append(out, render.Warning{Message: msg.Format("pdf.warn.glyph_more", more, string(replacement))})
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// list returns the warnings sorted by line (stable, so in order of
// discovery within a line).
func (w *warnings) list() []render.Warning {
	out := append([]render.Warning(nil), w.items...)
	lines := make([]int, 0, len(w.rtl))
	for l := range w.rtl {
		lines = append(lines, l)
	}
	sort.Ints(lines)
	for _, l := range lines {
		out = append(out, render.Warning{Line: l, Message: msg.Format("pdf.warn.rtl", strings.Join(w.rtl[l], ", "))})
	}
	out = append(out, w.glyphWarnings()...)
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

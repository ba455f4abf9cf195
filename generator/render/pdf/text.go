package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// replacement stands for a character the fonts lack.
const replacement = '\uFFFD'

// textAdder appends text to an Inline, choosing for each character a face
// that has it: the style's face, else the regular face, else the
// replacement character, which is reported.
type textAdder struct {
	st   *styles
	warn *warnings
}

// clean makes s valid UTF-8 and maps the characters that are never drawn:
// line ends and tabs become spaces, format characters (such as soft
// hyphens, joiners and direction marks) and variation selectors
// disappear. Invalid UTF-8 is reported, with line.
func (a *textAdder) clean(s string, line int) string {
	if !utf8.ValidString(s) {
		a.warn.add(line, msg.Get("pdf.warn.bad_utf8"))
		s = strings.ToValidUTF8(s, string(replacement))
	}
	ok := true
	for _, r := range s {
		if r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u00ad' || r >= 0x2000 && drop(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v':
			return ' '
		case r == 0:
			return replacement
		case r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return replacement
		case r == '\u00ad' || drop(r):
			return -1
		}
		return r
	}, s)
}

// drop reports whether r is an invisible format character or a variation
// selector, which the PDF leaves out. The zero-width space stays: it marks
// a break opportunity.
func drop(r rune) bool {
	if r == '\u200b' {
		return false
	}
	return unicode.Is(unicode.Cf, r) || (r >= 0xfe00 && r <= 0xfe0f) || (r >= 0xe0100 && r <= 0xe01ef)
}

// add appends s to in in style st. line is the source line s comes from,
// for warnings. Preformatted text (pre) keeps its spaces.
func (a *textAdder) add(in *layout.Inline, s string, st *layout.Style, line int, pre bool) {
	s = a.clean(s, line)
	put := func(s string, st *layout.Style) {
		if pre {
			in.AddPre(s, st)
		} else {
			in.Add(s, st)
		}
	}
	start, cur := 0, st
	for i, r := range s {
		a.warn.direction(line, r)
		want, missing := st, false
		switch {
		case st.Face.Has(r) || r == ' ' || r == '\u200b':
		case fonts.Regular.Has(r):
			alt := *st
			alt.Face = fonts.Regular
			want = a.st.get(alt)
		default:
			missing = true
			a.warn.glyph(line, r)
		}
		if want == cur && !missing {
			continue
		}
		if i > start {
			put(s[start:i], cur)
		}
		start, cur = i, want
		if missing {
			put(string(replacement), cur)
			start = i + utf8.RuneLen(r)
		}
	}
	if start < len(s) {
		put(s[start:], cur)
	}
}

// face returns the face to draw r in when the style asks for f: f if it has
// r, else the regular face if that has it; else f (r is then replaced and
// reported).
func (a *textAdder) face(f fonts.Face, r rune, line int) fonts.Face {
	if f.Has(r) || r == ' ' || r == '\u200b' {
		return f
	}
	if fonts.Regular.Has(r) {
		return fonts.Regular
	}
	a.warn.glyph(line, r)
	return f
}

// runs splits s into runs of one face each, for text drawn outside an
// Inline, such as diagram labels: characters f lacks are drawn in the
// regular face, or replaced (and reported) if that lacks them too.
func (a *textAdder) runs(s string, f fonts.Face, line int) []run {
	s = a.clean(s, line)
	var out []run
	var b strings.Builder
	cur := f
	flush := func() {
		if b.Len() > 0 {
			out = append(out, run{face: cur, s: b.String()})
			b.Reset()
		}
	}
	for _, r := range s {
		if r == '\u200b' {
			continue
		}
		a.warn.direction(line, r)
		face := a.face(f, r, line)
		if !face.Has(r) && r != ' ' {
			r = replacement
		}
		if face != cur {
			flush()
			cur = face
		}
		b.WriteRune(r)
	}
	flush()
	return out
}

// run is text in one face.
type run struct {
	face fonts.Face
	s    string
}

// runsWidth returns the width of runs at size.
func runsWidth(rs []run, size float64) float64 {
	w := 0.0
	for _, r := range rs {
		w += r.face.Width(r.s, size)
	}
	return w
}

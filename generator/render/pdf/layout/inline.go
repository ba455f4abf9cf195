package layout

import (
	"math"
	"unicode/utf8"

	"github.com/docgen/docgen/generator/render/pdf/fonts"
)

// Style is how a piece of text is drawn. Styles are compared by pointer:
// share one *Style between pieces that look the same, so that they merge
// into one text operation.
type Style struct {
	Face  fonts.Face
	Size  float64
	Color Color
	// Back is a background drawn behind the text (inline code), or None.
	Back Color
	// Strike and Underline draw a line through or under the text.
	Strike, Underline bool
	// Rise raises the baseline (superscripts), in points.
	Rise float64
	// URL or Dest makes the text a link to a web address or to an anchor;
	// File and Dest make it a link to an anchor of another PDF file (see
	// [Link]).
	URL, Dest, File string
	// Anchor names the position of the text (at the top of its line) as a
	// link destination.
	Anchor string
	// Tag is the structure element the text belongs to (for a link, the
	// Link element); nil for an artifact.
	Tag *Elem
}

// LongToken is the number of characters from which a word counts as a long
// token (a package URL, a hash, a web address): [Inline.MinWidth] lets it be
// broken anywhere.
const LongToken = 20

// Inline is a sequence of styled text with hard line breaks, to be broken
// into lines. The zero value is empty and ready to use.
type Inline struct {
	atoms []atom
}

// atom is a word piece (text without spaces, in one style), a glue (one
// breakable space) or a hard line break.
type atom struct {
	text string
	st   *Style
	w    float64
	kind atomKind
}

type atomKind uint8

const (
	atomText atomKind = iota
	atomGlue
	atomBreak
)

// Add appends s in style st. Spaces (U+0020) are break opportunities; a
// zero-width space (U+200B) is one too and is not drawn. The caller must
// have replaced characters that st.Face lacks, line feeds and other control
// characters.
func (in *Inline) Add(s string, st *Style) {
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == ' ' || r == '\u200b' {
			in.word(s[start:i], st)
			g := atom{kind: atomGlue, st: st}
			if r == ' ' {
				g.text = " "
				g.w = st.Face.Width(" ", st.Size)
			}
			in.atoms = append(in.atoms, g)
			start = i + n
		}
		i += n
	}
	in.word(s[start:], st)
}

func (in *Inline) word(s string, st *Style) {
	if s == "" {
		return
	}
	in.atoms = append(in.atoms, atom{text: s, st: st, w: st.Face.Width(s, st.Size)})
}

// AddPre appends s in style st as preformatted text: its spaces are kept,
// also at the start of a line, and are no break opportunities; a line too
// long is broken between characters, preferably after a space or
// punctuation.
func (in *Inline) AddPre(s string, st *Style) { in.word(s, st) }

// Break appends a hard line break.
func (in *Inline) Break() { in.atoms = append(in.atoms, atom{kind: atomBreak}) }

// Empty reports whether in holds no visible text.
func (in *Inline) Empty() bool {
	for _, a := range in.atoms {
		if a.kind == atomText {
			return false
		}
	}
	return true
}

// TrimSpace removes glue and breaks at the start and end of in.
func (in *Inline) TrimSpace() {
	for len(in.atoms) > 0 && in.atoms[len(in.atoms)-1].kind != atomText {
		in.atoms = in.atoms[:len(in.atoms)-1]
	}
	i := 0
	for i < len(in.atoms) && in.atoms[i].kind != atomText {
		i++
	}
	in.atoms = in.atoms[i:]
}

// Scaled returns a copy of in with every font size multiplied by f.
func (in *Inline) Scaled(f float64) *Inline {
	styles := map[*Style]*Style{}
	out := &Inline{atoms: make([]atom, len(in.atoms))}
	for i, a := range in.atoms {
		if a.st != nil {
			s, ok := styles[a.st]
			if !ok {
				c := *a.st
				c.Size *= f
				c.Rise *= f
				s = &c
				styles[a.st] = s
			}
			a.st = s
			a.w *= f
		}
		out.atoms[i] = a
	}
	return out
}

// MaxWidth returns the width of the widest line of in when no line is
// broken except at hard breaks.
func (in *Inline) MaxWidth() float64 {
	var w, max float64
	for _, a := range in.atoms {
		if a.kind == atomBreak {
			w = 0
			continue
		}
		w += a.w
		if w > max {
			max = w
		}
	}
	return max
}

// MinWidth returns the width of the widest word of in, the narrowest a line
// can be without breaking a word. Long tokens (see [LongToken]) count as
// their widest piece between natural break points (after / . - _ : @ = and
// the like, or before an upper-case letter that follows a lower-case one),
// and at most longCap, as they may be broken there or, with a marker,
// anywhere.
func (in *Inline) MinWidth(longCap float64) float64 {
	var max, w float64
	n := 0
	start := 0
	end := func(i int) {
		if n >= LongToken {
			w = min(longestPiece(in.atoms[start:i]), longCap)
		}
		if w > max {
			max = w
		}
		w, n = 0, 0
		start = i + 1
	}
	for i, a := range in.atoms {
		if a.kind != atomText {
			end(i)
			continue
		}
		w += a.w
		n += utf8.RuneCountInString(a.text)
	}
	end(len(in.atoms))
	return max
}

// longestPiece returns the width of the widest piece of the word made of
// atoms between natural break points.
func longestPiece(atoms []atom) float64 {
	var max, w float64
	prev := rune(-1)
	for _, a := range atoms {
		for _, r := range a.text {
			if prev >= 0 && naturalBreak(prev, r) {
				max, w = math.Max(max, w), 0
			}
			w += a.st.Face.Advance(r) * a.st.Size
			prev = r
		}
	}
	return math.Max(max, w)
}

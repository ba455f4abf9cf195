package layout

import (
	"unicode"
	"unicode/utf8"

	"github.com/docgen/docgen/generator/render/pdf/fonts"
)

// Line is one line of text.
type Line struct {
	// Frags are the pieces of the line, left to right.
	Frags []Frag
	// Width is the width of the text; Height the height of the line box.
	Width, Height float64
	// Baseline is the distance from the top of the line box to the
	// baseline.
	Baseline float64
	// Space is set when the line ends where a space was: the space is
	// written after the line's text, where it draws nothing, so that text
	// copied or read aloud keeps the words apart.
	Space bool
}

// Frag is a run of text of one style on a line, at X from the line start.
type Frag struct {
	X, W float64
	S    string
	St   *Style
}

// Lines breaks in into lines at most width wide, each leading times the
// largest font size on it high; an empty line (from consecutive hard
// breaks) takes the height of base. Lines break at spaces; a word wider than
// a line is broken between characters, preferably after punctuation.
func (in *Inline) Lines(width, leading float64, base *Style) []Line {
	// Widths are sums of rounded numbers: a word measured as exactly the
	// width (a table column sized to its widest word) must fit.
	width += widthSlack
	b := lineBreaker{width: width, leading: leading, base: base}
	atoms := in.atoms
	for i := 0; i < len(atoms); {
		a := atoms[i]
		switch a.kind {
		case atomBreak:
			b.flush(true)
			i++
			continue
		case atomGlue:
			if len(b.cur) > 0 {
				b.glue = append(b.glue, a)
			}
			i++
			continue
		}
		j := i
		var ww float64
		for j < len(atoms) && atoms[j].kind == atomText {
			ww += atoms[j].w
			j++
		}
		word := atoms[i:j]
		i = j
		gw := 0.0
		for _, g := range b.glue {
			gw += g.w
		}
		switch {
		case b.w+gw+ww <= width || len(b.cur) == 0 && ww <= width:
			b.add(word)
		case ww <= width:
			b.flush(false)
			b.add(word)
		default:
			// A word wider than a line: fill the rest of this line with its
			// start if that is worth it, then whole lines.
			if len(b.cur) > 0 && width-b.w-gw < width/4 {
				b.flush(false)
			}
			for {
				avail := width - b.w
				if len(b.cur) > 0 {
					for _, g := range b.glue {
						avail -= g.w
					}
				}
				head, tail, marked := splitWord(word, avail, len(b.cur) == 0)
				if len(head) > 0 {
					b.add(head)
				}
				if marked {
					b.marker(head[len(head)-1].st)
				}
				if len(tail) == 0 {
					break
				}
				b.flush(false)
				word = tail
				if wordWidth(word) <= width {
					b.add(word)
					break
				}
			}
		}
	}
	if len(b.cur) > 0 {
		b.flush(false)
	}
	return b.lines
}

func wordWidth(word []atom) float64 {
	var w float64
	for _, a := range word {
		w += a.w
	}
	return w
}

// lineBreaker collects atoms into lines.
type lineBreaker struct {
	width, leading float64
	base           *Style
	lines          []Line
	cur            []atom
	glue           []atom // glue waiting between cur and the next word
	w              float64
	// markers are the styles of break markers, by the style of the text
	// they follow.
	markers map[*Style]*Style
}

// marker appends the break marker after text in style st: in the same
// face and size, muted, and an artifact (it is not part of the text).
func (b *lineBreaker) marker(st *Style) {
	ms, ok := b.markers[st]
	if !ok {
		c := *st
		c.Color, c.Back, c.Underline, c.Strike = MarkerColor, None, false, false
		c.URL, c.Dest, c.File, c.Anchor, c.Tag = "", "", "", "", nil
		if !c.Face.Has([]rune(BreakMarker)[0]) {
			c.Face = fonts.Regular
		}
		ms = &c
		if b.markers == nil {
			b.markers = map[*Style]*Style{}
		}
		b.markers[st] = ms
	}
	a := atom{text: BreakMarker, st: ms, w: ms.Face.Width(BreakMarker, ms.Size)}
	b.cur = append(b.cur, a)
	b.w += a.w
}

func (b *lineBreaker) add(word []atom) {
	if len(b.cur) > 0 {
		for _, g := range b.glue {
			b.cur = append(b.cur, g)
			b.w += g.w
		}
	}
	b.glue = b.glue[:0]
	for _, a := range word {
		b.cur = append(b.cur, a)
		b.w += a.w
	}
}

// flush ends the current line. An empty line is kept only when forced (a
// hard break).
func (b *lineBreaker) flush(forced bool) {
	spaced := len(b.glue) > 0 && b.glue[0].text != ""
	b.glue = b.glue[:0]
	if len(b.cur) == 0 && !forced {
		return
	}
	ln := Line{Width: b.w, Space: spaced && !forced}
	var top *Style
	for _, a := range b.cur {
		if top == nil || a.st.Size > top.Size {
			top = a.st
		}
		if n := len(ln.Frags); n > 0 && ln.Frags[n-1].St == a.st {
			f := &ln.Frags[n-1]
			f.S += a.text
			f.W += a.w
			continue
		}
		x := 0.0
		if n := len(ln.Frags); n > 0 {
			x = ln.Frags[n-1].X + ln.Frags[n-1].W
		}
		ln.Frags = append(ln.Frags, Frag{X: x, W: a.w, S: a.text, St: a.st})
	}
	if top == nil {
		top = b.base
	}
	if top != nil {
		ln.Height = top.Size * b.leading
		asc, desc := top.Face.Ascent(), top.Face.Descent()
		ln.Baseline = (ln.Height-top.Size*(asc+desc))/2 + top.Size*asc
	}
	b.lines = append(b.lines, ln)
	b.cur = nil
	b.w = 0
}

// widthSlack is the tolerance of line widths, in points.
const widthSlack = 1e-6

// breakAfter are the characters after which a word too long for a line
// may be broken: the natural break points of paths, addresses, package
// URLs and identifiers.
const breakAfter = " /.-_:@?&=,;#%+~|"

// BreakMarker is drawn at the end of a line where a word had to be broken
// at a point that is no natural break, so that a reader sees the word goes
// on; MarkerColor is its colour.
const BreakMarker = "\u21b5"

// MarkerColor is the colour of [BreakMarker].
var MarkerColor = RGB(0x8a, 0x8f, 0x96)

// naturalBreak reports whether a word may be broken between prev and next:
// after a character of breakAfter, or where a lower-case letter is
// followed by an upper-case one ("camel|Case").
func naturalBreak(prev, next rune) bool {
	if prev < 0x80 {
		switch {
		case breakAfterSet[prev]:
			return true
		case prev < 'a' || prev > 'z':
			return false
		case next < 0x80:
			return next >= 'A' && next <= 'Z'
		}
		return unicode.IsUpper(next)
	}
	return unicode.IsLower(prev) && unicode.IsUpper(next)
}

// breakAfterSet holds the characters of breakAfter.
var breakAfterSet = func() (set [0x80]bool) {
	for _, c := range breakAfter {
		set[c] = true
	}
	return set
}()

// splitWord cuts a head off word that fits in avail: up to the last
// natural break point that fits (see naturalBreak), else as much as fits
// with a break marker after it (marked is then set). If nothing fits, the
// head is empty, unless force is set (the line is empty): then it is the
// first character, with a marker, so that breaking always makes progress.
func splitWord(word []atom, avail float64, force bool) (head, tail []atom, marked bool) {
	type pos struct{ atom, off int }
	natural, fit := pos{-1, 0}, pos{-1, 0}
	markerW := 0.0
	if len(word) > 0 {
		markerW = word[0].st.Face.Width(BreakMarker, word[0].st.Size)
	}
	var w float64
	prev := rune(-1)
	done := false
	for i, a := range word {
		for off, r := range a.text {
			if prev >= 0 && naturalBreak(prev, r) && w <= avail {
				natural = pos{i, off}
			}
			rw := a.st.Face.Advance(r) * a.st.Size
			if w+rw > avail {
				done = true
				break
			}
			w += rw
			if w+markerW <= avail {
				fit = pos{i, off + utf8.RuneLen(r)}
			}
			prev = r
		}
		if done {
			break
		}
	}
	if natural.atom >= 0 && (natural.atom > 0 || natural.off > 0) {
		head, tail = cut(word, natural.atom, natural.off)
		return head, tail, false
	}
	if fit.atom < 0 {
		if !force {
			return nil, word, false
		}
		_, n := utf8.DecodeRuneInString(word[0].text)
		fit = pos{0, n}
	}
	head, tail = cut(word, fit.atom, fit.off)
	return head, tail, len(tail) > 0
}

// cut splits word after byte off of atom i.
func cut(word []atom, i, off int) (head, tail []atom) {
	a := word[i]
	head = append(append([]atom{}, word[:i]...), atom{text: a.text[:off], st: a.st, w: a.st.Face.Width(a.text[:off], a.st.Size)})
	if off < len(a.text) {
		tail = append(tail, atom{text: a.text[off:], st: a.st, w: a.st.Face.Width(a.text[off:], a.st.Size)})
	}
	tail = append(tail, word[i+1:]...)
	return head, tail
}

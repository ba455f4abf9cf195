package layout

import (
	"unicode/utf8"
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
				head, tail := splitWord(word, avail, len(b.cur) == 0)
				if len(head) > 0 {
					b.add(head)
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

// breakAfter are the characters after which a long token is preferably
// broken.
const breakAfter = " /.-_:@?&=,;#%+~|"

// splitWord cuts the longest head off word that fits in avail, preferring a
// cut after punctuation in the second half. If nothing fits, the head is
// empty, unless force is set (the line is empty): then it is the first
// character, so that breaking always makes progress.
func splitWord(word []atom, avail float64, force bool) (head, tail []atom) {
	type pos struct{ atom, off int }
	fit, punct := pos{-1, 0}, pos{-1, 0}
	var w, punctW float64
	done := false
	for i, a := range word {
		for off, r := range a.text {
			rw := a.st.Face.Advance(r) * a.st.Size
			if w+rw > avail {
				done = true
				break
			}
			w += rw
			end := off + utf8.RuneLen(r)
			fit = pos{i, end}
			if containsRune(breakAfter, r) {
				punct, punctW = fit, w
			}
		}
		if done {
			break
		}
	}
	if punct.atom >= 0 && punctW >= avail/2 {
		fit = punct
	}
	if fit.atom < 0 {
		if !force {
			return nil, word
		}
		_, n := utf8.DecodeRuneInString(word[0].text)
		fit = pos{0, n}
	}
	return cut(word, fit.atom, fit.off)
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

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

package fonts

import (
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansboldoblique"
	"github.com/go-fonts/dejavu/dejavusansmono"
	"github.com/go-fonts/dejavu/dejavusansoblique"
)

// Face is one of the typefaces of a document.
type Face uint8

// The faces. Regular is the zero value.
const (
	Regular Face = iota
	Bold
	Italic
	BoldItalic
	Mono
	numFaces
)

// Faces lists all faces, in the order of their values.
var Faces = []Face{Regular, Bold, Italic, BoldItalic, Mono}

// License is the licence under which the DejaVu fonts are distributed, in
// short; the full text is in the github.com/go-fonts/dejavu module.
const License = "Bitstream Vera Fonts licence; DejaVu changes are in the public domain"

var faceNames = [numFaces]string{"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique", "DejaVuSansMono"}

// String returns the PostScript name of the font of f, such as
// "DejaVuSans-Bold".
func (f Face) String() string {
	if f >= numFaces {
		return "unknown"
	}
	return faceNames[f]
}

// TTF returns the TrueType font file of f. The caller must not modify it.
func (f Face) TTF() []byte {
	switch f {
	case Bold:
		return dejavusansbold.TTF
	case Italic:
		return dejavusansoblique.TTF
	case BoldItalic:
		return dejavusansboldoblique.TTF
	case Mono:
		return dejavusansmono.TTF
	}
	return dejavusans.TTF
}

// WithBold returns the face of the same family and slant as f, bold if b.
// Mono has no bold variant and is returned as it is.
func (f Face) WithBold(b bool) Face {
	switch {
	case f == Mono:
		return f
	case b && f == Regular:
		return Bold
	case b && f == Italic:
		return BoldItalic
	case !b && f == Bold:
		return Regular
	case !b && f == BoldItalic:
		return Italic
	}
	return f
}

// WithItalic returns the face of the same family and weight as f, italic
// (oblique) if it. Mono has no italic variant and is returned as it is.
func (f Face) WithItalic(it bool) Face {
	switch {
	case f == Mono:
		return f
	case it && f == Regular:
		return Italic
	case it && f == Bold:
		return BoldItalic
	case !it && f == Italic:
		return Regular
	case !it && f == BoldItalic:
		return Bold
	}
	return f
}

// IsBold reports whether f is a bold face.
func (f Face) IsBold() bool { return f == Bold || f == BoldItalic }

// IsItalic reports whether f is an italic face.
func (f Face) IsItalic() bool { return f == Italic || f == BoldItalic }

// Descriptor is what a PDF font descriptor says of a face, in thousandths
// of an em.
type Descriptor struct {
	// BBox is the box that holds every glyph: xMin, yMin, xMax, yMax.
	BBox [4]float64
	// ItalicAngle is the slant in degrees, negative for a slant to the
	// right.
	ItalicAngle float64
	// Ascent and Descent (negative) bound the glyphs vertically; CapHeight
	// is the height of capital letters; StemV the width of vertical stems.
	Ascent, Descent, CapHeight, StemV float64
	// Fixed is set for a monospaced face.
	Fixed bool
}

// metrics are the measurements of one face.
type metrics struct {
	// adv holds the advance width of each BMP character in em; 0 for a
	// character the font lacks (see has).
	adv [0x10000]float32
	// has is a bit set of the BMP characters the font maps to a glyph.
	has [0x10000 / 64]uint64
	// gid holds the glyph index of each BMP character; 0 for none.
	gid [0x10000]uint16
	// ascent and descent are hhea's, in em (descent positive).
	ascent, descent float64
	// desc is what a PDF font descriptor says of the font.
	desc Descriptor
}

var (
	loadOnce [numFaces]sync.Once
	loaded   [numFaces]*metrics
)

// m returns the metrics of f, reading them on first use. The embedded fonts
// are known to parse; if one ever failed, the face would measure every
// character as missing rather than panic.
func (f Face) m() *metrics {
	if f >= numFaces {
		f = Regular
	}
	loadOnce[f].Do(func() {
		m, err := parse(f.TTF())
		if err != nil {
			m = &metrics{ascent: 0.8, descent: 0.2}
		}
		loaded[f] = m
	})
	return loaded[f]
}

// Has reports whether f has a glyph for r. Characters beyond the Basic
// Multilingual Plane are never available.
func (f Face) Has(r rune) bool {
	if r < 0 || r > 0xffff {
		return false
	}
	return f.m().has[r>>6]&(1<<(uint(r)&63)) != 0
}

// Advance returns the advance width of r in em (multiply by the font size
// for points); 0 if f lacks r.
func (f Face) Advance(r rune) float64 {
	if r < 0 || r > 0xffff {
		return 0
	}
	return float64(f.m().adv[r])
}

// Width returns the width of s set in f at size points. Characters the face
// lacks count nothing.
func (f Face) Width(s string, size float64) float64 {
	m := f.m()
	var w float32
	for _, r := range s {
		if r <= 0xffff {
			w += m.adv[r]
		}
	}
	return float64(w) * size
}

// Glyph returns the glyph index of r in the font file of f, 0 (the
// .notdef glyph) if f lacks r.
func (f Face) Glyph(r rune) uint16 {
	if r < 0 || r > 0xffff {
		return 0
	}
	return f.m().gid[r]
}

// Descriptor returns the metrics of f that a PDF font descriptor lists.
func (f Face) Descriptor() Descriptor { return f.m().desc }

// Ascent returns the height of the font's ascender above the baseline in em.
func (f Face) Ascent() float64 { return f.m().ascent }

// Descent returns the depth of the font's descender below the baseline in
// em, as a positive number.
func (f Face) Descent() float64 { return f.m().descent }

package pdfwriter

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/docgen/docgen/generator/render/pdf/fonts"
)

// fontState collects the characters a document shows in one face. Each
// character gets a code (a CID) on first use, from 1 on; the subset font
// has the character's glyph at the same index, so that the CIDs map to
// glyphs by identity, and the ToUnicode map gives every code its
// character, also where two characters share a glyph.
type fontState struct {
	face fonts.Face
	obj  int
	// codes maps a BMP character to its code, 0 for none yet.
	codes []uint16
	// runes are the characters by code; runes[0] stands for .notdef.
	runes []rune
}

func newFontState(f fonts.Face, obj int) *fontState {
	return &fontState{face: f, obj: obj, codes: make([]uint16, 0x10000), runes: []rune{0}}
}

// maxCodes is the number of codes a face can hand out (two-byte codes,
// 0 being .notdef).
const maxCodes = 0xffff

// cid returns the code of r, 0 if the face has no glyph for r (the
// character is then left out: .notdef is never shown).
func (f *fontState) cid(r rune) uint16 {
	if r < 0 || r > 0xffff {
		return 0
	}
	if c := f.codes[r]; c != 0 {
		return c
	}
	if f.face.Glyph(r) == 0 || len(f.runes) >= maxCodes {
		return 0
	}
	c := uint16(len(f.runes))
	f.codes[r] = c
	f.runes = append(f.runes, r)
	return c
}

// writeFonts writes the fonts used: for each face a Type 0 font with an
// embedded TrueType subset (CIDFontType2), its widths, and a ToUnicode
// map.
func (w *writer) writeFonts() {
	for _, f := range w.fonts {
		if f != nil {
			w.writeFont(f)
		}
	}
}

func (w *writer) writeFont(f *fontState) {
	glyphs := make([]uint16, len(f.runes))
	for i, r := range f.runes[1:] {
		glyphs[i+1] = f.face.Glyph(r)
	}
	data, err := f.face.Subset(glyphs)
	if err != nil {
		// The embedded fonts are known to parse; should one ever fail,
		// embed it whole, with the glyphs at their own indexes.
		data = f.face.TTF()
		glyphs = nil
	}
	base := subsetTag(f.face, glyphs) + "+" + f.face.String()
	file, desc, cidFont, toUnicode := w.alloc(), w.alloc(), w.alloc(), w.alloc()
	w.stream(file, fmt.Sprintf("/Length1 %d", len(data)), data, true)

	d := f.face.Descriptor()
	flags := 4 // symbolic: the glyphs are reached by index
	if d.Fixed {
		flags |= 1
	}
	if d.ItalicAngle != 0 {
		flags |= 64
	}
	w.object(desc, fmt.Sprintf("<</Type /FontDescriptor /FontName %s /Flags %d /FontBBox [%s %s %s %s] /ItalicAngle %s /Ascent %s /Descent %s /CapHeight %s /StemV %s /FontFile2 %s>>",
		name(base), flags, num(d.BBox[0]), num(d.BBox[1]), num(d.BBox[2]), num(d.BBox[3]), num(d.ItalicAngle),
		num(d.Ascent), num(d.Descent), num(d.CapHeight), num(d.StemV), ref(file)))

	var widths []byte
	widths = append(widths, "[1 ["...)
	for i, r := range f.runes[1:] {
		if i > 0 {
			widths = append(widths, ' ')
		}
		widths = appendNum(widths, f.face.Advance(r)*1000, 2)
	}
	widths = append(widths, "]]"...)
	if len(f.runes) == 1 {
		widths = []byte("[]")
	}
	cidToGID := "/Identity"
	if glyphs == nil {
		// The whole font: the codes map to the glyphs of the characters.
		m := w.alloc()
		table := make([]byte, 2*len(f.runes))
		for i, r := range f.runes[1:] {
			binary.BigEndian.PutUint16(table[2*(i+1):], f.face.Glyph(r))
		}
		w.stream(m, "", table, true)
		cidToGID = ref(m)
	}
	w.object(cidFont, fmt.Sprintf("<</Type /Font /Subtype /CIDFontType2 /BaseFont %s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %s /DW 1000 /W %s /CIDToGIDMap %s>>",
		name(base), ref(desc), widths, cidToGID))
	w.stream(toUnicode, "", toUnicodeCMap(f.runes), true)
	w.object(f.obj, fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont %s /Encoding /Identity-H /DescendantFonts [%s] /ToUnicode %s>>",
		name(base), ref(cidFont), ref(toUnicode)))
}

// subsetTag returns the six capital letters that name a subset, derived
// from the face and its glyphs, so that different subsets of a face get
// different names and the same subset the same one.
func subsetTag(f fonts.Face, glyphs []uint16) string {
	h := sha256.New()
	h.Write([]byte(f.String()))
	var b [2]byte
	for _, g := range glyphs {
		binary.BigEndian.PutUint16(b[:], g)
		h.Write(b[:])
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// toUnicodeCMap returns the ToUnicode CMap that maps the codes 1 to
// len(runes)-1 to runes.
func toUnicodeCMap(runes []rune) []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for start := 1; start < len(runes); start += 100 {
		end := min(start+100, len(runes))
		fmt.Fprintf(&b, "%d beginbfchar\n", end-start)
		for c := start; c < end; c++ {
			fmt.Fprintf(&b, "<%04X> <%04X>\n", c, runes[c])
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}

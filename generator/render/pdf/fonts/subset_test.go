package fonts

import (
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestSubset cuts a subset of every face and reads it back with an
// independent parser: every glyph loads, with the advance width it has in
// the full font, and composite glyphs bring their components along.
func TestSubset(t *testing.T) {
	text := "Aé Ω Ж ﬁ → ✓ ǅ" // é and ǅ are composite glyphs in DejaVu
	for _, f := range Faces {
		glyphs := []uint16{0}
		for _, r := range text {
			if g := f.Glyph(r); g != 0 {
				glyphs = append(glyphs, g)
			}
		}
		data, err := f.Subset(glyphs)
		if err != nil {
			t.Fatalf("%v: %v", f, err)
		}
		if len(data) > len(f.TTF())/10 {
			t.Errorf("%v: subset of %d glyphs is %d bytes", f, len(glyphs), len(data))
		}
		sf, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%v: the subset does not parse: %v", f, err)
		}
		if sf.NumGlyphs() < len(glyphs) {
			t.Errorf("%v: %d glyphs, want at least %d", f, sf.NumGlyphs(), len(glyphs))
		}
		var buf sfnt.Buffer
		ppem := fixed.I(2048)
		for i := 0; i < sf.NumGlyphs(); i++ {
			if _, err := sf.LoadGlyph(&buf, sfnt.GlyphIndex(i), ppem, nil); err != nil {
				t.Errorf("%v: glyph %d: %v", f, i, err)
			}
		}
		full, err := sfnt.Parse(f.TTF())
		if err != nil {
			t.Fatal(err)
		}
		for i, g := range glyphs {
			a, err1 := sf.GlyphAdvance(&buf, sfnt.GlyphIndex(i), ppem, font.HintingNone)
			b, err2 := full.GlyphAdvance(&buf, sfnt.GlyphIndex(g), ppem, font.HintingNone)
			if err1 != nil || err2 != nil || a != b {
				t.Errorf("%v: glyph %d (was %d): advance %v, want %v (%v, %v)", f, i, g, a, b, err1, err2)
			}
		}
	}
}

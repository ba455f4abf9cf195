package pdfcheck

import (
	"fmt"
	"math"
	"regexp"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/docgen/docgen/generator/render/pdf/pdftext"
)

// fontInfo is what the checks need of a font used by a page.
type fontInfo struct {
	name string
	// twoByte is set for composite fonts.
	twoByte bool
	// unicode maps the codes to text, from the ToUnicode map; nil if the
	// font has none.
	unicode map[int]string
	// gid maps a code to its glyph; identity when nil.
	gid []uint16
	// widths are the widths of the dictionary by code, in thousandths.
	widths map[int]float64
	dw     float64
	// program is the embedded font program, nil if none could be read.
	program *sfnt.Font
	upm     float64
	// reported codes, so that each problem is told once per font.
	told map[int]bool
}

// subsetRE matches the name of a font subset: six capital letters and a
// plus sign before the font's name.
var subsetRE = regexp.MustCompile(`^[A-Z]{6}\+.+`)

// font reads the font dictionary o, once, and checks it: embedded, with a
// glyph map and Unicode map, named as a subset.
func (c *checker) font(o types.Object, where string) *fontInfo {
	key := -1
	if r, ok := o.(types.IndirectRef); ok {
		key = r.ObjectNumber.Value()
		if f, ok := c.fonts[key]; ok {
			return f
		}
	}
	f := &fontInfo{widths: map[int]float64{}, dw: 1000, told: map[int]bool{}}
	if key >= 0 {
		c.fonts[key] = f
	}
	fd, err := c.ctx.DereferenceDict(o)
	if err != nil || fd == nil {
		c.fail(pdfua+"7.21.4.1", "%s: a font that cannot be read", where)
		return f
	}
	if n := fd.NameEntry("BaseFont"); n != nil {
		f.name = *n
	}
	where = fmt.Sprintf("%s font %s", where, f.name)
	st := fd.NameEntry("Subtype")
	if st == nil || *st != "Type0" {
		// docgen writes composite fonts only; a simple font is checked
		// for embedding.
		desc, _ := c.ctx.DereferenceDict(fd["FontDescriptor"])
		c.embedded(desc, where)
		if fd["ToUnicode"] == nil {
			c.fail(pdfua+"7.21.7", "%s: no ToUnicode map", where)
		}
		return f
	}
	f.twoByte = true
	if enc := fd.NameEntry("Encoding"); enc == nil || (*enc != "Identity-H" && *enc != "Identity-V") {
		if _, _, err := c.ctx.DereferenceStreamDict(fd["Encoding"]); err != nil || enc != nil {
			c.fail(pdfua+"7.21.3.3", "%s: a CMap that is neither predefined nor embedded", where)
		}
	}
	if tu, _, err := c.ctx.DereferenceStreamDict(fd["ToUnicode"]); err == nil && tu != nil && tu.Decode() == nil {
		f.unicode = pdftext.ToUnicode(tu.Content)
	} else {
		c.fail(pdfua+"7.21.7", "%s: no ToUnicode map", where)
	}
	descs, _ := c.ctx.DereferenceArray(fd["DescendantFonts"])
	if len(descs) != 1 {
		c.fail(pdfua+"7.21.4.1", "%s: no descendant font", where)
		return f
	}
	cid, _ := c.ctx.DereferenceDict(descs[0])
	if cid == nil {
		c.fail(pdfua+"7.21.4.1", "%s: no descendant font", where)
		return f
	}
	if base := cid.NameEntry("BaseFont"); base == nil || !subsetRE.MatchString(*base) {
		c.fail("ISO 32000-1 9.6.4", "%s: the subset is not named with a subset tag (ABCDEF+Name)", where)
	}
	if dw, err := c.ctx.DereferenceNumber(cid["DW"]); err == nil && cid["DW"] != nil {
		f.dw = dw
	}
	c.readWidths(f, cid["W"])
	if s := cid.NameEntry("Subtype"); s != nil && *s == "CIDFontType2" {
		switch m := cid["CIDToGIDMap"].(type) {
		case nil:
			c.fail(pdfa+"6.2.11.3.2", "%s: no CIDToGIDMap", where)
			c.fail(pdfua+"7.21.3.2", "%s: no CIDToGIDMap", where)
		case types.Name:
			if m != "Identity" {
				c.fail(pdfua+"7.21.3.2", "%s: CIDToGIDMap /%s", where, m)
			}
		default:
			if sd, _, err := c.ctx.DereferenceStreamDict(m); err == nil && sd != nil && sd.Decode() == nil {
				f.gid = make([]uint16, len(sd.Content)/2)
				for i := range f.gid {
					f.gid[i] = uint16(sd.Content[2*i])<<8 | uint16(sd.Content[2*i+1])
				}
			}
		}
	}
	desc, _ := c.ctx.DereferenceDict(cid["FontDescriptor"])
	if data := c.embedded(desc, where); data != nil {
		if p, err := sfnt.Parse(data); err == nil {
			f.program = p
			f.upm = float64(p.UnitsPerEm())
		} else {
			c.fail(pdfua+"7.21.4.1", "%s: the embedded font program does not parse: %v", where, err)
		}
	}
	return f
}

// embedded checks that a font descriptor has a font program and returns
// the TrueType program (FontFile2) decoded, or nil.
func (c *checker) embedded(desc map[string]types.Object, where string) []byte {
	if desc == nil {
		c.fail(pdfua+"7.21.4.1", "%s: no font descriptor", where)
		return nil
	}
	for _, k := range []string{"FontFile", "FontFile2", "FontFile3"} {
		sd, _, err := c.ctx.DereferenceStreamDict(desc[k])
		if err != nil || sd == nil {
			continue
		}
		if k != "FontFile2" || sd.Decode() != nil {
			return nil
		}
		return sd.Content
	}
	c.fail(pdfua+"7.21.4.1", "%s: the font program is not embedded", where)
	if c.opts.PDFA {
		c.fail(pdfa+"6.2.11.4.1", "%s: the font program is not embedded", where)
	}
	return nil
}

// readWidths reads a /W array into f.
func (c *checker) readWidths(f *fontInfo, o types.Object) {
	w, _ := c.ctx.DereferenceArray(o)
	for i := 0; i < len(w); {
		start, err := c.ctx.DereferenceNumber(w[i])
		if err != nil || i+1 >= len(w) {
			return
		}
		if arr, err := c.ctx.DereferenceArray(w[i+1]); err == nil && arr != nil {
			for k, v := range arr {
				if n, err := c.ctx.DereferenceNumber(v); err == nil {
					f.widths[int(start)+k] = n
				}
			}
			i += 2
			continue
		}
		if i+2 >= len(w) {
			return
		}
		end, err1 := c.ctx.DereferenceNumber(w[i+1])
		width, err2 := c.ctx.DereferenceNumber(w[i+2])
		if err1 != nil || err2 != nil {
			return
		}
		for k := int(start); k <= int(end) && k-int(start) < 1<<16; k++ {
			f.widths[k] = width
		}
		i += 3
	}
}

// shown checks the codes of a string shown in font f: each maps to a glyph
// other than .notdef that the font program has, to Unicode text that is
// not U+0000, U+FEFF or U+FFFE, and has the width of the glyph.
func (c *checker) shown(f *fontInfo, s []byte, where string) {
	if f == nil || !f.twoByte {
		return
	}
	var buf sfnt.Buffer
	for i := 0; i+1 < len(s); i += 2 {
		code := int(s[i])<<8 | int(s[i+1])
		if f.told[code] {
			continue
		}
		gid := code
		if f.gid != nil {
			gid = 0
			if code < len(f.gid) {
				gid = int(f.gid[code])
			}
		}
		fail := func(clause, format string, args ...any) {
			f.told[code] = true
			c.fail(clause, "%s font %s code %04X: "+format, append([]any{where, f.name, code}, args...)...)
		}
		if gid == 0 {
			fail(pdfua+"7.21.8", "shows the .notdef glyph")
			if c.opts.PDFA {
				fail(pdfa+"6.2.11.8", "shows the .notdef glyph")
			}
			continue
		}
		if f.program != nil && gid >= f.program.NumGlyphs() {
			fail(pdfua+"7.21.4.1", "glyph %d is not in the embedded font", gid)
			continue
		}
		if f.unicode != nil {
			u, ok := f.unicode[code]
			r := []rune(u)
			switch {
			case !ok || len(r) == 0:
				fail(pdfua+"7.21.7", "no Unicode value")
			case r[0] == 0 || r[0] == 0xfeff || r[0] == 0xfffe:
				fail(pdfua+"7.21.7", "maps to U+%04X", r[0])
			}
		}
		if f.program != nil && f.upm > 0 {
			adv, err := f.program.GlyphAdvance(&buf, sfnt.GlyphIndex(gid), fixed.I(int(f.upm)), font.HintingNone)
			want := f.dw
			if w, ok := f.widths[code]; ok {
				want = w
			}
			if got := float64(adv) / 64 * 1000 / f.upm; err == nil && math.Abs(got-want) > 1 {
				fail(pdfua+"7.21.5", "width %g in the font dictionary, %g in the font program", want, math.Round(got*100)/100)
				if c.opts.PDFA {
					fail(pdfa+"6.2.11.5", "width %g in the font dictionary, %g in the font program", want, math.Round(got*100)/100)
				}
			}
		}
	}
}

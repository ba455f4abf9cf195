package fonts

import (
	"encoding/binary"
	"errors"
	"math"
)

// errFont is returned for a font file this reader does not understand.
var errFont = errors.New("fonts: unsupported or corrupt TrueType file")

// parse reads the metrics of a TrueType font: units per em (head), ascender,
// descender and the number of horizontal metrics (hhea), advance widths
// (hmtx) and the character map (cmap, format 4 or 12).
func parse(ttf []byte) (*metrics, error) {
	tables, err := tableDirectory(ttf)
	if err != nil {
		return nil, err
	}
	head, hhea, hmtx, cmap := tables["head"], tables["hhea"], tables["hmtx"], tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || cmap == nil {
		return nil, errFont
	}
	upm := float64(binary.BigEndian.Uint16(head[18:]))
	if upm == 0 {
		return nil, errFont
	}
	m := &metrics{
		ascent:  float64(int16(binary.BigEndian.Uint16(hhea[4:]))) / upm,
		descent: -float64(int16(binary.BigEndian.Uint16(hhea[6:]))) / upm,
	}
	m.desc = descriptor(tables, upm, m.ascent, m.descent)
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	if nh == 0 || len(hmtx) < 4*nh {
		return nil, errFont
	}
	advance := func(gid int) float32 {
		if gid >= nh {
			gid = nh - 1
		}
		return float32(float64(binary.BigEndian.Uint16(hmtx[4*gid:])) / upm)
	}
	set := func(r rune, gid int) {
		if r < 0 || r > 0xffff || gid == 0 {
			return
		}
		m.adv[r] = advance(gid)
		m.has[r>>6] |= 1 << (uint(r) & 63)
		m.gid[r] = uint16(gid)
	}
	if err := readCmap(cmap, set); err != nil {
		return nil, err
	}
	return m, nil
}

// descriptor reads the font-wide metrics a PDF font descriptor lists from
// the head, post and OS/2 tables, in thousandths of an em.
func descriptor(tables map[string][]byte, upm, ascent, descent float64) Descriptor {
	head, post, os2 := tables["head"], tables["post"], tables["OS/2"]
	unit := func(v int16) float64 { return math.Round(float64(v) * 1000 / upm) }
	i16 := func(b []byte, off int) int16 { return int16(binary.BigEndian.Uint16(b[off:])) }
	d := Descriptor{Ascent: math.Round(ascent * 1000), Descent: -math.Round(descent * 1000), CapHeight: math.Round(ascent * 1000), StemV: 80}
	d.BBox = [4]float64{unit(i16(head, 36)), unit(i16(head, 38)), unit(i16(head, 40)), unit(i16(head, 42))}
	if len(post) >= 16 {
		d.ItalicAngle = float64(int32(binary.BigEndian.Uint32(post[4:]))) / 65536
		d.Fixed = binary.BigEndian.Uint32(post[12:]) != 0
	}
	if len(os2) >= 90 && binary.BigEndian.Uint16(os2) >= 2 {
		d.CapHeight = unit(i16(os2, 88))
	}
	if len(os2) >= 6 {
		// The usual estimate of the vertical stem width from the weight.
		w := float64(binary.BigEndian.Uint16(os2[4:])) / 65
		d.StemV = math.Round(50 + w*w)
	}
	return d
}

// tableDirectory returns the tables of the font by tag.
func tableDirectory(ttf []byte) (map[string][]byte, error) {
	if len(ttf) < 12 {
		return nil, errFont
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	if len(ttf) < 12+16*n {
		return nil, errFont
	}
	tables := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		rec := ttf[12+16*i:]
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(ttf)) {
			return nil, errFont
		}
		tables[string(rec[:4])] = ttf[off : off+length]
	}
	return tables, nil
}

// readCmap calls set for every character the Unicode subtable of cmap maps,
// preferring a format 12 subtable (full Unicode) over a format 4 one (BMP).
func readCmap(cmap []byte, set func(r rune, gid int)) error {
	if len(cmap) < 4 {
		return errFont
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	var f4, f12 []byte
	for i := 0; i < n; i++ {
		if len(cmap) < 4+8*i+8 {
			return errFont
		}
		rec := cmap[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if off+4 > len(cmap) || !(platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))) {
			continue
		}
		switch binary.BigEndian.Uint16(cmap[off:]) {
		case 4:
			f4 = cmap[off:]
		case 12:
			f12 = cmap[off:]
		}
	}
	switch {
	case f12 != nil:
		return readFormat12(f12, set)
	case f4 != nil:
		return readFormat4(f4, set)
	}
	return errFont
}

func readFormat4(t []byte, set func(r rune, gid int)) error {
	if len(t) < 14 {
		return errFont
	}
	segs := int(binary.BigEndian.Uint16(t[6:])) / 2
	ends := 14
	starts := ends + 2*segs + 2
	deltas := starts + 2*segs
	offsets := deltas + 2*segs
	if len(t) < offsets+2*segs {
		return errFont
	}
	u16 := func(p int) int { return int(binary.BigEndian.Uint16(t[p:])) }
	for s := 0; s < segs; s++ {
		end, start := u16(ends+2*s), u16(starts+2*s)
		delta, roff := u16(deltas+2*s), u16(offsets+2*s)
		for c := start; c <= end && c != 0xffff; c++ {
			gid := 0
			if roff == 0 {
				gid = (c + delta) & 0xffff
			} else {
				p := offsets + 2*s + roff + 2*(c-start)
				if p+2 > len(t) {
					continue
				}
				if gid = u16(p); gid != 0 {
					gid = (gid + delta) & 0xffff
				}
			}
			set(rune(c), gid)
		}
	}
	return nil
}

func readFormat12(t []byte, set func(r rune, gid int)) error {
	if len(t) < 16 {
		return errFont
	}
	n := int(binary.BigEndian.Uint32(t[12:]))
	if n < 0 || len(t) < 16+12*n {
		return errFont
	}
	for i := 0; i < n; i++ {
		g := t[16+12*i:]
		start, end := binary.BigEndian.Uint32(g), binary.BigEndian.Uint32(g[4:])
		gid := int(binary.BigEndian.Uint32(g[8:]))
		if end > 0xffff {
			end = 0xffff
		}
		for c := start; c <= end; c++ {
			set(rune(c), gid+int(c-start))
		}
	}
	return nil
}

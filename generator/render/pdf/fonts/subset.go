package fonts

import (
	"encoding/binary"
	"sort"
)

// Subset returns a TrueType font file with only the glyphs of f listed in
// glyphs (indexes into f's font file, see [Face.Glyph]), numbered anew: the
// glyph glyphs[i] becomes glyph i of the subset. glyphs[0] should be 0, the
// .notdef glyph. The glyphs that composite glyphs are built from follow,
// numbered from len(glyphs) on, and the references of composite glyphs are
// renumbered. The subset keeps the tables a PDF viewer needs to draw a
// CIDFontType2 font (head, hhea, maxp, OS/2, hmtx, loca, glyf, post and the
// hinting tables cvt, fpgm and prep) and an empty character map: a PDF
// maps codes to glyphs itself.
func (f Face) Subset(glyphs []uint16) ([]byte, error) {
	return subset(f.TTF(), glyphs)
}

func subset(ttf []byte, glyphs []uint16) ([]byte, error) {
	tables, err := tableDirectory(ttf)
	if err != nil {
		return nil, err
	}
	head, hhea, maxp, hmtx, loca, glyf := tables["head"], tables["hhea"], tables["maxp"], tables["hmtx"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || loca == nil || glyf == nil {
		return nil, errFont
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	longLoca := binary.BigEndian.Uint16(head[50:]) == 1
	if nh == 0 || nh > numGlyphs || len(hmtx) < 4*nh+2*(numGlyphs-nh) {
		return nil, errFont
	}
	if (longLoca && len(loca) < 4*(numGlyphs+1)) || (!longLoca && len(loca) < 2*(numGlyphs+1)) {
		return nil, errFont
	}
	offset := func(g int) int {
		if longLoca {
			return int(binary.BigEndian.Uint32(loca[4*g:]))
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*g:]))
	}
	glyphData := func(g uint16) ([]byte, error) {
		if int(g) >= numGlyphs {
			return nil, errFont
		}
		start, end := offset(int(g)), offset(int(g)+1)
		if start > end || end > len(glyf) {
			return nil, errFont
		}
		return glyf[start:end], nil
	}

	// The glyphs in their new order, composite components added.
	order := append([]uint16(nil), glyphs...)
	index := make(map[uint16]uint16, len(order))
	for i, g := range order {
		if _, dup := index[g]; !dup {
			index[g] = uint16(i)
		}
	}
	var datas [][]byte
	for i := 0; i < len(order); i++ {
		data, err := glyphData(order[i])
		if err != nil {
			return nil, err
		}
		if len(data) >= 10 && int16(binary.BigEndian.Uint16(data)) < 0 {
			data = append([]byte(nil), data...)
			err := components(data, func(g uint16) uint16 {
				n, ok := index[g]
				if !ok {
					n = uint16(len(order))
					index[g] = n
					order = append(order, g)
				}
				return n
			})
			if err != nil {
				return nil, err
			}
		}
		datas = append(datas, data)
	}
	if len(order) > 0xffff {
		return nil, errFont
	}

	// glyf and loca (long offsets), hmtx (one full metric per glyph).
	n := len(order)
	var newGlyf []byte
	newLoca := make([]byte, 4*(n+1))
	newHmtx := make([]byte, 4*n)
	for i, g := range order {
		binary.BigEndian.PutUint32(newLoca[4*i:], uint32(len(newGlyf)))
		newGlyf = append(newGlyf, datas[i]...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
		var adv, lsb uint16
		if int(g) < nh {
			adv, lsb = binary.BigEndian.Uint16(hmtx[4*int(g):]), binary.BigEndian.Uint16(hmtx[4*int(g)+2:])
		} else {
			adv = binary.BigEndian.Uint16(hmtx[4*(nh-1):])
			lsb = binary.BigEndian.Uint16(hmtx[4*nh+2*(int(g)-nh):])
		}
		binary.BigEndian.PutUint16(newHmtx[4*i:], adv)
		binary.BigEndian.PutUint16(newHmtx[4*i+2:], lsb)
	}
	binary.BigEndian.PutUint32(newLoca[4*n:], uint32(len(newGlyf)))

	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint32(newHead[8:], 0) // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(newHead[50:], 1)
	newHhea := append([]byte(nil), hhea...)
	binary.BigEndian.PutUint16(newHhea[34:], uint16(n))
	newMaxp := append([]byte(nil), maxp...)
	binary.BigEndian.PutUint16(newMaxp[4:], uint16(n))

	out := map[string][]byte{
		"head": newHead, "hhea": newHhea, "maxp": newMaxp,
		"hmtx": newHmtx, "loca": newLoca, "glyf": newGlyf,
	}
	out["cmap"] = emptyCmap
	for _, tag := range []string{"cvt ", "fpgm", "prep", "OS/2"} {
		if t, ok := tables[tag]; ok {
			out[tag] = t
		}
	}
	if post := tables["post"]; len(post) >= 32 {
		// Version 3: no glyph names, which would name the old glyphs.
		p := append([]byte(nil), post[:32]...)
		binary.BigEndian.PutUint32(p, 0x00030000)
		out["post"] = p
	}
	return assemble(out), nil
}

// emptyCmap is a character map that maps no character (Windows Unicode,
// format 4, one final segment): font parsers want one, and a PDF maps codes
// to glyphs itself.
var emptyCmap = []byte{
	0, 0, 0, 1, // version 0, one subtable
	0, 3, 0, 1, 0, 0, 0, 12, // Windows, Unicode BMP, at offset 12
	0, 4, 0, 24, 0, 0, // format 4, length 24, language 0
	0, 2, 0, 2, 0, 0, 0, 0, // one segment: segCountX2, searchRange, entrySelector, rangeShift
	0xff, 0xff, 0, 0, // endCode, reservedPad
	0xff, 0xff, // startCode
	0, 1, // idDelta
	0, 0, // idRangeOffset
}

// components calls renumber for the glyph of each component of the
// composite glyph data and writes the number it returns in its place.
func components(data []byte, renumber func(uint16) uint16) error {
	const (
		argsAreWords  = 0x0001
		haveScale     = 0x0008
		moreComps     = 0x0020
		haveXYScale   = 0x0040
		haveTwoByTwo  = 0x0080
		headerLength  = 10
		componentHead = 4
	)
	p := headerLength
	for {
		if p+componentHead > len(data) {
			return errFont
		}
		flags := binary.BigEndian.Uint16(data[p:])
		g := binary.BigEndian.Uint16(data[p+2:])
		binary.BigEndian.PutUint16(data[p+2:], renumber(g))
		p += componentHead
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComps == 0 {
			return nil
		}
	}
}

// assemble writes a font file of the tables, with their checksums and the
// head table's checksum adjustment.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	nt := len(tags)
	entry, log := 1, 0
	for entry*2 <= nt {
		entry *= 2
		log++
	}
	size := 12 + 16*nt
	for _, t := range tags {
		size += (len(tables[t]) + 3) &^ 3
	}
	out := make([]byte, 12+16*nt, size)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(nt))
	binary.BigEndian.PutUint16(out[6:], uint16(16*entry))
	binary.BigEndian.PutUint16(out[8:], uint16(log))
	binary.BigEndian.PutUint16(out[10:], uint16(16*nt-16*entry))
	headAt := 0
	for i, t := range tags {
		data := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], checksum(data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		if t == "head" {
			headAt = len(out)
		}
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

// checksum is the TrueType table checksum: the sum of the big-endian
// 32-bit words of data, padded with zeros.
func checksum(data []byte) uint32 {
	var sum uint32
	for i := 0; i < len(data); i += 4 {
		var w [4]byte
		copy(w[:], data[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

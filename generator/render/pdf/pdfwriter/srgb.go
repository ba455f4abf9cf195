package pdfwriter

import (
	"encoding/binary"
	"math"
	"sync"
)

// SRGBProfile returns the ICC colour profile of the sRGB colour space that
// the PDF/A output intent embeds. It is computed here, from the numbers
// that define sRGB (IEC 61966-2-1: the primaries and white point, adapted
// to the D50 white of the ICC connection space with the Bradford
// transform, and the transfer function sampled at 1024 points), so the
// program ships no third-party profile; the profile is docgen's own and
// carries docgen's licence. It is a version 2.1 display profile
// ('mntr', RGB to XYZ, matrix and curves), the kind every PDF reader
// understands.
func SRGBProfile() []byte {
	srgbOnce.Do(func() { srgbICC = buildSRGB() })
	return srgbICC
}

var (
	srgbOnce sync.Once
	srgbICC  []byte
)

// s15 encodes x as an ICC s15Fixed16Number.
func s15(x float64) uint32 { return uint32(int32(math.Round(x * 65536))) }

func buildSRGB() []byte {
	xyz := func(x, y, z float64) []byte {
		b := make([]byte, 20)
		copy(b, "XYZ ")
		binary.BigEndian.PutUint32(b[8:], s15(x))
		binary.BigEndian.PutUint32(b[12:], s15(y))
		binary.BigEndian.PutUint32(b[16:], s15(z))
		return b
	}
	text := func(s string) []byte {
		b := append([]byte("text\x00\x00\x00\x00"), s...)
		return append(b, 0)
	}
	desc := func(s string) []byte {
		// textDescriptionType: ASCII, then empty Unicode and ScriptCode
		// parts.
		b := make([]byte, 12, 12+len(s)+1+12+67)
		copy(b, "desc")
		binary.BigEndian.PutUint32(b[8:], uint32(len(s)+1))
		b = append(b, s...)
		b = append(b, 0)
		return append(b, make([]byte, 4+4+2+1+67)...)
	}
	const points = 1024
	curve := make([]byte, 12+2*points)
	copy(curve, "curv")
	binary.BigEndian.PutUint32(curve[8:], points)
	for i := 0; i < points; i++ {
		v := float64(i) / (points - 1)
		if v <= 0.04045 {
			v /= 12.92
		} else {
			v = math.Pow((v+0.055)/1.055, 2.4)
		}
		binary.BigEndian.PutUint16(curve[12+2*i:], uint16(math.Round(v*65535)))
	}
	type tag struct {
		sig  string
		data []byte
	}
	tags := []tag{
		{"desc", desc("sRGB IEC61966-2.1")},
		{"cprt", text("No rights reserved. Computed by docgen from the parameters of IEC 61966-2-1")},
		{"wtpt", xyz(0.9505, 1.0, 1.0891)},
		{"rXYZ", xyz(0.4360747, 0.2225045, 0.0139322)},
		{"gXYZ", xyz(0.3850649, 0.7168786, 0.0971045)},
		{"bXYZ", xyz(0.1430804, 0.0606169, 0.7141733)},
		{"rTRC", curve},
		{"gTRC", curve},
		{"bTRC", curve},
	}
	head := 128 + 4 + 12*len(tags)
	out := make([]byte, head)
	offsets := map[string]int{}
	for i, t := range tags {
		off, ok := offsets[string(t.data)]
		if !ok {
			for len(out)%4 != 0 {
				out = append(out, 0)
			}
			off = len(out)
			offsets[string(t.data)] = off
			out = append(out, t.data...)
		}
		e := out[132+12*i:]
		copy(e, t.sig)
		binary.BigEndian.PutUint32(e[4:], uint32(off))
		binary.BigEndian.PutUint32(e[8:], uint32(len(t.data)))
	}
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	binary.BigEndian.PutUint32(out[0:], uint32(len(out)))
	binary.BigEndian.PutUint32(out[8:], 0x02100000) // version 2.1
	copy(out[12:], "mntrRGB XYZ ")
	// Creation date: 2026-01-01 00:00:00, fixed for reproducible output.
	for i, v := range []uint16{2026, 1, 1, 0, 0, 0} {
		binary.BigEndian.PutUint16(out[24+2*i:], v)
	}
	copy(out[36:], "acsp")
	binary.BigEndian.PutUint32(out[68:], s15(0.9642)) // D50, the PCS illuminant
	binary.BigEndian.PutUint32(out[72:], s15(1.0))
	binary.BigEndian.PutUint32(out[76:], s15(0.8249))
	binary.BigEndian.PutUint32(out[128:], uint32(len(tags)))
	return out
}

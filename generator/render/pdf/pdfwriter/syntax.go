package pdfwriter

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// maxCoord bounds the numbers written, far inside the limits of PDF/A
// (ISO 19005-3 clause 6.1.13: reals up to about 3.4e38, integers up to
// 2^31-1), so that no input can produce a number a reader rejects.
const maxCoord = 1e7

// appendNum appends x with at most prec decimals, trailing zeros
// dropped.
func appendNum(b []byte, x float64, prec int) []byte {
	if math.IsNaN(x) {
		x = 0
	}
	x = math.Max(-maxCoord, math.Min(maxCoord, x))
	p := math.Pow10(prec)
	x = math.Round(x*p) / p
	if x == 0 {
		return append(b, '0')
	}
	start := len(b)
	b = strconv.AppendFloat(b, x, 'f', prec, 64)
	if prec > 0 {
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
		if b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	if len(b)-start == 2 && b[start] == '-' && b[start+1] == '0' {
		b = append(b[:start], '0')
	}
	return b
}

// num formats a coordinate or size: two decimals.
func num(x float64) string { return string(appendNum(nil, x, 2)) }

// appendName appends /s as a PDF name: characters outside the printable
// ASCII range, delimiters and # are written as #XX.
func appendName(b []byte, s string) []byte {
	b = append(b, '/')
	const hexDigits = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x21 || c > 0x7e || strings.IndexByte("()<>[]{}/%#", c) >= 0 {
			b = append(b, '#', hexDigits[c>>4], hexDigits[c&15])
			continue
		}
		b = append(b, c)
	}
	return b
}

// name returns s as a PDF name.
func name(s string) string { return string(appendName(nil, s)) }

// literal returns b as a PDF literal string, escaping what PDF requires
// and writing bytes outside printable ASCII as octal escapes.
func literal(b []byte) string {
	var out strings.Builder
	out.Grow(len(b) + 2)
	out.WriteByte('(')
	for _, c := range b {
		switch {
		case c == '(' || c == ')' || c == '\\':
			out.WriteByte('\\')
			out.WriteByte(c)
		case c < 0x20 || c > 0x7e:
			out.WriteByte('\\')
			out.WriteString(strconv.FormatUint(uint64(c)|0x200, 8)[1:]) // three octal digits
		default:
			out.WriteByte(c)
		}
	}
	out.WriteByte(')')
	return out.String()
}

// hexString returns b as a PDF hexadecimal string.
func hexString(b []byte) string { return "<" + hex.EncodeToString(b) + ">" }

// cleanText makes s valid UTF-8 without control characters: invalid bytes
// become U+FFFD, controls spaces.
func cleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, s)
}

// textString returns s as a PDF text string: a literal string when s is
// printable ASCII, else UTF-16BE with a byte order mark, in hexadecimal.
func textString(s string) string {
	s = cleanText(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		return literal([]byte(s))
	}
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xfe, 0xff
	for _, c := range u {
		b = append(b, byte(c>>8), byte(c))
	}
	return hexString(b)
}

// asciiName replaces the characters of a file name outside printable ASCII
// by '_', for the /F entry of a file specification (the /UF entry keeps the
// name as it is).
func asciiName(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r > '~' {
			return '_'
		}
		return r
	}, s)
}

// langTag returns s if it looks like a BCP 47 language tag (letters, digits
// and hyphens), else "".
func langTag(s string) string {
	if len(s) == 0 || len(s) > 35 {
		return ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return ""
		}
	}
	return s
}

// uri percent-encodes the bytes of u that a PDF URI (7-bit ASCII) cannot
// hold: non-ASCII, controls and space.
func uri(u string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c >= 0x7f {
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// deflater compresses streams with one reused zlib writer.
type deflater struct {
	buf bytes.Buffer
	w   *zlib.Writer
}

func newDeflater() *deflater {
	d := &deflater{}
	d.w, _ = zlib.NewWriterLevel(&d.buf, zlib.BestSpeed) // the level is valid
	return d
}

// deflate returns data compressed in the zlib format (/FlateDecode). The
// result is valid until the next call.
func (d *deflater) deflate(data []byte) []byte {
	d.buf.Reset()
	d.w.Reset(&d.buf)
	_, _ = d.w.Write(data) // writes to a bytes.Buffer do not fail
	_ = d.w.Close()
	return d.buf.Bytes()
}

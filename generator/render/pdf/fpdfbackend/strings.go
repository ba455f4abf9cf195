package fpdfbackend

import (
	"strings"
	"unicode/utf8"
)

// text makes s safe for fpdf's UTF-16 conversion, which reads invalid
// UTF-8 and characters beyond U+FFFF wrongly: those become U+FFFD, and
// control characters become spaces.
func text(s string) string {
	ok := true
	for _, r := range s {
		if r == utf8.RuneError || r > 0xffff || r < ' ' || r == 0x7f {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r > 0xffff || r == utf8.RuneError:
			return '\uFFFD'
		case r < ' ' || r == 0x7f:
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// langTag returns s if it looks like a BCP 47 language tag (letters, digits
// and hyphens), else "": fpdf writes it into the file unescaped.
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
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c >= 0x7f {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

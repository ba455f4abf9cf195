package html

import (
	"strings"
)

// dangerousSchemes are the URL schemes whose links and images could run
// code, load a document from inline data or reach into the reader's file
// system. data: is allowed for the raster images of rasterData.
var dangerousSchemes = []string{"javascript:", "vbscript:", "file:", "data:"}

// rasterData are the data: URL prefixes of images, which are harmless.
var rasterData = []string{"data:image/png;", "data:image/gif;", "data:image/jpeg;", "data:image/webp;"}

// dangerousURL reports whether a link or image destination would run code,
// load a document from inline data or open a local file. It looks at the URL
// as a browser does: tabs and line breaks anywhere and control characters
// and spaces at the start do not count, and case does not matter, so that
// "Java\tScript:" is caught as well.
func dangerousURL(u string) bool {
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	u = strings.ToLower(strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
	for _, p := range rasterData {
		if strings.HasPrefix(u, p) {
			return false
		}
	}
	for _, p := range dangerousSchemes {
		if strings.HasPrefix(u, p) {
			return true
		}
	}
	return false
}

// urlKeep marks the ASCII characters that stay as they are in a URL written
// into the page; every other byte is percent-encoded (a space as %20), and
// existing %XX escapes are kept. This is the set CommonMark renderers keep,
// so links look as they did when the page was made from Markdown.
var urlKeep = func() (t [256]bool) {
	for _, c := range []byte("!#$&'()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~") {
		t[c] = true
	}
	return t
}()

// escapeURL percent-encodes the characters of u that a URL cannot hold
// as they are.
func escapeURL(u string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case urlKeep[c]:
			b.WriteByte(c)
		case c == '%' && i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]):
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// safeURL returns u ready for an href or src attribute (before HTML
// escaping), or "" and false when u is dangerous and must not be written.
func safeURL(u string) (string, bool) {
	if dangerousURL(u) {
		return "", false
	}
	return escapeURL(u), true
}

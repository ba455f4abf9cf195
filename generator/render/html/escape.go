package html

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// writeEscaped writes s to b as HTML text or as the value of a quoted
// attribute: &, <, > and " become character references, NUL becomes U+FFFD
// (as HTML parsers treat it), and bytes that are not UTF-8 become U+FFFD.
// The apostrophe stays as it is: docgen quotes attributes with ".
func writeEscaped(b *bytes.Buffer, s string) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	last := 0
	for i := 0; i < len(s); i++ {
		var ref string
		switch s[i] {
		case '&':
			ref = "&amp;"
		case '<':
			ref = "&lt;"
		case '>':
			ref = "&gt;"
		case '"':
			ref = "&quot;"
		case 0:
			ref = "\uFFFD"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(ref)
		last = i + 1
	}
	b.WriteString(s[last:])
}

package html

import (
	"bytes"
	"testing"

	"github.com/docgen/docgen/generator/docmodel"
)

func TestCellClass(t *testing.T) {
	const purl = "pkg:generic/openssl@3.0.15?download_url=x"
	for _, tc := range []struct {
		kind docmodel.ColumnKind
		text string
		want string
	}{
		{docmodel.TextColumn, "Receive studies from the PACS", ""},
		{docmodel.TextColumn, "2026-10-15", "nowrap"},
		{docmodel.TextColumn, "Hafenstraße", "nowrap"},
		{docmodel.TextColumn, "Receive-studies-from-PACS", "long"},
		{docmodel.TextColumn, "Receive-studies", "nowrap"},
		{docmodel.TextColumn, "See " + purl, "long"},
		{docmodel.CodeColumn, "dicom-pacs-in", "nowrap"},
		{docmodel.CodeColumn, purl, "long"},
		{docmodel.DateColumn, "2026-10-15", "nowrap"},
		{docmodel.PortColumn, "6661/tcp, 2762/tcp", "tokens"},
		{docmodel.PortColumn, "10000-10100/udp (media streams of all rooms)", "tokens"},
		{docmodel.PortColumn, "2762/tcp", "nowrap"},
		{docmodel.CodeColumn, "Named Active Directory users in MVP-Radiologists", "tokens"},
		{docmodel.CodeColumn, purl + " (vendored)", "long"},
		{docmodel.NumberColumn, "1,500", "nowrap"},
		{docmodel.TextColumn, "", ""},
		{docmodel.TextColumn, "aaaaaaaaaaaaaaaa", "nowrap"},   // 16 characters
		{docmodel.TextColumn, "aaaaaaaaaaaaaaaaa", ""},        // 17
		{docmodel.TextColumn, "aaaaaaaaaaaaaaaaaaa", ""},      // 19
		{docmodel.TextColumn, "aaaaaaaaaaaaaaaaaaaa", "long"}, // 20
		{docmodel.TextColumn, "äääääääääääääääääää", ""},      // 19 characters, 38 bytes
		{docmodel.TextColumn, "ääääääääääääääää", "nowrap"},   // 16 characters, 32 bytes
	} {
		if got := cellClass(tc.kind, tc.text); got != tc.want {
			t.Errorf("cellClass(%d, %q) = %q, want %q", tc.kind, tc.text, got, tc.want)
		}
	}
}

func TestDangerousURL(t *testing.T) {
	for _, tc := range []struct {
		url  string
		want bool
	}{
		{"https://example.com/", false},
		{"mailto:psirt@example.com", false},
		{"tel:+494215507", false},
		{"admin-guide.html#adm-sbom", false},
		{"#anchor", false},
		{"network-diagram.svg", false},
		{"javascript-guide.html", false},
		{"data:image/png;base64,iVBORw0KGgo=", false},
		{"DATA:IMAGE/JPEG;base64,/9j/", false},
		{"javascript:alert(1)", true},
		{"JavaScript:alert(1)", true},
		{"java\tscript:alert(1)", true},
		{"java\nscript:alert(1)", true},
		{"java\r\nscript:alert(1)", true},
		{"  javascript:alert(1)", true},
		{"\x00\x01javascript:alert(1)", true},
		{"vbscript:msgbox(1)", true},
		{"file:///etc/passwd", true},
		{"data:text/html;base64,PHNjcmlwdD4=", true},
		{"data:image/svg+xml;base64,PHN2Zz4=", true},
	} {
		if got := dangerousURL(tc.url); got != tc.want {
			t.Errorf("dangerousURL(%q) = %v, want %v", tc.url, got, tc.want)
		}
	}
}

func TestEscapeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.com/a?b=c&d=e#f":     "https://example.com/a?b=c&d=e#f",
		"https://example.com/a b":             "https://example.com/a%20b",
		"https://example.com/%20ok/%zz":       "https://example.com/%20ok/%25zz",
		"#überblick":                          "#%C3%BCberblick",
		`x"><script>`:                         "x%22%3E%3Cscript%3E",
		"a[1]{2}|3^4`5\\6":                    "a%5B1%5D%7B2%7D%7C3%5E4%605%5C6",
		"mailto:a@b.example?subject=Hi there": "mailto:a@b.example?subject=Hi%20there",
	} {
		if got := escapeURL(in); got != want {
			t.Errorf("escapeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscaped(t *testing.T) {
	for in, want := range map[string]string{
		`a & b < c > d "e" 'f'`: "a &amp; b &lt; c &gt; d &quot;e&quot; 'f'",
		"nul\x00":               "nul\uFFFD",
		"bad \xff byte":         "bad \uFFFD byte",
		"":                      "",
	} {
		if got := escaped(in); got != want {
			t.Errorf("escaped(%q) = %q, want %q", in, got, want)
		}
	}
}

// escaped returns s escaped as writeEscaped writes it.
func escaped(s string) string {
	var b bytes.Buffer
	writeEscaped(&b, s)
	return b.String()
}

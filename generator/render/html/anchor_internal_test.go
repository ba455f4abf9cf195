package html

import (
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// TestTakeAnchorOneNode covers the anchor as a single raw HTML node, which
// goldmark's parser does not produce today but an AST from elsewhere may.
func TestTakeAnchorOneNode(t *testing.T) {
	source := []byte(`Security updates <a id="ifu-updates"></a>`)
	h := ast.NewHeading(2)
	h.AppendChild(h, ast.NewTextSegment(text.NewSegment(0, 17)))
	raw := ast.NewRawHTML()
	raw.Segments.Append(text.NewSegment(17, 35))
	raw.Segments.Append(text.NewSegment(35, len(source)))
	h.AppendChild(h, raw)

	if id := takeAnchor(h, source); id != "ifu-updates" {
		t.Errorf("takeAnchor = %q, want ifu-updates", id)
	}
	if got := plainText(h, source); got != "Security updates" {
		t.Errorf("heading text = %q", got)
	}
	if h.ChildCount() != 1 {
		t.Errorf("heading has %d children, want the text only", h.ChildCount())
	}
	if seg := h.FirstChild().(*ast.Text).Segment; string(seg.Value(source)) != "Security updates" {
		t.Errorf("trailing space not trimmed: %q", seg.Value(source))
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Security updates":      "security-updates",
		"MDS2 / IEC 81001-5-1":  "mds2--iec-81001-5-1",
		"snake_case and `code`": "snake_case-and-code",
		"Überblick":             "überblick",
		"":                      "section",
		"What's new? (v5.2)":    "whats-new-v52",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

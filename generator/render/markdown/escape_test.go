package markdown

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/docgen/docgen/generator/docmodel"
)

// hostile are spec strings that would change the document if they were not
// escaped.
var hostile = []string{
	"a | b | c",
	"line one\nline two",
	"<script>alert('x')</script>",
	"# heading",
	"## heading\n===",
	"**bold** and __bold__",
	"`code` and ``two``",
	"=HYPERLINK(\"http://evil\")",
	"+1 and -1 and @SUM(A1)",
	"- item\n* item\n1. item",
	"[link](http://evil) ![img](x.png)",
	"<a id=\"x\"></a> &amp; &lt;",
	"a\\b\\\\c \\* \\|",
	"~~strike~~ ~sub~",
	"> quote",
	"1) first",
	"text with trailing backslash \\",
	"$x^2$ and $$y$$",
	"http://example.com/a_b_c?x=1&y=2",
	"tab\there",
	"<!-- comment -->",
	"[^1] footnote",
	"line\r\nwith crlf",
	"| --- |",
	"{#anchor}",
}

var collapse = regexp.MustCompile(`\s+`)

func gfm() goldmark.Markdown { return goldmark.New(goldmark.WithExtensions(extension.GFM)) }

// renderText renders Markdown with goldmark and returns the text content of
// the single element wrapped in open/close, unescaped.
func renderText(t *testing.T, md, open, close string) string {
	t.Helper()
	var b bytes.Buffer
	if err := gfm().Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	i := strings.Index(out, open)
	j := strings.LastIndex(out, close)
	if i < 0 || j < i {
		t.Fatalf("rendered %q as\n%s\nwithout %s...%s", md, out, open, close)
	}
	inner := out[i+len(open) : j]
	if strings.Contains(inner, "<") {
		t.Errorf("markup inside %s: %q", open, inner)
	}
	return html.UnescapeString(inner)
}

// TestInlineLiteral renders each hostile string as a paragraph and checks
// that goldmark shows exactly the text, with no markup.
func TestInlineLiteral(t *testing.T) {
	for _, h := range hostile {
		want := strings.TrimSpace(collapse.ReplaceAllString(h, " "))
		if got := renderText(t, Inline(h)+"\n", "<p>", "</p>"); got != want {
			t.Errorf("Inline(%q) renders as %q, want %q", h, got, want)
		}
	}
}

// TestCellLiteral puts each hostile string in a table cell.
func TestCellLiteral(t *testing.T) {
	for _, h := range hostile {
		tab := &docmodel.Table{
			Columns: []docmodel.Column{{Header: docmodel.Plain("A")}, {Header: docmodel.Plain("B"), Kind: docmodel.CodeColumn}},
			Rows:    []*docmodel.Row{{Cells: []*docmodel.Cell{{Content: docmodel.Plain(h)}, {Content: docmodel.Plain(h)}}}},
		}
		md := string(BodyBytes(&docmodel.Document{Body: []docmodel.Block{tab}}))
		var b bytes.Buffer
		if err := gfm().Convert([]byte(md), &b); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.Count(out, "<td>") != 2 {
			t.Errorf("cell %q broke the table:\n%s\n%s", h, md, out)
			continue
		}
		cells := regexp.MustCompile(`(?s)<td>(.*?)</td>`).FindAllStringSubmatch(out, -1)
		want := strings.TrimSpace(collapse.ReplaceAllString(h, " "))
		if got := html.UnescapeString(cells[0][1]); got != want {
			t.Errorf("cell %q renders as %q", h, got)
		}
		code := strings.TrimSuffix(strings.TrimPrefix(cells[1][1], "<code>"), "</code>")
		if got := strings.TrimSpace(collapse.ReplaceAllString(html.UnescapeString(code), " ")); got != want {
			t.Errorf("code cell %q renders as %q", h, got)
		}
	}
}

func TestParaKeepsParagraphs(t *testing.T) {
	got := Para("First *para*\ngraph.\n\n# Second\n\n\n- third")
	want := "First \\*para\\* graph.\n\n\\# Second\n\n\\- third"
	if got != want {
		t.Errorf("Para = %q, want %q", got, want)
	}
}

func TestCodeFence(t *testing.T) {
	for in, want := range map[string]string{
		"plain":       "`plain`",
		"a`b":         "``a`b``",
		"`start":      "`` `start ``",
		"x ``` y":     "````x ``` y````",
		"multi\nline": "`multi line`",
		" a":          "` a`",
		" a ":         "`  a  `",
		" ":           "` `",
		"":            "",
	} {
		if got := Code(in); got != want {
			t.Errorf("Code(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzInline checks the escaping property on arbitrary text: rendered by
// goldmark, the escaped text is exactly the input with white space collapsed.
func FuzzInline(f *testing.F) {
	for _, h := range hostile {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			return // the spec loader refuses such text before it gets here
		}
		want := strings.TrimSpace(collapse.ReplaceAllString(s, " "))
		if want == "" {
			return
		}
		var b bytes.Buffer
		if err := gfm().Convert([]byte(Inline(s)+"\n"), &b); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !strings.HasPrefix(out, "<p>") || !strings.HasSuffix(out, "</p>\n") {
			t.Fatalf("Inline(%q) = %q renders as %q", s, Inline(s), out)
		}
		inner := out[3 : len(out)-5]
		if strings.Contains(inner, "<") {
			t.Fatalf("markup in %q", out)
		}
		if got := html.UnescapeString(inner); got != want {
			t.Fatalf("Inline(%q) = %q renders as %q", s, Inline(s), got)
		}
	})
}

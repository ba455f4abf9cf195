package html

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"

	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/markdown"
)

// headings formats the result of Headings as "level id text" lines.
func headings(src []byte) ([]string, error) {
	hs, err := Headings(src)
	var out []string
	for _, h := range hs {
		out = append(out, fmt.Sprintf("%d %s %s", h.Level, h.ID, h.Text))
	}
	return out, err
}

// pageOf renders Markdown as a page.
func pageOf(t *testing.T, md string) string {
	t.Helper()
	d, err := markdown.Read([]byte(md))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := writeDocument(&b, d, render.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestHeadings(t *testing.T) {
	md, err := os.ReadFile(filepath.Join("testdata", "fixture.md"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := headings(md)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"1 nag Meridian ViewPoint RX: network administrator guide",
		"2 nag-scope Scope and intended environment",
		"2 nag-diagram Network diagram",
		"2 nag-firewall Data streams and firewall rules",
		"3 nag-streams Data streams",
		"3 nag-rules Firewall rules",
		"2 nag-sbom Software bill of materials",
		"2 nag-checklist Hardening checklist",
		"2 nag-config Configuration",
		"2 reporting-a-vulnerability Reporting a vulnerability",
		"3 nag-contact Contact",
		"3 contact Contact",
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("Headings:\n got %s\nwant %s", g, w)
	}

	// The page of the same Markdown uses the same ids.
	page := pageOf(t, string(md))
	for _, h := range got[1:] {
		id := strings.Fields(h)[1]
		if !strings.Contains(page, `id="`+id+`"`) {
			t.Errorf("page lacks id %q", id)
		}
	}
}

func TestHeadingIDs(t *testing.T) {
	md := strings.Join([]string{
		`## <a id="first"></a>Anchor first`,
		`## Attribute {#attr-id}`,
		`## Bad attribute {#x onclick="alert(1)" style="color:red"}`,
		`## <a id="Bad"></a>Upper case anchor`,
		`## Setext`,
		`## Setext`,
		`## Überblick & Ziele — 2026`,
		`## Code ` + "`a|b`" + ` and *emphasis*`,
		`## !!!`,
		`## Explicit later wins <a id="setext"></a>`,
		`## Duplicate <a id="first"></a>`,
		`## Contents`,
		`## Page toc`,
		"Under line\n----------",
		"> ## Quoted",
		"Text[^1].\n\n[^1]: Note.\n\n    ## In a footnote",
	}, "\n\n")
	got, err := headings([]byte(md))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2 first Anchor first",
		"2 attr-id Attribute",
		"2 x Bad attribute",
		"2 upper-case-anchor Upper case anchor",
		"2 setext-1 Setext",
		"2 setext-2 Setext",
		"2 überblick--ziele--2026 Überblick & Ziele — 2026",
		"2 code-ab-and-emphasis Code a|b and emphasis",
		"2 section !!!",
		"2 setext Explicit later wins",
		"2 first-1 Duplicate",
		"2 contents-1 Contents",
		"2 page-toc-1 Page toc",
		"2 under-line Under line",
		"2 quoted Quoted",
		"2  In a footnote",
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("Headings:\n got %s\nwant %s", g, w)
	}
	page := pageOf(t, md)
	for _, h := range want {
		if id := strings.Split(h, " ")[1]; id != "" {
			if !strings.Contains(page, `id="`+id+`"`) {
				t.Errorf("page lacks id %q", id)
			}
		}
	}
	for _, bad := range []string{"onclick", "color:red", `id="Bad"`} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
}

func TestBadUTF8(t *testing.T) {
	if _, err := headings([]byte("# Title\n\nbad \xff byte\n")); err == nil || !strings.Contains(err.Error(), "13") {
		t.Errorf("Headings: err = %v, want the offset 13", err)
	}
}

func TestLeadingTitle(t *testing.T) {
	for _, tc := range []struct {
		md   string
		want string
	}{
		{"<!-- generated -->\n# Title\n\n## A\n", "Title"},
		{"# Title\n", "Title"},
		{"Intro.\n\n# Late\n", ""},
		{"## Not level 1\n", ""},
		{"", ""},
	} {
		doc := goldmark.New().Parser().Parse(text.NewReader([]byte(tc.md)))
		got := ""
		if h := LeadingTitle(doc); h != nil {
			got = string(h.Lines().Value([]byte(tc.md)))
		}
		if got != tc.want {
			t.Errorf("LeadingTitle(%q) = %q, want %q", tc.md, got, tc.want)
		}
	}
}

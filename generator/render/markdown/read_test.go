package markdown

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/docmodel"
)

// sample uses every construct of the dialect.
const sample = `---
title: Sample document
author: ACME Medical
keywords: [a, b]
lang: de
id: DOC-1
revision: B
date: 2026-10-15
---

# Ignored title

Intro with **bold**, *emphasis*, ~~gone~~, ` + "`code`" + `, a [link](https://example.com "Example"),
an autolink <https://example.org/x>, mail <security@example.com>, a [reference](#second-part)
and one to [another document](admin-guide.md#adm-sbom).\
After a hard break, a footnote[^note].

<a id="first-part"></a>

## First part

- [ ] open task
- [x] done task

1. one
2. two

   with a second paragraph

> [!WARNING]
> Do not do this.

> A plain quote.

| Left | Centre | Right |
| :--- | :---: | ---: |
| a \| b | ` + "`c\\|d`" + ` | 3 |

### Deeper {#custom-id}

![A diagram](diagram.svg "The caption")

` + "```yaml\nkey: value\n```" + `

Term
: Its description.

---

<div>raw block</div>

## Second part <a id="second-part"></a>

Text with <span>raw</span> inline.

[^note]: The footnote text.
`

var (
	lineRE   = regexp.MustCompile(` ?line=\d+`)
	spaceRE2 = regexp.MustCompile(`(?:[ \t]|\\n)+`)
)

// shape is Dump without source lines, which a round trip changes, and with
// white space collapsed, which the writer does on purpose.
func shape(d *docmodel.Document) string {
	s := lineRE.ReplaceAllString(docmodel.Dump(d), "")
	s = strings.ReplaceAll(s, "  []", "")
	return spaceRE2.ReplaceAllString(s, " ")
}

func TestReadSample(t *testing.T) {
	d, err := Read([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	got := docmodel.Dump(d)
	for _, want := range []string{
		`document "Sample document" lang=de`,
		"section h2 #first-part First part",
		"section h3 #custom-id Deeper",
		"section h2 #second-part Second part",
		"[link](https://example.com)",
		"[reference](->#second-part)",
		"[another document](->admin-guide#adm-sbom)",
		"[security@example.com](mailto:security@example.com)",
		"li [ ]", "li [x]", "ol start=1 loose",
		"warning", "quote", "figure image diagram.svg alt=\"A diagram\" caption=The caption",
		`code yaml "key: value\n"`, "dt Term", "hr", `html "<div>raw block</div>"`,
		"<raw <span>>raw<raw </span>>", "footnote 1", "a | b | `c|d` | 3", "⏎",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("dump lacks %q:\n%s", want, got)
		}
	}
	if d.Meta.Author != "ACME Medical" || d.Meta.ID != "DOC-1" || d.Meta.Date.Format("2006-01-02") != "2026-10-15" {
		t.Errorf("meta = %+v", d.Meta)
	}
	if strings.Contains(got, "Ignored title") {
		t.Errorf("the leading title stays in the body:\n%s", got)
	}
	// Lines point into the file, front matter included.
	want := 1 + strings.Count(sample[:strings.Index(sample, "## Second part")], "\n")
	if s := docmodel.FindSection(d, "second-part"); s == nil || s.Source.Line != want {
		t.Errorf("second part at line %d, want %d", s.Source.Line, want)
	}
}

func TestRoundTrip(t *testing.T) {
	d1, err := Read([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	md := Bytes(d1)
	d2, err := Read(md)
	if err != nil {
		t.Fatal(err)
	}
	d2.Meta = d1.Meta // the written Markdown has no front matter
	if a, b := shape(d1), shape(d2); a != b {
		t.Errorf("round trip changed the document:\n--- read\n%s\n--- written and read again\n%s\n--- markdown\n%s", a, b, md)
	}
}

func TestFrontMatterOnlyWhenMapping(t *testing.T) {
	for _, src := range []string{
		"---\n\nnot front matter\n---\n",
		"---\n- a list\n---\ntext\n",
		"---\nnever closed: yes\n",
		"---\n",
	} {
		d, err := Read([]byte(src))
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if d.Meta.Title != "" {
			t.Errorf("%q read as front matter", src)
		}
	}
	if _, err := Read([]byte("---\ndate: 15.10.2026\n---\n")); err == nil {
		t.Error("a bad date in front matter is accepted")
	}
}

// TestFrontMatterExample96 reads CommonMark example 96, which starts with
// a --- line but has no front matter: "Foo" between the first two --- lines
// is no YAML mapping, so the lines are a thematic break and two setext
// headings, and the document has no title.
func TestFrontMatterExample96(t *testing.T) {
	d, err := Read([]byte("---\nFoo\n---\nBar\n---\nBaz\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.Title != "" || len(d.Body) != 3 {
		t.Fatalf("meta %+v, %d blocks", d.Meta, len(d.Body))
	}
	if _, ok := d.Body[0].(*docmodel.ThematicBreak); !ok {
		t.Errorf("first block %T, want a thematic break", d.Body[0])
	}
	foo, ok1 := d.Body[1].(*docmodel.Section)
	bar, ok2 := d.Body[2].(*docmodel.Section)
	if !ok1 || !ok2 || foo.Level != 2 || docmodel.PlainText(foo.Title) != "Foo" || docmodel.PlainText(bar.Title) != "Bar" {
		t.Fatalf("blocks %#v %#v, want the sections Foo and Bar", d.Body[1], d.Body[2])
	}
	if len(bar.Blocks) != 1 {
		t.Fatalf("Bar holds %d blocks", len(bar.Blocks))
	}
	if p, ok := bar.Blocks[0].(*docmodel.Paragraph); !ok || docmodel.PlainText(p.Content) != "Baz" {
		t.Errorf("Bar holds %#v, want the paragraph Baz", bar.Blocks[0])
	}
}

// TestCommonMarkRoundTrip writes every example of the CommonMark spec back
// as Markdown and reads it again: the text must survive.
func TestCommonMarkRoundTrip(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-json", "github.com/yuin/goldmark").Output()
	if err != nil {
		t.Skip("go list failed:", err)
	}
	var mod struct{ Dir string }
	if json.Unmarshal(out, &mod) != nil || mod.Dir == "" {
		t.Skip("goldmark module directory unknown")
	}
	data, err := os.ReadFile(filepath.Join(mod.Dir, "_test", "spec.json"))
	if err != nil {
		t.Skip(err)
	}
	var examples []struct {
		Markdown string `json:"markdown"`
		Example  int    `json:"example"`
	}
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatal(err)
	}
	failed := 0
	for _, ex := range examples {
		d1, err := Read([]byte(ex.Markdown))
		if err != nil {
			t.Errorf("example %d: %v", ex.Example, err)
			continue
		}
		md := Bytes(d1)
		d2, err := Read(md)
		if err != nil {
			t.Errorf("example %d: written Markdown unreadable: %v", ex.Example, err)
			continue
		}
		d2.Meta = d1.Meta
		if a, b := shape(d1), shape(d2); a != b {
			failed++
			if failed <= 10 {
				t.Errorf("example %d changed:\n--- in\n%s\n--- read\n%s\n--- written\n%s\n--- read again\n%s", ex.Example, ex.Markdown, a, md, b)
			}
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d examples changed in a round trip", failed, len(examples))
	}
}

// FuzzRead checks that any input reads without panic, that what Write
// makes of it reads again, and that the text survives the round trip.
func FuzzRead(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("---\ntitle: x\n---\n# T\n\n<a id=\"a\"></a>\n\n## H\n\n- [ ] x\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d1, err := Read(src)
		if err != nil {
			return
		}
		d2, err := Read(Bytes(d1))
		if err != nil {
			t.Fatalf("written Markdown unreadable: %v", err)
		}
		_ = d2
	})
}

func TestHeadingAnchorsAndAliases(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"anchor line and inline anchor", "<a id=\"ifu-backup\"></a> <a id=\"backup\"></a>\n## Backup <a id=\"ifu-backup\"></a>\n", []string{"ifu-backup", "backup"}},
		{"unquoted span", "## Updates <span id=ifu-updates></span>\n", []string{"ifu-updates"}},
		{"attribute and inline anchor", "## Updates <a id=\"old\"></a> {#new}\n", []string{"old", "new"}},
		{"derived", "## Updates\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			s := d.Body[0].(*docmodel.Section)
			if got := s.AnchorIDs(); !slices.Equal(got, tt.want) {
				t.Fatalf("anchors %q, want %q", got, tt.want)
			}
			again, err := Read(Bytes(d))
			if err != nil {
				t.Fatal(err)
			}
			if got := again.Body[0].(*docmodel.Section).AnchorIDs(); !slices.Equal(got, tt.want) {
				t.Errorf("after writing and reading again: anchors %q, want %q\n%s", got, tt.want, Bytes(d))
			}
		})
	}
}

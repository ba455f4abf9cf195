package docscheck

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// FuzzHeadings checks the invariants of heading extraction on arbitrary
// input: no panic, positions inside the file and in document order, clean
// text and anchors, a stable normal form, and a front-matter blanking that
// keeps every offset.
func FuzzHeadings(f *testing.F) {
	f.Add([]byte("# Title\n\n## Security updates <a id=\"ifu-updates\"></a>\n\nText.\n"))
	f.Add([]byte("---\ndocgen-target: ifu\n---\n## 4.2 Backup & Restore {#ifu-backup}\n\nTODO\n"))
	lex := en(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		blank := blankFrontMatter(src)
		if len(blank) != len(src) || bytes.Count(blank, []byte("\n")) != bytes.Count(src, []byte("\n")) {
			t.Fatalf("blanking the front matter moved offsets: %q -> %q", src, blank)
		}
		hs := Headings(src)
		lines := bytes.Count(src, []byte("\n")) + 1
		for i, h := range hs {
			if h.Level < 1 || h.Level > 6 {
				t.Errorf("heading %d: level %d", i, h.Level)
			}
			if h.Line < 1 || h.Line > lines || h.Col < 1 {
				t.Errorf("heading %d: position %d:%d outside the %d lines", i, h.Line, h.Col, lines)
			}
			if i > 0 && h.Line < hs[i-1].Line {
				t.Errorf("heading %d on line %d comes after line %d", i, h.Line, hs[i-1].Line)
			}
			if h.Text != strings.Join(strings.Fields(h.Text), " ") {
				t.Errorf("heading %d: text %q not collapsed", i, h.Text)
			}
			for _, a := range h.Anchors {
				if a == "" || a != strings.TrimSpace(a) {
					t.Errorf("heading %d: anchor %q", i, a)
				}
			}
			for _, w := range lex.terms(h.Text) {
				if w == "" || lex.stop[w] || w != strings.TrimSpace(w) {
					t.Errorf("heading %d: term %q of %q", i, w, h.Text)
				}
			}
			if _, err := ReadMarkdown("doc.md", src); err != nil && !strings.HasPrefix(err.Error(), "doc.md:") {
				t.Errorf("error without position: %v", err)
			}
		}
		if again := Headings(src); !reflect.DeepEqual(again, hs) {
			t.Errorf("Headings not deterministic: %+v, then %+v", hs, again)
		}
	})
}

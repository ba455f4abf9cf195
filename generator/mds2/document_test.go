package mds2_test

import (
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/mds2"
)

// TestAppendix lays out each example's statement as a document: no
// structural problem, one section per section of the form with a unique
// anchor, one row per question with the spec paths of its answer, and the
// reason in the note of every question the spec cannot answer.
func TestAppendix(t *testing.T) {
	for _, name := range exampleNames {
		t.Run(name, func(t *testing.T) {
			st, s := exampleStatement(t, name)
			d := st.Appendix(mds2.AppendixOptions{Language: s.Language, Date: s.Document.Date.Time})
			if ps := docmodel.Problems(d); len(ps) > 0 {
				t.Errorf("problems: %v", ps)
			}
			if d.Meta.Name != mds2.DocumentName || !strings.HasSuffix(d.Meta.ID, "-MDS2") || len(d.Meta.Control) < 5 {
				t.Errorf("meta %+v", d.Meta)
			}
			secs := docmodel.Sections(d)
			if len(secs) != 23 {
				t.Fatalf("%d sections", len(secs))
			}
			seen := map[string]bool{}
			rows := 0
			results := st.Results()
			for _, sec := range secs {
				if seen[sec.Anchor] || !strings.HasPrefix(sec.Anchor, "mds2-") {
					t.Errorf("anchor %q", sec.Anchor)
				}
				seen[sec.Anchor] = true
				for _, bl := range sec.Blocks {
					tab, ok := bl.(*docmodel.Table)
					if !ok {
						t.Fatalf("section %s holds %T", sec.Anchor, bl)
					}
					for _, row := range tab.Rows {
						r := results[rows]
						rows++
						if docmodel.PlainText(row.Cells[0].Content) != r.ID {
							t.Fatalf("row %d is %q, want %s", rows, docmodel.PlainText(row.Cells[0].Content), r.ID)
						}
						if r.Value != (len(row.Cells) == 3) {
							t.Errorf("%s: %d cells", r.ID, len(row.Cells))
						}
						note := docmodel.PlainText(row.Cells[len(row.Cells)-1].Content)
						switch {
						case r.Answered() && len(row.Source.Paths) == 0:
							t.Errorf("%s: row without spec paths", r.ID)
						case !r.Answered() && !strings.Contains(note, r.Gap):
							t.Errorf("%s: unanswered without the reason: %q", r.ID, note)
						}
					}
				}
			}
			if rows != 240 {
				t.Errorf("%d rows, want 240", rows)
			}
		})
	}
}

func TestAppendixDraft(t *testing.T) {
	st, _ := exampleStatement(t, "lab-analyzer")
	d := st.Appendix(mds2.AppendixOptions{Draft: true})
	if !d.Meta.Draft || d.Meta.DraftNotice == "" || d.Meta.Language != "en" {
		t.Errorf("meta %+v", d.Meta)
	}
}

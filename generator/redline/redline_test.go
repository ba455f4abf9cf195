package redline

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/docmodel"
)

// doc makes a document with a section of paragraphs and a table.
func doc(paras []string, rows [][]string) *docmodel.Document {
	var blocks []docmodel.Block
	for _, p := range paras {
		blocks = append(blocks, &docmodel.Paragraph{Content: docmodel.Plain(p)})
	}
	t := &docmodel.Table{ID: "rules", Columns: []docmodel.Column{{Header: docmodel.Plain("Rule")}, {Header: docmodel.Plain("Ports")}}}
	for _, r := range rows {
		row := &docmodel.Row{}
		for _, c := range r {
			row.Cells = append(row.Cells, &docmodel.Cell{Content: docmodel.Plain(c)})
		}
		t.Rows = append(t.Rows, row)
	}
	blocks = append(blocks, t)
	return &docmodel.Document{
		Meta: docmodel.Meta{Title: "Guide", Language: "en", Control: []docmodel.Field{{Name: "Revision", Value: "D"}}},
		Body: []docmodel.Block{&docmodel.Section{Level: 2, Anchor: "net", Title: docmodel.Plain("Firewall rules"), Blocks: blocks}},
	}
}

func TestChanges(t *testing.T) {
	base := doc([]string{"One.", "Two.", "Three."}, [][]string{{"fw-01", "104"}, {"fw-02", "2762"}})
	tests := []struct {
		name string
		cur  *docmodel.Document
		want string
	}{
		{"same", doc([]string{"One.", "Two.", "Three."}, [][]string{{"fw-01", "104"}, {"fw-02", "2762"}}), ""},
		{"paragraph changed", doc([]string{"One.", "Two!", "Three."}, [][]string{{"fw-01", "104"}, {"fw-02", "2762"}}), "Firewall rules -1 +1"},
		{"paragraph added", doc([]string{"One.", "Two.", "Two and a half.", "Three."}, [][]string{{"fw-01", "104"}, {"fw-02", "2762"}}), "Firewall rules -0 +1"},
		{"row changed", doc([]string{"One.", "Two.", "Three."}, [][]string{{"fw-01", "104"}, {"fw-02", "9443"}}), "Firewall rules -1 +1"},
		{"row removed, paragraph removed", doc([]string{"One.", "Three."}, [][]string{{"fw-02", "2762"}}), "Firewall rules -1 +0; Firewall rules -1 +0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range Changes(base, tc.cur) {
				got = append(got, fmt.Sprintf("%s -%d +%d", c.Section, c.Deleted, c.Inserted))
			}
			if s := strings.Join(got, "; "); s != tc.want {
				t.Errorf("changes %q, want %q", s, tc.want)
			}
		})
	}
}

// TestHTML checks the page: deletions and insertions marked in place, a
// changed row deleted and inserted within its table, every text escaped,
// nothing loaded from elsewhere, the same bytes every time.
func TestHTML(t *testing.T) {
	old := doc([]string{"Keep <this> & that.", "Old \"words\"."}, [][]string{{"fw-01", "104"}, {"fw-02", "2762"}})
	cur := doc([]string{"Keep <this> & that.", "New <script>alert(1)</script>."}, [][]string{{"fw-01", "104"}, {"fw-02", "9443"}})
	page := HTML(old, cur, Options{OldLabel: "v1:device.yaml", NewLabel: "device.yaml", Context: -1})
	s := string(page)
	for _, want := range []string{
		`<p>Keep &lt;this&gt; &amp; that.</p>`,
		`<p class="del" id="change-1"><del>Old &#34;words&#34;.</del></p>`,
		`<p class="ins"><ins>New &lt;script&gt;alert(1)&lt;/script&gt;.</ins></p>`,
		`<tr class="del" id="change-2"><td><del>fw-02</del></td><td><del>2762</del></td></tr>`,
		`<tr class="ins"><td><ins>fw-02</ins></td><td><ins>9443</ins></td></tr>`,
		`<a href="#change-2">`,
		"v1:device.yaml",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %s:\n%s", want, s)
		}
	}
	if n := strings.Count(s, "<table>"); n != 1 {
		t.Errorf("the changed rows are in %d tables, want the one table they belong to", n)
	}
	if regexp.MustCompile(`(?i)<script|<link|<img|\ssrc=|href="(?:https?:|//)|@import|url\(`).MatchString(s) {
		t.Error("the page is not self-contained, or runs script")
	}
	if !bytes.Equal(page, HTML(old, cur, Options{OldLabel: "v1:device.yaml", NewLabel: "device.yaml", Context: -1})) {
		t.Error("the page differs between runs")
	}
}

// TestHTMLFolds checks that long runs of unchanged blocks are folded and
// the blocks around a change are shown.
func TestHTMLFolds(t *testing.T) {
	var paras []string
	for i := 0; i < 20; i++ {
		paras = append(paras, fmt.Sprintf("Paragraph %d.", i))
	}
	cur := append([]string{}, paras...)
	cur[15] = "Paragraph fifteen."
	s := string(HTML(doc(paras, nil), doc(cur, nil), Options{}))
	if !strings.Contains(s, `<details class="same">`) {
		t.Fatal("no folded run")
	}
	// What is shown between the fold before the change and the one after.
	at := strings.Index(s, "Paragraph fifteen.")
	shown := s[strings.LastIndex(s[:at], "</details>"):]
	shown = shown[:strings.Index(shown, "<details")]
	for _, p := range []string{"Paragraph 13.", "Paragraph 14.", "Paragraph fifteen.", "Paragraph 16.", "Paragraph 17."} {
		if !strings.Contains(shown, p) {
			t.Errorf("%s is not shown next to the change", p)
		}
	}
	if strings.Contains(shown, "Paragraph 12.") {
		t.Error("paragraph 12 is not folded")
	}
	if same := string(HTML(doc(paras, nil), doc(paras, nil), Options{})); !strings.Contains(same, "The generated text is the same") {
		t.Error("identical documents are not said to be the same")
	}
}

package pdf

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/pdf/layout"
	"github.com/docgen/docgen/generator/render/pdf/pdftext"
)

// pageText returns the text operations of a laid-out page, in drawing
// order.
func pageText(p *layout.Page) []layout.Text {
	var out []layout.Text
	for _, op := range p.Ops {
		if t, ok := op.(layout.Text); ok {
			out = append(out, t)
		}
	}
	return out
}

// TestWordsStayWhole checks that no word of a table is broken when its
// column can hold it: the words a reviewer saw broken ("Authenticat|ion",
// "passw|ord-derived", "Query/retriev|e") each come out in one piece, in a
// seven-column table on a portrait page.
func TestWordsStayWhole(t *testing.T) {
	md := "# T\n\n| Code | Capability | Control | Data | As delivered | Configurable | Notes |\n" +
		"| --- | --- | --- | --- | --- | --- | --- |\n" +
		"| PAUT | Person Authentication | Named user accounts with password-derived keys | Query/retrieve of studies | enabled | yes | Accounts are reviewed every quarter by the administrator of the hospital. |\n" +
		"| AUTH | Authorization | Role-based permissions | Query/retrieve | enabled | yes | – |\n"
	doc, _ := layoutMD(t, md, render.Options{})
	if w := doc.Pages[0].Template.Width; w != sizeA4[0] {
		t.Errorf("the table went on a page %v wide; it fits a portrait page", w)
	}
	var texts []string
	for _, p := range doc.Pages {
		for _, tx := range pageText(p) {
			texts = append(texts, tx.S)
		}
	}
	all := strings.Join(texts, "\n")
	for _, word := range []string{"Authentication", "password-derived", "Query/retrieve", "Authorization", "Role-based", "permissions", "administrator", "Configurable"} {
		if !strings.Contains(all, word) {
			t.Errorf("%q is broken:\n%s", word, layout.Dump(doc.Pages))
		}
	}
}

// TestWideTableLandscape checks that a table whose words do not fit a
// portrait page goes, with its heading and lead-in, on pages turned to
// landscape (of the same paper), with its words whole, and that the text
// after it continues on a portrait page.
func TestWideTableLandscape(t *testing.T) {
	var b strings.Builder
	b.WriteString("# T\n\nIntroduction.\n\n## Data streams\n\nThe matrix of data streams:\n\n|")
	cols := []string{"Stream", "Source", "Destination", "Protocol", "Transport", "Port", "Encryption", "Authentication", "Addressing", "Certificates", "Justification"}
	for _, c := range cols {
		b.WriteString(" " + c + " |")
	}
	b.WriteString("\n|" + strings.Repeat(" --- |", len(cols)) + "\n")
	for r := 0; r < 30; r++ {
		b.WriteString("|")
		for _, c := range cols {
			fmt.Fprintf(&b, " %s-%02d |", strings.ToLower(c), r)
		}
		b.WriteString("\n")
	}
	b.WriteString("\n## After\n\nText after the table.\n")
	doc, _ := layoutMD(t, b.String(), render.Options{})
	dump := layout.Dump(doc.Pages)
	landscape, portraitAfter := 0, false
	for _, p := range doc.Pages {
		texts := pageText(p)
		isLand := p.Template.Width == sizeA4[1] && p.Template.Height == sizeA4[0]
		for _, tx := range texts {
			switch {
			case tx.S == "Data streams" || strings.HasPrefix(tx.S, "The matrix"):
				if !isLand {
					t.Errorf("%q is not on the landscape page of its table", tx.S)
				}
			case tx.S == "Text after the table.":
				portraitAfter = !isLand
			}
			for _, c := range cols {
				if strings.HasPrefix(tx.S, strings.ToLower(c[:3])) && !strings.HasPrefix(tx.S, strings.ToLower(c)) && strings.Contains(tx.S, "-") {
					t.Errorf("word broken: %q", tx.S)
				}
			}
		}
		if isLand {
			landscape++
		} else if p.Template.Width != sizeA4[0] {
			t.Errorf("a page of %v x %v: the paper changed", p.Template.Width, p.Template.Height)
		}
	}
	if landscape == 0 || !portraitAfter {
		t.Errorf("%d landscape pages, text after on a portrait page %v:\n%s", landscape, portraitAfter, dump)
	}
	if doc.Pages[0].Template.Width != sizeA4[0] {
		t.Error("the document does not start portrait")
	}
}

// TestLongTokensBreak checks how words too long for their column break: at
// a natural point (after / . - _ : @ = and the like, or between a lower-
// and an upper-case letter) where there is one, else with a visible marker
// that is not part of the text (an artifact).
func TestLongTokensBreak(t *testing.T) {
	st := layout.Style{Face: 0, Size: 8, Color: layout.Black, Back: layout.None, Tag: layout.NewElem("P")}
	natural := regexp.MustCompile(`([ /.\-_:@?&=,;#%+~|]|[a-z](?:[A-Z]|$))$`)
	for _, tc := range []struct {
		token  string
		marker bool
	}{
		{"pkg:maven/org.example.group1/component-with-a-long-name@1.2.3?type=jar", false},
		{"https://example.com/a/very/long/path/to/a/document.pdf", false},
		{"aVeryLongCamelCaseIdentifierThatGoesOnAndOnWithoutEnd", false},
		{"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true},
	} {
		var in layout.Inline
		s := st
		in.Add(tc.token, &s)
		lines := in.Lines(60, 1.3, &s)
		if len(lines) < 2 {
			t.Fatalf("%s: %d lines", tc.token, len(lines))
		}
		var text strings.Builder
		for i, ln := range lines {
			var line strings.Builder
			markers := 0
			for _, f := range ln.Frags {
				if f.S == layout.BreakMarker {
					markers++
					if f.St.Tag != nil || f.St.Color != layout.MarkerColor {
						t.Errorf("%s: the marker is content or not muted: %+v", tc.token, f.St)
					}
					continue
				}
				line.WriteString(f.S)
			}
			text.WriteString(line.String())
			if i == len(lines)-1 {
				continue
			}
			switch {
			case tc.marker && markers != 1:
				t.Errorf("%s: line %d %q has no break marker", tc.token, i+1, line.String())
			case !tc.marker && (markers != 0 || !natural.MatchString(line.String())):
				t.Errorf("%s: line %d %q does not end at a natural break point", tc.token, i+1, line.String())
			}
			if ln.Width > 60+1e-6 {
				t.Errorf("%s: line %d is %.1f wide", tc.token, i+1, ln.Width)
			}
		}
		if text.String() != tc.token {
			t.Errorf("%s: the lines say %q", tc.token, text.String())
		}
	}
}

// TestTableContinuation checks that wherever a page break falls in a
// table, at least two body rows stand on either side: the heading, header
// and one row never end a page, and one row never stands alone on the
// next.
func TestTableContinuation(t *testing.T) {
	for filler := 0; filler < 60; filler += 3 {
		var b strings.Builder
		b.WriteString("# T\n\n")
		for i := 0; i < filler; i++ {
			b.WriteString("A line of filler text that takes up room on the page.\n\n")
		}
		b.WriteString("## Rules\n\n| Rule | Meaning |\n| --- | --- |\n")
		for r := 1; r <= 24; r++ {
			fmt.Fprintf(&b, "| row-%02d | The rule number %d. |\n", r, r)
		}
		doc, _ := layoutMD(t, b.String(), render.Options{})
		var counts []int
		for _, p := range doc.Pages {
			n := 0
			for _, tx := range pageText(p) {
				if strings.HasPrefix(tx.S, "row-") {
					n++
				}
			}
			if n > 0 {
				counts = append(counts, n)
			}
		}
		for i, n := range counts {
			if n < 2 {
				t.Errorf("filler %d: the table's page %d of %d holds %d body row(s): %v", filler, i+1, len(counts), n, counts)
			}
		}
	}
}

// TestRunningHeaderShortened checks that a title too long for the running
// header is cut after a whole word and ends with an ellipsis.
func TestRunningHeaderShortened(t *testing.T) {
	title := "Aurelion CX-800 Integrated Chemistry and Immunoassay System – Network administrator guide for hospital IT"
	doc, _ := layoutMD(t, "Text.\n", render.Options{}, func(m *docmodel.Meta) {
		m.Title, m.ID, m.Revision = title, "AUR-CX800-CYB-007-NET", "05"
	})
	header := ""
	for _, tx := range pageText(doc.Pages[0]) {
		if tx.Y == headerBase && tx.X < doc.Pages[0].Template.Width/2 {
			header += tx.S
		}
	}
	prefix, ok := strings.CutSuffix(header, "\u2026")
	if !ok || len(prefix) < 20 || !strings.HasPrefix(title, prefix) || title[len(prefix)] != ' ' {
		t.Errorf("running header %q is not the title cut after a word, with an ellipsis", header)
	}
}

// TestSpacesBetweenStyles checks that the spaces between bold, italic and
// code words are written as space characters, so that copied text keeps
// the words apart.
func TestSpacesBetweenStyles(t *testing.T) {
	doc, _ := layoutMD(t, "**bold** *italic* `code` **x**, end\n", render.Options{})
	var s string
	for _, tx := range pageText(doc.Pages[0]) {
		if tx.Y < 60 || tx.Y > 780 {
			continue // running header and footer
		}
		s += tx.S
	}
	if s != "bold italic code x, end" {
		t.Errorf("the text operations say %q", s)
	}
	data, _ := renderMD(t, "**bold** *italic* `code` **x**, end\n", render.Options{})
	readPDF(t, data)
	d, err := pdftext.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if lines := d.Pages[0].Lines(); !slices.Contains(lines, "bold italic code x, end") {
		t.Errorf("extracted lines %q", lines)
	}
}

package docxcheck

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

func zipOf(t *testing.T, files ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for i := 0; i+1 < len(files); i += 2 {
		w, _ := z.Create(files[i])
		w.Write([]byte(files[i+1]))
	}
	z.Close()
	return b.Bytes()
}

const (
	types = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	rootRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	docStart = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>`
)

// TestProblems: each defect of a package is found.
func TestProblems(t *testing.T) {
	good := docStart + `<w:p><w:bookmarkStart w:id="0" w:name="a"/><w:bookmarkEnd w:id="0"/><w:hyperlink w:anchor="a"/></w:p></w:body></w:document>`
	cases := []struct {
		name  string
		files []string
		want  string
	}{
		{"good", []string{"[Content_Types].xml", types, "_rels/.rels", rootRels, "word/document.xml", good}, ""},
		{"order", []string{"_rels/.rels", rootRels, "[Content_Types].xml", types, "word/document.xml", good}, "not the first zip entry"},
		{"malformed", []string{"[Content_Types].xml", types, "_rels/.rels", rootRels, "word/document.xml", docStart}, "word/document.xml: XML syntax error"},
		{"no type", []string{"[Content_Types].xml", types, "_rels/.rels", rootRels, "word/document.xml", good, "word/x.bin", "x"}, "word/x.bin has no content type"},
		{"missing target", []string{"[Content_Types].xml", types, "_rels/.rels", rootRels, "word/document.xml", good,
			"word/_rels/document.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t" Target="styles.xml"/></Relationships>`},
			"rId1 points to the missing part word/styles.xml"},
		{"undefined r:id", []string{"[Content_Types].xml", types, "_rels/.rels", rootRels,
			"word/document.xml", docStart + `<w:p><w:hyperlink r:id="rId9"/></w:p></w:body></w:document>`,
			"word/_rels/document.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`},
			`hyperlink r:id="rId9" has no relationship`},
		{"dangling link", []string{"[Content_Types].xml", types, "_rels/.rels", rootRels,
			"word/document.xml", docStart + `<w:p><w:hyperlink w:anchor="nowhere"/></w:p></w:body></w:document>`}, `internal link to "nowhere"`},
		{"open bookmark", []string{"[Content_Types].xml", types, "_rels/.rels", rootRels,
			"word/document.xml", docStart + `<w:p><w:bookmarkStart w:id="3" w:name="b"/></w:p></w:body></w:document>`}, "bookmark 3 is never closed"},
	}
	for _, c := range cases {
		d, err := Open(zipOf(t, c.files...))
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(d.Problems(), "\n")
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("%s: problems %q, want %q", c.name, got, c.want)
		}
	}
}

func TestOutline(t *testing.T) {
	styles := `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:styleId="H"><w:name w:val="heading 2"/></w:style></w:styles>`
	doc := docStart + `<w:p><w:pPr><w:pStyle w:val="H"/></w:pPr><w:r><w:t>Head</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:instrText> TOC \o "1-3" </w:instrText></w:r></w:p></w:body></w:document>`
	d, err := Open(zipOf(t, "[Content_Types].xml", types, "_rels/.rels", rootRels, "word/document.xml", doc, "word/styles.xml", styles,
		"word/_rels/document.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`))
	if err != nil {
		t.Fatal(err)
	}
	o := d.Outline()
	if len(o.Headings) != 1 || o.Headings[0].Level != 2 || o.Headings[0].Text != "Head" {
		t.Errorf("headings %+v", o.Headings)
	}
	if len(o.Tables) != 1 || !o.Tables[0].Header || o.Tables[0].Rows[1][0] != "1" {
		t.Errorf("tables %+v", o.Tables)
	}
	if o.TOC != `TOC \o "1-3"` {
		t.Errorf("TOC %q", o.TOC)
	}
}

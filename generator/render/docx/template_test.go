package docx

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/docx/docxcheck"
)

// writeZip writes files (name, content pairs) as a zip into dir and
// returns its path.
func writeZip(t testing.TB, dir, name string, files ...string) string {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := z.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[i+1]))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const (
	tplTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Default Extension="tif" ContentType="image/tiff"/></Types>`
	tplRootRels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	tplDocRels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>`
	// tplStyles is a German company template: Word's built-in styles have
	// German ids, heading 2 is numbered, the template has its own style
	// with docgen's id SourceCode, and attributes in Word 2010's namespace
	// that mc:Ignorable names by prefix.
	tplStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="22"/><w:lang w:val="de-DE" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="123456" w14:themeShade="BF"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Standard"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:sz w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Standard"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="SourceCode"><w:name w:val="Company Code"/></w:style>
</w:styles>`
	tplNumbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:v="urn:schemas-microsoft-com:vml">
<w:numPicBullet w:numPicBulletId="0"><w:pict><v:shape id="b" style="width:9pt;height:9pt"><v:imagedata r:id="rId1" o:title="" xmlns:o="urn:schemas-microsoft-com:office:office"/></v:shape></w:pict></w:numPicBullet>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlPicBulletId w:val="0"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="7"/></w:num>
<w:numIdMacAtCleanup w:val="3"/>
</w:numbering>`
	tplNumberingRels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.tif"/></Relationships>`
	tplTheme = `<?xml version="1.0"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Company"><a:themeElements/></a:theme>`
)

// companyTemplate writes a template with every kind of part docgen takes.
func companyTemplate(t testing.TB, dir string) string {
	return writeZip(t, dir, "company.dotx",
		"[Content_Types].xml", tplTypes, "_rels/.rels", tplRootRels,
		"word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>`,
		"word/_rels/document.xml.rels", tplDocRels, "word/styles.xml", tplStyles,
		"word/numbering.xml", tplNumbering, "word/_rels/numbering.xml.rels", tplNumberingRels,
		"word/media/image1.tif", "II*\x00 not really a tiff", "word/theme/theme1.xml", tplTheme)
}

// TestTemplate renders the sample with a company template: headings take
// the template's heading styles, whatever their ids; the template's parts
// survive byte for byte; docgen adds the styles and lists the template
// lacks, with ids of their own.
func TestTemplate(t *testing.T) {
	opts := sampleOptions(t)
	opts.Template = companyTemplate(t, t.TempDir())
	doc, warns, _ := renderDoc(t, sampleDoc(), opts)
	if len(warns) > 0 {
		t.Errorf("warnings %v", warns)
	}
	o := doc.Outline()
	if o.Headings[0].Style != "berschrift1" || o.Headings[2].Style != "berschrift2" || o.Headings[2].Level != 2 {
		t.Errorf("headings %+v", o.Headings)
	}
	styles := string(doc.Parts["word/styles.xml"])
	for _, want := range []string{
		`mc:Ignorable="w14"`, `<w:color w:val="123456" w14:themeShade="BF"/>`, // the template's own bytes
		`<w:lang w:val="sv-SE" w:eastAsia="zh-CN" w:bidi="ar-SA"/>`,  // the document's language, the template's others
		`<w:style w:type="paragraph" w:styleId="SourceCodeDocgen1">`, // docgen's style, renamed
		`<w:link w:val="SourceCodeDocgen1"/>`,                        // and the reference to it
		`<w:style w:type="paragraph" w:styleId="Title">`,
	} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	if strings.Count(styles, `<w:name w:val="Normal"/>`) != 1 || strings.Contains(styles, `w:styleId="Normal"`) {
		t.Error("docgen added a second Normal style")
	}
	if strings.Count(styles, `w:default="1"`) != 1 {
		t.Error("docgen's styles claim to be defaults in a template")
	}
	if !strings.Contains(styles, `<w:basedOn w:val="Standard"/>`) {
		t.Error("docgen's styles are not based on the template's Normal")
	}
	x := string(doc.Parts["word/document.xml"])
	if !strings.Contains(x, `<w:pStyle w:val="SourceCodeDocgen1"/>`) {
		t.Error("the code block does not use docgen's code style")
	}
	num := string(doc.Parts["word/numbering.xml"])
	for _, want := range []string{`<w:abstractNum w:abstractNumId="0">`, `<w:abstractNum w:abstractNumId="8">`, `<w:abstractNum w:abstractNumId="9">`,
		`<w:num w:numId="5">`, `<w:num w:numId="6">`, "<w:numIdMacAtCleanup w:val=\"3\"/>\n</w:numbering>"} {
		if !strings.Contains(num, want) {
			t.Errorf("numbering.xml lacks %s", want)
		}
	}
	if strings.Index(num, `w:abstractNumId="9">`) > strings.Index(num, `<w:num w:numId="1">`) {
		t.Error("an abstract numbering comes after a numbering instance")
	}
	if !strings.Contains(x, `<w:numId w:val="5"/>`) {
		t.Error("the lists do not use docgen's numbering ids")
	}
	if doc.Parts["word/theme/theme1.xml"] == nil || doc.Parts["word/media/template1-image1.tif"] == nil {
		t.Errorf("theme or picture bullet missing: %v", doc.Names)
	}
	if rels := doc.Rels("word/numbering.xml"); len(rels) != 1 || rels[0].Target != "media/template1-image1.tif" {
		t.Errorf("numbering relationships %+v", rels)
	}
	if app := string(doc.Parts["docProps/app.xml"]); !strings.Contains(app, "<Template>company.dotx</Template>") {
		t.Errorf("app.xml: %s", app)
	}
}

// TestTemplatePrefix: a template whose styles part uses WordprocessingML
// as its default namespace, without docDefaults, still gets valid styles
// and the document language.
func TestTemplatePrefix(t *testing.T) {
	styles := `<?xml version="1.0"?><styles xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<style type="paragraph" default="1" styleId="Normal"><name val="Normal"/></style></styles>`
	p := writeZip(t, t.TempDir(), "plain.docx", "[Content_Types].xml", tplTypes, "_rels/.rels", tplRootRels,
		"word/_rels/document.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
			`<Relationship Id="s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/word/styles.xml"/></Relationships>`,
		"word/styles.xml", styles)
	opts := sampleOptions(t)
	opts.Template = p
	doc, _, _ := renderDoc(t, sampleDoc(), opts)
	names := doc.StyleNames()
	if names["Heading1"] != "heading 1" || names["SourceCode"] != "Source Code" {
		t.Errorf("docgen's styles were not added: %v", names)
	}
	s := string(doc.Parts["word/styles.xml"])
	if !strings.Contains(s, `<w:docDefaults xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:rPrDefault><w:rPr><w:lang w:val="sv-SE"/>`) {
		t.Errorf("no language: %s", s[:400])
	}
}

// TestTemplateErrors: files that are no Word template are refused with an
// error that names the file and says what to do.
func TestTemplateErrors(t *testing.T) {
	dir := t.TempDir()
	notZip := filepath.Join(dir, "notes.txt")
	os.WriteFile(notZip, []byte("hello"), 0o644)
	stylesOnly := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
	strict := strings.ReplaceAll(tplStyles, "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main")
	cases := map[string]string{
		notZip:                             "not a valid zip file",
		filepath.Join(dir, "missing.dotx"): "no such file",
		writeZip(t, dir, "empty.docx", "a.txt", "x"): "not a Word document or template",
		writeZip(t, dir, "nostyles.docx", "_rels/.rels", tplRootRels, "word/_rels/document.xml.rels", `<Relationships/>`):                          "has no styles part",
		writeZip(t, dir, "strict.docx", "_rels/.rels", tplRootRels, "word/_rels/document.xml.rels", stylesOnly, "word/styles.xml", strict):         "Strict Open XML",
		writeZip(t, dir, "broken.docx", "_rels/.rels", tplRootRels, "word/_rels/document.xml.rels", stylesOnly, "word/styles.xml", "<w:styles"):    "XML syntax error",
		writeZip(t, dir, "nonumbering.docx", "_rels/.rels", tplRootRels, "word/_rels/document.xml.rels", tplDocRels, "word/styles.xml", tplStyles): "numbering.xml it refers to is missing",
	}
	for path, want := range cases {
		var b bytes.Buffer
		_, err := renderer{}.Render(&b, sampleDoc(), render.Options{Template: path})
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), path+": cannot use this file as a Word template") {
			t.Errorf("%s: error %v, want one about %q", filepath.Base(path), err, want)
		}
	}
}

// TestOwnOutputAsTemplate: a document docgen wrote is a valid template
// and gives the same styles back.
func TestOwnOutputAsTemplate(t *testing.T) {
	_, _, data := renderDoc(t, sampleDoc(), sampleOptions(t))
	p := filepath.Join(t.TempDir(), "own.docx")
	os.WriteFile(p, data, 0o644)
	opts := sampleOptions(t)
	opts.Template = p
	doc, _, _ := renderDoc(t, sampleDoc(), opts)
	d0, _ := docxcheck.Open(data)
	if string(doc.Parts["word/styles.xml"]) != string(d0.Parts["word/styles.xml"]) {
		t.Error("the styles changed when a document was its own template")
	}
}

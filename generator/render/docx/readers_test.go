package docx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/render"
)

// These tests read the documents back with independent readers where
// they are installed: pandoc (a DOCX parser of its own) and LibreOffice
// (a word processor). They skip cleanly where the programs are missing.

// TestPandoc converts the Markdown sample to Word and back to Markdown with
// pandoc: the headings, the table, the lists, the code, the footnote and
// the links come back.
func TestPandoc(t *testing.T) {
	pandoc, err := exec.LookPath("pandoc")
	if err != nil {
		t.Skip("pandoc is not installed")
	}
	_, _, data := renderDoc(t, readSample(t), render.Options{TitlePage: true})
	p := filepath.Join(t.TempDir(), "sample.docx")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(pandoc, "-f", "docx", "-t", "markdown", "--wrap=none", p)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pandoc: %v\n%s", err, stderr.String())
	}
	md := string(out)
	for _, want := range []string{
		"# First part", "## Deeper", "### Level four", "#### Level five", "##### Level six",
		"[reference](#first-part)",        // an internal link to a heading
		"(admin-guide.docx#adm_sbom)",     // a link to another document's section
		"(https://example.com/a?b=1&c=2)", // a web link
		"-   [ ] open task",               // a task list
		"1.  deep ordered",                // a nested ordered list
		"a \\| b",                         // a table cell
		"2026-10-15",                      // another one
		"    key: value",                  // the code block
		"[^1]: The footnote text, with a [link](https://example.net).",
		"Term\n\n:   Its definition.", // the definition list
		"Do not connect the device to the internet.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("pandoc's Markdown lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(md)
	}
}

// TestLibreOffice converts the model sample to PDF with LibreOffice, which
// repairs nothing silently in headless mode and fails on a package it
// cannot read, and checks the text of the pages when pdftotext is there.
func TestLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: starts LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice is not installed")
	}
	dir := t.TempDir()
	d := sampleDoc()
	d.Meta.Draft, d.Meta.DraftNotice = true, "Not for release."
	_, _, data := renderDoc(t, d, sampleOptions(t))
	in := filepath.Join(dir, "sample.docx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "sample.pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("LibreOffice wrote no PDF: %v", err)
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		return
	}
	out, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{"Administrator guide", "Document control", "Contents", "Introduction", "Ports",
		"443/tcp", "2026-01-15", "pkg:nuget/Newtonsoft.Json@13.0.3", "Warning", "Not for release.",
		"DOC-7 · Revision C", "Page 2 of", "See the notes."} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(text)
	}
}

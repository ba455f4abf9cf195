package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/markdown"
	"github.com/docgen/docgen/generator/render/pdf/layout"
	"github.com/docgen/docgen/generator/render/pdf/pdfcheck"
	"github.com/docgen/docgen/generator/render/pdf/pdftext"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestMain(m *testing.M) {
	// pdfcpu would otherwise create a configuration directory in the
	// user's home.
	api.DisableConfigDir()
	code := m.Run()
	if n := recovered.Load(); n > 0 && code == 0 {
		fmt.Fprintf(os.Stderr, "FAIL: %d panics were recovered at the API boundary; no input must reach it\n", n)
		code = 1
	}
	os.Exit(code)
}

// validationMode is the pdfcpu mode every generated PDF must pass.
const validationMode = model.ValidationStrict

// readPDF parses and validates data with pdfcpu in strict mode.
func readPDF(t testing.TB, data []byte) *model.Context {
	t.Helper()
	ctx, err := readValid(data)
	if err != nil {
		t.Fatalf("invalid PDF: %v", err)
	}
	return ctx
}

// readValid validates data with pdfcpu in strict mode and checks it
// against PDF/A-3b and PDF/UA-1 (see package pdfcheck): every PDF the
// tests render must pass.
func readValid(data []byte) (*model.Context, error) {
	ctx, err := pdftext.Validate(data, validationMode)
	if err != nil {
		return nil, err
	}
	problems, err := pdfcheck.Check(data, pdfcheck.Options{PDFA: true})
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		var b strings.Builder
		for _, p := range problems {
			b.WriteString("\n  " + p.String())
		}
		return nil, fmt.Errorf("%d PDF/A-3b or PDF/UA-1 problems:%s", len(problems), b.String())
	}
	return ctx, nil
}

// readMD reads md into a document and applies the metadata functions to
// it, failing the test on error.
func readMD(t testing.TB, md string, meta ...func(*docmodel.Meta)) *docmodel.Document {
	t.Helper()
	d, err := markdown.Read([]byte(md))
	if err != nil {
		t.Fatalf("markdown.Read: %v", err)
	}
	for _, f := range meta {
		f(&d.Meta)
	}
	return d
}

// renderDoc renders d with opts and fails the test on error.
func renderDoc(t testing.TB, d *docmodel.Document, opts render.Options) ([]byte, []render.Warning) {
	t.Helper()
	var buf bytes.Buffer
	warns, err := Render(&buf, d, opts)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes(), warns
}

// renderMD reads md, applies the metadata functions and renders it with
// opts.
func renderMD(t testing.TB, md string, opts render.Options, meta ...func(*docmodel.Meta)) ([]byte, []render.Warning) {
	t.Helper()
	return renderDoc(t, readMD(t, md, meta...), opts)
}

// layoutOf lays d out without writing a PDF.
func layoutOf(t testing.TB, d *docmodel.Document, opts render.Options) (*layout.Document, []render.Warning) {
	t.Helper()
	doc, warns, err := build(d, &opts)
	if err != nil {
		t.Fatal(err)
	}
	return doc, warns
}

// layoutMD reads md and lays it out.
func layoutMD(t testing.TB, md string, opts render.Options, meta ...func(*docmodel.Meta)) (*layout.Document, []render.Warning) {
	t.Helper()
	return layoutOf(t, readMD(t, md, meta...), opts)
}

// pageTexts returns the text shown on each page, one line per text
// operation, in drawing order.
func pageTexts(t testing.TB, data []byte) []string {
	t.Helper()
	d, err := pdftext.Read(data)
	if err != nil {
		t.Fatalf("reading the PDF back: %v", err)
	}
	out := make([]string, len(d.Pages))
	for i, p := range d.Pages {
		texts := make([]string, len(p.Runs))
		for k, r := range p.Runs {
			texts[k] = r.Text
		}
		out[i] = strings.Join(texts, "\n")
	}
	return out
}

// allText returns the text of every page, joined.
func allText(t testing.TB, data []byte) string {
	t.Helper()
	readPDF(t, data)
	return strings.Join(pageTexts(t, data), "\n")
}

func splitLines(s string) []string { return strings.Split(s, "\n") }

func itoa(n int) string { return fmt.Sprint(n) }

package generator_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render/pdf/pdfcheck"
	"github.com/docgen/docgen/generator/render/pdf/pdftext"
)

func buildIn(t *testing.T, spec string, opts generator.BuildOptions) map[string][]byte {
	t.Helper()
	opts.Today, opts.Version = goldenDate, "test"
	built, err := generator.BuildSpec(context.Background(), spec, opts)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range built.Files {
		out[f.Name] = f.Data
	}
	return out
}

// placeholderRE cuts a message into its fixed fragments: at format verbs
// and at the strong-text marks of sentence messages.
var placeholderRE = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z]|\*\*`)

// englishSentences returns the fixed fragments of more than three words of
// the English document texts that lang translates differently, leaving
// out those the spec's own (English) text contains.
func englishSentences(t *testing.T, lang, spec string) []string {
	t.Helper()
	l, err := msg.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	en, _ := l.For(msg.DefaultLanguage)
	tr, _ := l.For(lang)
	var out []string
	for k, v := range en.Own() {
		if w, ok := tr.Own()[k]; !ok || strings.TrimSpace(w) == strings.TrimSpace(v) {
			continue // untranslated keys are TestTranslationsComplete's business
		}
		for _, frag := range placeholderRE.Split(v, -1) {
			frag = strings.Join(strings.Fields(frag), " ")
			if len(strings.Fields(frag)) > 3 && !strings.Contains(tr.Own()[k], frag) && !strings.Contains(spec, frag) {
				out = append(out, frag)
			}
		}
	}
	return out
}

// TestTranslatedDocuments builds the imaging example in English, German and
// French and checks that no English sentence of the templates is left in
// the German and French documents, and that the English ones are those of
// a build in English alone.
func TestTranslatedDocuments(t *testing.T) {
	// Both examples have their free texts in all three languages: their
	// English documents are those of a build in English alone (a missing
	// translation would make every document of the build a draft).
	home := filepath.Join(root, "examples", "home-monitor", "device.yaml")
	one := buildIn(t, home, generator.BuildOptions{Formats: []string{"md"}, Languages: []string{"en"}})
	all := buildIn(t, home, generator.BuildOptions{Formats: []string{"md"}})
	for name, data := range one {
		if strings.HasSuffix(name, ".md") && name != "traceability.md" && !bytes.Equal(all["en/"+name], data) {
			t.Errorf("home-monitor: en/%s differs from %s of a build in English alone", name, name)
		}
	}
	spec := filepath.Join(root, "examples", "imaging-workstation", "device.yaml")
	three := buildIn(t, spec, generator.BuildOptions{Formats: []string{"md", "html"}, Languages: []string{"en", "de", "fr"}})
	for name, data := range buildIn(t, spec, generator.BuildOptions{Formats: []string{"md"}}) {
		if strings.HasSuffix(name, ".md") && name != "traceability.md" && !bytes.Equal(three["en/"+name], data) {
			t.Errorf("imaging-workstation: en/%s differs from %s of a build in English alone", name, name)
		}
	}
	src, err := os.ReadFile(spec)
	if err != nil {
		t.Fatal(err)
	}
	specText := strings.Join(strings.Fields(string(src)), " ")
	for _, lang := range []string{"de", "fr"} {
		sentences := englishSentences(t, lang, specText)
		if len(sentences) < 100 {
			t.Fatalf("%s: only %d English sentences to look for", lang, len(sentences))
		}
		docs := 0
		for name, data := range three {
			// The MDS2 appendix exists only in English; the traceability
			// matrix names the catalog's requirements, which are English.
			if !strings.HasPrefix(name, lang+"/") || !strings.HasSuffix(name, ".md") || strings.HasSuffix(name, "/mds2.md") || strings.HasSuffix(name, "/traceability.md") {
				continue
			}
			docs++
			text := strings.Join(strings.Fields(string(data)), " ")
			for _, s := range sentences {
				if strings.Contains(text, s) {
					t.Errorf("%s holds the English %q", name, s)
				}
			}
		}
		if docs < 4 {
			t.Errorf("%s: %d documents", lang, docs)
		}
		if !bytes.Contains(three[lang+"/ifu-security.html"], []byte(`<html lang="`+lang+`"`)) {
			t.Errorf("%s/ifu-security.html is not tagged lang=%s", lang, lang)
		}
	}
}

// TestGermanPDF renders the German IfU to PDF: a valid PDF/A tagged as
// German, with the German title.
func TestGermanPDF(t *testing.T) {
	spec := filepath.Join(root, "examples", "imaging-workstation", "device.yaml")
	out := buildIn(t, spec, generator.BuildOptions{Formats: []string{"pdf"}, Languages: []string{"de"}})
	data := out["ifu-security.pdf"]
	d, err := pdftext.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if d.Lang != "de" {
		t.Errorf("/Lang %q", d.Lang)
	}
	title := msg.For("de").Get("doc.ifu-security.title")
	if title == msg.Get("doc.ifu-security.title") || !strings.Contains(d.Info["Title"], title) {
		t.Errorf("title %q, want the German %q", d.Info["Title"], title)
	}
	problems, err := pdfcheck.Check(data, pdfcheck.Options{PDFA: true})
	if err != nil || len(problems) > 0 {
		t.Errorf("pdfcheck: %v %v", err, problems)
	}
}

// euText has the letters of every official language of the EU beyond
// ASCII: Latin with the diacritics of each, Greek, and Cyrillic (Bulgarian).
var euText = []string{
	"Zażółć gęślą jaźń",                      // Polish
	"Příliš žluťoučký kůň úpěl ďábelské ódy", // Czech
	"Kŕdeľ ďatľov učí koňa žrať kôru",        // Slovak
	"Árvíztűrő tükörfúrógép",                 // Hungarian ő ű
	"Științe și țară în câmpie",              // Romanian ș ț ă â î
	"Ħaġar Qim, ċirasa, żerniq",              // Maltese
	"Ķēniņš ļoti ģērbies zaļā",               // Latvian
	"Ąžuolas ėjo į ūką, šilų",                // Lithuanian
	"Čiščenje ćevapčića, đak",                // Croatian, Slovenian
	"Ærø, Øresund, Åland",                    // Danish, Swedish
	"Jõgeva, Pärnu, Šoti, Žürii",             // Estonian
	"Coração, ação, pão",                     // Portuguese
	"Ñandú, ¿qué?, ¡sí, señor",               // Spanish
	"Œuvre, ça, où, Noël, naïf",              // French
	"Straße, Größe, Übung",                   // German
	"Éire, Fíon, Óg, Úll",                    // Irish
	"Perché, così, più",                      // Italian
	"Ελληνική γλώσσα",                        // Greek
	"Българският език",                       // Bulgarian
}

// TestEULetters writes the letters of every official EU language through
// every format and reads them back intact.
func TestEULetters(t *testing.T) {
	text := strings.Join(euText, "; ")
	dir := t.TempDir()
	p := filepath.Join(dir, "device.yaml")
	writeFile(t, p, `spec_version: 1
device: {name: "Gerät Ελ Бъ", regulation: MDR, class: IIa, networked: false, manufacturer: {name: "Łódź Świętość"}}
document: {id: DOC-1, revision: "1", date: 2026-06-01}
environment:
  intended: ["`+text+`"]
risks:
  residual: [{id: r1, description: "`+text+`", user_action: "`+text+`"}]
`)
	built, err := generator.BuildSpec(context.Background(), p, generator.BuildOptions{Today: goldenDate, Version: "test", Formats: []string{"md", "html", "pdf", "docx"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range built.Warnings {
		t.Errorf("warning: %s", w)
	}
	files := map[string][]byte{}
	for _, f := range built.Files {
		files[f.Name] = f.Data
	}
	for _, name := range []string{"ifu-security.md", "ifu-security.html"} {
		if !strings.Contains(string(files[name]), text) {
			t.Errorf("%s does not hold the text intact", name)
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(files["ifu-security.docx"]), int64(len(files["ifu-security.docx"])))
	if err != nil {
		t.Fatal(err)
	}
	var body []byte
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			body, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	d, err := pdftext.Read(files["ifu-security.pdf"])
	if err != nil {
		t.Fatal(err)
	}
	pdf := d.Dump()
	for _, part := range euText {
		if !bytes.Contains(body, []byte(part)) {
			t.Errorf("docx lacks %q", part)
		}
		for _, word := range strings.Fields(part) {
			if !strings.Contains(pdf, strings.Trim(word, ";,")) {
				t.Errorf("pdf lacks %q", word)
			}
		}
	}
}

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

package translate_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/translate"
	"github.com/docgen/docgen/generator/xliff"
)

const specText = `# The test device.
spec_version: 2
language: en
languages: [en, de]   # German for Austria and Germany
device:
  name: Test Monitor
  description: A monitor for use at home
environment:
  intended:
    - Patient's home
    - "Clinic <ward> & lab"
updates:
  steps:
    - |
      Open the app.
      Tap "Update".
`

// roundTrip exports the texts of dir's spec into lang, fills every target
// with fill, and imports the file; it returns the import result.
func roundTrip(t *testing.T, dir, lang string, fill func(xliff.Unit) string) (*translate.Result, *xliff.File) {
	t.Helper()
	s := load(t, dir)
	f, _ := translate.Export(s, lang)
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	g, err := xliff.Parse("de.xlf", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for i := range g.Units {
		g.Units[i].Target = fill(g.Units[i])
	}
	data, _ := os.ReadFile(s.File)
	res, err := translate.Import(s, data, g, "de.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(res.SideFile, res.SideData, 0o644); err != nil {
		t.Fatal(err)
	}
	if res.SpecData != nil {
		if err := os.WriteFile(s.File, res.SpecData, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return res, f
}

func load(t *testing.T, dir string) *spec.Spec {
	t.Helper()
	s, err := spec.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func findings(t *testing.T, s *spec.Spec, rule string) []check.Finding {
	c, err := catalog.Load(catalog.DefaultProfile)
	if err != nil {
		t.Fatal(err)
	}
	var out []check.Finding
	for _, f := range check.Run(s, []*catalog.Catalog{c}, check.Options{}).Findings {
		if f.RuleID == rule {
			out = append(out, f)
		}
	}
	return out
}

// TestRoundTrip exports, translates, imports and loads; then changes an
// English text and checks that the translation is stale and exported
// again with its old target.
func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	specFile := filepath.Join(dir, "device.yaml")
	if err := os.WriteFile(specFile, []byte(specText), 0o644); err != nil {
		t.Fatal(err)
	}
	if n := len(findings(t, load(t, dir), "SPEC-TRANSLATION-MISSING")); n != 4 {
		t.Errorf("%d texts without German, want 4", n)
	}
	de := map[string]string{
		"device.description":      "Ein Monitor für zu Hause",
		"environment.intended[0]": "Wohnung des Patienten",
		"environment.intended[1]": "Klinik <Station> & Labor",
		"updates.steps[0]":        "Öffnen Sie die App.\nTippen Sie auf „Aktualisieren“.",
	}
	res, f := roundTrip(t, dir, "de", func(u xliff.Unit) string { return de[u.Path] })
	if !res.Created || res.New != 4 || len(f.Units) != 4 || f.Units[0].Path != "device.description" || f.Units[3].Path != "updates.steps[0]" {
		t.Fatalf("import %+v of %d units", res, len(f.Units))
	}
	specData, _ := os.ReadFile(specFile)
	if want := strings.Replace(specText, "# German for Austria and Germany\n", "# German for Austria and Germany\ntranslations: [device.de.yaml]\n", 1); string(specData) != want {
		t.Errorf("spec edit:\n%s", specData)
	}
	s := load(t, dir)
	for _, tf := range s.Texts() {
		if w, ok := de[tf.Path]; ok && tf.Text.In("de") != w {
			t.Errorf("%s in de = %q, want %q", tf.Path, tf.Text.In("de"), w)
		}
	}
	if n := len(findings(t, s, "SPEC-TRANSLATION-MISSING")) + len(findings(t, s, "SPEC-TRANSLATION-STALE")); n != 0 {
		t.Errorf("%d translation findings after import", n)
	}
	if f, _ := translate.Export(s, "de"); len(f.Units) != 0 {
		t.Errorf("export after import lists %d units", len(f.Units))
	}

	// A comment in the side file survives a second import.
	side := filepath.Join(dir, "device.de.yaml")
	sideData, _ := os.ReadFile(side)
	sideData = bytes.Replace(sideData, []byte("texts:\n"), []byte("texts:\n  # Reviewed by the Vienna office.\n"), 1)
	if err := os.WriteFile(side, sideData, 0o644); err != nil {
		t.Fatal(err)
	}

	// The English text changes: the translation is stale.
	changed := strings.Replace(specText, "A monitor for use at home", "A monitor for use at home or at work", 1)
	changed = strings.Replace(changed, "# German for Austria and Germany\n", "# German for Austria and Germany\ntranslations: [device.de.yaml]\n", 1)
	if err := os.WriteFile(specFile, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	s = load(t, dir)
	stale := findings(t, s, "SPEC-TRANSLATION-STALE")
	if len(stale) != 1 || stale[0].Path != "device.description" || filepath.Base(stale[0].Pos.File) != "device.de.yaml" {
		t.Fatalf("stale findings %+v", stale)
	}
	f, c := translate.Export(s, "de")
	if len(f.Units) != 1 || c.Stale != 1 || f.Units[0].Target != "Ein Monitor für zu Hause" || len(f.Units[0].Notes) != 1 {
		t.Fatalf("export of the stale text: %+v %+v", f.Units, c)
	}
	res, _ = roundTrip(t, dir, "de", func(xliff.Unit) string { return "Ein Monitor für zu Hause oder am Arbeitsplatz" })
	if res.Created || res.Updated != 1 || res.New != 0 {
		t.Errorf("second import %+v", res)
	}
	s = load(t, dir)
	if got := s.Device.Description.In("de"); got != "Ein Monitor für zu Hause oder am Arbeitsplatz" {
		t.Errorf("description in de = %q", got)
	}
	if n := len(findings(t, s, "SPEC-TRANSLATION-STALE")); n != 0 {
		t.Errorf("%d stale after the update", n)
	}
	after, _ := os.ReadFile(side)
	if !bytes.Contains(after, []byte("  # Reviewed by the Vienna office.\n")) {
		t.Errorf("comment lost:\n%s", after)
	}
	// Only the updated entry's lines changed.
	if a, b := strings.Count(string(sideData), "\n"), strings.Count(string(after), "\n"); a != b {
		t.Errorf("side file had %d lines, has %d:\n%s", a, b, after)
	}
}

// TestImportErrors rejects XLIFF files that do not fit the spec.
func TestImportErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "device.yaml"), []byte(specText), 0o644); err != nil {
		t.Fatal(err)
	}
	s := load(t, dir)
	for _, tc := range []struct {
		name string
		f    xliff.File
		want string
	}{
		{"source language", xliff.File{SrcLang: "fr", TrgLang: "de"}, "the source language is fr, but the spec is written in en"},
		{"target is source", xliff.File{SrcLang: "en", TrgLang: "en"}, "is the spec's own language"},
		{"unknown unit", xliff.File{SrcLang: "en", TrgLang: "de", Units: []xliff.Unit{{Path: "device.name", Source: "x", Target: "y"}}}, "unit device.name names no free text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := translate.Import(s, []byte(specText), &tc.f, "x.xlf")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// TestHomeMonitorTranslations checks the example's German and French
// translations: complete and current, and a deleted one is reported with
// its path and language.
func TestHomeMonitorTranslations(t *testing.T) {
	src := filepath.Join("..", "..", "examples", "home-monitor")
	s := load(t, src)
	for _, lang := range []string{"de", "fr"} {
		if f, c := translate.Export(s, lang); len(f.Units) != 0 || c.Texts < 300 {
			t.Errorf("%s: %d of %d texts left to translate", lang, len(f.Units), c.Texts)
		}
	}
	if n := len(findings(t, s, "SPEC-TRANSLATION-MISSING")) + len(findings(t, s, "SPEC-TRANSLATION-STALE")); n != 0 {
		t.Errorf("%d translation findings in the example", n)
	}

	dir := t.TempDir()
	for _, name := range []string{"device.yaml", "device.de.yaml", "device.fr.yaml"} {
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "device.de.yaml" {
			// Delete the German translation of lay_guidance[2].
			re := regexp.MustCompile(`(?m)^  lay_guidance\[2\]:\n(    .*\n)+`)
			if !re.Match(data) {
				t.Fatal("no entry lay_guidance[2] in device.de.yaml")
			}
			data = re.ReplaceAll(data, nil)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := findings(t, load(t, dir), "SPEC-TRANSLATION-MISSING")
	if len(got) != 1 || got[0].Path != "lay_guidance[2]" || !strings.Contains(got[0].Message, "`lay_guidance[2]` has no de translation") || got[0].Pos.Line == 0 {
		t.Errorf("findings %+v, want one for lay_guidance[2] in de", got)
	}
}

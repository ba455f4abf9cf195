package spec_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/spec"
)

// TestTextForms decodes texts written as a plain string and as a mapping of
// language to text, and rejects what is neither.
func TestTextForms(t *testing.T) {
	tests := []struct {
		name, yaml string
		// want is "value|de|fr" of device.description; err a part of the
		// error with its position.
		want, err string
	}{
		{"plain", "  description: A monitor\n", "A monitor||", ""},
		{"mapping", "  description: {en: A monitor, de: Ein Monitor}\n", "A monitor|Ein Monitor|", ""},
		{"block mapping", "  description:\n    en: A monitor\n    fr: Un moniteur\n", "A monitor||Un moniteur", ""},
		{"source language only", "  description: {en: A monitor}\n", "A monitor||", ""},
		{"region subtag", "  description: {en: A monitor, de-AT: Ein Monitor}\n", "A monitor||", ""},
		{"empty translation", "  description: {en: A monitor, de: }\n", "A monitor||", ""},
		{"key: value unquoted", "  description:\n    Scanner events: none\n", "", "device.yaml:7:5: expected text, found a mapping: a colon"},
		{"unknown tag", "  description: {en: A monitor, xx: Ein Monitor}\n", "", "device.yaml:6:32: expected text, or a mapping of language tags"},
		{"upper case tag", "  description: {EN: A monitor}\n", "", "device.yaml:6:16: expected text, found a mapping: a colon"},
		{"known word", "  description:\n    note: none\n", "", "device.yaml:7:5: expected text, found a mapping: a colon"},
		{"invalid tag", "  description: {en: A monitor, Deutsch: Ein Monitor}\n", "", "device.yaml:6:32: expected text, or a mapping of language tags"},
		{"no source", "  description: {de: Ein Monitor, fr: Un moniteur}\n", "", "device.yaml:6:3: this text is written in several languages (`de`, `fr`) but not in the spec's language en"},
		{"duplicate", "  description: {en: A, de: B, de: C}\n", "", "device.yaml:6:31: language de is given twice"},
		{"nested", "  description: {en: [A, B]}\n", "", "device.yaml:6:21: expected text, found a list"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := strings.Replace(base, "  class: IIa\n", "  class: IIa\n"+tc.yaml, 1)
			s, err := spec.Parse("device.yaml", []byte(data))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			d := s.Device.Description
			if got := d.Value + "|" + d.Translations["de"] + "|" + d.Translations["fr"]; got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if _, ok := d.Translations["en"]; ok {
				t.Errorf("the source language stays in Translations: %v", d.Translations)
			}
		})
	}
}

// TestTextSourceLanguage takes the source text from the spec's language,
// written after the texts.
func TestTextSourceLanguage(t *testing.T) {
	data := strings.Replace(base, "  class: IIa\n", "  class: IIa\n  description: {en: A monitor, de: Ein Monitor}\n", 1) + "language: de\n"
	s, err := spec.Parse("device.yaml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	d := s.Device.Description
	if d.Value != "Ein Monitor" || d.In("en") != "A monitor" || !d.Has("en", "de") || !d.Has("de", "de") || d.Has("fr", "de") {
		t.Errorf("got %+v", d)
	}
}

func TestFingerprint(t *testing.T) {
	a := spec.Fingerprint("Keep the  monitor\nin a safe place. ")
	if len(a) != 16 || strings.Trim(a, "0123456789abcdef") != "" {
		t.Fatalf("fingerprint %q is not 16 hex digits", a)
	}
	if b := spec.Fingerprint(" Keep the monitor in a safe place."); b != a {
		t.Errorf("re-flowed text has another fingerprint: %s, %s", a, b)
	}
	if c := spec.Fingerprint("Keep the monitor in a dry place."); c == a {
		t.Error("changed text keeps its fingerprint")
	}
	// NFC: e + combining acute and é are the same text.
	if spec.Fingerprint("caf\u00e9") != spec.Fingerprint("cafe\u0301") {
		t.Error("normalisation forms differ")
	}
}

// sideSpec is a spec with two list texts and a side file reference.
const sideSpec = `spec_version: 2
languages: [en, de]
translations: [device.de.yaml]
device:
  name: Test Device
  description: A monitor
environment:
  intended:
    - Home
    - Clinic
`

// TestSideFiles loads a spec with a side file and checks the merge and
// the errors, each at its line in the side file.
func TestSideFiles(t *testing.T) {
	fp := spec.Fingerprint
	entry := func(path, text, f string) string {
		return "  " + path + ":\n    text: " + text + "\n    fingerprint: " + f + "\n"
	}
	tests := []struct {
		name, side string
		spec       string // replaces sideSpec when set
		err        string
	}{
		{name: "ok", side: "language: de\ntexts:\n" + entry("device.description", "Ein Monitor", fp("A monitor")) + entry("environment.intended[1]", "Klinik", fp("Clinic"))},
		{name: "no texts", side: "language: de\n"},
		// A text of a kind the spec has, at an index it no longer has: the
		// element was removed; loading goes on and check reports it.
		{name: "removed element", side: "language: de\ntexts:\n" + entry("environment.intended[2]", "Klinik", fp("Clinic"))},
		{name: "unknown path", side: "language: de\ntexts:\n" + entry("environment.unintended[0]", "Klinik", fp("Clinic")), err: "device.de.yaml:3:3: `environment.unintended[0]` is no free text of"},
		{name: "misspelt path", side: "language: de\ntexts:\n" + entry("device.descripton", "Ein Monitor", fp("A monitor")), err: "did you mean `device.description`"},
		{name: "no language", side: "texts:\n" + entry("device.description", "Ein Monitor", fp("A monitor")), err: "device.de.yaml:1:1: a translation file starts with the language"},
		{name: "source language", side: "language: en\n", err: "device.de.yaml:1:1: this file holds language en"},
		{name: "bad fingerprint", side: "language: de\ntexts:\n" + entry("device.description", "Ein Monitor", "12"), err: "device.de.yaml:5:18: fingerprint \"12\""},
		{name: "no fingerprint", side: "language: de\ntexts:\n  device.description:\n    text: Ein Monitor\n", err: "device.de.yaml:3:3: `device.description` has no `fingerprint:`"},
		{name: "unknown key", side: "language: de\ntext:\n", err: "device.de.yaml:2:1: unknown field `text`"},
		{name: "conflict", side: "language: de\ntexts:\n" + entry("device.description", "Ein Monitor", fp("A monitor")),
			spec: strings.Replace(sideSpec, "description: A monitor", "description: {en: A monitor, de: Monitor}", 1), err: "device.de.yaml:3:3: `device.description` already has a de translation in the spec itself (device.yaml:6:3)"},
		{name: "missing file", spec: strings.Replace(sideSpec, "[device.de.yaml]", "[device.de.yaml, device.fr.yaml]", 1), side: "language: de\n", err: "device.yaml:3:32: translation file device.fr.yaml: no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := sideSpec
			if tc.spec != "" {
				src = tc.spec
			}
			write(t, filepath.Join(dir, "device.yaml"), src)
			write(t, filepath.Join(dir, "device.de.yaml"), tc.side)
			s, err := spec.Load(dir)
			if tc.err != "" {
				if err == nil || !strings.Contains(strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), ""), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.name == "removed element" {
				if len(s.TranslationEntries) != 1 || !s.TranslationEntries[0].Removed || s.TranslationEntries[0].Pos.Line != 3 {
					t.Errorf("entries %+v, want one removed at line 3", s.TranslationEntries)
				}
				return
			}
			if tc.name != "ok" {
				return
			}
			if got := s.Device.Description.In("de"); got != "Ein Monitor" {
				t.Errorf("device.description in de = %q", got)
			}
			if got := s.Environment.Intended[1].In("de"); got != "Klinik" {
				t.Errorf("environment.intended[1] in de = %q", got)
			}
			if s.Environment.Intended[0].Has("de", "en") {
				t.Error("environment.intended[0] has a de translation")
			}
			if len(s.TranslationEntries) != 2 || s.TranslationEntries[1].Pos.Line != 6 || s.TranslationEntries[0].Stale("A monitor") {
				t.Errorf("entries %+v", s.TranslationEntries)
			}
		})
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

package check_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/spec"
)

// TestTranslationRules covers SPEC-TRANSLATION-MISSING and
// SPEC-TRANSLATION-STALE: texts written inline and in side files, for the
// spec's languages and for languages given in the options.
func TestTranslationRules(t *testing.T) {
	fp := spec.Fingerprint
	const head = "spec_version: 2\ndevice: {name: T, regulation: MDR, class: IIa}\n"
	tests := []struct {
		name, rule string
		spec, side string   // side is device.de.yaml; the spec lists it when set
		langs      []string // check.Options.Languages
		// want lists the findings as "path lang" (missing) or "path line"
		// (stale, the line in the side file).
		want []string
	}{
		{name: "one language", rule: "SPEC-TRANSLATION-MISSING", spec: "environment: {intended: [Home]}\n"},
		{name: "languages default to the spec's own", rule: "SPEC-TRANSLATION-MISSING", spec: "language: de\nlanguages: [de]\nenvironment: {intended: [Home]}\n"},
		{name: "missing", rule: "SPEC-TRANSLATION-MISSING", spec: "languages: [en, de, fr]\nenvironment: {intended: [Home, {en: Clinic, de: Klinik}]}\n",
			want: []string{"environment.intended[0] de", "environment.intended[0] fr", "environment.intended[1] fr"}},
		{name: "inline complete", rule: "SPEC-TRANSLATION-MISSING", spec: "languages: [en, de]\nenvironment: {intended: [{en: Home, de: Zuhause}]}\n"},
		{name: "empty and placeholder texts need none", rule: "SPEC-TRANSLATION-MISSING", spec: "languages: [en, de]\nenvironment: {intended: [\"\", TBD]}\n"},
		{name: "option overrides languages", rule: "SPEC-TRANSLATION-MISSING", spec: "languages: [en, de]\nenvironment: {intended: [{en: Home, de: Zuhause}]}\n", langs: []string{"en", "fr"},
			want: []string{"environment.intended[0] fr"}},
		{name: "source language given as option", rule: "SPEC-TRANSLATION-MISSING", spec: "environment: {intended: [Home]}\n", langs: []string{"en"}},
		{name: "side file complete", rule: "SPEC-TRANSLATION-MISSING", spec: "languages: [en, de]\nenvironment: {intended: [Home]}\n",
			side: "language: de\ntexts:\n  environment.intended[0]:\n    text: Zuhause\n    fingerprint: " + fp("Home") + "\n"},
		{name: "side file entry without text", rule: "SPEC-TRANSLATION-MISSING", spec: "languages: [en, de]\nenvironment: {intended: [Home]}\n",
			side: "language: de\ntexts:\n  environment.intended[0]:\n    text: \"\"\n    fingerprint: " + fp("Home") + "\n", want: []string{"environment.intended[0] de"}},
		{name: "current", rule: "SPEC-TRANSLATION-STALE", spec: "languages: [en, de]\nenvironment: {intended: [Home]}\n",
			side: "language: de\ntexts:\n  environment.intended[0]:\n    text: Zuhause\n    fingerprint: " + fp("Home") + "\n"},
		{name: "re-flowed source is current", rule: "SPEC-TRANSLATION-STALE", spec: "languages: [en, de]\nenvironment: {intended: [\"At  home\"]}\n",
			side: "language: de\ntexts:\n  environment.intended[0]:\n    text: Zuhause\n    fingerprint: " + fp("At home") + "\n"},
		{name: "stale", rule: "SPEC-TRANSLATION-STALE", spec: "languages: [en, de]\nenvironment: {intended: [At home]}\n",
			side: "language: de\ntexts:\n  environment.intended[0]:\n    text: Zuhause\n    fingerprint: " + fp("Home") + "\n", want: []string{"environment.intended[0] 3"}},
		{name: "removed element", rule: "SPEC-TRANSLATION-STALE", spec: "languages: [en, de]\nenvironment: {intended: [Home]}\n",
			side: "language: de\ntexts:\n  environment.intended[0]:\n    text: Zuhause\n    fingerprint: " + fp("Home") + "\n  environment.intended[1]:\n    text: Klinik\n    fingerprint: " + fp("Clinic") + "\n",
			want: []string{"environment.intended[1] 6"}},
		{name: "stale in a language not selected", rule: "SPEC-TRANSLATION-STALE", spec: "languages: [en, fr]\nenvironment: {intended: [At home]}\n",
			side: "language: de\ntexts:\n  environment.intended[0]:\n    text: Zuhause\n    fingerprint: " + fp("Home") + "\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := head + tc.spec
			if tc.side != "" {
				src += "translations: [device.de.yaml]\n"
				writeFile(t, filepath.Join(dir, "device.de.yaml"), tc.side)
			}
			writeFile(t, filepath.Join(dir, "device.yaml"), src)
			s, err := spec.Load(dir)
			if err != nil {
				t.Fatalf("spec does not load:\n%v", err)
			}
			c, err := catalog.Load(catalog.DefaultProfile)
			if err != nil {
				t.Fatal(err)
			}
			res := check.Run(s, []*catalog.Catalog{c}, check.Options{Today: today, Languages: tc.langs})
			var got []string
			for _, f := range res.Findings {
				if f.RuleID != tc.rule {
					continue
				}
				if f.Severity != catalog.Error || len(f.Clauses) == 0 || f.Clauses[0] != "MDR Art. 10(11)" {
					t.Errorf("finding %+v: want an error citing MDR Art. 10(11)", f)
				}
				if tc.rule == "SPEC-TRANSLATION-STALE" {
					if filepath.Base(f.Pos.File) != "device.de.yaml" || strings.Contains(f.Message, "{{") || !strings.Contains(f.Message, "has changed since") && !strings.Contains(f.Message, "belongs to no text of the spec") {
						t.Errorf("stale finding at %v: %s", f.Pos, f.Message)
					}
					got = append(got, f.Path+" "+strconv.Itoa(f.Pos.Line))
					continue
				}
				lang := strings.Fields(f.Message)[3]
				if !strings.Contains(f.Message, "`"+f.Path+"` has no "+lang+" translation") {
					t.Errorf("message %q", f.Message)
				}
				got = append(got, f.Path+" "+lang)
			}
			if strings.Join(got, ", ") != strings.Join(tc.want, ", ") {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

package msg_test

import (
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/templates"
)

// verbRE finds the format verbs of a message: %s, %[2]s, %d, %q, %v...;
// %% is no verb.
var verbRE = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?([a-zA-Z%])`)

// verbs returns the sorted verb letters of s and the highest explicit
// argument index.
func verbs(s string) ([]string, int) {
	var out []string
	high := 0
	for _, m := range verbRE.FindAllStringSubmatch(s, -1) {
		if m[2] == "%" {
			continue
		}
		out = append(out, m[2])
		if m[1] != "" {
			n, _ := strconv.Atoi(m[1])
			high = max(high, n)
		}
	}
	slices.Sort(out)
	return out, high
}

// translated reports whether language lang's folder holds translated
// document texts (not just its locale file): the translations are written
// separately, and a language without them is skipped, not failed.
func translated(l *msg.Library, lang string) bool {
	for _, f := range l.DocumentFiles() {
		if f == "locale" {
			continue
		}
		if _, err := fs.Stat(templates.FS, "messages/"+lang+"/"+f+".yaml"); err == nil {
			return true
		}
	}
	return false
}

// TestTranslationsComplete checks every shipped language against English:
// every key of every document file, no key English lacks, and the same
// format verbs (explicit indexes may reorder them). A language whose
// translations are not there yet is skipped.
func TestTranslationsComplete(t *testing.T) {
	l, err := msg.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	en, err := l.For(msg.DefaultLanguage)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range l.Shipped() {
		if lang.Tag == msg.DefaultLanguage {
			continue
		}
		t.Run(lang.Tag, func(t *testing.T) {
			if !l.Has(lang.Tag) || !translated(l, lang.Tag) {
				t.Skipf("templates/messages/%s has no translated document files yet", lang.Tag)
			}
			if missing, _ := l.Missing(lang.Tag); len(missing) > 0 {
				t.Errorf("templates/messages/%s lacks %d keys: %s", lang.Tag, len(missing), strings.Join(missing, ", "))
			}
			if extra, _ := l.Extra(lang.Tag); len(extra) > 0 {
				t.Errorf("templates/messages/%s has keys English lacks: %s", lang.Tag, strings.Join(extra, ", "))
			}
			set, err := l.For(lang.Tag)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range set.Own() {
				ev, ok := en.Own()[k]
				if !ok {
					continue
				}
				want, _ := verbs(ev)
				got, high := verbs(v)
				if !slices.Equal(got, want) {
					t.Errorf("%s %s: format verbs %v, English has %v", lang.Tag, k, got, want)
				}
				if high > len(want) {
					t.Errorf("%s %s: refers to argument %d of %d", lang.Tag, k, high, len(want))
				}
				if v == "" && ev != "" {
					t.Errorf("%s %s: empty", lang.Tag, k)
				}
			}
		})
	}
}

// TestShippedLanguages checks languages.yaml against the folders: every
// listed language has a locale file, and English has every document file.
func TestShippedLanguages(t *testing.T) {
	l, err := msg.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(l.Shipped(), func(x msg.Language) bool { return x.Tag == msg.DefaultLanguage }) {
		t.Error("languages.yaml does not list English")
	}
	for _, lang := range l.Shipped() {
		if _, err := fs.Stat(templates.FS, "messages/"+lang.Tag+"/locale.yaml"); err != nil {
			t.Errorf("%s (%s): %v", lang.Tag, lang.Name, err)
		}
		if got := msg.For(lang.Tag).Get("locale.language_name"); got != lang.Name {
			t.Errorf("%s: locale.language_name %q, languages.yaml says %q", lang.Tag, got, lang.Name)
		}
	}
	for _, f := range l.DocumentFiles() {
		if _, err := fs.Stat(templates.FS, "messages/en/"+f+".yaml"); err != nil {
			t.Errorf("document file %s: %v", f, err)
		}
	}
}

// fixture is a template tree with English and an incomplete language xx.
var fixture = fstest.MapFS{
	"messages/languages.yaml": {Data: []byte("languages: [{tag: en, name: English}, {tag: xx, name: Test}]\ndocument_files: [docs, locale]\n")},
	"messages/en/docs.yaml":   {Data: []byte("doc.title: \"Instructions for use\"\ndoc.count: \"%d of %s\"\n")},
	"messages/en/locale.yaml": {Data: []byte("locale.date: \"YYYY-MM-DD\"\nlocale.date_long: \"D MMMM YYYY\"\nlocale.month.3: March\nlocale.group_separator: \",\"\nlocale.decimal_separator: \".\"\n")},
	"messages/en/cli.yaml":    {Data: []byte("cli.only: \"not a document text\"\n")},
	"messages/xx/docs.yaml":   {Data: []byte("doc.count: \"%[2]s: %[1]d\"\ndoc.extra: \"x\"\n")},
	"messages/xx/locale.yaml": {Data: []byte("locale.date: \"DD.MM.YYYY\"\nlocale.date_long: \"D. MMMM YYYY\"\nlocale.month.3: Mxrz\nlocale.group_separator: \".\"\nlocale.decimal_separator: \",\"\n")},
}

func TestLibrary(t *testing.T) {
	l, err := msg.Open(fixture)
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Available(); !slices.Equal(got, []string{"en", "xx"}) {
		t.Errorf("available %v", got)
	}
	if !l.Has("xx-YY") || l.Has("yy") {
		t.Error("Has: a regional tag takes its language's set; an unknown one has none")
	}
	xx, err := l.For("xx")
	if err != nil {
		t.Fatal(err)
	}
	if got := xx.Format("doc.count", 3, "5"); got != "5: 3" {
		t.Errorf("reordered arguments: %q", got)
	}
	if got := xx.Get("doc.title"); got != "Instructions for use" {
		t.Errorf("a missing key falls back to English: %q", got)
	}
	if missing, _ := l.Missing("xx"); !slices.Equal(missing, []string{"doc.title"}) {
		t.Errorf("missing %v", missing)
	}
	if extra, _ := l.Extra("xx"); !slices.Equal(extra, []string{"doc.extra"}) {
		t.Errorf("extra %v", extra)
	}
	if missing, _ := l.Missing("en"); len(missing) != 0 {
		t.Errorf("English misses %v", missing)
	}
	d := time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC)
	if got := xx.Date(d) + " / " + xx.LongDate(d); got != "07.03.2026 / 7. Mxrz 2026" {
		t.Errorf("dates %q", got)
	}
	en, _ := l.For("en")
	if got := en.Date(d) + " / " + en.LongDate(d) + " / " + en.Date(time.Time{}); got != "2026-03-07 / 7 March 2026 / " {
		t.Errorf("English dates %q", got)
	}
	for n, want := range map[int]string{0: "0", 1000: "1000", 12345: "12.345", -1234567: "-1.234.567"} {
		if got := xx.Int(n); got != want {
			t.Errorf("Int(%d) = %q, want %q", n, got, want)
		}
	}
	if got := xx.Decimal("1.5"); got != "1,5" {
		t.Errorf("Decimal: %q", got)
	}
}

// TestEmbeddedFallback checks the package functions on the embedded tree:
// English for "" and for a language docgen has no texts in, and the
// languages it has.
func TestEmbeddedFallback(t *testing.T) {
	if msg.For("").Get("html.toc_title") != msg.Get("html.toc_title") || msg.For("zz").Get("html.toc_title") != msg.Get("html.toc_title") {
		t.Error("For falls back to English")
	}
	if !msg.HasLanguage("en") || !msg.HasLanguage("en-GB") || msg.HasLanguage("zz") {
		t.Error("HasLanguage")
	}
	if !slices.Contains(msg.Languages(), "en") {
		t.Errorf("languages %v", msg.Languages())
	}
	if len(msg.Missing("en")) != 0 {
		t.Errorf("English misses %v", msg.Missing("en"))
	}
}

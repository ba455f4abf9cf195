package docscheck

import (
	"slices"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/catalog"
)

// TestVocabularies loads every embedded vocabulary and checks it against
// the catalogs: the items it sets content expectations for exist, and
// every item has headings in its language that mean something once stop
// words are dropped.
func TestVocabularies(t *testing.T) {
	langs := Languages()
	if !slices.Contains(langs, catalog.Language) {
		t.Fatalf("no vocabulary for the catalogs' language %s: %v", catalog.Language, langs)
	}
	var ids []string
	var items []catalog.Item
	for _, p := range catalog.Profiles() {
		c, err := catalog.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range c.Items {
			ids = append(ids, it.ID)
			items = append(items, it)
		}
	}
	for _, lang := range langs {
		lex, err := loadLexicon(lang)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if lex.Language != lang {
			t.Errorf("%s.yaml says language %q", lang, lex.Language)
		}
		for id := range lex.Content.Items {
			if !slices.Contains(ids, id) {
				t.Errorf("%s: content for unknown item %s", lang, id)
			}
		}
		for _, group := range lex.Synonyms {
			for _, w := range lex.words(group[0]) {
				if lex.stop[w] {
					t.Errorf("%s: synonym group %v stands for the stop word %q", lang, group, w)
				}
			}
		}
		for _, it := range items {
			for _, h := range it.Headings.In(lang) {
				if len(lex.terms(h)) == 0 {
					t.Errorf("%s: heading %q of %s has only stop words", lang, h, it.ID)
				}
			}
		}
	}
}

func TestLexiconFor(t *testing.T) {
	for _, lang := range []string{"en", "en-GB", "en-US"} {
		if lex, err := lexiconFor(lang); err != nil || lex.Language != "en" {
			t.Errorf("lexiconFor(%q) = %v, %v", lang, lex, err)
		}
	}
	for _, lang := range []string{"de", "fr", "it", "es", "nl"} {
		if lex, err := lexiconFor(lang); err != nil || lex.Language != lang {
			t.Errorf("lexiconFor(%q) = %v, %v", lang, lex, err)
		}
	}
	_, err := lexiconFor("pl")
	if err == nil || !strings.Contains(err.Error(), "language `pl`, which docgen cannot read; it reads ") || !strings.Contains(err.Error(), "`de`") {
		t.Errorf("lexiconFor(pl): %v", err)
	}
}

func TestParseLexiconErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"language: en\nsynonyms: [[only]]\n", "needs at least two entries"},
		{"language: en\nfacts: {x: {describe: d, patterns: ['(']}}\n", "fact x"},
		{"language: en\nfacts: {x: {describe: d}}\n", "needs describe and patterns"},
		{"language: en\ncontent: {items: {IFU-ENV: {facts: [nope]}}}\n", "unknown fact \"nope\""},
		{"language: en\nstopwords: [a]\n", "field stopwords not found"},
	}
	for _, tt := range tests {
		if _, err := parseLexicon("x.yaml", []byte(tt.src)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseLexicon(%q) = %v, want %q", tt.src, err, tt.want)
		}
	}
}

func TestFacts(t *testing.T) {
	lex := en(t)
	tests := []struct {
		fact string
		text string
		want bool
	}{
		{"contact", "write to psirt@example.com", true},
		{"contact", "call +49 30 1234567", true},
		{"contact", "call (555) 123-4567", true},
		{"contact", "see https://example.com/security", true},
		{"contact", "contact the manufacturer", false},
		{"contact", "version 3.4", false},
		{"date", "issued 2026-03-02", true},
		{"date", "published on 12 March 2026", true},
		{"date", "March 12, 2026", true},
		{"date", "31.12.2031", true},
		{"date", "revision D", false},
		{"support_period", "until 31 December 2031", true},
		{"support_period", "for 5 years after release", true},
		{"support_period", "for a long time", false},
		{"port", "| `tcp` | `443` |", true},
		{"port", "6661/tcp", true},
		{"port", "port 104", true},
		{"port", "| LIS link | out | results |", false},
		{"bandwidth", "at least 10 Mbit/s", true},
		{"bandwidth", "64 kbit/s", true},
		{"bandwidth", "100 Mbps", true},
		{"bandwidth", "a fast network", false},
	}
	for _, tt := range tests {
		h := []Heading{{Body: tt.text}}
		if got := lex.states(tt.fact, []match{{doc: &document{doc: &Document{Headings: h}}}}); got != tt.want {
			t.Errorf("%s in %q: %v, want %v", tt.fact, tt.text, got, tt.want)
		}
	}
}

// TestVocabularyHeadingItems checks that the headings: of every shipped
// vocabulary name catalog items.
func TestVocabularyHeadingItems(t *testing.T) {
	var ids []string
	for _, p := range []string{"mdcg-2019-16", "fda-premarket-2026"} {
		c, err := catalog.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range c.Items {
			ids = append(ids, it.ID)
		}
	}
	for _, lang := range Languages() {
		lex, err := loadLexicon(lang)
		if err != nil {
			t.Fatal(err)
		}
		for id, hs := range lex.Headings {
			if !slices.Contains(ids, id) {
				t.Errorf("specs/vocabulary/%s.yaml: headings: %s is no catalog item", lang, id)
			}
			if len(hs) == 0 {
				t.Errorf("specs/vocabulary/%s.yaml: headings: %s lists no heading", lang, id)
			}
		}
	}
}

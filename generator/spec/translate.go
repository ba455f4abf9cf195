package spec

import (
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/docgen/docgen/generator/yamlx"
)

// DefaultLanguage is the spec's language when it states none.
const DefaultLanguage = "en"

// IsLanguageTag reports whether s is a well-formed BCP 47 tag, written in
// lower case with optional subtags (en, de, de-AT, pt-BR), whose language is
// a known one: "xx" or "foo" are not.
func IsLanguageTag(s string) bool {
	if !langRE.MatchString(s) {
		return false
	}
	_, err := language.Parse(s)
	return err == nil
}

// SourceLanguage returns the language the spec's texts are written in:
// `language:`, or DefaultLanguage.
func (s *Spec) SourceLanguage() string {
	if s.Language == "" {
		return DefaultLanguage
	}
	return s.Language
}

// OutputLanguages returns the languages the documents of s are written
// in: override (docgen --lang) when given, else the spec's `languages:`,
// else its source language; blank entries dropped, each language once, in
// the order given. It is the one definition that build and check share.
func (s *Spec) OutputLanguages(override []string) []string {
	langs := override
	if len(langs) == 0 {
		langs = s.Languages
	}
	var out []string
	for _, l := range langs {
		if l = strings.TrimSpace(l); l != "" && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		out = []string{s.SourceLanguage()}
	}
	return out
}

// Fingerprint identifies the source text a translation was made from: the
// first 16 hex digits of the SHA-256 of the text, normalised to Unicode NFC
// with runs of white space (line breaks included) made one space and the
// ends trimmed, so that re-flowing a paragraph does not make its
// translations stale while any change of a word does.
func Fingerprint(text string) string {
	t := strings.Join(strings.Fields(norm.NFC.String(text)), " ")
	sum := sha256.Sum256([]byte(t))
	return hex.EncodeToString(sum[:8])
}

// TextField is one free text of a spec, with its spec path.
type TextField struct {
	Path string
	Text *Text
}

// Texts returns every free text (Text) of the spec with its path, in the
// order of the model: the order in which the spec's sections are written.
// Texts that are empty are included; a caller skips them as it needs.
func (s *Spec) Texts() []TextField {
	var out []TextField
	s.Walk(func(v reflect.Value, path string) bool {
		if v.Type() != textType {
			return true
		}
		out = append(out, TextField{Path: path, Text: v.Addr().Interface().(*Text)})
		return false
	})
	return out
}

// Walk calls visit for every value of the spec's fields, in the order of the
// model, with its spec path (device.name, accounts[2].notes): structs, the
// values behind non-nil pointers, list elements, and the values in them.
// visit returns whether to go on into v's own fields and elements.
func (s *Spec) Walk(visit func(v reflect.Value, path string) bool) {
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		if v.Kind() == reflect.Pointer {
			if !v.IsNil() {
				walk(v.Elem(), path)
			}
			return
		}
		if path != "" && !visit(v, path) {
			return
		}
		switch v.Kind() {
		case reflect.Struct:
			for _, f := range yamlx.StructFields(v.Type()).Fields {
				walk(v.FieldByIndex(f.Index), yamlx.Join(path, f.Name))
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), yamlx.Index(path, i))
			}
		}
	}
	walk(reflect.ValueOf(s).Elem(), "")
}

// TranslationEntry is a translation read from a side file: where it is and
// the fingerprint of the source text it was made from.
type TranslationEntry struct {
	Lang string
	// Path is the spec path of the text.
	Path string
	// Fingerprint is the fingerprint the side file records.
	Fingerprint string
	// Pos is the position of the entry in the side file.
	Pos yamlx.Pos
	// Removed is set when Path is no free text of the spec any more
	// although the spec has free texts of its kind (accounts[6].notes when
	// the spec now has six accounts): the text was removed or its element
	// moved. Check reports it; loading goes on.
	Removed bool
}

// Stale reports whether the source text changed since the translation was
// made: its fingerprint is no longer that of source.
func (e TranslationEntry) Stale(source string) bool { return e.Fingerprint != Fingerprint(source) }

// NeedsTranslation reports whether a free text is printed and so must
// exist in every output language: it holds real content in the spec's
// language (an empty or placeholder text is a completeness gap, which the
// catalog items report, not a translation gap).
func NeedsTranslation(t Text) bool { return !IsPlaceholder(t.Value) }

// resolveTexts gives each text written as a mapping its value in the spec's
// language, and reports a mapping without it.
func (v *validator) resolveTexts() {
	src := v.s.SourceLanguage()
	for _, f := range v.s.Texts() {
		t := f.Text
		if t.Translations == nil || t.Value != "" {
			continue
		}
		val, ok := t.Translations[src]
		if !ok {
			have := make([]string, 0, len(t.Translations))
			for l := range t.Translations {
				have = append(have, l)
			}
			slices.Sort(have)
			v.report(f.Path, "spec.text_no_source", src, yamlx.QuoteList(have))
			continue
		}
		t.Value = val
		delete(t.Translations, src)
	}
}

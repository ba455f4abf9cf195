package docs_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/docs"
	"github.com/docgen/docgen/generator/render/markdown"
)

// TestSpecTextInLanguage builds the documents in another language: spec
// texts come in their translation into it (the source text where they have
// none), the metadata names the language, and the dates and the default
// responsibility titles come from its message set.
func TestSpecTextInLanguage(t *testing.T) {
	s := load(t, filepath.Join("..", "..", "examples", "imaging-workstation", "device.yaml"))
	s.Environment.Intended[0].Translations = map[string]string{"en-GB": "Translated intended environment, in its own words."}
	c, err := catalog.Load(catalog.DefaultProfile)
	if err != nil {
		t.Fatal(err)
	}
	set, err := docs.Build(docs.Input{Spec: s, Catalogs: []*catalog.Catalog{c}}, docs.Options{Language: "en-GB"})
	if err != nil {
		t.Fatal(err)
	}
	ifu := set.Documents[0]
	if ifu.Model.Meta.Language != "en-GB" {
		t.Errorf("language %q", ifu.Model.Meta.Language)
	}
	text := string(markdown.Bytes(ifu.Model))
	if !strings.Contains(text, "Translated intended environment, in its own words.") {
		t.Error("the translation of environment.intended[0] is not in the IfU")
	}
	if strings.Contains(text, s.Environment.Intended[0].Value) {
		t.Error("the IfU still shows the source text of environment.intended[0]")
	}
	if !strings.Contains(text, s.Environment.Intended[1].Value) {
		t.Error("a text without a translation is shown in its source language")
	}
}

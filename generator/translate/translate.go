// Package translate exchanges the free texts of a spec with translators:
// [Export] lists the texts that still need translating into a language as
// XLIFF 2.0 units, and [Import] writes the translations of an XLIFF file
// into the spec's side file for that language (see package spec), editing
// it in place so that its comments and layout survive, and lists a new side
// file under `translations:` in the spec with a one-line edit.
package translate

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/xliff"
	"github.com/docgen/docgen/generator/yamlx"
)

// Counts describes an export.
type Counts struct {
	// Texts is the number of texts that need a translation at all.
	Texts int
	// Untranslated and Stale are the units exported: texts without a
	// translation, and texts whose source changed since translated.
	Untranslated, Stale int
}

// ordered returns the spec's texts that need a translation, in the order
// they are written in the spec file.
func ordered(s *spec.Spec) []spec.TextField {
	var out []spec.TextField
	for _, f := range s.Texts() {
		if spec.NeedsTranslation(*f.Text) {
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(a, b spec.TextField) int {
		pa, pb := s.Sources.Lookup(a.Path), s.Sources.Lookup(b.Path)
		return cmp.Or(cmp.Compare(pa.Line, pb.Line), cmp.Compare(pa.Col, pb.Col))
	})
	return out
}

// Export returns the XLIFF file of the texts of s that need translating
// into lang: those without a translation, and those whose translation was
// made from an earlier source text (with the old translation as target and
// a note). Units are in the order of the spec file.
func Export(s *spec.Spec, lang string) (*xliff.File, Counts) {
	entries := map[string]spec.TranslationEntry{}
	for _, e := range s.TranslationEntries {
		if e.Lang == lang {
			entries[e.Path] = e
		}
	}
	f := &xliff.File{SrcLang: s.SourceLanguage(), TrgLang: lang, Original: filepath.Base(s.File)}
	var c Counts
	for _, t := range ordered(s) {
		c.Texts++
		u := xliff.Unit{Path: t.Path, Source: t.Text.Value, Fingerprint: spec.Fingerprint(t.Text.Value)}
		e, inSide := entries[t.Path]
		switch {
		case !t.Text.Has(lang, f.SrcLang):
			c.Untranslated++
		case inSide && e.Stale(t.Text.Value):
			c.Stale++
			u.Target = t.Text.Translations[lang]
			u.Notes = []string{msg.Format("translate.stale_note", f.SrcLang, e.Fingerprint)}
		default:
			continue
		}
		f.Units = append(f.Units, u)
	}
	return f, c
}

// Result is the outcome of an import: the files to write.
type Result struct {
	// SideFile is the side file's path, SideData its new content; Created
	// is set when the file is new.
	SideFile string
	SideData []byte
	Created  bool
	// SpecData is the spec with the new side file added to
	// `translations:`, or nil when the spec is unchanged.
	SpecData []byte
	// New and Updated count the translations written; Empty the units
	// without a target, which are left alone.
	New, Updated, Empty int
	// Changed lists the units translated from a source text that has
	// changed since; they are written with the fingerprint of the text
	// they were translated from, so that check reports them as stale.
	Changed []string
}

// Import merges the translations of f into the side file of f's target
// language of the spec s (loaded from specData, with its side files
// merged). xlfName names f in errors. Nothing is written: the caller
// writes Result's files, which Import has verified load.
func Import(s *spec.Spec, specData []byte, f *xliff.File, xlfName string) (*Result, error) {
	src, lang := s.SourceLanguage(), f.TrgLang
	if f.SrcLang != src {
		return nil, errors.New(msg.Format("cli.translate.src_mismatch", xlfName, f.SrcLang, src))
	}
	if !spec.IsLanguageTag(lang) {
		return nil, errors.New(xlfName + ": " + msg.Format("cli.translate.bad_lang", lang))
	}
	if lang == src {
		return nil, errors.New(xlfName + ": " + msg.Format("cli.translate.source_lang", lang))
	}
	texts := map[string]*spec.Text{}
	order := map[string]int{}
	for i, t := range ordered(s) {
		texts[t.Path], order[t.Path] = t.Text, i
	}
	for _, t := range s.Texts() {
		if _, ok := texts[t.Path]; !ok {
			texts[t.Path], order[t.Path] = t.Text, len(order)
		}
	}

	res := &Result{}
	files, err := spec.ReadTranslations(s, false)
	if err != nil {
		return nil, err
	}
	var doc *yaml.Node
	for _, sf := range files {
		d := yamlx.NewDecoder(sf.Name)
		if side := spec.ParseSide(d, sf.Data); side != nil && side.Language == lang {
			res.SideFile = sf.Name
			doc = &yaml.Node{}
			if err := yaml.Unmarshal(sf.Data, doc); err != nil {
				return nil, fmt.Errorf("%s: %w", sf.Name, err)
			}
			break
		}
	}
	if doc == nil {
		base := strings.TrimSuffix(filepath.Base(s.File), filepath.Ext(s.File))
		ref := base + "." + lang + ".yaml"
		res.SideFile, res.Created = filepath.Join(filepath.Dir(s.File), ref), true
		if _, err := os.Stat(res.SideFile); err == nil {
			return nil, errors.New(msg.Format("translate.side_exists", res.SideFile, s.File))
		}
		doc = newSide(lang, filepath.Base(s.File))
		if res.SpecData, err = addReference(specData, ref); err != nil {
			return nil, errors.New(msg.Format("cli.translate.add_ref", s.File, ref, err))
		}
	}
	textsNode := sideTexts(doc)

	var errs yamlx.Errors
	for _, u := range f.Units {
		t, ok := texts[u.Path]
		if !ok {
			errs = append(errs, &yamlx.Error{Pos: u.Pos, Msg: msg.Format("cli.translate.unknown_unit", u.Path, s.File)})
			continue
		}
		target := norm.NFC.String(strings.TrimSpace(u.Target))
		if target == "" {
			res.Empty++
			continue
		}
		fp := spec.Fingerprint(u.Source)
		if fp != spec.Fingerprint(t.Value) {
			res.Changed = append(res.Changed, u.Path)
		}
		if setEntry(textsNode, u.Path, target, fp, order) {
			res.New++
		} else {
			res.Updated++
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	res.SideData = b.Bytes()
	return res, verify(s.File, specData, res)
}

// verify loads the spec and side file as they will be written.
func verify(specFile string, specData []byte, res *Result) error {
	if res.SpecData != nil {
		specData = res.SpecData
	}
	s, err := spec.Parse(specFile, specData)
	if err != nil {
		return err
	}
	files, err := spec.ReadTranslations(s, false)
	if err != nil && !res.Created {
		return err
	}
	var merged []spec.SideFile
	for _, f := range files {
		if f.Name != res.SideFile {
			merged = append(merged, f)
		}
	}
	return s.MergeTranslations(append(merged, spec.SideFile{Name: res.SideFile, Data: res.SideData}))
}

// newSide returns the document of a new side file for lang.
func newSide(lang, specName string) *yaml.Node {
	root := &yaml.Node{Kind: yaml.MappingNode, HeadComment: strings.TrimRight(msg.Format("translate.side_header", lang, specName), "\n")}
	root.Content = append(root.Content,
		&yaml.Node{Kind: yaml.ScalarNode, Value: "language"}, &yaml.Node{Kind: yaml.ScalarNode, Value: lang},
		&yaml.Node{Kind: yaml.ScalarNode, Value: "texts"}, &yaml.Node{Kind: yaml.MappingNode})
	return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
}

// sideTexts returns the `texts:` mapping of a side file's document,
// adding it when absent or empty.
func sideTexts(doc *yaml.Node) *yaml.Node {
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "texts" {
			v := root.Content[i+1]
			if v.Kind != yaml.MappingNode {
				*v = yaml.Node{Kind: yaml.MappingNode, HeadComment: v.HeadComment, LineComment: v.LineComment}
			}
			v.Style = 0
			return v
		}
	}
	v := &yaml.Node{Kind: yaml.MappingNode}
	root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "texts"}, v)
	return v
}

// setEntry writes the translation of path into the texts mapping m: it
// updates the entry in place, or adds one where the spec order puts it. It
// reports whether the entry is new.
func setEntry(m *yaml.Node, path, text, fp string, order map[string]int) bool {
	style := yaml.Style(0)
	if strings.Contains(text, "\n") {
		style = yaml.LiteralStyle
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != path || m.Content[i+1].Kind != yaml.MappingNode {
			continue
		}
		e := m.Content[i+1]
		setField(e, "text", text, style)
		setField(e, "fingerprint", fp, 0)
		return false
	}
	e := &yaml.Node{Kind: yaml.MappingNode}
	setField(e, "text", text, style)
	setField(e, "fingerprint", fp, 0)
	at := len(m.Content)
	for i := 0; i+1 < len(m.Content); i += 2 {
		if o, ok := order[m.Content[i].Value]; ok && o > order[path] {
			at = i
			break
		}
	}
	key := &yaml.Node{Kind: yaml.ScalarNode, Value: path}
	m.Content = slices.Insert(m.Content, at, key, e)
	return true
}

// setField sets the scalar value of key in mapping e, keeping its comments.
func setField(e *yaml.Node, key, value string, style yaml.Style) {
	for i := 0; i+1 < len(e.Content); i += 2 {
		if e.Content[i].Value == key {
			v := e.Content[i+1]
			if v.Value != value {
				v.Kind, v.Tag, v.Value, v.Style = yaml.ScalarNode, "!!str", value, style
			}
			return
		}
	}
	e.Content = append(e.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: value, Style: style})
}

package spec

import (
	"errors"
	"io/fs"
	"path/filepath"
	"regexp"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
)

// A translation side file holds the texts of a spec in one other language,
// keyed by spec path, each with the fingerprint of the source text it was
// translated from:
//
//	language: de
//	texts:
//	  device.description:
//	    text: Heimmonitor für ...
//	    fingerprint: 3f2a9c0d1e2b4a5c
//
// The spec lists its side files under `translations:`.

// SideFile is a translation side file as read: its name, as positions name
// it, and its bytes.
type SideFile struct {
	Name string
	Data []byte
}

// SideEntry is one translation in a side file.
type SideEntry struct {
	// Path is the spec path of the text, Text its translation.
	Path, Text string
	// Fingerprint is that of the source text it was translated from.
	Fingerprint string
	// Pos is where the entry's key is written; TextPos where its text is.
	Pos, TextPos yamlx.Pos
}

// Side is a decoded side file.
type Side struct {
	Language string
	Entries  []SideEntry
}

// Side-file keys.
var sideKeys = []string{"language", "texts"}

var fingerprintRE = regexp.MustCompile(`^[0-9a-f]{16}$`)

// ParseSide decodes a side file; name is used in positions. Problems are
// reported to d, which must have been made for name.
func ParseSide(d *yamlx.Decoder, data []byte) *Side {
	if utf8.Valid(data) {
		data = norm.NFC.Bytes(data)
	}
	root := d.Parse(data)
	if root == nil {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		d.Report(root, "yaml.want_mapping", yamlx.Describe(root))
		return nil
	}
	side := &Side{}
	var langNode *yaml.Node
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if line, dup := seen[k.Value]; dup {
			d.Report(k, "yaml.duplicate_key", k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		switch k.Value {
		case "language":
			langNode = k
			if v.Kind != yaml.ScalarNode {
				d.Report(v, "yaml.want_string", yamlx.Describe(v))
				continue
			}
			side.Language = v.Value
			if !IsLanguageTag(v.Value) {
				d.Report(v, "spec.bad_language", v.Value)
			}
		case "texts":
			side.Entries = parseSideTexts(d, v)
		default:
			d.Report(k, "yaml.unknown_field", k.Value, yamlx.Suggest(k.Value, sideKeys))
		}
	}
	if langNode == nil {
		d.Report(root, "spec.side_no_language")
	}
	return side
}

func parseSideTexts(d *yamlx.Decoder, n *yaml.Node) []SideEntry {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.Report(n, "yaml.want_mapping", yamlx.Describe(n))
		return nil
	}
	var out []SideEntry
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.Report(k, "yaml.bad_key", yamlx.Describe(k))
			continue
		}
		if line, dup := seen[k.Value]; dup {
			d.Report(k, "yaml.duplicate_key", k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		if v.Kind != yaml.MappingNode {
			d.Report(v, "spec.side_entry", k.Value, yamlx.Describe(v))
			continue
		}
		e := SideEntry{Path: k.Value, Pos: d.Pos(k), TextPos: d.Pos(v)}
		var hasText, hasFP bool
		for j := 0; j+1 < len(v.Content); j += 2 {
			fk, fv := v.Content[j], v.Content[j+1]
			if fv.Kind != yaml.ScalarNode {
				d.Report(fv, "yaml.want_string", yamlx.Describe(fv))
				continue
			}
			switch fk.Value {
			case "text":
				hasText = true
				if fv.Tag != "!!null" {
					e.Text = fv.Value
				}
				e.TextPos = d.Pos(fv)
			case "fingerprint":
				hasFP = true
				e.Fingerprint = fv.Value
				if !fingerprintRE.MatchString(fv.Value) {
					d.Report(fv, "spec.side_bad_fingerprint", fv.Value)
				}
			default:
				d.Report(fk, "yaml.unknown_field", fk.Value, yamlx.Suggest(fk.Value, []string{"text", "fingerprint"}))
			}
		}
		switch {
		case !hasText:
			d.Report(k, "spec.side_no_text", k.Value)
		case !hasFP:
			d.Report(k, "spec.side_no_fingerprint", k.Value)
		}
		out = append(out, e)
	}
	return out
}

// ReadTranslations reads the side files the spec lists under
// `translations:`, relative to the spec's folder, through package input;
// unless allowOutside is set each must lie inside that folder. A file that
// cannot be read is reported at its entry in the spec.
func ReadTranslations(s *Spec, allowOutside bool) ([]SideFile, error) {
	base := filepath.Dir(s.File)
	var files []SideFile
	var errs yamlx.Errors
	for i, ref := range s.Translations {
		p := yamlx.Index("translations", i)
		name := filepath.Join(base, filepath.FromSlash(ref))
		data, err := input.ReadIn(base, ref, allowOutside, input.Spec)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			errs = append(errs, &yamlx.Error{Pos: s.Sources.Lookup(p), Msg: msg.Format("spec.side_not_found", ref)})
		case err != nil:
			errs = append(errs, &yamlx.Error{Pos: s.Sources.Lookup(p), Msg: err.Error()})
		default:
			files = append(files, SideFile{Name: name, Data: data})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return files, nil
}

// MergeTranslations decodes the side files and adds their translations to
// the spec's texts (Text.Translations) and to TranslationEntries. An entry
// whose path is no free text of the spec and of no kind the spec has (a
// misspelt path), a second side file for one language, or a translation
// also written in the spec is an error at its place in the side file; the
// error is a yamlx.Errors. An entry for a removed or moved list element is
// kept as Removed for check to report.
func (s *Spec) MergeTranslations(files []SideFile) error {
	texts := map[string]*Text{}
	var paths []string
	shapes := map[string]bool{} // the paths with their list indexes removed
	for _, f := range s.Texts() {
		texts[f.Path] = f.Text
		paths = append(paths, f.Path)
		shapes[pathShape(f.Path)] = true
	}
	src := s.SourceLanguage()
	byLang := map[string]string{}
	var errs yamlx.Errors
	for _, f := range files {
		d := yamlx.NewDecoder(f.Name)
		side := ParseSide(d, f.Data)
		if side != nil && side.Language != "" {
			switch prev, dup := byLang[side.Language]; {
			case side.Language == src:
				d.ReportAt(yamlx.Pos{File: f.Name, Line: 1, Col: 1}, "spec.side_source_language", side.Language)
				side = nil
			case dup:
				d.ReportAt(yamlx.Pos{File: f.Name, Line: 1, Col: 1}, "spec.side_duplicate_language", side.Language, prev)
				side = nil
			default:
				byLang[side.Language] = f.Name
			}
		}
		if side != nil {
			for _, e := range side.Entries {
				t, ok := texts[e.Path]
				switch {
				case !ok && shapes[pathShape(e.Path)]:
					// A text of a kind the spec has, at an index it no longer
					// has: removed or moved; check reports it.
					s.TranslationEntries = append(s.TranslationEntries, TranslationEntry{Lang: side.Language, Path: e.Path, Fingerprint: e.Fingerprint, Pos: e.Pos, Removed: true})
					continue
				case !ok:
					d.ReportAt(e.Pos, "spec.side_unknown_path", e.Path, s.File, yamlx.Suggest(e.Path, paths))
					continue
				case e.Text == "":
					continue // not translated yet
				}
				if _, inline := t.Translations[side.Language]; inline {
					d.ReportAt(e.Pos, "spec.side_conflict", e.Path, side.Language, s.Sources.Lookup(e.Path).String())
					continue
				}
				if t.Translations == nil {
					t.Translations = map[string]string{}
				}
				t.Translations[side.Language] = e.Text
				s.TranslationEntries = append(s.TranslationEntries, TranslationEntry{Lang: side.Language, Path: e.Path, Fingerprint: e.Fingerprint, Pos: e.Pos})
			}
		}
		errs = append(errs, d.Errors()...)
	}
	if len(errs) > 0 {
		errs.Sort()
		return errs
	}
	return nil
}

// LoadTranslations reads the spec's side files (see ReadTranslations) and
// merges them (see Spec.MergeTranslations). It returns the files read, for
// callers that hash or list their inputs.
func LoadTranslations(s *Spec, allowOutside bool) ([]SideFile, error) {
	files, err := ReadTranslations(s, allowOutside)
	if err != nil {
		return nil, err
	}
	return files, s.MergeTranslations(files)
}

// listIndexRE matches the list indexes of a spec path.
var listIndexRE = regexp.MustCompile(`\[\d+\]`)

// pathShape is a spec path with its list indexes removed:
// accounts[6].notes -> accounts[].notes.
func pathShape(path string) string { return listIndexRE.ReplaceAllString(path, "[]") }

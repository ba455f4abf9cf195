// Package migrate rewrites a device spec to the current format version
// (spec.FormatVersion), changing only what must change.
//
// It knows no deprecated form of its own: the loader records each one it
// reads as a spec.Deprecation with the spec.Rewrite that gives the current
// form, and Migrate applies exactly those rewrites, plus the new
// `spec_version`. The loader's list is thus the one table that both
// `docgen check` (rule SPEC-DEPRECATED) and `docgen migrate` use.
//
// The rewrites are made in the file's own text, at the positions of the
// YAML nodes they concern, so comments, blank lines, key order, indentation
// and quoting stay as they were: yaml.v3's encoder, fed the same node tree,
// would drop every blank line and re-indent the file. Before Migrate
// returns a result it loads it again and makes sure that it has no
// deprecated form left and means exactly what the original means;
// otherwise it returns an error and no result.
//
//	res, err := migrate.Migrate("device.yaml", data)
//	if err != nil { ... }     // the loader's errors, or why a form cannot be rewritten
//	if res.Current() { ... }  // nothing to do
//	os.Stdout.Write(res.Data)
package migrate

import (
	"bytes"
	"errors"
	"slices"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// Result is the outcome of migrating one spec file.
type Result struct {
	// Data is the migrated file: the input itself when nothing changes.
	Data []byte
	// Changes lists the rewrites in file order; none when the spec is
	// already in the current format.
	Changes []Change
	// Version is the format version the input was written in.
	Version int
}

// Current reports whether the spec was already in the current format.
func (r *Result) Current() bool { return len(r.Changes) == 0 }

// Change is one rewrite: the old form at Pos and the form that replaces it.
type Change struct {
	Pos      yamlx.Pos
	Old, New string
}

// versionPath is the path of the format version in a spec.
const versionPath = "spec_version"

// Migrate rewrites the spec data, read from the file name, to the current
// format. A spec that does not load is refused with the loader's errors (a
// yamlx.Errors); a deprecated form written in a way that cannot be
// rewritten in place safely is reported as a yamlx.Errors entry at its
// position, saying what to write instead.
func Migrate(name string, data []byte) (*Result, error) {
	s, err := spec.Parse(name, data)
	if err != nil {
		return nil, err
	}
	res := &Result{Data: data, Version: s.SpecVersion}
	todo := s.Deprecations
	if s.SpecVersion != spec.FormatVersion {
		v := strconv.Itoa(spec.FormatVersion)
		todo = append([]spec.Deprecation{{
			Path: versionPath,
			Old:  versionPath + ": " + strconv.Itoa(s.SpecVersion),
			New:  versionPath + ": " + v,
			// Value only: the key keeps its name.
			Rewrite: spec.Rewrite{Value: v},
		}}, todo...)
	}
	if len(todo) == 0 {
		return res, nil
	}

	bom := []byte{}
	body := data
	if b, ok := bytes.CutPrefix(data, []byte("\ufeff")); ok {
		bom, body = []byte("\ufeff"), b
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(body, &doc); err != nil || len(doc.Content) == 0 {
		// The loader read the same text; this cannot happen.
		return nil, verifyError(name, msg.Format("migrate.reparse", err))
	}
	src := newSource(body)
	var edits []edit
	var errs yamlx.Errors
	for _, d := range todo {
		e, pos, err := src.rewrite(doc.Content[0], d)
		if err != nil {
			errs = append(errs, &yamlx.Error{Pos: yamlx.Pos{File: name, Line: pos.line, Col: pos.col}, Msg: msg.Format("migrate.cannot_rewrite", d.Old, err, d.New)})
			continue
		}
		edits = append(edits, e...)
		res.Changes = append(res.Changes, Change{Pos: yamlx.Pos{File: name, Line: pos.line, Col: pos.col}, Old: d.Old, New: d.New})
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	out, err := src.apply(edits)
	if err != nil {
		return nil, verifyError(name, err.Error())
	}
	res.Data = append(bom, out...)
	sortChanges(res.Changes)
	if err := verify(name, s, res.Data); err != nil {
		return nil, err
	}
	return res, nil
}

// verify loads the migrated data and checks that it is current and means
// what the original spec s means. It modifies s.
func verify(name string, s *spec.Spec, data []byte) error {
	m, err := spec.Parse(name, data)
	if err != nil {
		return verifyError(name, msg.Format("migrate.not_loading", err))
	}
	if len(m.Deprecations) > 0 {
		return verifyError(name, msg.Format("migrate.still_deprecated", m.Deprecations[0].Old, m.Sources.Lookup(m.Deprecations[0].Path)))
	}
	if m.SpecVersion != spec.FormatVersion {
		return verifyError(name, msg.Format("migrate.still_old", m.SpecVersion))
	}
	if path, same, err := sameMeaning(s, m); err != nil {
		return verifyError(name, err.Error())
	} else if !same {
		return verifyError(name, msg.Format("migrate.other_meaning", path))
	}
	return nil
}

// verifyError is the error of a migration that went wrong: a bug in docgen,
// never in the spec.
func verifyError(name, detail string) error {
	return errors.New(msg.Format("migrate.internal", name, detail))
}

// sortChanges orders changes by position.
func sortChanges(cs []Change) {
	slices.SortStableFunc(cs, func(a, b Change) int {
		switch {
		case a.Pos.Less(b.Pos):
			return -1
		case b.Pos.Less(a.Pos):
			return 1
		}
		return 0
	})
}

// Package specs holds the data that defines what docgen checks: the
// requirement catalogs, one YAML file per profile under catalog/, the
// default responsibility matrix under responsibility/, what docgen knows of
// protocols and product lifecycles under knowledge/, under vocabulary/ one
// file per language with the words docgen needs to read hand-written
// documents (package docscheck), under diff/ what docgen diff compares and
// how it labels each change (package diff), the supplier and licence of
// every third-party module linked into docgen (thirdparty.yaml), and the
// examples the spec's JSON Schema offers for its fields
// (schema/examples.yaml). The files are embedded in the binary; package
// catalog decodes and validates the catalogs.
//
// A catalog file lists targets (the documents), items (what each document
// must contain, with clauses and the spec fields that satisfy it) and rules
// (consistency checks implemented in Go, described here with their clauses
// and message templates). See catalog/mdcg-2019-16.yaml for the annotated
// default profile.
//
// responsibility/ holds the default responsibility matrix (package duties);
// mds2/ holds the MDS2 form (HN 1-2019) with the rules that answer each
// question from a spec (package mds2).
package specs

import (
	"embed"
	"slices"
	"strings"
)

// FS is the embedded data tree, rooted at this directory.
//
//go:embed catalog responsibility knowledge vocabulary diff mds2 thirdparty.yaml schema/examples.yaml
var FS embed.FS

// Names lists the YAML files of folder dir of FS by name, without the
// .yaml extension, sorted: the profiles of catalog, the languages of
// vocabulary.
func Names(dir string) []string {
	entries, _ := FS.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// Package specs holds the data that defines what docgen checks: the
// requirement catalogs, one YAML file per profile under catalog/. The files
// are embedded in the binary; package catalog decodes and validates them.
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

import "embed"

// FS is the embedded data tree, rooted at this directory.
//
//go:embed catalog responsibility mds2
var FS embed.FS

// Package specs holds the data that defines what docgen checks: the
// requirement catalogs, one YAML file per profile under catalog/, the
// default responsibility matrix, and the supplier and licence of every
// third-party module linked into docgen (thirdparty.yaml), and the examples
// the spec's JSON Schema offers for its fields (schema/examples.yaml). The files
// are embedded in the binary; package catalog decodes and validates them.
//
// A catalog file lists targets (the documents), items (what each document
// must contain, with clauses and the spec fields that satisfy it) and rules
// (consistency checks implemented in Go, described here with their clauses
// and message templates). See catalog/mdcg-2019-16.yaml for the annotated
// default profile.
package specs

import "embed"

// FS is the embedded data tree, rooted at this directory.
//
//go:embed catalog responsibility thirdparty.yaml schema/examples.yaml
var FS embed.FS

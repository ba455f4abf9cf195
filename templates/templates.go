// Package templates holds every piece of fixed, user-visible text that docgen
// writes: the message catalog used by diagnostics and check findings, the help
// text of the command line, the skeleton written by "docgen init", and (from
// the document generator on) the document templates.
//
// The files are embedded in the binary, so docgen never reads them from disk at
// run time. Keeping the words here rather than in Go code means a translation is
// a new set of files, not a code change.
//
// Layout:
//
//	messages/<lang>.yaml   diagnostic and finding messages, by key
//	help/<command>.txt     long help of each command
//	init/device.yaml       the commented skeleton of a device spec
//	html/                  page template and stylesheet of the HTML documents,
//	                       and the panel of the live preview (docgen serve)
//	completion/            shell completion scripts (docgen completion SHELL)
package templates

import "embed"

// FS is the embedded template tree, rooted at this directory.
//
//go:embed messages help init html docs completion
var FS embed.FS

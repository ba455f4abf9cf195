// Package formats registers every output format of docgen with package
// render. Import it for its side effect; adding a format is adding its
// package and one line here.
package formats

import (
	// The formats, each registering itself in an init function.
	_ "github.com/docgen/docgen/generator/render/docx"
	_ "github.com/docgen/docgen/generator/render/html"
	_ "github.com/docgen/docgen/generator/render/markdown"
	_ "github.com/docgen/docgen/generator/render/pdf"
)

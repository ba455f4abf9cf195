package generator

import (
	"bytes"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/diagram"
	"github.com/docgen/docgen/generator/docs"
	"github.com/docgen/docgen/generator/sbom"
	"github.com/docgen/docgen/generator/spec"
)

// Checked is a loaded and checked spec: what its documents, and a
// comparison with another revision, are made from.
type Checked struct {
	Spec     *spec.Spec
	Catalogs []*catalog.Catalog
	// BOM is the SBOM with the spec's support data applied; nil when the
	// spec names none.
	BOM    *sbom.BOM
	Result *check.Result
}

// Assembled is the document set of a checked spec, before rendering.
type Assembled struct {
	Set *docs.Set
	// Diagram is the network diagram and SVG its image; both nil when the
	// spec has no network model.
	Diagram *diagram.Diagram
	SVG     []byte
}

// LoadChecked loads the spec at path, its catalogs and its SBOM, and checks
// it.
func LoadChecked(path string, opts BuildOptions) (*Checked, error) {
	s, err := LoadSpec(path)
	if err != nil {
		return nil, err
	}
	cats, err := LoadCatalogs(s, opts.Profiles)
	if err != nil {
		return nil, err
	}
	bom, err := LoadSBOM(s, opts.AllowOutside)
	if err != nil {
		return nil, err
	}
	res := check.Run(s, cats, check.Options{Today: opts.Today, BOM: bom})
	return &Checked{Spec: s, Catalogs: cats, BOM: bom, Result: res}, nil
}

// Documents builds the document models of a checked spec and its network
// diagram.
func (c *Checked) Documents(opts BuildOptions) (*Assembled, error) {
	a := &Assembled{}
	d, err := diagram.Build(c.Spec)
	if err != nil {
		return nil, err
	}
	if d != nil {
		var b bytes.Buffer
		if err := d.WriteSVG(&b); err != nil {
			return nil, err
		}
		a.Diagram, a.SVG = d, b.Bytes()
	}
	in := docs.Input{Spec: c.Spec, Catalogs: c.Catalogs, Result: c.Result, BOM: c.BOM, Draft: c.Result.Failed(), Version: opts.Version}
	if a.SVG != nil {
		in.Diagram, in.DiagramFile = a.Diagram, DiagramFile
	}
	a.Set, err = docs.Build(in, docs.Options{TemplatesDir: opts.TemplatesDir, IFUHeadingOffset: opts.IFUHeadingOffset})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// Package generator is docgen's pipeline, one function per stage, so the
// command line stays a thin shell over it:
//
//	s, err := generator.LoadSpec("device.yaml")          // 1. load the spec (package spec)
//	cats, err := generator.LoadCatalogs(s, nil)          // 2. pick the requirement catalogs (package catalog)
//	res := generator.Check(s, cats, check.Options{})     // 3. check it (package check)
//	report.Write(os.Stdout, "sarif", []*check.Result{res}, report.Options{})
//
// Later stages (building the document model and rendering Markdown, HTML and
// PDF) hang off the same loaded spec.
package generator

import (
	"slices"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// LoadSpec loads and validates the spec at path (see spec.Load).
func LoadSpec(path string) (*spec.Spec, error) { return spec.Load(path) }

// LoadCatalogs loads the catalogs named in profiles, or when profiles is
// empty those the spec names, or else the default profile. Duplicates, also
// a profile named both by its current name and by an alias, are loaded once,
// in the order given.
func LoadCatalogs(s *spec.Spec, profiles []string) ([]*catalog.Catalog, error) {
	if len(profiles) == 0 && s != nil {
		profiles = s.Profiles
	}
	if len(profiles) == 0 {
		profiles = []string{catalog.DefaultProfile}
	}
	var cats []*catalog.Catalog
	var seen []string
	for _, p := range profiles {
		if slices.Contains(seen, p) {
			continue
		}
		seen = append(seen, p)
		c, err := catalog.Load(p)
		if err != nil {
			return nil, err
		}
		if slices.ContainsFunc(cats, func(o *catalog.Catalog) bool { return o.Profile == c.Profile }) {
			continue
		}
		cats = append(cats, c)
	}
	return cats, nil
}

// Check runs every check of the catalogs on s. Unless opts already carries
// it, the SBOM the spec names is read first (confined to the spec's folder),
// so that the SBOM rules see it; an SBOM that cannot be read becomes a
// finding, not a failure.
func Check(s *spec.Spec, cats []*catalog.Catalog, opts check.Options) *check.Result {
	if opts.BOM == nil && opts.SBOMErr == nil {
		opts.BOM, opts.SBOMErr = LoadSBOM(s, false)
	}
	return check.Run(s, cats, opts)
}

// WaiverFile is the layout of a separate waiver file.
type WaiverFile struct {
	Waivers []spec.Waiver `yaml:"waivers"`
}

// LoadWaivers reads a separate waiver file: a YAML document with a single
// `waivers:` list in the same form as the spec's own waivers.
func LoadWaivers(path string) ([]spec.Waiver, *yamlx.SourceMap, error) {
	data, err := input.Read(path, input.Waivers)
	if err != nil {
		return nil, nil, &spec.ReadError{Path: path, Err: err}
	}
	var wf WaiverFile
	d := yamlx.NewDecoder(path)
	d.Decode(data, &wf)
	for i, w := range wf.Waivers {
		p := yamlx.Index("waivers", i)
		if w.Rule == "" {
			d.ReportAt(d.Sources().Lookup(p), "spec.waiver_rule")
		}
		if spec.IsPlaceholder(w.Rationale.Value) {
			d.ReportAt(d.Sources().Lookup(p), "spec.waiver_rationale")
		}
	}
	if err := d.Err(); err != nil {
		return nil, nil, err
	}
	return wf.Waivers, d.Sources(), nil
}

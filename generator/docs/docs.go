// Package docs builds the cybersecurity documents of a device from its spec
// as document models (package docmodel): the security section of the
// instructions for use (IfU), the administrator guide, the network
// administrator guide and the public security information, plus the tables
// they show (some also written as CSV), a traceability matrix from each
// catalog item to the section that addresses it, and a provenance map from
// every paragraph to the spec fields it states.
//
//	set, err := docs.Build(docs.Input{Spec: s, Catalogs: cats, Result: res}, docs.Options{})
//	for _, d := range set.Documents {
//		markdown.Write(os.Stdout, d.Model)
//	}
//
// # Every sentence true for the spec
//
// The documents are written by text/template files under templates/docs,
// embedded in the binary (--templates DIR overrides them by path). A
// template writes nothing itself: it calls functions that add blocks to the
// document, and all fixed wording comes from the message catalog
// (templates/messages), so that it can be reviewed and translated:
//
//	{{para "ifu.updates.installer" (role "updates.installer_role")}}
//	{{labelled "label.updates.integrity" "updates.integrity"}}
//	{{table "firewall-rules"}}
//
// Facts are named by their spec path. A sentence whose fact the spec does
// not state is left out, so a statement appears only when the field behind
// it is present; a section that ends up empty is left out too, and `docgen
// check` reports the missing item. Where the spec states that something does
// not exist (absent: in the spec), {{absent "name"}} says so plainly. Every
// block records the spec paths it came from (docmodel.Provenance), and the
// build writes them as provenance.json.
//
// A document template lists its sections in reading order with {{section
// "anchor"}}; a section appears when a catalog item it addresses applies to
// the device and it has content. References to other documents name the
// document and the section ({{xref "network-admin-guide" "net-firewall"}})
// and are checked: a document for lay readers refers to no document they
// never receive, and a reference to a section that is not there leaves its
// sentence out.
package docs

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/diagram"
	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/duties"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/sbom"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/templates"
)

// Input is what the documents are built from.
type Input struct {
	Spec     *spec.Spec
	Catalogs []*catalog.Catalog
	// Result is the check result of Spec; it supplies waivers and statuses
	// to the traceability matrix. It may be nil.
	Result *check.Result
	// BOM is the device's SBOM with support data applied; it may be nil.
	BOM *sbom.BOM
	// Diagram is the network diagram as data, and DiagramFile the name of
	// its image next to the documents; both are empty when the spec has no
	// network model.
	Diagram     *diagram.Diagram
	DiagramFile string
	// Draft marks every document as a draft (the spec has check errors).
	Draft bool
	// Version is the docgen version, for the metadata.
	Version string
}

// Options adjust the build.
type Options struct {
	// TemplatesDir holds template files that replace the embedded ones with
	// the same path below templates/docs (sections/ifu-updates.tmpl).
	TemplatesDir string
	// IFUHeadingOffset shifts every heading of the IfU security section by
	// this many levels and leaves out its title block, so it can be included
	// as a chapter of a larger IfU. 0 builds a standalone document.
	IFUHeadingOffset int
	// ComponentRows is the most SBOM components the administrator guide
	// lists one per row; a larger SBOM is summarised (totals by type,
	// supplier and support level, and the components that need attention
	// listed one by one), and every component is in components.csv. 0
	// means DefaultComponentRows; a negative value lists every component.
	ComponentRows int
	// Language is the language the documents are written in, a language
	// docgen has texts for (msg.HasLanguage); "" is English. Fixed texts
	// come from its message set, spec texts from their translation into it.
	Language string
}

// Document is one generated document.
type Document struct {
	// Name is the file base name, e.g. "ifu-security".
	Name string
	// Target is the catalog target the document serves: ifu, admin,
	// network, public.
	Target string
	// Model is the document.
	Model *docmodel.Document
	// Anchors lists the anchors of the sections it contains.
	Anchors []string
	// AttachSBOM is set for documents that carry the SBOM as an attachment
	// where the format allows.
	AttachSBOM bool
}

// Set is the result of a build.
type Set struct {
	Documents []Document
	// CSV are the tables written as CSV files, by file base name.
	CSV []*Table
	// Traceability is the traceability matrix as a document.
	Traceability *docmodel.Document
	// Trace lists, per applicable catalog item, where it is addressed.
	Trace []TraceRow
}

// docDef describes one document, from templates/docs/documents.yaml.
type docDef struct {
	Name     string `yaml:"name" doc:"The document's name and file base name, e.g. ifu-security."`
	Target   string `yaml:"target" doc:"The catalog target it serves: ifu, admin, network or public."`
	Code     string `yaml:"code" doc:"Appended to the spec's document id to make the document's id."`
	Template string `yaml:"template" doc:"The template that writes it."`
	// Audience is who reads it; LayAudience replaces it for devices with
	// lay users.
	Audience    string `yaml:"audience" doc:"Who reads it."`
	LayAudience string `yaml:"lay_audience" doc:"Who reads it when the device has lay users."`
	// Public documents are published; a document for lay readers may refer
	// only to public documents.
	Public     bool `yaml:"public" doc:"True when it is published."`
	AttachSBOM bool `yaml:"attach_sbom" doc:"True when its PDF carries the SBOM as an attachment."`
	// Fragment documents can be built as a chapter of a larger document.
	Fragment bool `yaml:"fragment" doc:"True when it can be built as a chapter of a larger document."`
	// FileWords are words whose presence in a Markdown file's name makes
	// `check --docs` take it for a document of this target.
	FileWords []string `yaml:"file_words" doc:"Words of a file name that make check --docs take a hand-written file for this document."`
}

// Target is a catalog target a generated document serves, as `check
// --docs` knows it.
type Target struct {
	// ID is the catalog target: ifu, admin, network, public.
	ID string
	// FileWords are the words of a file name that make a hand-written
	// Markdown file a document of this target, in the order they are tried
	// across targets (see documents.yaml).
	FileWords []string
}

// documentDefs reads templates/docs/documents.yaml, the list of documents
// (which --templates cannot replace).
var documentDefs = sync.OnceValues(func() ([]docDef, error) {
	data, err := templates.FS.ReadFile("docs/documents.yaml")
	if err != nil {
		return nil, err
	}
	var defs []docDef
	if err := yaml.Unmarshal(data, &defs); err != nil {
		return nil, fmt.Errorf("docs: documents.yaml: %w", err)
	}
	return defs, nil
})

// Targets returns the targets of the built-in documents in build order,
// from templates/docs/documents.yaml.
func Targets() ([]Target, error) {
	defs, err := documentDefs()
	if err != nil {
		return nil, err
	}
	out := make([]Target, len(defs))
	for i, d := range defs {
		out[i] = Target{ID: d.Target, FileWords: d.FileWords}
	}
	return out, nil
}

// title is the document's title.
func (w words) title(d docDef) string { return w.get("doc." + d.Name + ".title") }

// Build builds every document of in.Spec.
func Build(in Input, opts Options) (*Set, error) {
	if in.Spec == nil {
		return nil, errors.New("docs: no spec")
	}
	tset, defs, err := loadTemplates(opts.TemplatesDir)
	if err != nil {
		return nil, err
	}
	m, err := duties.MatrixIn(in.Spec, opts.Language)
	if err != nil {
		return nil, err
	}
	b := &builder{words: words{msg.For(opts.Language)}, in: in, opts: opts, templates: tset, defs: defs, duties: m}
	b.catalogAnchors = map[string]bool{}
	for _, c := range in.Catalogs {
		for i := range c.Items {
			for _, a := range c.Items[i].SectionAnchors() {
				b.catalogAnchors[a] = true
			}
		}
	}
	// References to sections of other documents are resolved against the
	// sections each document has; a pass can drop a sentence and with it a
	// section, so passes repeat until the documents stop changing.
	var docs []Document
	for pass := 0; pass < 4; pass++ {
		prev := b.rendered
		b.rendered = map[string][]string{}
		docs = docs[:0]
		for _, def := range defs {
			d, err := b.document(def)
			if err != nil {
				return nil, err
			}
			docs = append(docs, d)
			b.rendered[def.Name] = d.Anchors
		}
		if prev != nil && sameAnchors(prev, b.rendered) {
			break
		}
	}
	if err := b.checkCoverage(docs); err != nil {
		return nil, err
	}
	set := &Set{Documents: docs}
	for _, id := range CSVTables {
		set.CSV = append(set.CSV, b.tables(false)[id])
	}
	if in.BOM != nil {
		set.CSV = append(set.CSV, b.tables(false)[ComponentsCSV])
	}
	set.Trace = b.trace(docs)
	set.Traceability = b.traceDocument(set.Trace)
	return set, nil
}

func sameAnchors(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// applies reports whether a section appears for the device: a section that
// addresses catalog items appears when one of them applies; other sections
// (revision history, variants) always do, if they have content.
func (b *builder) applies(anchor string) bool {
	if !b.catalogAnchors[anchor] {
		return true
	}
	for _, c := range b.in.Catalogs {
		for i := range c.Items {
			it := &c.Items[i]
			if slices.Contains(it.SectionAnchors(), anchor) && catalog.Applies(it.When, b.in.Spec) {
				return true
			}
		}
	}
	return false
}

// checkCoverage makes sure that every applicable item whose target is one
// of the documents has a section in that document's template, so that a
// catalog or template change cannot silently drop a required section. (A
// section may still be left out for lack of content; check reports that.)
func (b *builder) checkCoverage(docs []Document) error {
	var missing []string
	for _, c := range b.in.Catalogs {
		for i := range c.Items {
			it := &c.Items[i]
			if !catalog.Applies(it.When, b.in.Spec) {
				continue
			}
			for _, d := range docs {
				if !slices.Contains(it.Targets, d.Target) {
					continue
				}
				found := false
				for _, a := range it.SectionAnchors() {
					if slices.Contains(b.attempted[d.Name], a) {
						found = true
					}
				}
				if !found {
					missing = append(missing, fmt.Sprintf("%s (%s) in %s", it.ID, strings.Join(it.SectionAnchors(), ", "), d.Name))
				}
			}
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("docs: the templates address no section for %s", strings.Join(missing, "; "))
	}
	return nil
}

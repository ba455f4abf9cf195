// Package docs builds the cybersecurity documents of a device from its spec:
// the security section of the instructions for use (IfU), the administrator
// guide and the network administrator guide, as Markdown, plus the tables
// they show (also written as CSV) and a traceability matrix from each
// catalog item to the section that addresses it.
//
//	set, err := docs.Build(docs.Input{Spec: s, Catalogs: cats, Result: res}, docs.Options{})
//	for _, d := range set.Documents {
//		os.WriteFile(d.Name+".md", d.Markdown, 0o644)
//	}
//
// All wording lives in text/template files under templates/docs/, embedded
// in the binary; Options.TemplatesDir overrides any of them by file name.
// Each document template lists its sections in reading order; a section is
// included when a catalog item it addresses applies to the device. Every
// section starts with a heading carrying a stable anchor,
//
//	## Security updates <a id="ifu-updates"></a>
//
// which renders cleanly on GitHub and which docgen's HTML and PDF renderers
// turn into the heading's id. Spec text reaches the Markdown only through the
// escaping functions (Inline, Para, Code, Table.Markdown), so pipes,
// newlines and Markdown or HTML syntax in a spec render literally.
package docs

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"text/template"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/sbom"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
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
	// Diagram is the file name of the network diagram image written next to
	// the documents, or "" when the spec has no network model.
	Diagram string
}

// Options adjust the build.
type Options struct {
	// TemplatesDir holds template files that replace the embedded ones with
	// the same file name.
	TemplatesDir string
	// IFUHeadingOffset shifts every heading of the IfU security section by
	// this many levels and leaves out its title block, so it can be included
	// as a chapter of a larger IfU. 0 builds a standalone document.
	IFUHeadingOffset int
}

// Document is one generated document.
type Document struct {
	// Name is the file base name, e.g. "ifu-security".
	Name string
	// Target is the catalog target the document serves: ifu, admin, network.
	Target string
	Title  string
	// Markdown is the document text.
	Markdown []byte
	// Anchors lists the anchors of the catalog sections it contains.
	Anchors []string
	// ID is the document's identifier (the spec's document id and the
	// document's code), and Control its document-control block as rows of
	// name and value, for renderers that print them on a title page.
	ID      string
	Control [][2]string
	// Body is Markdown without the title and document-control block, for
	// renderers that print those on a title page of their own (PDF).
	Body []byte
}

// Set is the result of a build.
type Set struct {
	Documents []Document
	Tables    *Tables
	// Traceability is the traceability matrix as Markdown.
	Traceability []byte
	// Trace lists, per applicable catalog item, where it is addressed.
	Trace []TraceRow
}

// docDef describes one document, from templates/docs/documents.yaml.
type docDef struct {
	Name     string `yaml:"name"`
	Target   string `yaml:"target"`
	Code     string `yaml:"code"`
	Title    string `yaml:"title"`
	Template string `yaml:"template"`
}

// Build renders every document of in.Spec.
func Build(in Input, opts Options) (*Set, error) {
	if in.Spec == nil {
		return nil, errors.New("docs: no spec")
	}
	tset, defs, err := loadTemplates(opts.TemplatesDir)
	if err != nil {
		return nil, err
	}
	b := &builder{in: in, opts: opts, tables: buildTables(in.Spec), rendered: map[string][]string{}}
	addSBOMTables(b.tables, in.BOM)
	set := &Set{Tables: b.tables}
	for _, def := range defs {
		doc, err := b.document(tset, def)
		if err != nil {
			return nil, err
		}
		set.Documents = append(set.Documents, doc)
	}
	if err := b.checkCoverage(set.Documents); err != nil {
		return nil, err
	}
	set.Trace = b.trace(set.Documents)
	set.Traceability, err = b.traceMarkdown(tset, set.Trace)
	if err != nil {
		return nil, err
	}
	return set, nil
}

// builder carries one build.
type builder struct {
	in     Input
	opts   Options
	tables *Tables
	// rendered maps a document name to the section anchors it rendered.
	rendered map[string][]string
}

// view is the data every template sees.
type view struct {
	Spec    *spec.Spec
	Doc     docDef
	Tables  *Tables
	Diagram string
	BOM     *sbom.BOM
	// Fragment is true when the IfU is built as a chapter of a larger IfU.
	Fragment bool
	// Regulation names the device's regulation in full.
	Regulation string
	// Control is the document-control block of this document.
	Control *Table
	// NoHeader leaves out the title and document-control block.
	NoHeader bool
	// DefaultAccounts are the accounts delivered with a default credential.
	DefaultAccounts []spec.Account
}

func (b *builder) document(tset *template.Template, def docDef) (Document, error) {
	offset := 0
	if def.Target == "ifu" {
		offset = b.opts.IFUHeadingOffset
	}
	v := &view{
		Spec: b.in.Spec, Doc: def, Tables: b.tables, Diagram: b.in.Diagram, BOM: b.in.BOM,
		Fragment: offset > 0, Regulation: msg.Get("regulation." + strings.ToLower(string(b.in.Spec.Device.Regulation))),
		Control: controlTable(b.in.Spec, def),
	}
	for _, a := range b.in.Spec.Accounts {
		if a.Default {
			v.DefaultAccounts = append(v.DefaultAccounts, a)
		}
	}
	t, err := tset.Clone()
	if err != nil {
		return Document{}, err
	}
	var anchors []string
	t.Funcs(template.FuncMap{
		"heading": func(level int, text, anchor string) string { return heading(level+offset, text, anchor) },
		"section": func(anchor string) (string, error) {
			if !b.applies(anchor) {
				return "", nil
			}
			name := "sections/" + anchor + ".md.tmpl"
			if t.Lookup(name) == nil {
				return "", fmt.Errorf("docs: no template %s for section %s", name, anchor)
			}
			var out bytes.Buffer
			if err := t.ExecuteTemplate(&out, name, v); err != nil {
				return "", err
			}
			anchors = append(anchors, anchor)
			return strings.TrimSpace(out.String()) + "\n", nil
		},
	})
	var out, body bytes.Buffer
	if err := t.ExecuteTemplate(&out, def.Template, v); err != nil {
		return Document{}, fmt.Errorf("docs: %s: %w", def.Name, err)
	}
	full := anchors
	v.NoHeader = true
	if err := t.ExecuteTemplate(&body, def.Template, v); err != nil {
		return Document{}, fmt.Errorf("docs: %s: %w", def.Name, err)
	}
	anchors = full
	b.rendered[def.Name] = anchors
	doc := Document{Name: def.Name, Target: def.Target, Title: def.Title, Markdown: tidy(out.Bytes()), Body: tidy(body.Bytes()), Anchors: anchors, ID: documentID(b.in.Spec, def)}
	for _, row := range v.Control.Rows {
		doc.Control = append(doc.Control, [2]string{row[0], row[1]})
	}
	return doc, nil
}

// applies reports whether any catalog item addressed by the section anchor
// applies to the device.
func (b *builder) applies(anchor string) bool {
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

// checkCoverage makes sure every applicable item whose target is one of the
// documents is addressed by a section of that document, so a catalog or
// template change cannot silently drop a required section.
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
					if slices.Contains(d.Anchors, a) {
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

// heading writes a Markdown heading with a stable anchor. Levels beyond 6
// are clamped.
func heading(level int, text, anchor string) string {
	level = min(max(level, 1), 6)
	h := strings.Repeat("#", level) + " " + Heading(text)
	if anchor != "" {
		h += ` <a id="` + anchor + `"></a>`
	}
	return h
}

var blankRunRE = regexp.MustCompile(`\n{3,}`)

// tidy normalises template output: no trailing spaces, a blank line around
// every heading, at most one blank line in a row, exactly one final newline.
// Only docgen's own headings start a line with "#": spec text is escaped.
func tidy(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	out := make([]string, 0, len(lines)+16)
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if strings.HasPrefix(l, "#") {
			out = append(out, "", l, "")
			continue
		}
		out = append(out, l)
	}
	s := blankRunRE.ReplaceAllString(strings.Join(out, "\n"), "\n\n")
	return []byte(strings.TrimSpace(s) + "\n")
}

// loadTemplates parses the embedded templates under templates/docs, with the
// files of dir replacing embedded ones of the same file name.
func loadTemplates(dir string) (*template.Template, []docDef, error) {
	files := map[string][]byte{} // template name -> text
	var names []string
	err := fs.WalkDir(templates.FS, "docs", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := templates.FS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "docs/")
		files[name] = data
		names = append(names, name)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if dir != "" {
		if err := overrideTemplates(dir, files, names); err != nil {
			return nil, nil, err
		}
	}
	var defs []docDef
	if err := yaml.Unmarshal(files["documents.yaml"], &defs); err != nil {
		return nil, nil, fmt.Errorf("docs: documents.yaml: %w", err)
	}
	t := template.New("docs").Option("missingkey=error").Funcs(funcs())
	for _, name := range names {
		if !strings.HasSuffix(name, ".tmpl") {
			continue
		}
		if _, err := t.New(name).Parse(string(files[name])); err != nil {
			return nil, nil, fmt.Errorf("docs: template %s: %w", name, err)
		}
	}
	return t, defs, nil
}

// overrideTemplates replaces embedded templates by the files of dir with the
// same base name. A file that matches no template is an error, so a typo in a
// file name does not silently leave the default in place.
func overrideTemplates(dir string, files map[string][]byte, names []string) error {
	byBase := map[string]string{}
	var bases []string
	for _, n := range names {
		byBase[path.Base(n)] = n
		bases = append(bases, path.Base(n))
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("--templates: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		name, ok := byBase[e.Name()]
		if !ok {
			return errors.New(msg.Format("docs.unknown_template", filepath.Join(dir, e.Name()), yamlx.Suggest(e.Name(), bases)))
		}
		data, err := input.ReadIn(dir, e.Name(), false, input.Template)
		if err != nil {
			return err
		}
		files[name] = data
	}
	return nil
}

// funcs are the template functions. Every function that takes spec text
// escapes it; templates never write spec text unescaped.
func funcs() template.FuncMap {
	return template.FuncMap{
		"md":      Inline,
		"para":    Para,
		"code":    Code,
		"heading": func(level int, text, anchor string) string { return heading(level, text, anchor) },
		"section": func(string) (string, error) { return "", errors.New("section outside a document") },
		"text":    func(t spec.Text) string { return Para(t.Value) },
		"has":     func(t spec.Text) bool { return !spec.IsPlaceholder(t.Value) },
		"hasAny":  func(ts []spec.Text) bool { return len(ts) > 0 },
		"list":    bulletList,
		"steps":   numberedList,
		"table":   func(t *Table) string { return t.Markdown() },
		"yesno":   yesNo,
		"msg":     msg.Get,
		"ports":   func(p spec.Ports) string { return p.String() },
		"date":    func(d spec.Date) string { return d.String() },
		"join":    strings.Join,
		"upper":   strings.ToUpper,
		"matrix":  func() string { return "" },
		"link":    Link,
		"deref":   func(b *bool) bool { return b != nil && *b },
		"roleName": func(s *spec.Spec, id string) string {
			for _, r := range s.Roles {
				if r.ID == id && r.Name != "" {
					return r.Name
				}
			}
			return id
		},
		"endpoint": endpointName,
		"status":   func(s string) string { return msg.Get("status." + s) },
	}
}

// controlTable is the document-control block at the top of a document.
func controlTable(s *spec.Spec, def docDef) *Table {
	t := newTable("control", "field", "value")
	d, doc := s.Device, s.Document
	add := func(key, value string) {
		if strings.TrimSpace(value) != "" {
			t.Add(msg.Get("control."+key), value)
		}
	}
	add("device", d.Name)
	add("model", d.Model)
	add("version", d.Version)
	add("manufacturer", strings.TrimSpace(d.Manufacturer.Name+", "+d.Manufacturer.Address.Value))
	add("udi_di", d.UDIDI)
	class := msg.Get("regulation." + strings.ToLower(string(d.Regulation)))
	if d.Class != "" {
		class += ", " + msg.Format("control.class_value", d.Class)
	}
	add("regulation", class)
	add("document", documentID(s, def))
	add("revision", doc.Revision)
	add("date", doc.Date.String())
	return t
}

// documentID is the spec's document id with the document's code appended.
func documentID(s *spec.Spec, def docDef) string {
	if s.Document.ID == "" || def.Code == "" {
		return s.Document.ID
	}
	return s.Document.ID + "-" + def.Code
}

// Link formats an absolute URL or e-mail address as a Markdown autolink when
// it is safe to (no spaces or angle brackets), else as escaped text.
func Link(u string) string {
	u = strings.TrimSpace(u)
	if u == "" || strings.ContainsAny(u, "<> \t\n\r") {
		return Inline(u)
	}
	return "<" + strings.TrimPrefix(u, "mailto:") + ">"
}

// bulletList renders texts as a Markdown bullet list.
func bulletList(ts []spec.Text) string {
	var b strings.Builder
	for _, t := range ts {
		if s := Inline(t.Value); s != "" {
			b.WriteString("- " + s + "\n")
		}
	}
	return b.String()
}

// numberedList renders texts as a numbered list of steps.
func numberedList(ts []spec.Text) string {
	var b strings.Builder
	n := 0
	for _, t := range ts {
		if s := Inline(t.Value); s != "" {
			n++
			fmt.Fprintf(&b, "%d. %s\n", n, s)
		}
	}
	return b.String()
}

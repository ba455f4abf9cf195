package generator

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/diagram"
	"github.com/docgen/docgen/generator/docs"
	"github.com/docgen/docgen/generator/fsutil"
	"github.com/docgen/docgen/generator/mds2"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/paths"
	"github.com/docgen/docgen/generator/render/html"
	"github.com/docgen/docgen/generator/render/pdf"
	"github.com/docgen/docgen/generator/sbom"
	"github.com/docgen/docgen/generator/spec"
)

// Output formats of Build.
const (
	FormatMarkdown = "md"
	FormatHTML     = "html"
	FormatPDF      = "pdf"
)

// BuildFormats lists the formats Build can write; all are written by default.
var BuildFormats = []string{FormatMarkdown, FormatHTML, FormatPDF}

// DiagramFile is the file name of the network diagram next to the documents.
const DiagramFile = "network-diagram.svg"

// BuildOptions adjust Build.
type BuildOptions struct {
	// Formats are the document formats to write (md, html); CSV files, the
	// traceability matrix and the manifest are always written.
	Formats []string
	// Profiles override the catalogs named in the spec.
	Profiles []string
	// TemplatesDir overrides embedded templates by file name.
	TemplatesDir string
	// IFUHeadingOffset builds the IfU section as a chapter of a larger IfU.
	IFUHeadingOffset int
	// Today is the reference date for the check (see check.Options).
	Today time.Time
	// Version is the docgen version recorded in the outputs.
	Version string
	// AllowOutside lets the spec refer to files outside its directory tree.
	AllowOutside bool
	// PageSize is the PDF page size: A4 (default) or Letter.
	PageSize string
}

// File is one output file of a build.
type File struct {
	Name string
	Data []byte
}

// Built is the result of building one spec.
type Built struct {
	Spec   *spec.Spec
	Result *check.Result
	// MDS2 is the MDS2 statement answered from the spec.
	MDS2  *mds2.Statement
	Files []File
	// Warnings are problems that did not stop the build, such as a
	// character the PDF fonts cannot show, as "file: message" lines.
	Warnings []string
}

// BuildSpec runs the whole pipeline for the spec at path and returns the
// output files without writing them: load, check, build the document model,
// render. Nothing touches the disk except reading the inputs.
func BuildSpec(path string, opts BuildOptions) (*Built, error) {
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

	var svg []byte
	d, err := diagram.Build(s)
	if err != nil {
		return nil, err
	}
	if d != nil {
		var b bytes.Buffer
		if err := d.WriteSVG(&b); err != nil {
			return nil, err
		}
		svg = b.Bytes()
	}
	in := docs.Input{Spec: s, Catalogs: cats, Result: res, BOM: bom}
	if svg != nil {
		in.Diagram = DiagramFile
	}
	set, err := docs.Build(in, docs.Options{TemplatesDir: opts.TemplatesDir, IFUHeadingOffset: opts.IFUHeadingOffset})
	if err != nil {
		return nil, err
	}

	formats := opts.Formats
	if len(formats) == 0 {
		formats = BuildFormats
	}
	var files []File
	var warnings []string
	for _, doc := range set.Documents {
		if slices.Contains(formats, FormatMarkdown) {
			files = append(files, File{doc.Name + ".md", doc.Markdown})
		}
		if slices.Contains(formats, FormatHTML) {
			var b bytes.Buffer
			err := html.Render(&b, doc.Markdown, html.Options{
				Title: s.Device.Name + " – " + doc.Title, Lang: s.Language, Meta: nil,
				InlineImages: map[string][]byte{DiagramFile: svg}, Generator: "docgen " + opts.Version,
			})
			if err != nil {
				return nil, fmt.Errorf("%s.html: %w", doc.Name, err)
			}
			files = append(files, File{doc.Name + ".html", b.Bytes()})
		}
		if slices.Contains(formats, FormatPDF) {
			data, warns, err := renderPDF(s, doc, d, opts)
			if err != nil {
				return nil, fmt.Errorf("%s.pdf: %w", doc.Name, err)
			}
			for _, w := range warns {
				warnings = append(warnings, doc.Name+".pdf: "+w)
			}
			files = append(files, File{doc.Name + ".pdf", data})
		}
	}
	if svg != nil {
		files = append(files, File{DiagramFile, svg})
	}
	for _, t := range set.Tables.CSVTables() {
		files = append(files, File{t.ID + ".csv", t.CSV()})
	}
	files = append(files, File{"traceability.md", set.Traceability})
	statement, mds2Out, err := buildMDS2(s, bom, cats, opts.PageSize)
	if err != nil {
		return nil, err
	}
	files = append(files, mds2Out...)
	manifest, err := buildManifest(path, s, res, cats, files, opts)
	if err != nil {
		return nil, err
	}
	files = append(files, File{"manifest.json", manifest})
	return &Built{Spec: s, Result: res, MDS2: statement, Files: files, Warnings: warnings}, nil
}

// renderPDF renders one document as PDF with its title page, running
// header, diagram as vector graphics and, for the administrator guide, the
// SBOM file attached.
func renderPDF(s *spec.Spec, doc docs.Document, d *diagram.Diagram, opts BuildOptions) ([]byte, []string, error) {
	po := pdf.Options{
		Title: s.Device.Name + " – " + doc.Title, Subject: msg.Get("build.pdf_subject"), Author: s.Device.Manufacturer.Name,
		Keywords: []string{"cybersecurity", "MDCG 2019-16", string(s.Device.Regulation), s.Device.Name},
		Lang:     s.Language, DocumentID: doc.ID, Revision: s.Document.Revision, Date: s.Document.Date.Time,
		PageSize: opts.PageSize, TitlePage: true,
	}
	for _, row := range doc.Control {
		po.Control = append(po.Control, pdf.Row{Name: row[0], Value: row[1]})
	}
	if d != nil {
		po.Images = map[string]pdf.Image{DiagramFile: {Diagram: d}}
	}
	if doc.Target == "admin" && !spec.IsPlaceholder(s.SBOM.Path) {
		p, err := paths.Confine(filepath.Dir(s.File), s.SBOM.Path, opts.AllowOutside)
		if err != nil {
			return nil, nil, err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, nil, err
		}
		po.Attachments = []pdf.Attachment{{Name: filepath.Base(p), Description: msg.Get("build.sbom_attachment"), Data: data}}
	}
	var b bytes.Buffer
	warns, err := pdf.Render(&b, doc.Body, po)
	if err != nil {
		return nil, nil, err
	}
	out := make([]string, len(warns))
	for i, w := range warns {
		out[i] = w.String()
	}
	return b.Bytes(), out, nil
}

// LoadSBOM reads the SBOM (and the VEX file) the spec names, relative to the
// spec, and applies the spec's per-component support data. It returns nil
// when the spec names no SBOM. Both files must lie in the spec's directory
// tree unless allowOutside is set (see package paths).
func LoadSBOM(s *spec.Spec, allowOutside bool) (*sbom.BOM, error) {
	if spec.IsPlaceholder(s.SBOM.Path) {
		return nil, nil
	}
	dir := filepath.Dir(s.File)
	p, err := paths.Confine(dir, s.SBOM.Path, allowOutside)
	if err != nil {
		return nil, err
	}
	bom, err := sbom.Read(p)
	if err != nil {
		return nil, err
	}
	if !spec.IsPlaceholder(s.SBOM.VEX) {
		vp, err := paths.Confine(dir, s.SBOM.VEX, allowOutside)
		if err != nil {
			return nil, err
		}
		vulns, err := sbom.ReadVEX(vp)
		if err != nil {
			return nil, err
		}
		bom.Vulnerabilities = append(bom.Vulnerabilities, vulns...)
	}
	ovs := make([]sbom.Override, len(s.Components))
	for i, c := range s.Components {
		ovs[i] = sbom.Override{Purl: c.Purl, BOMRef: c.BOMRef, SupportLevel: string(c.SupportLevel), EndOfSupport: c.EndOfSupport.String()}
	}
	bom.ApplyOverrides(ovs)
	return bom, nil
}

// manifest is the layout of manifest.json.
type manifest struct {
	Tool     string         `json:"tool"`
	Version  string         `json:"version"`
	Device   string         `json:"device"`
	Document string         `json:"document"`
	Revision string         `json:"revision"`
	Date     string         `json:"date"`
	Profiles []string       `json:"profiles"`
	Inputs   []manifestFile `json:"inputs"`
	Outputs  []manifestFile `json:"outputs"`
	Check    check.Summary  `json:"check"`
}

type manifestFile struct {
	Path   string `json:"path"`
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`
}

func digest(name string, data []byte) manifestFile {
	sum := sha256.Sum256(data)
	return manifestFile{Path: name, Bytes: len(data), SHA256: hex.EncodeToString(sum[:])}
}

// buildManifest records what went in and what came out, with SHA-256
// digests, so a reviewer can match a document to the exact inputs.
func buildManifest(path string, s *spec.Spec, res *check.Result, cats []*catalog.Catalog, files []File, opts BuildOptions) ([]byte, error) {
	m := manifest{
		Tool: "docgen", Version: opts.Version, Device: s.Device.Name, Document: s.Document.ID,
		Revision: s.Document.Revision, Date: s.Document.Date.String(), Check: res.Summary,
		Inputs: []manifestFile{}, Outputs: []manifestFile{},
	}
	for _, c := range cats {
		m.Profiles = append(m.Profiles, c.Profile)
	}
	inputs := []string{filepath.Base(path)}
	for _, p := range []string{s.SBOM.Path, s.SBOM.VEX} {
		if !spec.IsPlaceholder(p) {
			inputs = append(inputs, p)
		}
	}
	for _, in := range inputs {
		p, err := paths.Confine(filepath.Dir(path), in, opts.AllowOutside)
		if err != nil {
			return nil, err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		m.Inputs = append(m.Inputs, digest(filepath.ToSlash(in), data))
	}
	for _, f := range files {
		m.Outputs = append(m.Outputs, digest(f.Name, f.Data))
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// writeFile writes one staged file; tests replace it to simulate a full disk.
var writeFile = fsutil.WriteFile

// WriteFiles writes files into dir, creating it if needed. Every file is
// first written to a staging folder inside dir and then renamed into place,
// so a build that fails or is interrupted (ctx cancelled) while writing leaves
// the earlier outputs untouched and no temporary file behind; a build that
// fails earlier (in BuildSpec) never reaches this point. Builds into the same
// folder take a lock on dir/.docgen.lock, so two of them cannot interleave.
func WriteFiles(ctx context.Context, dir string, files []File) (err error) {
	for _, f := range files {
		if strings.ContainsAny(f.Name, `/\`) || f.Name == "" || strings.HasPrefix(f.Name, ".") {
			return errors.New(msg.Format("build.bad_output_name", f.Name))
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	unlock, err := fsutil.Lock(filepath.Join(dir, ".docgen.lock"))
	if err != nil {
		return err
	}
	defer unlock()
	stage, err := os.MkdirTemp(dir, ".docgen-build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage)
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := writeFile(filepath.Join(stage, f.Name), f.Data, 0o644); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// From here on the files are moved into place; renames within one
	// folder are quick and are not interrupted half-way.
	for _, f := range files {
		if err := os.Rename(filepath.Join(stage, f.Name), filepath.Join(dir, f.Name)); err != nil {
			return err
		}
	}
	return nil
}

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
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/paths"
	"github.com/docgen/docgen/generator/render"
	_ "github.com/docgen/docgen/generator/render/formats" // every output format
	"github.com/docgen/docgen/generator/render/markdown"
	"github.com/docgen/docgen/generator/sbom"
	"github.com/docgen/docgen/generator/spec"
)

// BuildFormats lists the formats Build can write, in the order they are
// written.
func BuildFormats() []string { return render.Names() }

// optInFormats are written only when asked for: Word documents are for the
// reviewers who edit and approve in Word, and a build that writes them by
// default would change what every existing pipeline produces.
var optInFormats = []string{"docx"}

// DefaultFormats lists the formats Build writes when BuildOptions.Formats
// is empty: every format but the opt-in ones.
func DefaultFormats() []string {
	var out []string
	for _, f := range BuildFormats() {
		if !slices.Contains(optInFormats, f) {
			out = append(out, f)
		}
	}
	return out
}

// DiagramFile is the file name of the network diagram next to the documents.
const DiagramFile = "network-diagram.svg"

// BuildOptions adjust Build.
type BuildOptions struct {
	// Formats are the document formats to write (default: DefaultFormats);
	// CSV files, the traceability matrix and the manifest are always
	// written.
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
	// WordTemplate is a Word template (.dotx or .docx) whose styles the
	// Word documents take.
	WordTemplate string
	// PDFStandard is the standard of the PDF documents: PDF/A-3b (the
	// default) or none (see render.Options).
	PDFStandard string
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
	Files  []File
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
	in := docs.Input{Spec: s, Catalogs: cats, Result: res, BOM: bom, Draft: res.Failed(), Version: opts.Version}
	if svg != nil {
		in.Diagram, in.DiagramFile = d, DiagramFile
	}
	set, err := docs.Build(in, docs.Options{TemplatesDir: opts.TemplatesDir, IFUHeadingOffset: opts.IFUHeadingOffset})
	if err != nil {
		return nil, err
	}

	formats := opts.Formats
	if len(formats) == 0 {
		formats = DefaultFormats()
	}
	var files []File
	var warnings []string
	assets := map[string]render.Asset{}
	if svg != nil {
		assets[DiagramFile] = render.Asset{Data: svg, Diagram: d}
	}
	for _, doc := range set.Documents {
		ro := render.Options{Assets: assets, PageSize: opts.PageSize, Generator: "docgen " + opts.Version, TitlePage: true,
			Template: opts.WordTemplate, PDFStandard: opts.PDFStandard}
		if doc.AttachSBOM && !spec.IsPlaceholder(s.SBOM.Path) {
			att, err := sbomAttachment(s, opts.AllowOutside)
			if err != nil {
				return nil, err
			}
			ro.Attachments = []render.Attachment{att}
		}
		for _, name := range formats {
			r, ok := render.Lookup(name)
			if !ok {
				return nil, errors.New(msg.Format("cli.bad_format", name, strings.Join(BuildFormats(), ", ")))
			}
			var b bytes.Buffer
			warns, err := r.Render(&b, doc.Model, ro)
			if err != nil {
				return nil, fmt.Errorf("%s%s: %w", doc.Name, r.Extension(), err)
			}
			for _, w := range warns {
				warnings = append(warnings, doc.Name+r.Extension()+": "+w.String())
			}
			files = append(files, File{doc.Name + r.Extension(), b.Bytes()})
		}
	}
	if svg != nil {
		files = append(files, File{DiagramFile, svg})
	}
	for _, t := range set.CSV {
		files = append(files, File{t.ID + ".csv", t.CSV()})
	}
	prov, err := set.Provenance()
	if err != nil {
		return nil, err
	}
	files = append(files, File{"provenance.json", prov})
	files = append(files, File{"traceability.md", markdown.Bytes(set.Traceability)})
	manifest, err := buildManifest(path, s, res, cats, files, opts)
	if err != nil {
		return nil, err
	}
	files = append(files, File{"manifest.json", manifest})
	return &Built{Spec: s, Result: res, Files: files, Warnings: warnings}, nil
}

// sbomAttachment reads the spec's SBOM for embedding in a document.
func sbomAttachment(s *spec.Spec, allowOutside bool) (render.Attachment, error) {
	p, err := paths.Confine(filepath.Dir(s.File), s.SBOM.Path, allowOutside)
	if err != nil {
		return render.Attachment{}, err
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return render.Attachment{}, err
	}
	media := "application/json"
	if strings.EqualFold(filepath.Ext(p), ".xml") {
		media = "application/xml"
	}
	return render.Attachment{Name: filepath.Base(p), Description: msg.Get("build.sbom_attachment"), MediaType: media, Data: data}, nil
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

package generator

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/diagram"
	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/docs"
	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/mds2"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/outdir"
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

// DiagramPNGFile is the network diagram as a PNG image, for tools that
// cannot show SVG.
const DiagramPNGFile = "network-diagram.png"

// DefaultComponentRows is the most SBOM components the administrator
// guide lists one per row unless BuildOptions.ComponentRows says otherwise.
const DefaultComponentRows = docs.DefaultComponentRows

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
	// ComponentRows is the most SBOM components the administrator guide
	// lists one per row (see docs.Options.ComponentRows).
	ComponentRows int
	// Today is the reference date for the check (see check.Options).
	Today time.Time
	// EndOfSupportDate, when set, replaces the document date in the
	// end-of-support checks (see check.Options).
	EndOfSupportDate time.Time
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
	// Languages are the languages to write the documents in (--lang); empty
	// takes the spec's languages, else its language, else English. One
	// language writes the files as they are; several write each language's
	// files into a folder named after it (de/ifu-security.pdf).
	Languages []string
	// Language is the one language Documents writes in; BuildSpec sets it
	// for each output language. Empty is the spec's first output language.
	Language string
	// Since is an earlier revision of the spec (a file, or REV:PATH read
	// from git): the build adds the security change notice since it, the
	// redline of each document and the proposed revision-history entry.
	Since string
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
// render. Nothing touches the disk except reading the inputs. It stops with
// ctx's error between stages and between documents once ctx is done.
func BuildSpec(ctx context.Context, path string, opts BuildOptions) (*Built, error) {
	c, err := LoadChecked(ctx, path, opts)
	if err != nil {
		return nil, err
	}
	langs, err := OutputLanguages(c.Spec, opts.Languages)
	if err != nil {
		return nil, err
	}
	var files []File
	var warnings []string
	var statement *mds2.Statement
	for _, lang := range langs {
		o := opts
		o.Language = lang
		more, warns, st, err := buildLanguage(ctx, c, o)
		if err != nil {
			return nil, err
		}
		if missing := msg.Missing(lang); len(missing) > 0 {
			warnings = append(warnings, incompleteWarning(lang, missing))
		}
		for _, f := range more {
			if len(langs) > 1 {
				f.Name = lang + "/" + f.Name
			}
			files = append(files, f)
		}
		for _, w := range warns {
			if len(langs) > 1 {
				w = lang + "/" + w
			}
			warnings = append(warnings, w)
		}
		statement = st
	}
	s, cats, res, inputs := c.Spec, c.Catalogs, c.Result, c.inputs
	mds2Out, err := mds2Files(statement, s, opts.PageSize)
	if err != nil {
		return nil, err
	}
	files = append(files, mds2Out...)
	manifest, err := buildManifest(s, res, cats, inputs, files, opts)
	if err != nil {
		return nil, err
	}
	files = append(files, File{"manifest.json", manifest})
	return &Built{Spec: s, Result: res, MDS2: statement, Files: files, Warnings: warnings}, nil
}

// maxListedKeys is the most missing keys a warning names.
const maxListedKeys = 20

// incompleteWarning is the build warning about a language whose set lacks
// keys, which fall back to English.
func incompleteWarning(lang string, missing []string) string {
	list := strings.Join(missing[:min(len(missing), maxListedKeys)], ", ")
	if len(missing) > maxListedKeys {
		list = msg.Format("build.lang_incomplete_more", list, len(missing)-maxListedKeys)
	}
	return msg.Format("build.lang_incomplete", lang, len(missing), list)
}

// OutputLanguages returns the languages to write s in
// (spec.Spec.OutputLanguages, with langs from --lang), each of which must be
// a language docgen has texts in; spec.Load has checked the spec's own.
func OutputLanguages(s *spec.Spec, langs []string) ([]string, error) {
	out := s.OutputLanguages(langs)
	if err := KnownLanguages(out); err != nil {
		return nil, err
	}
	return out, nil
}

// KnownLanguages returns an error naming the first of langs that docgen has
// no document texts in, and the languages it has.
func KnownLanguages(langs []string) error {
	for _, l := range langs {
		if !msg.HasLanguage(l) {
			return errors.New(msg.Format("cli.no_language_set", l, strings.Join(msg.Languages(), ", ")))
		}
	}
	return nil
}

// buildLanguage renders the files of c in the language opts.Language: the
// documents, diagram, CSV files, change files, provenance and traceability
// matrix, in that order, with the warnings of the renderers, and returns
// the MDS2 statement.
func buildLanguage(ctx context.Context, c *Checked, opts BuildOptions) ([]File, []string, *mds2.Statement, error) {
	a, err := c.Documents(opts)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, nil, err
	}
	inputs := c.inputs
	set, d, svg := a.Set, a.Diagram, a.SVG
	formats := opts.Formats
	if len(formats) == 0 {
		formats = DefaultFormats()
	}
	var files []File
	var warnings []string
	assets := map[string]render.Asset{}
	var png []byte
	if svg != nil {
		var b bytes.Buffer
		if err := d.WritePNG(&b, diagram.PNGScale); err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %w", DiagramPNGFile, err)
		}
		png = b.Bytes()
		assets[DiagramFile] = render.Asset{Data: svg, Diagram: d, Raster: png}
	}
	for _, doc := range set.Documents {
		ro := render.Options{Assets: assets, PageSize: opts.PageSize, Generator: "docgen " + opts.Version, TitlePage: true,
			Template: opts.WordTemplate, PDFStandard: opts.PDFStandard}
		if doc.AttachSBOM && len(inputs) > 1 {
			ro.Attachments = []render.Attachment{sbomAttachment(inputs[1])}
		}
		out, warns, err := renderDocument(ctx, doc.Name, doc.Model, formats, ro)
		if err != nil {
			return nil, nil, nil, err
		}
		files = append(files, out...)
		warnings = append(warnings, warns...)
	}
	if svg != nil {
		files = append(files, File{DiagramFile, svg}, File{DiagramPNGFile, png})
	}
	for _, t := range set.CSV {
		files = append(files, File{t.ID + ".csv", t.CSV()})
	}
	if opts.Since != "" {
		more, warns, err := changeFiles(ctx, opts.Since, c, a, formats, opts)
		if err != nil {
			return nil, nil, nil, err
		}
		files = append(files, more...)
		warnings = append(warnings, warns...)
	}
	prov, err := set.Provenance()
	if err != nil {
		return nil, nil, nil, err
	}
	files = append(files, File{"provenance.json", prov})
	files = append(files, File{"traceability.md", markdown.Bytes(set.Traceability)})
	return files, warnings, a.MDS2, nil
}

// renderDocument renders one document in each of formats, as files named
// after it, with the warnings of the renderers as "file: message" lines. It
// stops with ctx's error before each format once ctx is done.
func renderDocument(ctx context.Context, name string, d *docmodel.Document, formats []string, ro render.Options) ([]File, []string, error) {
	var files []File
	var warnings []string
	for _, f := range formats {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		r, ok := render.Lookup(f)
		if !ok {
			return nil, nil, errors.New(msg.Format("cli.bad_format", f, strings.Join(BuildFormats(), ", ")))
		}
		var b bytes.Buffer
		warns, err := r.Render(&b, d, ro)
		if err != nil {
			return nil, nil, fmt.Errorf("%s%s: %w", name, r.Extension(), err)
		}
		for _, w := range warns {
			warnings = append(warnings, name+r.Extension()+": "+w.String())
		}
		files = append(files, File{name + r.Extension(), b.Bytes()})
	}
	return files, warnings, nil
}

// sbomAttachment is the spec's SBOM, as read by loadSBOM, for embedding
// in a document.
func sbomAttachment(sb inputFile) render.Attachment {
	media := "application/json"
	if strings.EqualFold(path.Ext(sb.ref), ".xml") {
		media = "application/xml"
	}
	return render.Attachment{Name: path.Base(sb.ref), Description: msg.Get("build.sbom_attachment"), MediaType: media, Data: sb.data}
}

// LoadSBOM reads the SBOM (and the VEX file) the spec names, relative to the
// spec, and applies the spec's per-component support data. It returns nil
// when the spec names no SBOM. Both files must lie in the spec's directory
// tree unless allowOutside is set (see package paths).
func LoadSBOM(s *spec.Spec, allowOutside bool) (*sbom.BOM, error) {
	bom, _, err := loadSBOM(s, allowOutside)
	return bom, err
}

// inputFile is an input as read: its path as the spec names it (slashes)
// and its bytes.
type inputFile struct {
	ref  string
	data []byte
}

// loadSBOM is LoadSBOM that also returns the SBOM and VEX files as read,
// the SBOM first.
func loadSBOM(s *spec.Spec, allowOutside bool) (*sbom.BOM, []inputFile, error) {
	if spec.IsPlaceholder(s.SBOM.Path) {
		return nil, nil, nil
	}
	dir := filepath.Dir(s.File)
	data, err := input.ReadIn(dir, s.SBOM.Path, allowOutside, input.SBOM)
	if err != nil {
		return nil, nil, err
	}
	inputs := []inputFile{{filepath.ToSlash(s.SBOM.Path), data}}
	bom, err := sbom.Parse(filepath.Join(dir, filepath.FromSlash(s.SBOM.Path)), data)
	if err != nil {
		return nil, nil, err
	}
	if !spec.IsPlaceholder(s.SBOM.VEX) {
		data, err := input.ReadIn(dir, s.SBOM.VEX, allowOutside, input.VEX)
		if err != nil {
			return nil, nil, err
		}
		inputs = append(inputs, inputFile{filepath.ToSlash(s.SBOM.VEX), data})
		vulns, err := sbom.ParseVEX(filepath.Join(dir, filepath.FromSlash(s.SBOM.VEX)), data)
		if err != nil {
			return nil, nil, err
		}
		bom.Vulnerabilities = append(bom.Vulnerabilities, vulns...)
	}
	ovs := make([]sbom.Override, len(s.Components))
	for i, c := range s.Components {
		ovs[i] = sbom.Override{Purl: c.Purl, BOMRef: c.BOMRef, SupportLevel: string(c.SupportLevel), EndOfSupport: c.EndOfSupport.String()}
	}
	bom.ApplyOverrides(ovs)
	return bom, inputs, nil
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
func buildManifest(s *spec.Spec, res *check.Result, cats []*catalog.Catalog, inputs []inputFile, files []File, opts BuildOptions) ([]byte, error) {
	m := manifest{
		Tool: "docgen", Version: opts.Version, Device: s.Device.Name, Document: s.Document.ID,
		Revision: s.Document.Revision, Date: s.Document.Date.String(), Check: res.Summary,
		Inputs: []manifestFile{}, Outputs: []manifestFile{},
	}
	for _, c := range cats {
		m.Profiles = append(m.Profiles, c.Profile)
	}
	for _, in := range inputs {
		m.Inputs = append(m.Inputs, digest(in.ref, in.data))
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

// WriteOptions adjust WriteFiles.
type WriteOptions struct {
	// Force writes into a folder that holds other files than an earlier
	// build's outputs (they are kept) and replaces read-only outputs.
	Force bool
}

// WriteFiles makes dir hold files as one set, replacing an earlier build's
// outputs as a unit: after an error, a cancelled ctx or a kill, dir holds
// the complete earlier set or the complete new one (see package outdir).
// It refuses the root folder, and folders that hold other files than the
// outputs manifest.json lists or read-only outputs, unless opts.Force.
func WriteFiles(ctx context.Context, dir string, files []File, opts WriteOptions) error {
	set := make([]outdir.File, len(files))
	for i, f := range files {
		set[i] = outdir.File{Name: f.Name, Data: f.Data}
	}
	return outdir.Replace(ctx, dir, set, outdir.Options{Manifest: "manifest.json", Force: opts.Force})
}

package generator

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/diagram"
	"github.com/docgen/docgen/generator/diff"
	"github.com/docgen/docgen/generator/docs"
	"github.com/docgen/docgen/generator/gitrev"
	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/mds2"
	"github.com/docgen/docgen/generator/msg"
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
	// inputs are the spec, SBOM and VEX files as read: the manifest hashes
	// and the PDF attaches the very bytes that were parsed.
	inputs []inputFile
}

// Assembled is the document set of a checked spec, before rendering.
type Assembled struct {
	// Set holds the documents, the MDS2 appendix last.
	Set *docs.Set
	// MDS2 is the MDS2 statement answered from the spec.
	MDS2 *mds2.Statement
	// Diagram is the network diagram and SVG its image; both nil when the
	// spec has no network model.
	Diagram *diagram.Diagram
	SVG     []byte
}

// LoadChecked reads the spec at path (a folder stands for the spec file in
// it), its catalogs and its SBOM, each input once, and checks it. It stops
// with ctx's error between stages once ctx is done.
func LoadChecked(ctx context.Context, path string, opts BuildOptions) (*Checked, error) {
	path, err := spec.Resolve(path)
	if err != nil {
		return nil, err
	}
	data, err := spec.Read(path)
	if err != nil {
		return nil, err
	}
	s, err := spec.Parse(path, data)
	if err != nil {
		return nil, err
	}
	if _, err := spec.LoadTranslations(s, opts.AllowOutside); err != nil {
		return nil, err
	}
	cats, err := LoadCatalogs(s, opts.Profiles)
	if err != nil {
		return nil, err
	}
	bom, inputs, err := loadSBOM(s, opts.AllowOutside)
	if err != nil {
		return nil, err
	}
	inputs = append([]inputFile{{filepath.Base(path), data}}, inputs...)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := check.Run(s, cats, check.Options{Today: opts.Today, EndOfSupportDate: opts.EndOfSupportDate, BOM: bom, Languages: opts.Languages})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &Checked{Spec: s, Catalogs: cats, BOM: bom, Result: res, inputs: inputs}, nil
}

// Documents builds the document models of a checked spec, its network
// diagram and its MDS2 statement (whose appendix is the last document;
// neither when the spec states absent.mds2).
func (c *Checked) Documents(opts BuildOptions) (*Assembled, error) {
	a := &Assembled{}
	lang := opts.Language
	if lang == "" {
		if langs, err := OutputLanguages(c.Spec, opts.Languages); err == nil {
			lang = langs[0]
		}
	}
	d, err := diagram.BuildIn(c.Spec, lang)
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
	a.Set, err = docs.Build(in, docs.Options{TemplatesDir: opts.TemplatesDir, IFUHeadingOffset: opts.IFUHeadingOffset, ComponentRows: opts.ComponentRows, Language: lang})
	if err != nil {
		return nil, err
	}
	if c.Spec.IsAbsent("mds2") {
		return a, nil // the spec says no MDS2 is published: none is written
	}
	if a.MDS2, err = MDS2(c.Spec, c.BOM); err != nil {
		return nil, err
	}
	s := c.Spec
	a.Set.Documents = append(a.Set.Documents, docs.Document{Name: mds2.DocumentName, Model: a.MDS2.Appendix(mds2.AppendixOptions{
		// The MDS2 form exists only in English.
		Language: msg.DefaultLanguage, Date: s.Document.Date.Time, Draft: c.Result.Failed(),
	})})
	return a, nil
}

// Side returns the checked spec as one side of a comparison, named label.
func (c *Checked) Side(label string) diff.Side {
	return diff.Side{Label: label, Spec: c.Spec, BOM: c.BOM, Result: c.Result}
}

// LoadSide loads one revision of a spec for a comparison: a spec file, or
// REV:PATH, the file at PATH (relative to the current folder) as it was at
// git revision REV. An argument that names an existing file is always the
// file.
func LoadSide(ctx context.Context, arg string, opts BuildOptions) (*Checked, error) {
	ref, ok := gitrev.Parse(arg)
	if !ok {
		return LoadChecked(ctx, arg, opts)
	}
	return loadRevision(ctx, ref, opts)
}

// Diff compares two revisions of a spec (see LoadSide) and classifies the
// changes.
func Diff(ctx context.Context, oldArg, newArg string, opts BuildOptions) (*diff.Report, error) {
	old, err := LoadSide(ctx, oldArg, opts)
	if err != nil {
		return nil, err
	}
	cur, err := LoadSide(ctx, newArg, opts)
	if err != nil {
		return nil, err
	}
	return diff.Compare(old.Side(oldArg), cur.Side(newArg), diff.Options{Today: opts.Today})
}

// loadRevision loads a spec from git. The spec is read and parsed first (so
// that its errors name REV:PATH), then it and the SBOM and VEX files it
// names are written to a temporary folder in the same layout as in the
// repository, and loaded and checked from there like any spec; the folder
// is removed before returning. Paths in errors name the revision again.
func loadRevision(ctx context.Context, ref gitrev.Ref, opts BuildOptions) (*Checked, error) {
	fail := func(err error) error { return &gitrev.Error{Ref: ref, Msg: err.Error()} }
	repo, err := gitrev.Open(".")
	if err != nil {
		return nil, fail(err)
	}
	commit, err := repo.Commit(ref.Rev)
	if err != nil {
		return nil, fail(err)
	}
	rel, ok := repo.Rel(ref.Path)
	if !ok {
		return nil, fail(errors.New(msg.Format("gitrev.outside", ref.Path)))
	}
	if repo.IsDir(commit, rel) {
		rel = path.Join(rel, spec.DefaultFile) // a folder stands for the spec file in it
		ref.Path = path.Join(filepath.ToSlash(ref.Path), spec.DefaultFile)
	}
	data, err := repo.ReadFile(commit, rel, input.Spec.Limit())
	if err != nil {
		return nil, fail(err)
	}
	s, err := spec.Parse(ref.String(), data)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "docgen-revision-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	write := func(p string, data []byte) error {
		dst := filepath.Join(tmp, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	}
	if err := write(rel, data); err != nil {
		return nil, err
	}
	for _, p := range append([]string{s.SBOM.Path, s.SBOM.VEX}, s.Translations...) {
		if spec.IsPlaceholder(p) || filepath.IsAbs(p) {
			continue // LoadSBOM reports an absolute path outside the tree
		}
		q := path.Clean(path.Join(path.Dir(rel), filepath.ToSlash(p)))
		if q == ".." || strings.HasPrefix(q, "../") {
			return nil, fail(errors.New(msg.Format("gitrev.outside", p)))
		}
		b, err := repo.ReadFile(commit, q, input.SBOM.Limit())
		if err != nil {
			return nil, fail(err)
		}
		if err := write(q, b); err != nil {
			return nil, err
		}
	}
	c, err := LoadChecked(ctx, filepath.Join(tmp, filepath.FromSlash(rel)), opts)
	if err != nil {
		return nil, &relabeled{err: err, from: tmp + string(filepath.Separator), to: ref.Rev + ":"}
	}
	c.Spec.File = ref.String()
	c.Result.File = ref.String()
	return c, nil
}

// relabeled is an error whose text names files by revision instead of by
// the temporary folder they were loaded from.
type relabeled struct {
	err      error
	from, to string
}

func (e *relabeled) Error() string { return strings.ReplaceAll(e.err.Error(), e.from, e.to) }
func (e *relabeled) Unwrap() error { return e.err }

package docs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/docgen/docgen/generator/fsutil"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/templates"
)

// OverridableTemplates lists the embedded document templates that
// --templates can replace, by their path below templates/docs
// (sections/ifu-updates.tmpl), in file order. documents.yaml, the list of
// documents, is not among them.
func OverridableTemplates() ([]string, error) {
	var names []string
	err := fs.WalkDir(templates.FS, "docs", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if name := strings.TrimPrefix(p, "docs/"); overridable(name) {
			names = append(names, name)
		}
		return nil
	})
	return names, err
}

// overridable reports whether the embedded file name (below templates/docs)
// can be replaced by a file of --templates.
func overridable(name string) bool { return path.Ext(name) == ".tmpl" }

// ExportTemplates writes every overridable embedded template into dir at
// the path --templates reads it from, as a starting point for overrides,
// and returns the files written. It refuses to replace an existing file
// unless force is set, and then writes nothing.
func ExportTemplates(dir string, force bool) ([]string, error) {
	names, err := OverridableTemplates()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if _, err := os.Lstat(p); err == nil && !force {
			return nil, errors.New(msg.Format("docs.export.exists", p))
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		out = append(out, p)
	}
	for i, n := range names {
		data, err := templates.FS.ReadFile("docs/" + n)
		if err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(out[i]), 0o755); err != nil {
			return nil, err
		}
		if err := fsutil.WriteFile(out[i], data, 0o644); err != nil {
			return nil, fmt.Errorf("%s: %w", out[i], err)
		}
	}
	return out, nil
}

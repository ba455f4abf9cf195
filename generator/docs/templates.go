package docs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
	"github.com/docgen/docgen/templates"
)

// templateSet holds the document templates, parsed once.
type templateSet struct {
	t *template.Template
	// overridden maps the templates replaced by files of --templates to the
	// path of their file; only those may write Markdown of their own.
	overridden map[string]string
}

// file is the path an error names for the template name: the override's
// file, else the embedded file's path in the docgen sources.
func (ts *templateSet) file(name string) string {
	if p := ts.overridden[name]; p != "" {
		return p
	}
	return "templates/docs/" + name
}

// has reports whether the set has a template of that name.
func (ts *templateSet) has(name string) bool { return ts.t.Lookup(name) != nil }

// clone returns a copy of the templates using funcs.
func (ts *templateSet) clone(funcs template.FuncMap) (*template.Template, error) {
	c, err := ts.t.Clone()
	if err != nil {
		return nil, err
	}
	return c.Funcs(funcs), nil
}

// loadTemplates parses the embedded templates under templates/docs, with the
// files of dir replacing embedded ones: a file replaces the template at the
// same path below dir (sections/ifu-updates.tmpl), or of the same file name
// when that name is unique. A file that matches no template is an error.
func loadTemplates(dir string) (*templateSet, []docDef, error) {
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
	ts := &templateSet{overridden: map[string]string{}}
	if dir != "" {
		if err := overrideTemplates(dir, files, names, ts.overridden); err != nil {
			return nil, nil, err
		}
	}
	defs, err := documentDefs()
	if err != nil {
		return nil, nil, err
	}
	// The functions are bound per document; placeholders let the parser
	// know their names.
	t := template.New("docs").Option("missingkey=error").Funcs(placeholderFuncs())
	for _, name := range names {
		if !overridable(name) {
			continue
		}
		if _, err := t.New(name).Parse(string(files[name])); err != nil {
			return nil, nil, ts.parseError(name, err)
		}
	}
	ts.t = t
	return ts, defs, nil
}

// overrideTemplates replaces embedded templates by the files of dir. A
// file that matches no template is an error with a suggestion, so a typo in
// a file name does not silently leave the default in place.
func overrideTemplates(dir string, files map[string][]byte, names []string, overridden map[string]string) error {
	byBase := map[string][]string{}
	for _, n := range names {
		byBase[path.Base(n)] = append(byBase[path.Base(n)], n)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return fmt.Errorf("--templates: %w", err)
	}
	defer root.Close()
	return fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != "." {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		name := p
		if _, ok := files[name]; !ok {
			if cands := byBase[path.Base(p)]; len(cands) == 1 && !strings.Contains(p, "/") {
				name = cands[0]
			} else {
				return errors.New(msg.Format("docs.unknown_template", filepath.Join(dir, filepath.FromSlash(p)), suggestTemplate(p, names)))
			}
		}
		if !overridable(name) {
			return errors.New(msg.Format("docs.not_overridable", filepath.Join(dir, filepath.FromSlash(p))))
		}
		if !d.Type().IsRegular() {
			return errors.New(msg.Format("docs.template_not_file", filepath.Join(dir, filepath.FromSlash(p))))
		}
		data, err := input.ReadIn(dir, p, false, input.Template)
		if err != nil {
			return err
		}
		files[name] = data
		overridden[name] = filepath.Join(dir, filepath.FromSlash(p))
		return nil
	})
}

// suggestTemplate suggests the template a misspelt override path meant,
// comparing whole paths and file names.
func suggestTemplate(p string, names []string) string {
	if s := yamlx.Suggest(p, names); s != "" {
		return s
	}
	var bases []string
	for _, n := range names {
		bases = append(bases, path.Base(n))
	}
	best := yamlx.Suggest(path.Base(p), bases)
	for _, n := range names {
		if best != "" && strings.Contains(best, "`"+path.Base(n)+"`") {
			return strings.Replace(best, "`"+path.Base(n)+"`", "`"+n+"`", 1)
		}
	}
	return ""
}

package docscheck

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/docs"
	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
)

// Targets returns the document targets a document may have: the catalog
// targets of the documents docgen builds (templates/docs/documents.yaml).
func Targets() []string {
	ts := targets()
	ids := make([]string, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	return ids
}

// targets returns the built-in documents' targets; the embedded list is
// checked by the docs tests, so it always loads.
func targets() []docs.Target {
	ts, err := docs.Targets()
	if err != nil {
		panic(err) // embedded data; a packaging error the tests catch
	}
	return ts
}

// targetKey is the front-matter key that names a document's target.
const targetKey = "docgen-target"

// Doc is one document to check: a Markdown file and the catalog target
// (ifu, admin, network or public) whose items it must address.
type Doc struct {
	// Path is the file, as given or found below a given folder.
	Path string
	// Target is one of [Targets].
	Target string
}

// ParseDocArgs turns CLI arguments (PATH or TARGET=PATH, files or
// directories) into docs, in a deterministic order: the order of the
// arguments, a directory's Markdown files in lexical order. A file listed
// twice for the same target is kept once; a file with several targets (from
// TARGET=PATH arguments or a front-matter list) gives one Doc per target.
// The error lists every argument that could not be resolved.
func ParseDocArgs(args []string) ([]Doc, error) {
	if len(args) == 0 {
		return nil, errors.New(msg.Get("docscheck.no_docs"))
	}
	var docs []Doc
	var errs []error
	seen := map[Doc]bool{}
	add := func(d Doc) {
		key := Doc{Path: filepath.Clean(d.Path), Target: d.Target}
		if !seen[key] {
			seen[key] = true
			docs = append(docs, d)
		}
	}
	for _, arg := range args {
		target, path, err := splitArg(arg)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		files, err := expand(path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, f := range files {
			if target != "" {
				add(Doc{Path: f, Target: target})
				continue
			}
			ts, err := inferTargets(f)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			for _, t := range ts {
				add(Doc{Path: f, Target: t})
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return docs, nil
}

// splitArg splits TARGET=PATH. An argument whose part before the first "="
// is not a known target is a path, unless it does not exist and looks like a
// target name, which is then reported as unknown.
func splitArg(arg string) (target, path string, err error) {
	prefix, rest, ok := strings.Cut(arg, "=")
	if !ok {
		return "", arg, nil
	}
	t := strings.ToLower(strings.TrimSpace(prefix))
	switch {
	case slices.Contains(Targets(), t):
		if rest == "" {
			return "", "", errors.New(msg.Format("docscheck.empty_path", arg))
		}
		return t, rest, nil
	case fileExists(arg):
		return "", arg, nil
	case isWord(t):
		return "", "", errors.New(msg.Format("docscheck.bad_target", arg, prefix, yamlx.QuoteList(Targets()), yamlx.Suggest(t, Targets())))
	}
	return "", arg, nil
}

func isWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != '-' && r != '_' {
			return false
		}
	}
	return true
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// expand returns path itself for a file and the Markdown files below it,
// in lexical order and skipping hidden folders, for a directory.
func expand(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, pathError(path, err)
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return pathError(p, err)
		}
		if d.IsDir() {
			if p != path && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.EqualFold(filepath.Ext(p), ".md") && !strings.HasPrefix(d.Name(), ".") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, errors.New(msg.Format("docscheck.no_markdown", path))
	}
	return files, nil
}

// pathError formats err as "path: reason", without the operation name that
// os adds.
func pathError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", path, pe.Err)
	}
	return err
}

// inferTargets returns the targets of the Markdown file at path from its
// front matter (docgen-target) or, without one, from its name (see
// targetFromName). It is an error when neither tells.
func inferTargets(path string) ([]string, error) {
	src, err := input.Read(path, input.Markdown)
	if err != nil {
		return nil, pathError(path, err)
	}
	if fm := parseFrontMatter(src); fm != nil {
		ts, err := frontMatterTargets(path, fm)
		if err != nil || len(ts) > 0 {
			return ts, err
		}
	}
	if t := targetFromName(path); t != "" {
		return []string{t}, nil
	}
	return nil, errors.New(msg.Format("docscheck.unknown_target", path, filepath.ToSlash(path)))
}

// targetFromName infers a document's target from its file name, or returns
// "" when the name does not tell: the target whose file word (see
// documents.yaml) comes first in the name, such as "network" in
// "network-admin-guide". Case, "_" and spaces do not matter.
func targetFromName(path string) string {
	base := filepath.Base(filepath.FromSlash(path))
	name := strings.ToLower(strings.TrimSuffix(base, filepath.Ext(base)))
	name = strings.NewReplacer("_", "-", " ", "-").Replace(name)
	best, at := "", len(name)+1
	for _, t := range targets() {
		for _, w := range t.FileWords {
			if i := strings.Index(name, w); i >= 0 && i < at {
				best, at = t.ID, i
			}
		}
	}
	return best
}

// yamlLineRE matches the line number at the start of a YAML error.
var yamlLineRE = regexp.MustCompile(`^line (\d+): `)

// frontMatterTargets reads docgen-target from the front matter of path:
// nil when the key is absent.
func frontMatterTargets(path string, fm *frontMatter) ([]string, error) {
	const line = 2 // the front matter's first line
	if fm.err != nil {
		at, text := path, strings.TrimPrefix(fm.err.Error(), "yaml: ")
		if m := yamlLineRE.FindStringSubmatch(text); m != nil {
			n, _ := strconv.Atoi(m[1])
			at, text = fmt.Sprintf("%s:%d", path, n+line-1), text[len(m[0]):]
		}
		return nil, errors.New(msg.Format("docscheck.bad_front_matter", at, text))
	}
	if len(fm.root.Content) == 0 || fm.root.Content[0].Kind != yaml.MappingNode {
		return nil, nil
	}
	m := fm.root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != targetKey {
			continue
		}
		v := m.Content[i+1]
		bad := func(n *yaml.Node) error {
			hint := ""
			if n.Kind == yaml.ScalarNode && n.Value != "" {
				hint = yamlx.Suggest(n.Value, Targets())
			}
			return errors.New(msg.Format("docscheck.bad_target_field", path, line+n.Line-1, targetKey, yamlx.QuoteList(Targets()), yamlx.Describe(n), hint))
		}
		vals := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			vals = v.Content
			if len(vals) == 0 {
				return nil, bad(v)
			}
		}
		var out []string
		for _, n := range vals {
			t := strings.ToLower(strings.TrimSpace(n.Value))
			if n.Kind != yaml.ScalarNode || !slices.Contains(Targets(), t) {
				return nil, bad(n)
			}
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
		return out, nil
	}
	return nil, nil
}

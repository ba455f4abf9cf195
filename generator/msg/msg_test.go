package msg_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/msg"
)

// keyRE matches message keys passed as string literals to the lookup
// functions: msg.Get, msg.Format, and the decoders' Report and ReportAt.
var keyRE = regexp.MustCompile(`(?:msg\.(?:Get|Format)\(|\{\{-? ?msg |\.(?:Report|ReportAt|report)\([^,()]+(?:\([^()]*\))?, )"([a-z0-9_]+(?:\.[a-z0-9_]+)+)"`)

// sources returns the repository's non-test Go files and its templates,
// which look messages up with {{msg "key"}}.
func sources(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), "_") || d.Name() == "testdata" || (d.Name() != ".." && strings.HasPrefix(d.Name(), "."))) {
			return filepath.SkipDir
		}
		if (strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go")) || strings.HasSuffix(p, ".tmpl") {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[p] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestKeysExist checks that every message key used in the code is in the
// catalog, so no user sees a bare key.
func TestKeysExist(t *testing.T) {
	cat, err := msg.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	used := 0
	for path, src := range sources(t) {
		for _, m := range keyRE.FindAllStringSubmatch(src, -1) {
			used++
			if _, ok := cat[m[1]]; !ok {
				t.Errorf("%s uses message key %q, which templates/messages/en does not define", path, m[1])
			}
		}
	}
	if used < 50 {
		t.Errorf("found only %d key uses; is the pattern still right?", used)
	}
}

// literalKeyRE is the shape of a message key written as a Go string.
var literalKeyRE = regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_-]+)+$`)

// TestLiteralKeysExist parses every Go file and checks each string literal
// shaped like a message key, in a namespace the catalog uses ("report.",
// "sbom.", ...), however the code later passes it to msg: as an argument, a
// constant or a table entry. Literals that are the prefix of composed keys
// ("sbom.sum.element." + name) are left to TestKeysUsed.
func TestLiteralKeysExist(t *testing.T) {
	cat, err := msg.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	namespaces := map[string]bool{}
	for k := range cat {
		ns, _, _ := strings.Cut(k, ".")
		namespaces[ns] = true
	}
	fset := token.NewFileSet()
	checked := 0
	for path, src := range sources(t) {
		if !strings.HasSuffix(path, ".go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		imports := map[*ast.BasicLit]bool{}
		for _, imp := range f.Imports {
			imports[imp.Path] = true
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING || imports[lit] {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			ns, _, _ := strings.Cut(s, ".")
			if err != nil || !literalKeyRE.MatchString(s) || !namespaces[ns] || catalog.CheckPath(s) == nil {
				return true // not a key, or a spec path such as "sbom.path"
			}
			if _, ok := cat[s]; ok {
				checked++
				return true
			}
			if slices.ContainsFunc(composed, func(p string) bool { return strings.HasPrefix(s+".", p) || strings.HasPrefix(p, s) }) {
				return true
			}
			t.Errorf("%s: message key %q is not in the catalog", fset.Position(lit.Pos()), s)
			return true
		})
	}
	if checked < 100 {
		t.Errorf("checked only %d literal keys; is the namespace detection still right?", checked)
	}
}

// TestKeysUsed checks that every catalog key appears in the code, so the
// catalog holds no dead text that translators would translate for nothing.
func TestKeysUsed(t *testing.T) {
	cat, err := msg.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, src := range sources(t) {
		all.WriteString(src)
	}
	code := all.String()
	keys := make([]string, 0, len(cat))
	for k := range cat {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if strings.Contains(code, `"`+k+`"`) {
			continue
		}
		// Keys built from a prefix, such as report.count.error.one.
		if i := strings.LastIndex(k, "."); i > 0 && strings.Contains(code, `"`+k[:i+1]) {
			continue
		}
		if slices.ContainsFunc(composed, func(p string) bool { return strings.HasPrefix(k, p) }) {
			continue
		}
		t.Errorf("message key %q is not used by any Go file", k)
	}
}

// composed lists key prefixes whose keys the code builds at run time, e.g.
// "table." + table + "." + column; their keys cannot be found literally.
var composed = []string{
	"sbom.count.", "sbom.sum.element.", "table.", "capability.", "support.", "status.",
	"regulation.", "addressing.", "control.", "word.", "stakeholder.",
	// Checked by generator/docs tests against the templates, documents.yaml,
	// the spec enumerations and the absences.
	"doc.", "section.", "enum.", "absent.",
	// Checked by generator/diff and generator/notice tests against
	// specs/diff/facts.yaml.
	"diff.section.", "diff.item.", "notice.action.",
	// Checked by generator/duties tests against the default activities.
	"duty.",
}

func TestFormatMissingKey(t *testing.T) {
	if got := msg.Format("no.such.key", 1, "x"); !strings.Contains(got, "no.such.key") || !strings.Contains(got, "x") {
		t.Errorf("Format of a missing key lost information: %q", got)
	}
	if msg.Has("no.such.key") || !msg.Has("yaml.empty") {
		t.Error("Has is wrong")
	}
}

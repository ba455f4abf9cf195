package report

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/msg"
)

// TestMessageKeys checks that every "report." message key in the package
// exists in the message catalog, and that every "report." key of the
// catalog is used.
func TestMessageKeys(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && strings.HasPrefix(s, "report.") {
					used[s] = true
					if !msg.Has(s) {
						t.Errorf("%s: message key %q is not in the catalog", fset.Position(lit.Pos()), s)
					}
				}
			}
			return true
		})
	}
	cat, err := msg.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range cat {
		if strings.HasPrefix(k, "report.") {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !used[k] {
			t.Errorf("message %q in the catalog is not used", k)
		}
	}
}

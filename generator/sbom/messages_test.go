package sbom

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

// dynamicKeys are key prefixes completed at run time: plural forms and the
// NTIA element labels.
var dynamicKeys = []string{"sbom.count.problem", "sbom.sum.element."}

// TestMessageKeys checks that every "sbom." message key in the package
// exists in the message catalog, and that every "sbom." key of the catalog
// is used.
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
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || !strings.HasPrefix(s, "sbom.") || strings.ContainsAny(s, " /") {
				return true
			}
			used[s] = true
			if !msg.Has(s) && !slices.Contains(dynamicKeys, s) {
				t.Errorf("%s: message key %q is not in the catalog", fset.Position(lit.Pos()), s)
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
		if strings.HasPrefix(k, "sbom.") {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		dynamic := false
		for _, p := range dynamicKeys {
			dynamic = dynamic || strings.HasPrefix(k, p)
		}
		if !used[k] && !dynamic {
			t.Errorf("message %q in the catalog is not used", k)
		}
	}
	for _, e := range []string{ElementSupplier, ElementName, ElementVersion, ElementUniqueID, ElementDependencies} {
		if !msg.Has("sbom.sum.element." + e) {
			t.Errorf("no label for NTIA element %s", e)
		}
	}
}

package xsd

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// conformanceDir holds the official CycloneDX test files, when present.
var conformanceDir = filepath.Join("..", "..", "..", "..", "..", "shared", "conformance", "cyclonedx")

// describe renders errors as sorted lines, to compare two validations
// whatever order they found the errors in.
func describe(errs []Error) []string {
	var out []string
	for _, e := range errs {
		facet := ""
		if e.Violation != nil {
			facet = e.Violation.Facet
		}
		path, line := "", 0
		if e.Node != nil {
			path, line = e.Node.Path(), e.Node.Line
		}
		out = append(out, fmt.Sprintf("%d %s %s attr=%s value=%q want=%q %s", line, path, e.Kind, e.Attr, e.Value, e.Want, facet))
	}
	slices.Sort(out)
	return out
}

// streamValidate validates doc with a Stream, keeping limit errors.
func streamValidate(t *testing.T, s *Schema, doc string, limit int) ([]Error, int, int) {
	t.Helper()
	items := 0
	st := &Stream{MaxDepth: 100, ItemDepth: 3, Limit: limit,
		Schema: func(*Node) (*Schema, error) { return s, nil },
		Item:   func(*Node) (bool, error) { items++; return false, nil },
	}
	_, errs, total, err := st.Run(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	return errs, total, items
}

// TestStreamMatchesTree checks that validating while streaming finds
// exactly the errors that validating the whole tree finds, on the test
// documents above, on documents with many errors and duplicates at every
// depth, and on every XML file of the official CycloneDX suite.
func TestStreamMatchesTree(t *testing.T) {
	s := compileVersion(t, "1.6")
	const head = `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">`
	docs := map[string]string{
		"nested duplicates": head + `<metadata><component type="device" bom-ref="d"><name>x</name><components><component type="library" bom-ref="n"><name>n</name></component></components></component></metadata>
<components>
<component type="library" bom-ref="a"><name>a</name><components><component type="library" bom-ref="n"><name>n2</name></component><component type="library" bom-ref="d"><name>n3</name></component></components></component>
<component type="library" bom-ref="a"><name>b</name></component>
<component type="nonsense" bom-ref="c"><version>1</version><name>c</name></component>
</components>
<dependencies><dependency ref="a"><dependency ref="zz"/></dependency><dependency ref="a" bom-ref="c"/></dependencies>
<bogus/></bom>`,
		"many errors":         head + "<components>\n" + strings.Repeat(`<component type="lib" bom-ref="same"><version>1</version><name>a</name><hashes><hash alg="MD4">00</hash></hashes></component>`+"\n", 120) + "</components></bom>",
		"unknown root":        `<bomb xmlns="http://cyclonedx.org/schema/bom/1.6"><a><b/></a></bomb>`,
		"list in wrong place": head + "<dependencies/>\n<components><component type=\"library\"><name>a</name></component></components></bom>",
	}
	_ = filepath.WalkDir(conformanceDir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, "-1.6.xml") {
			if data, err := os.ReadFile(path); err == nil {
				docs[path] = string(data)
			}
		}
		return nil
	})
	t.Logf("%d documents", len(docs))
	for name, doc := range docs {
		root, err := Parse(strings.NewReader(doc), 100)
		if err != nil {
			continue // not well-formed: both fail the same way
		}
		want, wantTotal := s.Validate(root, 0)
		got, total, items := streamValidate(t, s, doc, 0)
		if total != wantTotal || !slices.Equal(describe(got), describe(want)) {
			t.Errorf("%s: stream found %d errors, tree %d:\n%s\nwant\n%s", name, total, wantTotal,
				strings.Join(describe(got), "\n"), strings.Join(describe(want), "\n"))
		}
		if strings.Count(doc, "<component ") > 0 && items == 0 {
			t.Errorf("%s: no item streamed", name)
		}
		// With a limit, the errors kept are the first ones by line.
		limited, ltotal, _ := streamValidate(t, s, doc, 5)
		if ltotal != wantTotal || len(limited) != min(5, len(want)) {
			t.Errorf("%s: limit 5 kept %d of %d, want %d of %d", name, len(limited), ltotal, min(5, len(want)), wantTotal)
		}
		for i := 1; i < len(limited); i++ {
			if limited[i].Node.Line < limited[i-1].Node.Line {
				t.Errorf("%s: errors out of line order", name)
			}
		}
	}
}

// TestStreamLetsItemsGo checks that items are let go once validated, and
// that an item with an error is kept whole for its path.
func TestStreamLetsItemsGo(t *testing.T) {
	s := compileVersion(t, "1.6")
	doc := `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components>
<component type="library"><name>a</name></component>
<component type="library"><name>b</name><name>c</name></component>
</components></bom>`
	st := &Stream{MaxDepth: 100, ItemDepth: 3, Schema: func(*Node) (*Schema, error) { return s, nil }}
	root, errs, _, err := st.Run(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	kids := root.Children[0].Children
	if len(kids) != 2 || kids[0].Children != nil || !kids[0].done {
		t.Fatalf("the first item was not let go: %+v", kids[0])
	}
	if len(kids[1].Children) != 2 {
		t.Errorf("the item with an error was let go")
	}
	if len(errs) != 1 || errs[0].Node.Path() != "/bom/components/component[2]/name[2]" {
		t.Errorf("errors %s", describe(errs))
	}
}

// FuzzStreamMatchesTree checks on any document that validating while
// streaming and validating the whole tree agree: both fail to parse it, or
// both find the same errors.
func FuzzStreamMatchesTree(f *testing.F) {
	const head = `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">`
	f.Add(head + `<components><component type="library" bom-ref="a"><name>a</name></component><component type="library" bom-ref="a"><name>b</name><x/></component></components></bom>`)
	f.Add(head + `<metadata><component type="device" bom-ref="d"><name>x</name></component></metadata><dependencies><dependency ref="d"><dependency ref="e"/></dependency></dependencies></bom>`)
	f.Add(`<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components><component/></components></bom>`)
	s := compileVersion(f, "1.6")
	f.Fuzz(func(t *testing.T, doc string) {
		root, err := Parse(strings.NewReader(doc), 100)
		st := &Stream{MaxDepth: 100, ItemDepth: 3, Schema: func(*Node) (*Schema, error) { return s, nil }}
		_, got, total, serr := st.Run(strings.NewReader(doc))
		if (err == nil) != (serr == nil) {
			t.Fatalf("tree parse error %v, stream error %v", err, serr)
		}
		if err != nil {
			if err.Error() != serr.Error() {
				t.Fatalf("tree parse error %v, stream error %v", err, serr)
			}
			return
		}
		want, wantTotal := s.Validate(root, 0)
		if total != wantTotal || !slices.Equal(describe(got), describe(want)) {
			t.Fatalf("stream found %d errors, tree %d:\n%s\nwant\n%s", total, wantTotal,
				strings.Join(describe(got), "\n"), strings.Join(describe(want), "\n"))
		}
	})
}

// TestStreamItemPanic checks that a panic while handling an item reaches
// the caller of Run instead of stopping the parser half-way for ever.
func TestStreamItemPanic(t *testing.T) {
	s := compileVersion(t, "1.6")
	doc := `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components>` +
		strings.Repeat(`<component type="library"><name>a</name></component>`, 2000) + `</components></bom>`
	st := &Stream{MaxDepth: 100, ItemDepth: 3,
		Schema: func(*Node) (*Schema, error) { return s, nil },
		Item:   func(*Node) (bool, error) { panic("a bug") },
	}
	defer func() {
		if r := recover(); r != "a bug" {
			t.Errorf("recovered %v, want the item's panic", r)
		}
	}()
	st.Run(strings.NewReader(doc))
	t.Error("Run returned")
}

package docs_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/docs"
	"github.com/docgen/docgen/generator/internal/testspec"
	"github.com/docgen/docgen/generator/spec"
)

// examples returns the paths of the example specs.
func examples(t *testing.T) []string {
	t.Helper()
	specs, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", "device.yaml"))
	if len(specs) == 0 {
		t.Fatal("no examples")
	}
	return specs
}

// build loads a spec from data and builds its documents.
func build(t *testing.T, s *spec.Spec) *docs.Set {
	t.Helper()
	c, err := catalog.Load(catalog.DefaultProfile)
	if err != nil {
		t.Fatal(err)
	}
	set, err := docs.Build(docs.Input{Spec: s, Catalogs: []*catalog.Catalog{c}}, docs.Options{})
	if err != nil {
		t.Fatalf("%s: %v", s.File, err)
	}
	return set
}

func load(t testing.TB, path string) *spec.Spec {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// claim is a block of a document that states facts: where it is, its
// text, and the spec paths it cites.
type claim struct {
	doc, section, text string
	paths              []string
}

// claims lists the blocks of set that cite spec paths.
func claims(set *docs.Set) []claim {
	var out []claim
	for _, d := range set.Documents {
		var visit func([]docmodel.Block, string)
		visit = func(blocks []docmodel.Block, section string) {
			for _, b := range blocks {
				p := b.Provenance()
				switch x := b.(type) {
				case *docmodel.Section:
					visit(x.Blocks, x.Anchor)
					continue
				case *docmodel.Paragraph:
					out = append(out, claim{d.Name, section, docmodel.PlainText(x.Content), p.Paths})
				case *docmodel.List:
					for _, it := range x.Items {
						out = append(out, claim{d.Name, section, docmodel.BlocksText(it.Blocks), it.Source.Paths})
					}
				case *docmodel.Table:
					for _, r := range x.Rows {
						for _, c := range r.Cells {
							out = append(out, claim{d.Name, section, docmodel.PlainText(c.Content), c.Source.Paths})
						}
					}
				}
				for _, inner := range docmodel.Children(b) {
					visit(inner, section)
				}
			}
		}
		visit(d.Model.Body, "")
	}
	return out
}

var indexRE = regexp.MustCompile(`\[\d+\]`)

// TestRemovingAFactRemovesItsClaims removes, for every spec field the
// example documents state, that field alone, builds again, and checks that
// no block still cites it and that no sentence that stated it survives in
// its section: a statement appears only when the field behind it is there.
// One path of each shape is tried (data_streams[].port once, not for every
// stream).
func TestRemovingAFactRemovesItsClaims(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every example once per field")
	}
	for _, path := range examples(t) {
		t.Run(filepath.Base(filepath.Dir(path)), func(t *testing.T) {
			base := claims(build(t, load(t, path)))
			var fields []string
			seen := map[string]bool{}
			for _, c := range base {
				for _, p := range c.paths {
					shape := indexRE.ReplaceAllString(p, "[]")
					if !seen[shape] {
						seen[shape] = true
						fields = append(fields, p)
					}
				}
			}
			tried := 0
			for _, field := range fields {
				s := load(t, path)
				if !testspec.Clear(s, field) {
					continue
				}
				tried++
				after := claims(build(t, s))
				for _, c := range after {
					if slices.Contains(c.paths, field) {
						t.Errorf("with %s removed, %s#%s still cites it: %q", field, c.doc, c.section, c.text)
					}
				}
				for _, before := range base {
					if !slices.Contains(before.paths, field) || strings.TrimSpace(before.text) == "" {
						continue
					}
					for _, c := range after {
						if c.doc == before.doc && c.section == before.section && c.text == before.text && !slices.Equal(c.paths, before.paths) {
							continue // the same words, now stating other facts
						}
						if c.doc == before.doc && c.section == before.section && c.text == before.text && slices.Contains(before.paths, field) && sameExcept(c.paths, before.paths, field) {
							t.Errorf("with %s removed, %s#%s still says %q", field, c.doc, c.section, c.text)
						}
					}
				}
			}
			if tried < 50 {
				t.Errorf("only %d fields tried; is the provenance still recorded?", tried)
			}
			t.Logf("%d fields removed one at a time", tried)
		})
	}
}

// sameExcept reports whether after is before without the removed field.
func sameExcept(after, before []string, removed string) bool {
	var rest []string
	for _, p := range before {
		if p != removed {
			rest = append(rest, p)
		}
	}
	return slices.Equal(after, rest)
}

// TestFactSentencesCiteFacts checks that every sentence of a fact.*
// message names the spec fields it states, so that provenance.json can
// answer why the document says it.
func TestFactSentencesCiteFacts(t *testing.T) {
	for _, path := range examples(t) {
		set := build(t, load(t, path))
		for _, d := range set.Documents {
			docmodel.Walk(d.Model.Body, func(b docmodel.Block) bool {
				p := b.Provenance()
				if strings.HasPrefix(p.Text, "fact.") && len(p.Paths) == 0 && len(p.Absent) == 0 {
					t.Errorf("%s: %s: block of %s cites no spec field", path, d.Name, p.Text)
				}
				return true
			})
		}
	}
}

// TestLayDocumentsReferOnlyToWhatLayUsersReceive checks that the IfU of a
// device for lay users refers to no document a patient never receives.
func TestLayDocumentsReferOnlyToWhatLayUsersReceive(t *testing.T) {
	for _, path := range examples(t) {
		s := load(t, path)
		if !s.Device.LayUsers {
			continue
		}
		set := build(t, s)
		for _, d := range set.Documents {
			if d.Model.Meta.Audience != "lay" {
				continue
			}
			docmodel.Walk(d.Model.Body, func(b docmodel.Block) bool {
				for _, x := range xrefs(b) {
					if x.Document != "" && x.Document != "security-information" {
						t.Errorf("%s: the lay document %s refers to %s", path, d.Name, x.Document)
					}
				}
				return true
			})
		}
	}
}

// xrefs returns the cross-references in a block's own inline content.
func xrefs(b docmodel.Block) []*docmodel.XRef {
	var out []*docmodel.XRef
	var inl func([]docmodel.Inline)
	inl = func(content []docmodel.Inline) {
		for _, in := range content {
			switch x := in.(type) {
			case *docmodel.XRef:
				out = append(out, x)
			case *docmodel.Strong:
				inl(x.Content)
			case *docmodel.Emphasis:
				inl(x.Content)
			}
		}
	}
	switch x := b.(type) {
	case *docmodel.Paragraph:
		inl(x.Content)
	case *docmodel.Table:
		for _, r := range x.Rows {
			for _, c := range r.Cells {
				inl(c.Content)
			}
		}
	}
	return out
}

// TestReferencesResolve checks that every cross-reference of the example
// documents names a section that its document has.
func TestReferencesResolve(t *testing.T) {
	for _, path := range examples(t) {
		set := build(t, load(t, path))
		anchors := map[string][]string{}
		for _, d := range set.Documents {
			anchors[d.Name] = d.Anchors
		}
		for _, d := range set.Documents {
			docmodel.Walk(d.Model.Body, func(b docmodel.Block) bool {
				for _, x := range xrefs(b) {
					target := x.Document
					if target == "" {
						target = d.Name
					}
					if x.Anchor != "" && !slices.Contains(anchors[target], x.Anchor) {
						t.Errorf("%s: %s refers to %s#%s, which does not exist", path, d.Name, target, x.Anchor)
					}
				}
				return true
			})
		}
	}
}

func ExampleBuild_draft() {
	s, _ := spec.Parse("device.yaml", []byte("spec_version: 2\ndevice: {name: Probe, regulation: MDR}\n"))
	c, _ := catalog.Load(catalog.DefaultProfile)
	set, _ := docs.Build(docs.Input{Spec: s, Catalogs: []*catalog.Catalog{c}, Draft: true}, docs.Options{})
	m := set.Documents[0].Model.Meta
	fmt.Println(m.Title, "|", m.Draft, "|", m.DraftNotice)
	// Output: Probe – Instructions for use – cybersecurity | true | DRAFT – not for release: the device spec still has errors reported by docgen check.
}

package check_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/spec"
)

// clearPath sets the field at a catalog path to its zero value. In a path
// "a[].b" it clears b in the first element of a.
func clearPath(t *testing.T, s *spec.Spec, path string) {
	t.Helper()
	v := reflect.ValueOf(s).Elem()
	segs := strings.Split(path, ".")
	for i, seg := range segs {
		name, list := strings.CutSuffix(seg, "[]")
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return
			}
			v = v.Elem()
		}
		f := spec.Field(v, name)
		if !f.IsValid() {
			t.Fatalf("path %q: no field %q", path, name)
		}
		if i == len(segs)-1 && !list {
			f.Set(reflect.Zero(f.Type()))
			return
		}
		if list {
			if f.Len() == 0 {
				return
			}
			if i == len(segs)-1 {
				f.Set(reflect.Zero(f.Type()))
				return
			}
			f = f.Index(0)
		}
		v = f
	}
}

type example struct {
	name string
	data []byte
}

func loadExamples(t *testing.T) []example {
	t.Helper()
	paths, _ := filepath.Glob("../../examples/*/device.yaml")
	if len(paths) < 3 {
		t.Fatalf("want the three examples, found %v", paths)
	}
	var out []example
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, example{p, data})
	}
	return out
}

// TestCatalogItems gives every catalog item of every profile a passing case
// (an example spec that satisfies it) and failing cases (the same spec with
// each required field cleared in turn must produce a finding of that item).
func TestCatalogItems(t *testing.T) {
	examples := loadExamples(t)
	for _, profile := range catalog.Profiles() {
		cat, err := catalog.Load(profile)
		if err != nil {
			t.Fatal(err)
		}
		cats := []*catalog.Catalog{cat}
		for _, it := range cat.Items {
			t.Run(profile+"/"+it.ID, func(t *testing.T) {
				covered := false
				for _, ex := range examples {
					s, err := spec.Parse(ex.name, ex.data)
					if err != nil {
						t.Fatalf("%s does not load: %v", ex.name, err)
					}
					if !catalog.Applies(it.When, s) {
						continue
					}
					if got := itemFindings(check.Run(s, cats, check.Options{Today: today}), it.ID); len(got) != 0 {
						// Every example is complete under the default profile;
						// under others it only has to serve as a passing case
						// for some item.
						if profile == catalog.DefaultProfile {
							t.Errorf("%s: passing case fails: %s", ex.name, got[0].Message)
						}
						continue
					}
					covered = true
					for _, req := range it.Requires {
						s, _ := spec.Parse(ex.name, ex.data)
						if slices.ContainsFunc(strings.Split(req, "|"), func(alt string) bool { return s.IsAbsent(strings.TrimSpace(alt)) }) {
							continue // the example states the section absent, which satisfies the item without the field
						}
						for _, alt := range strings.Split(req, "|") {
							clearPath(t, s, strings.TrimSpace(alt))
						}
						got := itemFindings(check.Run(s, cats, check.Options{Today: today}), it.ID)
						if len(got) == 0 {
							t.Errorf("%s: clearing %s raises no %s finding", ex.name, req, it.ID)
						} else if got[0].Pos.Line == 0 || len(got[0].Clauses) == 0 {
							t.Errorf("%s: finding lacks position or clauses: %+v", ex.name, got[0])
						}
					}
				}
				if !covered {
					t.Errorf("no example satisfies %s (applies when %v); add one so the item is tested", it.ID, it.When)
				}
			})
		}
	}
}

func itemFindings(res *check.Result, id string) []check.Finding {
	var out []check.Finding
	for _, f := range res.Findings {
		if f.RuleID == id && !f.Waived {
			out = append(out, f)
		}
	}
	return out
}

// TestPlaceholdersDoNotCount replaces a required text with TODO and TBD.
func TestPlaceholdersDoNotCount(t *testing.T) {
	ex := loadExamples(t)[0]
	cat, _ := catalog.Load(catalog.DefaultProfile)
	for _, ph := range []string{"", "TODO", "tbd", "TBD: ask R&D"} {
		s, err := spec.Parse(ex.name, ex.data)
		if err != nil {
			t.Fatal(err)
		}
		s.Updates.Integrity = spec.T(ph)
		got := itemFindings(check.Run(s, []*catalog.Catalog{cat}, check.Options{Today: today}), "IFU-UPDATES")
		if len(got) != 1 || !strings.Contains(got[0].Message, "`updates.integrity`") {
			t.Errorf("integrity %q: findings %v", ph, got)
		}
	}
}

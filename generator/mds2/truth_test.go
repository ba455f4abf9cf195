package mds2_test

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/internal/testspec"
	"github.com/docgen/docgen/generator/mds2"
	"github.com/docgen/docgen/generator/sbom"
)

// TestRemovingAFactRemovesItsAnswers removes, for every spec field the
// example statements cite, that field alone (one path of each shape),
// answers the form again, and checks that no answer still cites it and that
// every answer that cited it changed: its answer, its note or the fields it
// cites. An answer is there only while the facts it names are.
func TestRemovingAFactRemovesItsAnswers(t *testing.T) {
	if testing.Short() {
		t.Skip("answers the form once per field")
	}
	form, err := mds2.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range exampleNames {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("../../examples", name, "device.yaml")
			base, _ := exampleStatement(t, name)
			var fields []string
			seen := map[string]bool{}
			for _, r := range base.Results() {
				for _, p := range r.Paths {
					shape := indexRE.ReplaceAllString(p, "[]")
					if !seen[shape] {
						seen[shape] = true
						fields = append(fields, p)
					}
				}
			}
			tried := 0
			for _, field := range fields {
				s, err := generator.LoadSpec(path)
				if err != nil {
					t.Fatal(err)
				}
				if !testspec.Clear(s, field) {
					continue
				}
				tried++
				var bom *sbom.BOM
				if s.SBOM.Path != "" {
					if bom, err = generator.LoadSBOM(s, false); err != nil {
						t.Fatal(err)
					}
				}
				after := form.Evaluate(mds2.Input{Spec: s, BOM: bom})
				for i, r := range after.Results() {
					before := base.Results()[i]
					if slices.Contains(r.Paths, field) {
						t.Errorf("with %s removed, %s still cites it: %s %q", field, r.ID, r.Answer, r.Note)
					}
					if slices.Contains(before.Paths, field) && r.Answer == before.Answer && r.Note == before.Note && slices.Equal(r.Paths, before.Paths) {
						t.Errorf("with %s removed, %s is unchanged", field, r.ID)
					}
				}
			}
			if tried < 40 {
				t.Errorf("only %d fields tried; are the paths still recorded?", tried)
			}
			t.Logf("%d fields removed one at a time", tried)
		})
	}
}

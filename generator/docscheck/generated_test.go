package docscheck_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/docscheck"
	"github.com/docgen/docgen/generator/msg"
)

// anchorRE matches the anchors docgen writes into its Markdown: inline
// <a id="..."></a> elements and {#...} heading attributes.
var anchorRE = regexp.MustCompile(`\s*<a id="[^"]*"></a>|\s*\{#[^}]*\}`)

// TestGeneratedDocuments checks docgen's own documents of every example,
// with all anchors removed (as after a round trip through a word
// processor), against the catalogs they were built for: every applicable
// item must be satisfied by its heading wording and content alone.
func TestGeneratedDocuments(t *testing.T) {
	specs, _ := filepath.Glob("../../examples/*/device.yaml")
	if len(specs) < 3 {
		t.Fatalf("want the three examples, found %v", specs)
	}
	for _, path := range specs {
		for _, profiles := range [][]string{nil, {"mdcg-2019-16", "fda-premarket-2026"}} {
			name := filepath.Base(filepath.Dir(path)) + "/" + strings.Join(profiles, "+")
			t.Run(name, func(t *testing.T) { checkGenerated(t, path, profiles, "en") })
		}
	}
}

// TestGeneratedDocumentsInEveryLanguage does the same for the documents
// of two examples (one for professionals, one for lay users) in every
// language docgen writes, read as hand-written documents in that language
// (front matter lang): the headings docgen writes are among those its
// vocabulary for the language recognises.
func TestGeneratedDocumentsInEveryLanguage(t *testing.T) {
	for _, lang := range msg.Languages() {
		if lang == msg.DefaultLanguage {
			continue
		}
		for _, ex := range []string{"imaging-workstation", "home-monitor"} {
			t.Run(lang+"/"+ex, func(t *testing.T) {
				checkGenerated(t, filepath.Join("..", "..", "examples", ex, "device.yaml"), nil, lang)
			})
		}
	}
}

func checkGenerated(t *testing.T, path string, profiles []string, lang string) {
	{
		{
			{
				b, err := generator.BuildSpec(context.Background(), path, generator.BuildOptions{
					Formats: []string{"md"}, Profiles: profiles, Languages: []string{lang},
					Today: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
				})
				if err != nil {
					t.Fatal(err)
				}
				dir := t.TempDir()
				var docs []docscheck.Doc
				for _, f := range b.Files {
					target := map[string]string{"ifu-security.md": "ifu", "admin-guide.md": "admin", "network-admin-guide.md": "network", "security-information.md": "public"}[f.Name]
					if target == "" {
						continue
					}
					stripped := anchorRE.ReplaceAll(f.Data, nil)
					if strings.Contains(string(stripped), "<a id=") {
						t.Fatalf("%s: anchors left after stripping", f.Name)
					}
					if lang != "en" {
						stripped = append([]byte("---\nlang: "+lang+"\n---\n"), stripped...)
					}
					p := filepath.Join(dir, f.Name)
					if err := os.WriteFile(p, stripped, 0o644); err != nil {
						t.Fatal(err)
					}
					docs = append(docs, docscheck.Doc{Path: p, Target: target})
				}
				if len(docs) != 4 {
					t.Fatalf("built %d of the four documents", len(docs))
				}
				cats, err := generator.LoadCatalogs(b.Spec, profiles)
				if err != nil {
					t.Fatal(err)
				}
				res, err := docscheck.Check(b.Spec, cats, docs)
				if err != nil {
					t.Fatal(err)
				}
				specRes := b.Result
				for _, o := range res.Outcomes {
					if o.Status == check.Passed || o.Status == check.NotApplicable {
						continue
					}
					// An item the spec itself lacks has no section to find.
					i := slices.IndexFunc(specRes.Outcomes, func(s check.Outcome) bool { return s.ID == o.ID })
					if i >= 0 && specRes.Outcomes[i].Status != check.Passed && specRes.Outcomes[i].Status != check.Waived {
						continue
					}
					for _, k := range o.Findings {
						f := res.Findings[k]
						t.Errorf("%s: %s:%d: %s %s", o.ID, filepath.Base(f.Pos.File), f.Pos.Line, f.Severity, f.Message)
					}
				}
				if res.Summary.Satisfied == 0 {
					t.Error("no item satisfied")
				}
			}
		}
	}
}

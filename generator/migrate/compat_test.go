package migrate_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/migrate"
	"github.com/docgen/docgen/generator/spec"
)

// root is the repository root, relative to this package.
const root = "../.."

// deprecatedRule is the check rule that reports deprecated forms.
const deprecatedRule = "SPEC-DEPRECATED"

// format1 lists, for each example as it was written for format 1
// (testdata/format1, whose SBOMs are those in examples/), the deprecated
// forms the loader finds: spec path, then the current form the warning
// tells the user to write.
var format1 = map[string][]string{
	"home-monitor": {
		"environment.required_controls[0].owner lay-user",
		"environment.required_controls[1].owner lay-user",
		"network.internet_required internet: required",
		"responsibilities[0].responsible[0] lay-user",
		"responsibilities[2].consulted[0] lay-user",
	},
	"imaging-workstation": {
		"network.internet_required internet: none",
	},
	"lab-analyzer": {
		"network.internet_required internet: none",
		"responsibilities[3].responsible[0] professional-user",
	},
}

// checkDate is the reference date of the check and build runs.
var checkDate = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// TestFormat1Loads loads each format-1 copy as it is: no error, and one
// SPEC-DEPRECATED warning per deprecated form, naming the current form.
func TestFormat1Loads(t *testing.T) {
	for name, want := range format1 {
		t.Run(name, func(t *testing.T) {
			dir := withSBOM(t, name, mustRead(t, filepath.Join(root, "testdata", "format1", name+".yaml")))
			s, err := generator.LoadSpec(filepath.Join(dir, spec.DefaultFile))
			if err != nil {
				t.Fatal(err)
			}
			if s.SpecVersion != 1 {
				t.Errorf("spec_version %d, want the copy of a format-1 spec", s.SpecVersion)
			}
			res := checkSpec(t, s)
			var got []string
			for _, f := range res.Findings {
				if f.RuleID != deprecatedRule {
					continue
				}
				if f.Severity != "warning" {
					t.Errorf("%s is a %s, want a warning", deprecatedRule, f.Severity)
				}
				_, current, ok := strings.Cut(f.Message, "; write `")
				current, _, _ = strings.Cut(current, "`")
				if !ok {
					t.Errorf("%s does not say what to write: %s", deprecatedRule, f.Message)
				}
				got = append(got, f.Path+" "+current)
			}
			slices.Sort(got)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s warnings:\n%s\nwant:\n%s", deprecatedRule, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestFormat1Migrates migrates each format-1 copy and checks that the
// migration is minimal (only the lines of the deprecated forms and of
// spec_version change, every comment survives), idempotent, current, and
// means the same: the check findings other than SPEC-DEPRECATED and the
// documents built from the old and the migrated spec are byte-identical.
func TestFormat1Migrates(t *testing.T) {
	for name, deprecated := range format1 {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(root, "testdata", "format1", name+".yaml")
			old := mustRead(t, path)
			res, err := migrate.Migrate(path, old)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Changes) != len(deprecated)+1 || res.Version != 1 {
				t.Errorf("%d changes from version %d, want %d from version 1: %v", len(res.Changes), res.Version, len(deprecated)+1, res.Changes)
			}

			// Minimal: the lines that change are exactly those of the changes.
			oldLines, newLines := strings.Split(string(old), "\n"), strings.Split(string(res.Data), "\n")
			if len(oldLines) != len(newLines) {
				t.Fatalf("%d lines became %d", len(oldLines), len(newLines))
			}
			changed := map[int]bool{}
			for _, c := range res.Changes {
				changed[c.Pos.Line] = true
			}
			for i := range oldLines {
				if differs := oldLines[i] != newLines[i]; differs != changed[i+1] {
					t.Errorf("line %d: %q became %q, but the changes are %v", i+1, oldLines[i], newLines[i], res.Changes)
				}
			}
			t.Logf("%s: %d of %d lines changed", name, len(changed), len(oldLines))
			if got, want := comments(t, res.Data), comments(t, old); !slices.Equal(got, want) {
				t.Errorf("comments changed: %d of %d survive", len(got), len(want))
			}

			again, err := migrate.Migrate(path, res.Data)
			if err != nil {
				t.Fatal(err)
			}
			if !again.Current() || !bytes.Equal(again.Data, res.Data) {
				t.Errorf("migrate is not idempotent: the second run changes %v", again.Changes)
			}

			oldBuild := build(t, withSBOM(t, name, old))
			newBuild := build(t, withSBOM(t, name, res.Data))
			if len(newBuild.Spec.Deprecations) != 0 || newBuild.Spec.SpecVersion != spec.FormatVersion {
				t.Errorf("migrated spec: version %d, deprecations %v", newBuild.Spec.SpecVersion, newBuild.Spec.Deprecations)
			}
			// migrate and check name each deprecated form at the same place.
			var warned, rewritten []string
			for _, f := range oldBuild.Result.Findings {
				if f.RuleID == deprecatedRule {
					warned = append(warned, fmt.Sprintf("%d:%d", f.Pos.Line, f.Pos.Col))
				}
			}
			for _, c := range res.Changes[1:] { // the first is spec_version
				rewritten = append(rewritten, fmt.Sprintf("%d:%d", c.Pos.Line, c.Pos.Col))
			}
			slices.Sort(warned)
			slices.Sort(rewritten)
			if !slices.Equal(warned, rewritten) {
				t.Errorf("%s warns at %v, migrate rewrites at %v", deprecatedRule, warned, rewritten)
			}
			if got, want := findings(newBuild.Result), findings(oldBuild.Result); got != want {
				t.Errorf("check findings differ:\nmigrated:\n%s\nformat 1:\n%s", got, want)
			}
			if n := strings.Count(findings(oldBuild.Result), "\n"); n < 5 {
				t.Errorf("only %d findings to compare; is the check run right?", n)
			}
			compared := 0
			for _, f := range oldBuild.Files {
				if f.Name == "manifest.json" {
					continue // lists the digest of the spec file itself
				}
				k := slices.IndexFunc(newBuild.Files, func(g generator.File) bool { return g.Name == f.Name })
				if k < 0 {
					t.Errorf("%s is built from the format-1 spec only", f.Name)
					continue
				}
				if !bytes.Equal(f.Data, newBuild.Files[k].Data) {
					t.Errorf("%s differs between the format-1 and the migrated spec", f.Name)
				}
				compared++
			}
			if compared < 8 || len(oldBuild.Files) != len(newBuild.Files) {
				t.Errorf("compared %d files; built %d and %d", compared, len(oldBuild.Files), len(newBuild.Files))
			}
		})
	}
}

// TestExamplesCurrent migrates the current examples: a no-op.
func TestExamplesCurrent(t *testing.T) {
	specs, _ := filepath.Glob(filepath.Join(root, "examples", "*", spec.DefaultFile))
	if len(specs) < 3 {
		t.Fatalf("found %d examples", len(specs))
	}
	for _, path := range specs {
		data := mustRead(t, path)
		res, err := migrate.Migrate(path, data)
		if err != nil {
			t.Fatal(err)
		}
		if !res.Current() || !bytes.Equal(res.Data, data) {
			t.Errorf("%s: migrate changes a current example: %v", path, res.Changes)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// withSBOM writes data as the spec of a new folder that also holds the
// SBOM of examples/<name>, and returns the folder.
func withSBOM(t *testing.T, name string, data []byte) string {
	t.Helper()
	dir := t.TempDir()
	sboms, _ := filepath.Glob(filepath.Join(root, "examples", name, "sbom.*"))
	if len(sboms) == 0 {
		t.Fatalf("examples/%s has no SBOM", name)
	}
	for _, p := range sboms {
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), mustRead(t, p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, spec.DefaultFile), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func checkSpec(t *testing.T, s *spec.Spec) *check.Result {
	t.Helper()
	cats, err := generator.LoadCatalogs(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	bom, err := generator.LoadSBOM(s, false)
	if err != nil {
		t.Fatal(err)
	}
	return generator.Check(s, cats, check.Options{Today: checkDate, BOM: bom})
}

// build builds the Markdown and HTML documents of the spec in dir.
func build(t *testing.T, dir string) *generator.Built {
	t.Helper()
	b, err := generator.BuildSpec(context.Background(), dir, generator.BuildOptions{Today: checkDate, Version: "test", Formats: []string{"md", "html"}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// findings lists a check result's findings other than SPEC-DEPRECATED, one
// a line, with their positions.
func findings(res *check.Result) string {
	var b strings.Builder
	for _, f := range res.Findings {
		if f.RuleID == deprecatedRule {
			continue
		}
		fmt.Fprintf(&b, "%d:%d %s %s %s waived=%v %s\n", f.Pos.Line, f.Pos.Col, f.Severity, f.RuleID, f.Path, f.Waived, f.Message)
	}
	return b.String()
}

// comments lists every comment of a YAML file, in document order.
func comments(t *testing.T, data []byte) []string {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			if c != "" {
				out = append(out, c)
			}
		}
		for _, k := range n.Content {
			walk(k)
		}
	}
	walk(&doc)
	if len(out) == 0 {
		t.Fatal("no comments found; is the walk right?")
	}
	return out
}

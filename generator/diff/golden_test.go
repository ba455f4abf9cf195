package diff_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/diff"
	"github.com/docgen/docgen/generator/internal/testspec"
	"github.com/docgen/docgen/generator/notice"
	"github.com/docgen/docgen/generator/redline"
	"github.com/docgen/docgen/generator/render/markdown"
)

var update = flag.Bool("update", false, "rewrite the expected outputs in testdata/*.txtar")

// goldenDate is the reference date of the golden runs.
var goldenDate = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// edit is one change a golden case makes to a copy of an example. In the
// archive an edit is a pair of files "SIDE/FILE replace" and "SIDE/FILE
// with" (SIDE is old or new, FILE device.yaml or the SBOM): the text of the
// first, found exactly once in the file, is replaced by the second; or one
// file "SIDE/FILE json" that says "indent" (re-indent the JSON file with
// sorted keys) or "reverse KEY" (that, and reverse its top-level list KEY).
type edit struct {
	side, file    string
	replace, with string
	json          string
}

// goldenCase is one archive of testdata: the example it edits, the edits,
// and the expected outputs.
type goldenCase struct {
	name    string
	path    string
	archive *txtar.Archive
	example string
	edits   []edit
}

func loadCases(t *testing.T) []*goldenCase {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if len(paths) == 0 {
		t.Fatal("no golden cases in testdata")
	}
	var out []*goldenCase
	for _, p := range paths {
		a, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		c := &goldenCase{name: strings.TrimSuffix(filepath.Base(p), ".txtar"), path: p, archive: a}
		for i := 0; i < len(a.Files); i++ {
			f := a.Files[i]
			target, op, _ := strings.Cut(f.Name, " ")
			side, file, _ := strings.Cut(target, "/")
			switch {
			case f.Name == "example":
				c.example = strings.TrimSpace(string(f.Data))
			case op == "json":
				c.edits = append(c.edits, edit{side: side, file: file, json: strings.TrimSpace(string(f.Data))})
			case op == "replace":
				if i+1 >= len(a.Files) || a.Files[i+1].Name != target+" with" {
					t.Fatalf("%s: %s is not followed by %s with", p, f.Name, target)
				}
				c.edits = append(c.edits, edit{side: side, file: file, replace: string(f.Data), with: string(a.Files[i+1].Data)})
				i++
			}
		}
		if c.example == "" {
			t.Fatalf("%s: no example", p)
		}
		out = append(out, c)
	}
	return out
}

// prepare copies the example into dir/old and dir/new and applies the
// edits.
func (c *goldenCase) prepare(t *testing.T, dir string) (oldSpec, newSpec string) {
	t.Helper()
	for _, side := range []string{"old", "new"} {
		testspec.CopyExample(t, filepath.Join("..", ".."), c.example, filepath.Join(dir, side), nil)
	}
	for i, e := range c.edits {
		p := filepath.Join(dir, e.side, e.file)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%s: edit %d: %v", c.path, i+1, err)
		}
		switch {
		case e.json != "":
			data = reformatJSON(t, data, e.json)
		default:
			if n := bytes.Count(data, []byte(e.replace)); n != 1 || e.replace == "" {
				t.Fatalf("%s: edit %d: the text to replace occurs %d times in examples/%s/%s, want once:\n%s", c.path, i+1, n, c.example, e.file, e.replace)
			}
			data = bytes.Replace(data, []byte(e.replace), []byte(e.with), 1)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "old", "device.yaml"), filepath.Join(dir, "new", "device.yaml")
}

// reformatJSON re-indents a JSON document with sorted keys, reversing the
// top-level list named by "reverse KEY".
func reformatJSON(t *testing.T, data []byte, op string) []byte {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if key, ok := strings.CutPrefix(op, "reverse "); ok {
		list, _ := doc[key].([]any)
		slices.Reverse(list)
	} else if op != "indent" {
		t.Fatalf("unknown json edit %q", op)
	}
	out, err := json.MarshalIndent(doc, "", "    ")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// outputs runs the comparison of a case and returns every output by name.
func (c *goldenCase) outputs(t *testing.T) (map[string][]byte, *diff.Report, *generator.Checked, *generator.Checked) {
	t.Helper()
	oldPath, newPath := c.prepare(t, t.TempDir())
	opts := generator.BuildOptions{Today: goldenDate}
	old, err := generator.LoadChecked(t.Context(), oldPath, opts)
	if err != nil {
		t.Fatal(err)
	}
	cur, err := generator.LoadChecked(t.Context(), newPath, opts)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := diff.Compare(old.Side("old/device.yaml"), cur.Side("new/device.yaml"), diff.Options{Today: goldenDate})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range diff.Formats {
		var b bytes.Buffer
		if err := diff.Write(&b, f, rep); err != nil {
			t.Fatal(err)
		}
		out[f] = b.Bytes()
	}
	doc, err := notice.Build(rep, old.Spec, cur.Spec, notice.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out["notice.md"] = markdown.Bytes(doc)
	oldDocs, err := old.Documents(opts)
	if err != nil {
		t.Fatal(err)
	}
	newDocs, err := cur.Documents(opts)
	if err != nil {
		t.Fatal(err)
	}
	var rl bytes.Buffer
	for i, d := range newDocs.Set.Documents {
		changes := redline.Changes(oldDocs.Set.Documents[i].Model, d.Model)
		fmt.Fprintf(&rl, "%s: %d changes\n", d.Name, len(changes))
		for _, ch := range changes {
			fmt.Fprintf(&rl, "  %s: %d deleted, %d inserted\n", ch.Section, ch.Deleted, ch.Inserted)
		}
	}
	out["redline"] = rl.Bytes()
	return out, rep, old, cur
}

// outputNames are the outputs a case archive holds, in order.
var outputNames = []string{"text", "markdown", "json", "notice.md", "redline"}

// TestGolden compares each case of testdata with its expected outputs: the
// diff in all three formats, the change notice as Markdown, and the
// changes the redline of each document shows. A case copies an example,
// applies its edits (to the new copy unless an edit says side: old) and
// compares the copies. Run with -update to rewrite the outputs.
func TestGolden(t *testing.T) {
	for _, c := range loadCases(t) {
		t.Run(c.name, func(t *testing.T) {
			got, _, _, _ := c.outputs(t)
			if *update {
				var files []txtar.File
				for _, f := range c.archive.Files {
					if !slices.Contains(outputNames, f.Name) {
						files = append(files, f)
					}
				}
				for _, name := range outputNames {
					files = append(files, txtar.File{Name: name, Data: got[name]})
				}
				c.archive.Files = files
				if err := os.WriteFile(c.path, txtar.Format(c.archive), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, f := range c.archive.Files {
				want, ok := got[f.Name]
				if !ok {
					continue
				}
				if !bytes.Equal(f.Data, want) {
					t.Errorf("%s differs from %s (run go test ./generator/diff -update and read the diff):\n--- got ---\n%s", f.Name, c.path, want)
				}
			}
			for _, name := range outputNames {
				if !slices.ContainsFunc(c.archive.Files, func(f txtar.File) bool { return f.Name == name }) {
					t.Errorf("%s has no %s; run go test ./generator/diff -update", c.path, name)
				}
			}
		})
	}
}

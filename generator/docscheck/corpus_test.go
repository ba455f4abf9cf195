package docscheck

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/report"
	"github.com/docgen/docgen/generator/spec"
)

var update = flag.Bool("update", false, "rewrite the expected findings in testdata/corpus")

// corpusCounts compares check --docs with a reviewer's reading of the
// corpus documents.
type corpusCounts struct {
	// satisfied: present and found satisfied; flagged: absent and
	// reported; falsePositive: present but reported; falseNegative: absent
	// but found satisfied.
	satisfied, flagged, falsePositive, falseNegative int
}

func (c *corpusCounts) add(o corpusCounts) {
	c.satisfied += o.satisfied
	c.flagged += o.flagged
	c.falsePositive += o.falsePositive
	c.falseNegative += o.falseNegative
}

func (c corpusCounts) String() string {
	return fmt.Sprintf("%d satisfied, %d rightly reported, %d false positives, %d false negatives",
		c.satisfied, c.flagged, c.falsePositive, c.falseNegative)
}

// TestCorpus checks the hand-written documents of testdata/corpus, each an
// archive with a spec (device.yaml, for the flags), the documents (*.md,
// whose targets are told by name or front matter), `truth`, a reviewer's
// reading of the documents (for each applicable item `present` or
// `absent`, optionally followed by the outcome check is known to give when
// it disagrees: `reported` or `satisfied`), and `want`, the text report
// (`go test -run TestCorpus -update` rewrites it). The test fails when an
// outcome differs from the truth and is not marked as known, and when the
// report differs from `want`.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpus/*.txtar")
	if len(files) < 3 {
		t.Fatalf("want at least three corpus documents, found %v", files)
	}
	var total corpusCounts
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			counts := checkCorpusFile(t, file)
			t.Logf("%s", counts)
			total.add(counts)
		})
	}
	t.Logf("corpus: %s", total)
}

func checkCorpusFile(t *testing.T, file string) corpusCounts {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var paths []string
	var specSrc, truthSrc []byte
	for _, f := range ar.Files {
		switch {
		case f.Name == "device.yaml":
			specSrc = f.Data
		case f.Name == "truth":
			truthSrc = f.Data
		case strings.HasSuffix(f.Name, ".md"):
			p := filepath.Join(dir, f.Name)
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, p)
		}
	}
	s, err := spec.Parse(filepath.Join(dir, "device.yaml"), specSrc)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := ParseDocArgs(paths)
	if err != nil {
		t.Fatal(err)
	}
	profiles := s.Profiles
	if len(profiles) == 0 {
		profiles = []string{catalog.DefaultProfile}
	}
	res, err := Check(s, loadCatalogs(t, profiles...), docs)
	if err != nil {
		t.Fatal(err)
	}
	checkConsistent(t, res)

	var b bytes.Buffer
	if err := report.Write(&b, "text", []*check.Result{res}, report.Options{BaseDir: dir}); err != nil {
		t.Fatal(err)
	}
	got := b.Bytes()
	i := slices.IndexFunc(ar.Files, func(f txtar.File) bool { return f.Name == "want" })
	switch {
	case *update:
		if i < 0 {
			ar.Files = append(ar.Files, txtar.File{Name: "want"})
			i = len(ar.Files) - 1
		}
		ar.Files[i].Data = got
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	case i < 0:
		t.Errorf("no `want` file; run with -update")
	case !bytes.Equal(ar.Files[i].Data, got):
		t.Errorf("report differs from `want` (run with -update and read the diff):\n%s", got)
	}

	var counts corpusCounts
	truth := map[string][]string{}
	for _, line := range strings.Split(string(truthSrc), "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			truth[f[0]] = f[1:]
		}
	}
	for _, o := range res.Outcomes {
		if o.Status == check.NotApplicable {
			if _, ok := truth[o.ID]; ok {
				t.Errorf("%s is not applicable but has a truth line", o.ID)
			}
			continue
		}
		tr, ok := truth[o.ID]
		if !ok || len(tr) == 0 || (tr[0] != "present" && tr[0] != "absent") {
			t.Errorf("%s (%s): no truth line `%s present` or `%s absent`", o.ID, o.Status, o.ID, o.ID)
			continue
		}
		delete(truth, o.ID)
		present := tr[0] == "present"
		satisfied := o.Status == check.Passed || o.Status == check.Waived
		known := "satisfied"
		if !present {
			known = "reported"
		}
		if len(tr) > 1 {
			known = tr[1]
		}
		outcome := "reported"
		if satisfied {
			outcome = "satisfied"
		}
		if outcome != known {
			t.Errorf("%s is %s in the document, check finds it %s (%s), expected %s", o.ID, tr[0], outcome, o.Status, known)
		}
		switch {
		case present && satisfied:
			counts.satisfied++
		case present:
			counts.falsePositive++
		case satisfied:
			counts.falseNegative++
		default:
			counts.flagged++
		}
	}
	for id := range truth {
		t.Errorf("truth line for %s, which is not checked", id)
	}
	return counts
}

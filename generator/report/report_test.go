package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

const goldenFile = "testdata/report.txtar"

// renderFixture writes the fixture results, or with load set the fixture loading
// errors, in format.
func renderFixture(t *testing.T, format string, load bool) []byte {
	t.Helper()
	var b bytes.Buffer
	var err error
	if load {
		err = WriteLoadErrors(&b, format, badSpec, testLoadErrors(), testOptions)
	} else {
		err = Write(&b, format, testResults(), testOptions)
	}
	if err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.Bytes()
}

// goldenArchive renders every format of the fixtures.
func goldenArchive(t *testing.T) *txtar.Archive {
	a := &txtar.Archive{Comment: []byte("Golden output of generator/report for the fixtures in fixture_test.go.\nRegenerate with: go test ./generator/report/ -update\n")}
	for _, load := range []bool{false, true} {
		for _, format := range Formats {
			name := format
			if load {
				name = "load-errors/" + format
			}
			a.Files = append(a.Files, txtar.File{Name: name, Data: renderFixture(t, format, load)})
		}
	}
	return a
}

func TestGolden(t *testing.T) {
	got := goldenArchive(t)
	if *update {
		if err := os.WriteFile(goldenFile, txtar.Format(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	want := txtar.Parse(data)
	if len(want.Files) != len(got.Files) {
		t.Fatalf("%s has %d sections, want %d; run with -update", goldenFile, len(want.Files), len(got.Files))
	}
	for i, g := range got.Files {
		w := want.Files[i]
		if w.Name != g.Name {
			t.Errorf("section %d is %q, want %q", i, w.Name, g.Name)
			continue
		}
		if !bytes.Equal(w.Data, g.Data) {
			t.Errorf("%s differs from %s (run with -update to accept):\n%s", g.Name, goldenFile, firstDiff(string(w.Data), string(g.Data)))
		}
	}
}

// firstDiff describes the first line where want and got differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + w + "\ngot:  " + g
		}
	}
	return "(trailing difference)"
}

func TestDeterministic(t *testing.T) {
	for _, format := range Formats {
		for _, load := range []bool{false, true} {
			a, b := renderFixture(t, format, load), renderFixture(t, format, load)
			if !bytes.Equal(a, b) {
				t.Errorf("%s (load errors %v): two runs differ", format, load)
			}
			if len(a) == 0 || a[len(a)-1] != '\n' {
				t.Errorf("%s (load errors %v): output does not end in a newline", format, load)
			}
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	var b bytes.Buffer
	err := Write(&b, "jsn", testResults(), testOptions)
	if err == nil || !strings.Contains(err.Error(), "`jsn`") || !strings.Contains(err.Error(), "`json`") {
		t.Fatalf("err = %v, want an unknown-format error suggesting json", err)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q for an unknown format", b.String())
	}
	if err := WriteLoadErrors(&b, "xml", badSpec, testLoadErrors(), testOptions); err == nil {
		t.Error("WriteLoadErrors accepted format xml")
	}
}

func TestEmptyResults(t *testing.T) {
	for _, format := range Formats {
		var b bytes.Buffer
		if err := Write(&b, format, nil, Options{}); err != nil {
			t.Errorf("%s: %v", format, err)
		}
	}
}

func TestRelPath(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ base, path, want string }{
		{"", "examples/x/device.yaml", "examples/x/device.yaml"},
		{"", "/abs/device.yaml", "/abs/device.yaml"},
		{"/src", "/src/examples/x/device.yaml", "examples/x/device.yaml"},
		{"examples", "examples/x/device.yaml", "x/device.yaml"},
		{filepath.Dir(wd), "testdata/device.yaml", filepath.Base(wd) + "/testdata/device.yaml"},
		{".", filepath.Join(wd, "device.yaml"), "device.yaml"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := relPath(tt.base, tt.path); got != tt.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", tt.base, tt.path, got, tt.want)
		}
	}
}

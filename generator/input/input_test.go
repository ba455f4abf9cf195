package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/docgen/docgen/generator/paths"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	small := write("small.yaml", "spec_version: 1\n")
	sparse := filepath.Join(dir, "sparse.json")
	if f, err := os.Create(sparse); err != nil {
		t.Fatal(err)
	} else {
		f.Truncate(MaxSBOMSize + 1) // no disk used
		f.Close()
	}
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	tests := []struct {
		path string
		kind Kind
		want string // "" for success
	}{
		{small, Spec, ""},
		{sparse, SBOM, "the SBOM has 256.0 MiB, more than the limit of 256.0 MiB; raise the limit with --max-sbom-size"},
		{small, Kind{"input.kind.template", new(int64(4)), "", ""}, "the template has 16 bytes, more than the limit of 4 bytes; check that this is the file you meant"},
		{dir, Spec, "is a folder, not a file; give the path of the spec"},
		{fifo, Waivers, "pipe.yaml is a named pipe, not a file; give the path of the waiver file"},
		{"/dev/zero", Markdown, "/dev/zero is a device, not a file; give the path of the Markdown document"},
		{filepath.Join(dir, "missing"), Spec, "no such file"},
	}
	for _, tt := range tests {
		data, err := Read(tt.path, tt.kind)
		switch {
		case tt.want == "" && (err != nil || string(data) != "spec_version: 1\n"):
			t.Errorf("%s: %q, %v", tt.path, data, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want %q", tt.path, err, tt.want)
		}
	}
}

// TestReadIn: files inside the folder are read, also through a link that
// stays inside; a link or path that leads out is refused with the same
// error as package paths gives, unless allowOutside.
func TestReadIn(t *testing.T) {
	tmp := t.TempDir()
	base := filepath.Join(tmp, "spec")
	if err := os.MkdirAll(filepath.Join(base, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"spec/sub/sbom.json": "inside", "secret.json": "outside"} {
		if err := os.WriteFile(filepath.Join(tmp, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{"in.json": "sub/sbom.json", "out.json": "../secret.json", "zero.json": "/dev/zero"} {
		if err := os.Symlink(target, filepath.Join(base, link)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		ref          string
		allowOutside bool
		want         string // contents, or "!" + part of the error
	}{
		{"sub/sbom.json", false, "inside"},
		{"in.json", false, "inside"},
		{filepath.Join(base, "sub", "sbom.json"), false, "inside"},
		{"out.json", false, "!secret.json, outside the spec's folder"},
		{"../secret.json", false, "!outside the spec's folder"},
		{filepath.Join(tmp, "secret.json"), false, "!outside the spec's folder"},
		{"zero.json", false, "!outside the spec's folder"},
		{"out.json", true, "outside"},
		{"zero.json", true, "!is a device, not a file"},
		{"missing.json", false, "!no such file"},
	}
	for _, tt := range tests {
		data, err := ReadIn(base, tt.ref, tt.allowOutside, SBOM)
		if want, isErr := strings.CutPrefix(tt.want, "!"); isErr {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: error %v, want %q", tt.ref, err, want)
			}
			var oe *paths.OutsideError
			if strings.Contains(want, "outside") && !errors.As(err, &oe) {
				t.Errorf("%s: %T, want *paths.OutsideError", tt.ref, err)
			}
			continue
		}
		if err != nil || string(data) != tt.want {
			t.Errorf("%s: %q, %v; want %q", tt.ref, data, err, tt.want)
		}
	}
	if _, err := ReadIn(base, "out.json", false, Template); err == nil || !strings.Contains(err.Error(), "outside the templates folder") {
		t.Errorf("template outside its folder: %v", err)
	}
}

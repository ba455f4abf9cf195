package paths_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen/docgen/generator/paths"
)

func TestConfine(t *testing.T) {
	root := t.TempDir()
	base := filepath.Join(root, "device")
	outside := filepath.Join(root, "secret.txt")
	for _, d := range []string{base, filepath.Join(base, "sbom")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{outside, filepath.Join(base, "sbom", "bom.json")} {
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(base, "link.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(base, "sbom", "bom.json"), filepath.Join(base, "inner-link.json")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		ref     string
		outside bool
	}{
		{"sbom/bom.json", false},
		{"./sbom/../sbom/bom.json", false},
		{"missing.json", false},
		{"inner-link.json", false},
		{"../secret.txt", true},
		{"sbom/../../secret.txt", true},
		{outside, true},
		{"/etc/passwd", true},
		{"link.json", true},
		{"../device-other/missing.json", true},
	}
	for _, tc := range tests {
		_, err := paths.Confine(base, tc.ref, false)
		var oe *paths.OutsideError
		if got := errors.As(err, &oe); got != tc.outside {
			t.Errorf("Confine(%q) error %v, want outside=%v", tc.ref, err, tc.outside)
		}
		if _, err := paths.Confine(base, tc.ref, true); err != nil {
			t.Errorf("Confine(%q, allow) = %v", tc.ref, err)
		}
	}
}

package fsutil_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/docgen/docgen/generator/fsutil"
)

// TestReplace rewrites a file in place: new content, the same permissions,
// no temporary file left, and a symbolic link to it stays a link.
func TestReplace(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "device.yaml")
	if err := os.WriteFile(file, []byte("old\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := fsutil.Replace(file, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(file); string(data) != "new\n" {
		t.Errorf("content %q", data)
	}
	if st, _ := os.Stat(file); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the folder, want 1", len(entries))
	}

	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("device.yaml", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := fsutil.Replace(link, []byte("newer\n")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file: %v", err)
	}
	if data, _ := os.ReadFile(file); string(data) != "newer\n" {
		t.Errorf("the link's target holds %q", data)
	}

	if err := fsutil.Replace(filepath.Join(dir, "missing.yaml"), []byte("x")); err == nil {
		t.Error("Replace created a file that did not exist")
	}
}

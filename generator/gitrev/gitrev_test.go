package gitrev

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/internal/testspec"
)

func TestParse(t *testing.T) {
	dir := t.TempDir()
	colon := filepath.Join(dir, "odd:name.yaml")
	if err := os.WriteFile(colon, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		arg       string
		ok        bool
		rev, path string
	}{
		{"v5.1:device.yaml", true, "v5.1", "device.yaml"},
		{"HEAD~1:specs/device.yaml", true, "HEAD~1", "specs/device.yaml"},
		{"a1b2c3d:../other/device.yaml", true, "a1b2c3d", "../other/device.yaml"},
		{"main:dir/a:b.yaml", true, "main", "dir/a:b.yaml"},
		{"device.yaml", false, "", ""},
		{colon, false, "", ""}, // an existing file is a file
		{":device.yaml", false, "", ""},
		{"v1:", false, "", ""},
		{"--output=x:device.yaml", false, "", ""},
	}
	for _, tc := range tests {
		ref, ok := Parse(tc.arg)
		if ok != tc.ok || ref.Rev != tc.rev || ref.Path != tc.path {
			t.Errorf("Parse(%q) = %+v, %v; want %q %q, %v", tc.arg, ref, ok, tc.rev, tc.path, tc.ok)
		}
	}
}

// gitRepo makes a repository with two commits of dev/device.yaml, the
// first tagged v1.
func gitRepo(t *testing.T) string {
	t.Helper()
	dir, run := testspec.GitRepo(t)
	write := func(s string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(dir, "dev"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "dev", "device.yaml"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("first\n")
	run("add", ".")
	run("commit", "-q", "-m", "first")
	run("tag", "v1")
	write("second\n")
	run("commit", "-q", "-a", "-m", "second")
	return dir
}

func TestRepo(t *testing.T) {
	dir := gitRepo(t)
	repo, err := Open(filepath.Join(dir, "dev"))
	if err != nil {
		t.Fatal(err)
	}
	rel, ok := repo.Rel("device.yaml")
	if !ok || rel != "dev/device.yaml" {
		t.Fatalf("Rel(device.yaml) = %q, %v; want dev/device.yaml", rel, ok)
	}
	if _, ok := repo.Rel("../../outside.yaml"); ok {
		t.Error("a path outside the repository is accepted")
	}
	for rev, want := range map[string]string{"v1": "first\n", "HEAD": "second\n", "HEAD~1": "first\n"} {
		commit, err := repo.Commit(rev)
		if err != nil {
			t.Fatalf("Commit(%s): %v", rev, err)
		}
		data, err := repo.ReadFile(commit, rel, 100)
		if err != nil || string(data) != want {
			t.Errorf("ReadFile at %s = %q, %v; want %q", rev, data, err, want)
		}
	}
	commit, _ := repo.Commit("v1")
	if !repo.IsDir(commit, "dev") || repo.IsDir(commit, rel) || repo.IsDir(commit, "nothing") {
		t.Error("IsDir does not tell the folder from the file")
	}
	if _, err := repo.Commit("v9"); err == nil || !strings.Contains(err.Error(), "v9 is no revision") {
		t.Errorf("Commit(v9) = %v, want an unknown revision", err)
	}
	if _, err := repo.ReadFile(commit, "dev/missing.yaml", 100); err == nil || !strings.Contains(err.Error(), "has no dev/missing.yaml") {
		t.Errorf("ReadFile(missing) = %v, want does not exist", err)
	}
	if _, err := repo.ReadFile(commit, rel, 3); err == nil || !strings.Contains(err.Error(), "more than the limit") {
		t.Errorf("ReadFile over the limit = %v, want too large", err)
	}
}

func TestOpenOutsideRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	t.Setenv("GIT_CEILING_DIRECTORIES", os.TempDir())
	if _, err := Open(t.TempDir()); err == nil || !strings.Contains(err.Error(), "git:") {
		t.Errorf("Open outside a repository = %v, want git's error", err)
	}
}

// FuzzParse reads arbitrary arguments as REV:PATH: what it accepts splits
// back into the argument, with a revision that git cannot take for an
// option.
func FuzzParse(f *testing.F) {
	f.Add("v5.1:device.yaml")
	f.Add("-x:y")
	f.Add("C:\\specs\\device.yaml")
	f.Fuzz(func(t *testing.T, arg string) {
		ref, ok := Parse(arg)
		if !ok {
			return
		}
		if ref.String() != arg || ref.Rev == "" || ref.Path == "" || strings.HasPrefix(ref.Rev, "-") || strings.Contains(ref.Rev, ":") {
			t.Fatalf("Parse(%q) = %+v", arg, ref)
		}
	})
}

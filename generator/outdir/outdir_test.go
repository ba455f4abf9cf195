package outdir

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// set returns n documents tagged tag and a manifest that lists them.
func set(tag string, n int) []File {
	var files []File
	var m struct {
		Outputs []map[string]string `json:"outputs"`
	}
	for i := range n {
		name := fmt.Sprintf("doc-%02d.md", i)
		files = append(files, File{Name: name, Data: fmt.Appendf(nil, "%s %d\n", tag, i)})
		m.Outputs = append(m.Outputs, map[string]string{"path": name})
	}
	data, _ := json.Marshal(m)
	return append(files, File{Name: "manifest.json", Data: data})
}

var opts = Options{Manifest: "manifest.json"}

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// assertSet checks that dir holds exactly files (plus keep) and that the
// parent holds nothing of docgen's besides dir.
func assertSet(t *testing.T, dir string, files []File, keep ...string) {
	t.Helper()
	want := slices.Clone(keep)
	for _, f := range files {
		want = append(want, f.Name)
		got, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil || string(got) != string(f.Data) {
			t.Errorf("%s = %q, %v; want %q", f.Name, got, err, f.Data)
		}
	}
	slices.Sort(want)
	if got := entries(t, dir); !slices.Equal(got, want) {
		t.Errorf("folder holds %v, want %v", got, want)
	}
	for _, n := range entries(t, filepath.Dir(dir)) {
		if strings.Contains(n, ".docgen") {
			t.Errorf("left behind next to the folder: %s", n)
		}
	}
}

func TestReplaceSwapsTheWholeSet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if err := Replace(context.Background(), dir, set("old", 5), opts); err != nil {
		t.Fatal(err)
	}
	assertSet(t, dir, set("old", 5))
	// Fewer files: the earlier outputs that the new set lacks go too.
	if err := Replace(context.Background(), dir, set("new", 3), opts); err != nil {
		t.Fatal(err)
	}
	assertSet(t, dir, set("new", 3))
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o755 {
		t.Errorf("folder mode %v, want 0755", st.Mode().Perm())
	}
}

// TestReplaceDiskFull simulates a full disk half-way through staging: the
// earlier outputs stay as they were and nothing is left behind.
func TestReplaceDiskFull(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if err := Replace(context.Background(), dir, set("old", 5), opts); err != nil {
		t.Fatal(err)
	}
	defer func(w func(string, []byte) error) { writeFile = w }(writeFile)
	n := 0
	writeFile = func(p string, data []byte) error {
		if n++; n == 3 {
			return &os.PathError{Op: "write", Path: p, Err: syscall.ENOSPC}
		}
		return writeSynced(p, data)
	}
	if err := Replace(context.Background(), dir, set("new", 5), opts); !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("error %v, want ENOSPC", err)
	}
	assertSet(t, dir, set("old", 5))
}

// TestReplaceInterrupted cancels a build before the switch.
func TestReplaceInterrupted(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if err := Replace(context.Background(), dir, set("old", 3), opts); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Replace(ctx, dir, set("new", 3), opts); !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	assertSet(t, dir, set("old", 3))
}

// TestReplaceConcurrent runs builds into one folder at once: afterwards
// every file comes from the same build, never a mix.
func TestReplaceConcurrent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	const builds, files = 6, 20
	var wg sync.WaitGroup
	for b := range builds {
		wg.Go(func() {
			if err := Replace(context.Background(), dir, set(fmt.Sprintf("build-%d", b), files), opts); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	first, err := os.ReadFile(filepath.Join(dir, "doc-00.md"))
	if err != nil {
		t.Fatal(err)
	}
	tag, _, _ := strings.Cut(string(first), " ")
	assertSet(t, dir, set(tag, files))
}

func TestReplaceRefusesOutsideNames(t *testing.T) {
	for _, name := range []string{"../escape.md", "a/b/c.md", "a/../b.md", "a/.b.md", `a\b.md`, ".hidden", "", ".."} {
		if err := Replace(context.Background(), t.TempDir(), []File{{Name: name, Data: []byte("x")}}, opts); err == nil {
			t.Errorf("name %q accepted", name)
		}
	}
}

// TestReplaceRefusals: the root folder, a file, a folder with files of the
// user's, read-only outputs and a read-only folder are refused, and nothing
// in them changes; Force allows all but the root.
func TestReplaceRefusals(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Log("running as root: permission bits are checked by docgen, not enforced by the system")
	}
	tests := []struct {
		name    string
		prepare func(t *testing.T, dir string) []string // what must survive a refused build
		want    string
	}{
		{"root", nil, "is the root folder"},
		{"file", func(t *testing.T, dir string) []string {
			write(t, dir, "x")
			return nil
		}, "is a file, not a folder"},
		{"foreign files", func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, "thesis.tex"), "mine")
			return []string{"thesis.tex"}
		}, "holds files that are not outputs of an earlier build (`thesis.tex`"},
		{"earlier outputs not in the manifest", func(t *testing.T, dir string) []string {
			if err := Replace(context.Background(), dir, set("old", 2), opts); err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(dir, "stray.pdf"), "stray")
			return []string{"doc-00.md", "doc-01.md", "manifest.json", "stray.pdf"}
		}, "`stray.pdf`"},
		{"read-only outputs", func(t *testing.T, dir string) []string {
			if err := Replace(context.Background(), dir, set("old", 2), opts); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(filepath.Join(dir, "doc-01.md"), 0o444); err != nil {
				t.Fatal(err)
			}
			return []string{"doc-00.md", "doc-01.md", "manifest.json"}
		}, "holds read-only outputs (`doc-01.md`)"},
		{"read-only folder", func(t *testing.T, dir string) []string {
			if err := Replace(context.Background(), dir, set("old", 2), opts); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(dir, 0o555); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
			return []string{"doc-00.md", "doc-01.md", "manifest.json"}
		}, "is read-only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			var keep []string
			if tt.prepare == nil {
				dir = string(filepath.Separator)
			} else {
				keep = tt.prepare(t, dir)
			}
			before := map[string]string{}
			for _, n := range keep {
				data, _ := os.ReadFile(filepath.Join(dir, n))
				before[n] = string(data)
			}
			err := Replace(context.Background(), dir, set("new", 2), opts)
			var refusal *Error
			if !errors.As(err, &refusal) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want a refusal containing %q", err, tt.want)
			}
			for n, data := range before {
				if got, _ := os.ReadFile(filepath.Join(dir, n)); string(got) != data {
					t.Errorf("%s changed to %q", n, got)
				}
			}
			if tt.name == "root" || tt.name == "file" {
				return
			}
			force := opts
			force.Force = true
			if err := Replace(context.Background(), dir, set("new", 2), force); err != nil {
				t.Fatalf("with Force: %v", err)
			}
			var kept []string
			for _, n := range keep {
				if !slices.ContainsFunc(set("new", 2), func(f File) bool { return f.Name == n }) {
					kept = append(kept, n)
				}
			}
			assertSet(t, dir, set("new", 2), kept...)
		})
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReplaceForceKeepsOtherFiles writes into a folder with files of the
// user's: they stay, the earlier outputs that the new set lacks go, and an
// output name taken by a folder is refused before anything changes.
func TestReplaceForceKeepsOtherFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	force := Options{Manifest: "manifest.json", Force: true}
	write(t, filepath.Join(dir, "notes.txt"), "mine")
	if err := Replace(context.Background(), dir, set("old", 4), force); err != nil {
		t.Fatal(err)
	}
	if err := Replace(context.Background(), dir, set("new", 2), force); err != nil {
		t.Fatal(err)
	}
	assertSet(t, dir, set("new", 2), "notes.txt")
	if err := os.Mkdir(filepath.Join(dir, "doc-05.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	err := Replace(context.Background(), dir, set("newer", 6), force)
	if err == nil || !strings.Contains(err.Error(), "is in the way") {
		t.Fatalf("error %v, want a refusal", err)
	}
	assertSet(t, dir, set("new", 2), "notes.txt", "doc-05.md")
}

// TestReplaceWithoutExchange switches by two renames where the file system
// cannot swap folders, and a later build completes a switch that a kill
// stopped between them.
func TestReplaceWithoutExchange(t *testing.T) {
	defer func(e func(a, b string) error) { exchange = e }(exchange)
	exchange = func(a, b string) error { return errors.ErrUnsupported }
	dir := filepath.Join(t.TempDir(), "out")
	if err := Replace(context.Background(), dir, set("old", 3), opts); err != nil {
		t.Fatal(err)
	}
	if err := Replace(context.Background(), dir, set("new", 2), opts); err != nil {
		t.Fatal(err)
	}
	assertSet(t, dir, set("new", 2))

	// A kill after the earlier set was moved aside, before the new one
	// was moved in: the next build finds the complete new set and uses it.
	parent := filepath.Dir(dir)
	if err := os.Rename(dir, filepath.Join(parent, ".out"+oldTag+"1")); err != nil {
		t.Fatal(err)
	}
	for _, f := range set("newer", 3) {
		write(t, filepath.Join(parent, ".out"+newTag+"1", f.Name), string(f.Data))
	}
	if err := recoverParent(parent, "out", dir); err != nil {
		t.Fatal(err)
	}
	assertSet(t, dir, set("newer", 3))

	// A kill before the new set was complete: the earlier set is put back.
	if err := os.Rename(dir, filepath.Join(parent, ".out"+oldTag+"2")); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(parent, ".out"+stageTag+"2", "doc-00.md"), "partial")
	if err := recoverParent(parent, "out", dir); err != nil {
		t.Fatal(err)
	}
	assertSet(t, dir, set("newer", 3))
}

// TestReplaceCleansLeftovers removes what killed builds and earlier docgen
// versions left next to and inside the folder.
func TestReplaceCleansLeftovers(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if err := Replace(context.Background(), dir, set("old", 2), opts); err != nil {
		t.Fatal(err)
	}
	parent := filepath.Dir(dir)
	write(t, filepath.Join(parent, ".out"+stageTag+"9", "doc-00.md"), "partial")
	write(t, filepath.Join(dir, ".docgen-build-123", "doc-00.md"), "partial")
	write(t, filepath.Join(dir, ".docgen.lock"), "")
	write(t, filepath.Join(dir, stageTag+"7", "doc-00.md"), "partial")
	if err := Replace(context.Background(), dir, set("new", 2), opts); err != nil {
		t.Fatal(err)
	}
	assertSet(t, dir, set("new", 2))
}

// TestReplaceFollowsLink writes into the folder a symbolic link points to,
// and keeps the link.
func TestReplaceFollowsLink(t *testing.T) {
	tmp := t.TempDir()
	real := filepath.Join(tmp, "real")
	if err := Replace(context.Background(), real, set("old", 2), opts); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(tmp, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if err := Replace(context.Background(), link, set("new", 2), opts); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	assertSet(t, real, set("new", 2))
}

// TestReplaceLanguageFolders switches sets whose files lie in one level of
// folders (a build in several languages), in both modes, and then a set
// without them: the folders of the earlier set go.
func TestReplaceLanguageFolders(t *testing.T) {
	for _, force := range []bool{false, true} {
		dir := t.TempDir()
		o := Options{Manifest: "manifest.json", Force: force}
		two := []File{{Name: "de/a.md", Data: []byte("de")}, {Name: "fr/a.md", Data: []byte("fr")},
			{Name: "manifest.json", Data: []byte(`{"outputs":[{"path":"de/a.md"},{"path":"fr/a.md"}]}`)}}
		for i := 0; i < 2; i++ {
			if err := Replace(context.Background(), dir, two, o); err != nil {
				t.Fatalf("force=%v, build %d: %v", force, i+1, err)
			}
		}
		if data, err := os.ReadFile(filepath.Join(dir, "fr", "a.md")); err != nil || string(data) != "fr" {
			t.Fatalf("force=%v: fr/a.md = %q, %v", force, data, err)
		}
		one := []File{{Name: "a.md", Data: []byte("en")}, {Name: "manifest.json", Data: []byte(`{"outputs":[{"path":"a.md"}]}`)}}
		if err := Replace(context.Background(), dir, one, o); err != nil {
			t.Fatalf("force=%v: %v", force, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "de")); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("force=%v: the folder de of the earlier set is still there (%v)", force, err)
		}
	}
}

package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
)

func fileSet(tag string, n int) []File {
	files := make([]File, n)
	for i := range files {
		files[i] = File{Name: fmt.Sprintf("doc-%02d.md", i), Data: []byte(fmt.Sprintf("%s %d\n", tag, i))}
	}
	return files
}

// leftovers lists what is in dir besides the expected files and the lock.
func leftovers(t *testing.T, dir string, files []File) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var extra []string
	for _, e := range entries {
		known := e.Name() == ".docgen.lock"
		for _, f := range files {
			known = known || f.Name == e.Name()
		}
		if !known {
			extra = append(extra, e.Name())
		}
	}
	return extra
}

func assertContents(t *testing.T, dir string, files []File) {
	t.Helper()
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil || !bytes.Equal(got, f.Data) {
			t.Errorf("%s = %q, %v; want %q", f.Name, got, err, f.Data)
		}
	}
}

// TestWriteFilesDiskFull simulates a full disk half-way through a build:
// the earlier outputs stay as they were and no temporary file is left.
func TestWriteFilesDiskFull(t *testing.T) {
	dir := t.TempDir()
	old := fileSet("old", 5)
	if err := WriteFiles(context.Background(), dir, old); err != nil {
		t.Fatal(err)
	}
	defer func(w func(string, []byte, os.FileMode) error) { writeFile = w }(writeFile)
	n := 0
	writeFile = func(p string, data []byte, perm os.FileMode) error {
		if n++; n == 3 {
			return &os.PathError{Op: "write", Path: p, Err: syscall.ENOSPC}
		}
		return os.WriteFile(p, data, perm)
	}
	err := WriteFiles(context.Background(), dir, fileSet("new", 5))
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("error %v, want ENOSPC", err)
	}
	assertContents(t, dir, old)
	if extra := leftovers(t, dir, old); len(extra) > 0 {
		t.Errorf("left behind: %v", extra)
	}
}

// TestWriteFilesInterrupted cancels a build before it moves files into place.
func TestWriteFilesInterrupted(t *testing.T) {
	dir := t.TempDir()
	old := fileSet("old", 3)
	if err := WriteFiles(context.Background(), dir, old); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := WriteFiles(ctx, dir, fileSet("new", 3)); !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	assertContents(t, dir, old)
	if extra := leftovers(t, dir, old); len(extra) > 0 {
		t.Errorf("left behind: %v", extra)
	}
}

// TestWriteFilesConcurrent runs builds into one folder at once: afterwards
// every file comes from the same build, never a mix.
func TestWriteFilesConcurrent(t *testing.T) {
	dir := t.TempDir()
	const builds, files = 6, 20
	var wg sync.WaitGroup
	for b := 0; b < builds; b++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := WriteFiles(context.Background(), dir, fileSet(fmt.Sprintf("build-%d", b), files)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	first, err := os.ReadFile(filepath.Join(dir, "doc-00.md"))
	if err != nil {
		t.Fatal(err)
	}
	var tag string
	fmt.Sscanf(string(first), "%s", &tag)
	assertContents(t, dir, fileSet(tag, files))
}

func TestWriteFilesRefusesOutsideNames(t *testing.T) {
	for _, name := range []string{"../escape.md", "a/b.md", ".hidden", ""} {
		if err := WriteFiles(context.Background(), t.TempDir(), []File{{Name: name, Data: []byte("x")}}); err == nil {
			t.Errorf("name %q accepted", name)
		}
	}
}

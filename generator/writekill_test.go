package generator

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// killHelperEnv names the folder the kill helper writes into; when it is
// set, the test binary runs as the helper (see TestMain).
const killHelperEnv = "DOCGEN_KILL_HELPER_DIR"

func TestMain(m *testing.M) {
	if dir := os.Getenv(killHelperEnv); dir != "" {
		killHelper(dir)
		return
	}
	os.Exit(m.Run())
}

// killSet is one complete output set of the kill test: documents whose
// names and contents depend on tag, and a manifest that lists them. The
// two sets share some names and differ in others, so that a mix shows.
func killSet(tag string) []File {
	var files []File
	for i := range 12 {
		files = append(files, File{Name: fmt.Sprintf("doc-%02d.md", i), Data: bytes.Repeat([]byte(tag+" shared\n"), 2000+i)})
	}
	for i := range 4 {
		files = append(files, File{Name: fmt.Sprintf("%s-only-%d.csv", tag, i), Data: []byte(tag + "\n")})
	}
	var m manifest
	for _, f := range files {
		m.Outputs = append(m.Outputs, digest(f.Name, f.Data))
	}
	data, _ := json.Marshal(m)
	return append(files, File{Name: "manifest.json", Data: data})
}

// killHelper builds the two sets into dir alternately until it is killed.
func killHelper(dir string) {
	force := os.Getenv("DOCGEN_KILL_HELPER_FORCE") != ""
	for i := 0; ; i++ {
		tag := "a"
		if i%2 == 1 {
			tag = "b"
		}
		if err := WriteFiles(context.Background(), dir, killSet(tag), WriteOptions{Force: force}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		if i == 0 {
			fmt.Println("ready")
		}
	}
}

// outputState reads dir and reports whether it holds exactly one complete
// set whose files match its manifest: every listed file present with its
// digest, nothing else but the manifest.
func outputState(dir string, ignore ...string) (complete bool, why string) {
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return false, "no manifest: " + err.Error()
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return false, "manifest: " + err.Error()
	}
	want := []string{"manifest.json"}
	for _, o := range m.Outputs {
		want = append(want, o.Path)
		got, err := os.ReadFile(filepath.Join(dir, o.Path))
		if err != nil {
			return false, err.Error()
		}
		sum := sha256.Sum256(got)
		if hex.EncodeToString(sum[:]) != o.SHA256 {
			return false, o.Path + " does not match the manifest"
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, err.Error()
	}
	var have []string
	for _, e := range entries {
		if !slices.Contains(ignore, e.Name()) && !strings.HasPrefix(e.Name(), ".docgen-") {
			have = append(have, e.Name())
		}
	}
	slices.Sort(want)
	if !slices.Equal(have, want) {
		return false, fmt.Sprintf("folder holds %v, manifest lists %v", have, want)
	}
	return true, ""
}

// staleEntries lists what a killed build left next to or inside dir.
func staleEntries(t *testing.T, dir string) []string {
	t.Helper()
	var stale []string
	for _, d := range []string{filepath.Dir(dir), dir} {
		entries, err := os.ReadDir(d)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if strings.Contains(e.Name(), ".docgen") {
				stale = append(stale, filepath.Join(filepath.Base(d), e.Name()))
			}
		}
	}
	return stale
}

// TestWriteFilesSIGKILL kills a process that writes output sets in a loop
// with SIGKILL at many points in time, and checks after each kill that the
// folder holds one complete set matching its manifest, never a mix, and
// that the next build leaves nothing behind. With force, docgen writes into
// a folder that also holds a file of the user's; there the switch is
// completed by the next build, so the folder is checked after it.
func TestWriteFilesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process many times")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, force := range []bool{false, true} {
		t.Run(fmt.Sprintf("force=%v", force), func(t *testing.T) {
			const kills = 100
			dir := filepath.Join(t.TempDir(), "out")
			rng := rand.New(rand.NewPCG(1, 2))
			mixed, leftBehind, mixedUntilNext := 0, 0, 0
			for k := range kills {
				cmd := exec.Command(exe, "-test.run=^$")
				cmd.Env = append(os.Environ(), killHelperEnv+"="+dir)
				if force {
					cmd.Env = append(cmd.Env, "DOCGEN_KILL_HELPER_FORCE=1")
					if err := os.MkdirAll(dir, 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				var stdout bytes.Buffer
				cmd.Stdout = &stdout
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				// Kill at a different moment each time: early runs land in
				// the first build, later ones anywhere in the loop.
				time.Sleep(time.Duration(k%10)*time.Millisecond + time.Duration(rng.IntN(30000))*time.Microsecond)
				if err := cmd.Process.Kill(); err != nil {
					t.Fatal(err)
				}
				_ = cmd.Wait()
				if len(staleEntries(t, dir)) > 0 {
					leftBehind++
				}
				check := dir
				if force {
					if _, err := os.Stat(dir); err == nil {
						if ok, _ := outputState(dir, "notes.txt"); !ok {
							mixedUntilNext++
						}
					}
					// The next build completes an interrupted switch
					// before anything else; build the set that is there.
					tag := "a"
					if _, err := os.Stat(filepath.Join(dir, "b-only-0.csv")); err == nil {
						tag = "b"
					}
					if err := WriteFiles(context.Background(), dir, killSet(tag), WriteOptions{Force: true}); err != nil {
						t.Fatal(err)
					}
					if got, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(got) != "mine" {
						t.Errorf("kill %d: the user's own file was lost", k)
					}
					if err := os.Remove(filepath.Join(dir, "notes.txt")); err != nil {
						t.Fatal(err)
					}
				}
				if _, err := os.Stat(check); os.IsNotExist(err) && !strings.Contains(stdout.String(), "ready") {
					continue // killed before the first set was complete: no folder yet
				}
				if ok, why := outputState(check); !ok {
					mixed++
					t.Logf("kill %d: %s", k, why)
				}
			}
			// The next build cleans up whatever a kill left behind.
			if err := WriteFiles(context.Background(), dir, killSet("a"), WriteOptions{Force: force}); err != nil {
				t.Fatal(err)
			}
			if stale := staleEntries(t, dir); len(stale) > 0 {
				t.Errorf("after a clean build, left behind: %v", stale)
			}
			t.Logf("%d kills: %d mixed sets, %d left temporary files until the next build", kills, mixed, leftBehind)
			if force {
				t.Logf("in the folder with a file of the user's, %d kills left a switch for the next build to complete", mixedUntilNext)
			}
			if mixed > 0 {
				t.Errorf("%d of %d kills left a mixed set", mixed, kills)
			}
		})
	}
}

package preview

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/docgen/docgen/generator"
)

// example copies the imaging workstation example into a temporary folder
// and returns the folder.
func example(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"device.yaml", "device.de.yaml", "device.fr.yaml", "sbom.cdx.json"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "examples", "imaging-workstation", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// edit replaces old by new in file, which must contain old.
func edit(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	// Write a new file and rename it into place, as many editors save.
	tmp := file + ".tmp~"
	if err := os.WriteFile(tmp, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
}

// start serves the documents of the spec in dir (given as the folder) and
// watches it until the test ends.
func start(t *testing.T, dir string) (*Server, *httptest.Server) {
	t.Helper()
	srv, err := New(Options{Spec: dir, Build: generator.BuildOptions{Today: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Version: "test"}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = srv.Watch(ctx); close(done) }()
	select {
	case <-srv.Watching():
	case <-time.After(30 * time.Second):
		t.Fatal("Watch did not start within 30 s")
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(func() { hs.Close(); cancel(); <-done })
	return srv, hs
}

func get(t *testing.T, url string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(body)
}

// nextEvent returns the data of the next server-sent event.
func nextEvent(t *testing.T, r *bufio.Reader) string {
	t.Helper()
	type result struct {
		line string
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		for {
			line, err := r.ReadString('\n')
			if err != nil || strings.HasPrefix(line, "data: ") {
				ch <- result{strings.TrimSpace(strings.TrimPrefix(line, "data: ")), err}
				return
			}
		}
	}()
	select {
	case res := <-ch:
		if res.err != nil {
			t.Fatal(res.err)
		}
		return res.line
	case <-time.After(30 * time.Second):
		t.Fatal("no event within 30 s of a change")
	}
	return ""
}

func TestServeAndRebuild(t *testing.T) {
	dir := example(t)
	spec := filepath.Join(dir, "device.yaml")
	srv, hs := start(t, dir)

	code, ctype, body := get(t, hs.URL+"/")
	if code != 200 || !strings.Contains(body, `href="/ifu-security.html"`) || !regexp.MustCompile(`0 errors, 0 warnings(?:, \d+ notes?)?; (\d+) of (\d+) applicable items satisfied`).MatchString(body) {
		t.Fatalf("index: %d %s\n%s", code, ctype, body)
	}
	code, _, page := get(t, hs.URL+"/ifu-security.html")
	if code != 200 || !strings.Contains(page, "Meridian ViewPoint RX") || !strings.Contains(page, `id="docgen-preview"`) ||
		!strings.Contains(page, `new EventSource("\/_docgen\/events")`) || strings.Count(page, "</body>") != 1 {
		t.Fatalf("document page without the preview panel: %d\n%s", code, page[max(0, len(page)-3000):])
	}
	if strings.Contains(page, "<script src=") || strings.Contains(page, "https://cdn") {
		t.Error("the page loads an external script")
	}
	if code, ctype, _ := get(t, hs.URL+"/network-diagram.svg"); code != 200 || ctype != "image/svg+xml" {
		t.Errorf("diagram: %d %s", code, ctype)
	}
	if code, _, _ := get(t, hs.URL+"/ifu-security.pdf"); code != 404 {
		t.Errorf("the preview builds HTML only, yet serves a PDF (%d)", code)
	}
	if code, _, _ := get(t, hs.URL+"/../device.yaml"); code != 404 {
		t.Errorf("the spec itself is served (%d)", code)
	}

	req, _ := http.NewRequest(http.MethodGet, hs.URL+EventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := bufio.NewReader(resp.Body)
	if g := nextEvent(t, events); g != "1" {
		t.Fatalf("first event %q, want generation 1", g)
	}

	// An edit of the spec rebuilds and tells the page; the page shows the
	// new text. (An editor's save may come as several file events, so the
	// test waits for the content rather than for a generation number.)
	edit(t, spec, "name: Meridian ViewPoint RX", "name: Meridian ViewPoint RX Plus")
	if g := nextEvent(t, events); g == "1" {
		t.Fatalf("event after the edit %q, want a later generation", g)
	}
	waitPage(t, hs.URL+"/ifu-security.html", "the edited device name", func(page string) bool {
		return strings.Contains(page, "Meridian ViewPoint RX Plus")
	})

	// A contradiction appears in the panel.
	edit(t, spec, "ports: 2762\n", "ports: 2726\n")
	nextEvent(t, events)
	waitPage(t, hs.URL+"/network-admin-guide.html", "the new error finding in a failing panel", func(page string) bool {
		return strings.Contains(page, "NET-STREAM-RULE") && strings.Contains(page, `class="docgen-preview failing"`)
	})

	// A spec that cannot be read keeps the last good documents, with the
	// error in the panel; fixing it recovers.
	edit(t, spec, "\nlanguage: en\n", "\nlanguage: en\nlanguage: en\n")
	nextEvent(t, events)
	waitPage(t, hs.URL+"/ifu-security.html", "the build error over the last good documents", func(page string) bool {
		return strings.Contains(page, "duplicate key `language`") && strings.Contains(page, "Meridian ViewPoint RX Plus")
	})
	edit(t, spec, "\nlanguage: en\nlanguage: en\n", "\nlanguage: en\n")
	nextEvent(t, events)
	waitPage(t, hs.URL+"/ifu-security.html", "the page without the build error after the fix", func(page string) bool {
		return !strings.Contains(page, `class="build-error"`)
	})

	// The SBOM is watched too.
	sbom := filepath.Join(dir, "sbom.cdx.json")
	data, err := os.ReadFile(sbom)
	if err != nil {
		t.Fatal(err)
	}
	before := srv.Generation()
	if err := os.WriteFile(sbom, append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	nextEvent(t, events)
	if srv.Generation() <= before {
		t.Errorf("no rebuild after the SBOM changed")
	}
}

// waitPage fetches url until ok accepts the page, for up to 30 seconds.
func waitPage(t *testing.T, url, what string, ok func(string) bool) {
	t.Helper()
	page := ""
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if _, _, page = get(t, url); ok(page) {
			return
		}
	}
	t.Fatalf("after 30 s %s does not show %s:\n%s", url, what, page[max(0, len(page)-2000):])
}

func TestOnlyLocalhost(t *testing.T) {
	_, hs := start(t, example(t))
	req, _ := http.NewRequest(http.MethodGet, hs.URL+"/", nil)
	req.Host = "attacker.example:8080"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("a request for host %s got %d, want 403", req.Host, resp.StatusCode)
	}
	for _, addr := range []string{"127.0.0.1:8080", "localhost:0", "[::1]:9000"} {
		if err := ListenAddr(addr); err != nil {
			t.Errorf("ListenAddr(%q) = %v, want nil", addr, err)
		}
	}
	for _, addr := range []string{"0.0.0.0:8080", ":8080", "192.168.1.10:8080", "localhost"} {
		if err := ListenAddr(addr); err == nil {
			t.Errorf("ListenAddr(%q) accepted a non-loopback or incomplete address", addr)
		}
	}
}

//go:build linux

package preview

import (
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/websocket"
)

// chromium is where Debian's chromium package installs the browser.
const chromium = "/usr/bin/chromium"

// devtools is a connection to one page of a browser over the Chrome
// DevTools Protocol.
type devtools struct {
	t    *testing.T
	ws   *websocket.Conn
	next int
}

// eval evaluates a JavaScript expression in the page and returns its
// value as a string ("" while the page is loading or on an error).
func (d *devtools) eval(expr string) string {
	d.next++
	req := map[string]any{"id": d.next, "method": "Runtime.evaluate", "params": map[string]any{"expression": expr, "returnByValue": true}}
	if err := websocket.JSON.Send(d.ws, req); err != nil {
		d.t.Fatalf("devtools: %v", err)
	}
	for {
		var resp struct {
			ID     int `json:"id"`
			Result struct {
				Result struct {
					Value any `json:"value"`
				} `json:"result"`
			} `json:"result"`
		}
		if err := websocket.JSON.Receive(d.ws, &resp); err != nil {
			d.t.Fatalf("devtools: %v", err)
		}
		if resp.ID == d.next {
			if s, ok := resp.Result.Result.Value.(string); ok {
				return s
			}
			return ""
		}
	}
}

// waitFor evaluates expr until it returns want, for up to 30 seconds.
func (d *devtools) waitFor(what, expr, want string) {
	d.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	got := ""
	for time.Now().Before(deadline) {
		if got = d.eval(expr); got == want {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	d.t.Fatalf("%s: after 30 s the page still gives %q for %s, want %q", what, got, expr, want)
}

// openBrowser starts headless Chromium on url and connects to its page.
func openBrowser(t *testing.T, url string) *devtools {
	t.Helper()
	profile := t.TempDir()
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+profile, "--remote-debugging-port=0", "--remote-allow-origins=*", url)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // the browser and its helper processes
		_ = cmd.Wait()
	})
	// Chromium writes the port it listens on into the profile folder.
	var port string
	for deadline := time.Now().Add(30 * time.Second); port == "" && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if data, err := os.ReadFile(filepath.Join(profile, "DevToolsActivePort")); err == nil {
			port, _, _ = strings.Cut(string(data), "\n")
		}
	}
	if port == "" {
		t.Fatal("Chromium did not open its DevTools port within 30 s")
	}
	var wsURL string
	for deadline := time.Now().Add(30 * time.Second); wsURL == "" && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		resp, err := http.Get("http://127.0.0.1:" + port + "/json/list")
		if err != nil {
			continue
		}
		var targets []struct {
			Type, URL            string
			WebSocketDebuggerURL string `json:"webSocketDebuggerUrl"`
		}
		_ = json.NewDecoder(resp.Body).Decode(&targets)
		resp.Body.Close()
		for _, tg := range targets {
			if tg.Type == "page" && strings.HasPrefix(tg.URL, url) {
				wsURL = tg.WebSocketDebuggerURL
			}
		}
	}
	if wsURL == "" {
		t.Fatal("Chromium shows no page of the preview")
	}
	ws, err := websocket.Dial(wsURL, "", "http://127.0.0.1/")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return &devtools{t: t, ws: ws}
}

// TestBrowserReloads opens a document in a real headless Chromium, edits
// the spec, and waits for the page to reload by itself and show the change
// and the new finding in the preview panel.
func TestBrowserReloads(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("skipping the headless browser test: " + chromium + " is not installed (Debian: apt-get install chromium)")
	}
	dir := example(t)
	_, hs := start(t, dir)
	page := openBrowser(t, hs.URL+"/ifu-security.html")

	// The device name opens the page title: "Meridian ViewPoint RX – ...".
	title := `document.querySelector("h1") ? document.querySelector("h1").textContent.split(" – ")[0] : ""`
	panel := `document.getElementById("docgen-preview") ? document.getElementById("docgen-preview").innerText : ""`
	page.waitFor("the first load", title, "Meridian ViewPoint RX")
	page.waitFor("the preview panel", `String(/0 errors, 0 warnings(, \d+ notes?)?; \d+ of \d+ applicable items satisfied/.test(`+panel+`))`, "true")
	// A mark in the page's JavaScript state is gone after a reload.
	page.eval(`window.docgenMark = "before the edit"`)

	edit(t, filepath.Join(dir, "device.yaml"), "name: Meridian ViewPoint RX", "name: Meridian ViewPoint RX Plus")
	page.waitFor("the reload after the edit", title, "Meridian ViewPoint RX Plus")
	if mark := page.eval(`String(window.docgenMark)`); mark != "undefined" {
		t.Errorf("the page changed without a reload (mark %q)", mark)
	}

	edit(t, filepath.Join(dir, "device.yaml"), "ports: 2762\n", "ports: 2726\n")
	page.waitFor("the finding in the panel", `String(/NET-STREAM-RULE/.test(`+panel+`))`, "true")
}

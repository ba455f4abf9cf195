// Package preview serves the HTML documents of one spec on localhost while
// the spec is being written: it builds them through the public pipeline
// (generator.BuildSpec), rebuilds when the spec, its SBOM or VEX file or the
// template folder changes, tells open pages to reload (server-sent events,
// an inline script, nothing external) and shows docgen check's findings in a
// panel on every page.
//
//	srv, err := preview.New(preview.Options{Spec: "device.yaml"})
//	go srv.Watch(ctx)                       // rebuild on change
//	http.ListenAndServe("127.0.0.1:8080", srv) // serve
//
// The documents stay in memory; nothing is written to disk. A build that
// fails (a spec with a syntax error, say) keeps the last good documents on
// show, with the errors in the panel, until the spec is fixed.
package preview

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/paths"
	"github.com/docgen/docgen/generator/report"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/templates"
)

// EventsPath is the URL path of the server-sent event stream that tells
// pages to reload.
const EventsPath = "/_docgen/events"

// htmlFormat is the name of the HTML renderer in the renderer registry.
const htmlFormat = "html"

// debounce is how long Watch waits after a change for further changes, so
// that an editor's save (often several writes and a rename) builds once.
const debounce = 150 * time.Millisecond

// Options configure a preview server.
type Options struct {
	// Spec is the spec file, or a folder with device.yaml.
	Spec string
	// Build are the build options; Formats is replaced by HTML only.
	Build generator.BuildOptions
	// Log receives one line per build (may be nil).
	Log func(line string)
}

// Server builds and serves the documents of one spec. It implements
// http.Handler.
type Server struct {
	opts  Options
	pages *template.Template

	mu         sync.RWMutex
	generation int
	files      map[string][]byte // the last good build, by file name
	result     *check.Result     // its check result
	report     string            // its text report
	buildErr   string            // the error of the latest build, if it failed
	watched    []string          // inputs of the latest build, absolute
	changed    chan struct{}     // closed and replaced after each build
	watching   chan struct{}     // closed once Watch watches the inputs
	watchOnce  sync.Once
}

// New builds the documents once and returns the server. A build error is
// not fatal: the server shows it until the spec is fixed.
func New(opts Options) (*Server, error) {
	t, err := template.ParseFS(templates.FS, "html/preview-*.html.tmpl")
	if err != nil {
		return nil, err
	}
	opts.Build.Formats = []string{htmlFormat}
	s := &Server{opts: opts, pages: t, changed: make(chan struct{}), watching: make(chan struct{})}
	s.Rebuild(context.Background())
	return s, nil
}

// Generation counts the builds so far, failed ones included.
func (s *Server) Generation() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.generation
}

// Rebuild builds the documents again and tells open pages to reload; a
// build that ctx cancels keeps the last good documents.
func (s *Server) Rebuild(ctx context.Context) {
	start := time.Now()
	built, err := generator.BuildSpec(ctx, s.opts.Spec, s.opts.Build)
	watched := s.inputs(built)
	var rep bytes.Buffer
	if err == nil {
		err = report.Write(&rep, "text", []*check.Result{built.Result}, report.Options{BaseDir: filepath.Dir(built.Spec.File)})
	}

	s.mu.Lock()
	s.generation++
	s.watched = watched
	if err != nil {
		s.buildErr = err.Error()
	} else {
		s.buildErr = ""
		s.files = map[string][]byte{}
		for _, f := range built.Files {
			s.files[f.Name] = f.Data
		}
		s.result, s.report = built.Result, rep.String()
	}
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()

	if s.opts.Log != nil {
		took := time.Since(start).Round(time.Millisecond)
		if err != nil {
			s.opts.Log(msg.Format("preview.build_failed", took, err))
		} else {
			sum := built.Result.Summary
			s.opts.Log(msg.Format("preview.built", took, sum.Errors, sum.Warnings))
		}
	}
}

// inputs returns the absolute paths of the files a build depends on: the
// spec, the SBOM and VEX it names, and the template folder.
func (s *Server) inputs(built *generator.Built) []string {
	specFile := s.opts.Spec
	if built != nil {
		specFile = built.Spec.File
	} else if st, err := statDir(specFile); err == nil && st {
		specFile = filepath.Join(specFile, spec.DefaultFile)
	}
	list := []string{specFile}
	if built != nil {
		for _, p := range []string{built.Spec.SBOM.Path, built.Spec.SBOM.VEX} {
			if !spec.IsPlaceholder(p) {
				if full, err := paths.Confine(filepath.Dir(specFile), p, true); err == nil {
					list = append(list, full)
				}
			}
		}
	} else {
		// The spec did not load: keep watching what the last build used.
		s.mu.RLock()
		list = append(list, s.watched...)
		s.mu.RUnlock()
	}
	if s.opts.Build.TemplatesDir != "" {
		list = append(list, s.opts.Build.TemplatesDir)
	}
	var out []string
	for _, p := range list {
		if abs, err := filepath.Abs(p); err == nil && !slices.Contains(out, abs) {
			out = append(out, abs)
		}
	}
	return out
}

// Watch rebuilds whenever one of the build's inputs changes, until ctx is
// done. It watches the folders that hold the inputs, so that editors that
// save by writing a new file and renaming it over the old one are seen.
func (s *Server) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	var dirs []string
	update := func() {
		s.mu.RLock()
		inputs := slices.Clone(s.watched)
		s.mu.RUnlock()
		var want []string
		for _, p := range inputs {
			d := filepath.Dir(p)
			if isDir, _ := statDir(p); isDir {
				d = p
			}
			if !slices.Contains(want, d) {
				want = append(want, d)
			}
		}
		for _, d := range dirs {
			if !slices.Contains(want, d) {
				_ = w.Remove(d)
			}
		}
		for _, d := range want {
			if !slices.Contains(dirs, d) {
				if err := w.Add(d); err != nil && s.opts.Log != nil {
					s.opts.Log(msg.Format("preview.watch_failed", d, err))
				}
			}
		}
		dirs = want
	}
	update()
	s.watchOnce.Do(func() { close(s.watching) })
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if s.matters(ev.Name) {
				timer = time.After(debounce)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			if s.opts.Log != nil {
				s.opts.Log(msg.Format("preview.watch_failed", "", err))
			}
		case <-timer:
			timer = nil
			s.Rebuild(ctx)
			update()
		}
	}
}

// Watching is closed once Watch has started to watch the inputs: changes
// made after that are seen.
func (s *Server) Watching() <-chan struct{} { return s.watching }

// matters reports whether a change to file name concerns the build: it is
// one of the inputs or lies in the template folder.
func (s *Server) matters(name string) bool {
	abs, err := filepath.Abs(name)
	if err != nil {
		return false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, p := range s.watched {
		if abs == p || strings.HasPrefix(abs, p+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

func statDir(p string) (bool, error) {
	st, err := os.Stat(p)
	if err != nil {
		return false, err
	}
	return st.IsDir(), nil
}

// ServeHTTP serves the index page, the documents with the preview panel,
// the other outputs (diagram, CSV, manifest) as they are, and the event
// stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !localHost(r.Host) {
		// Refuse other host names, so that a web page cannot reach the
		// preview through DNS rebinding.
		http.Error(w, msg.Get("preview.bad_host"), http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case EventsPath:
		s.serveEvents(w, r)
		return
	case "/":
		s.servePage(w, "preview-index.html.tmpl", s.pageData(""))
		return
	}
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	s.mu.RLock()
	data, ok := s.files[name]
	s.mu.RUnlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasSuffix(name, ".html") {
		data = s.withPanel(data, s.pageData(name))
	}
	ctype := mime.TypeByExtension(filepath.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ctype)
	_, _ = w.Write(data)
}

// pageData is what the preview templates receive.
type pageData struct {
	Spec       string
	Page       string
	Generation int
	Documents  []string
	Summary    string
	Findings   []string
	Errors     int
	Warnings   int
	BuildError string
	EventsPath string
}

func (s *Server) pageData(page string) pageData {
	s.mu.RLock()
	defer s.mu.RUnlock()
	d := pageData{Spec: s.opts.Spec, Page: page, Generation: s.generation, BuildError: s.buildErr, EventsPath: EventsPath}
	for name := range s.files {
		if strings.HasSuffix(name, ".html") {
			d.Documents = append(d.Documents, name)
		}
	}
	slices.Sort(d.Documents)
	if s.result != nil {
		lines := strings.Split(strings.TrimRight(s.report, "\n"), "\n")
		d.Summary, d.Findings = lines[len(lines)-1], lines[:len(lines)-1]
		d.Errors, d.Warnings = s.result.Summary.Errors, s.result.Summary.Warnings
	}
	return d
}

// withPanel inserts the preview panel and the reload script before the end
// of the body of an HTML page.
func (s *Server) withPanel(page []byte, d pageData) []byte {
	var panel bytes.Buffer
	if err := s.pages.ExecuteTemplate(&panel, "preview-panel.html.tmpl", d); err != nil {
		panel.Reset()
		template.HTMLEscape(&panel, []byte(err.Error()))
	}
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+panel.Len())
	out = append(out, page[:i]...)
	out = append(out, panel.Bytes()...)
	return append(out, page[i:]...)
}

func (s *Server) servePage(w http.ResponseWriter, name string, d pageData) {
	var b bytes.Buffer
	if err := s.pages.ExecuteTemplate(&b, name, d); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(b.Bytes())
}

// serveEvents streams the build generation: once on connection and after
// every build. A page reloads when the number differs from the one it was
// served with.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	for {
		s.mu.RLock()
		gen, changed := s.generation, s.changed
		s.mu.RUnlock()
		if _, err := fmt.Fprintf(w, "data: %d\n\n", gen); err != nil {
			return
		}
		flusher.Flush()
		select {
		case <-r.Context().Done():
			return
		case <-changed:
		}
	}
}

// localHost reports whether host (with or without port) names the local
// machine.
func localHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ListenAddr checks that addr is a loopback address, which is all the
// preview serves; it returns an error that says so otherwise.
func ListenAddr(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return errors.New(msg.Format("preview.bad_addr", addr))
	}
	if _, err := strconv.Atoi(port); err != nil || !localHost(host) {
		return errors.New(msg.Format("preview.bad_addr", addr))
	}
	return nil
}

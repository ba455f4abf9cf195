package generator_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/docgen/docgen/generator"
)

// payload combines every kind of text that must not change a document:
// table pipes, a newline, HTML, a heading, emphasis, a backtick and a
// spreadsheet formula.
const payload = "=cmd|' /C calc'!A0 | pipe\n# Heading <script>alert(1)</script> **bold** `tick` [x](javascript:alert(1))"

var (
	hrefRE    = regexp.MustCompile(`href="([^"]*)"`)
	docLinkRE = regexp.MustCompile(`^([a-z-]+\.md)?(#[a-z0-9-]+)?$`)
)

// hostileSpec is a networked spec whose free-text fields all carry payload.
func hostileSpec() string {
	q := `"` + strings.ReplaceAll(strings.ReplaceAll(payload, `\`, `\\`), "\n", `\n`) + `"`
	return `spec_version: 1
device:
  name: ` + q + `
  model: ` + q + `
  regulation: MDR
  class: IIa
  networked: true
  manufacturer: {name: ` + q + `, address: ` + q + `}
document: {id: DOC-1, revision: "1", date: 2026-06-01}
environment:
  intended: [` + q + `]
  assumptions: [` + q + `]
  out_of_scope_risks: [` + q + `]
  required_controls: [{id: c1, description: ` + q + `, mandatory: true, relied_on: true, owner: operator}]
risks:
  residual: [{id: r1, description: ` + q + `, user_action: ` + q + `}]
network:
  zones: [{id: lan, name: ` + q + `, cidrs: [10.0.0.0/24]}]
  nodes:
    - {id: dev, name: ` + q + `, kind: device, zone: lan}
    - {id: srv, name: ` + q + `, kind: server, zone: lan}
data_streams:
  - {id: s1, name: ` + q + `, source: dev, destination: srv, protocol: ` + q + `, port: 443, transport: tcp, encryption: TLS 1.3, addressing: ` + q + `, data: ` + q + `}
firewall_rules:
  - {id: r1, direction: outbound, source: dev, destination: srv, ports: 443, protocol: tcp, action: allow, stream: s1, rationale: ` + q + `}
roles: [{id: admin, name: ` + q + `, permissions: [` + q + `], required_skills: ` + q + `}]
installation: {steps: [` + q + `]}
`
}

func buildHostile(t *testing.T) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "device.yaml")
	if err := os.WriteFile(p, []byte(hostileSpec()), 0o644); err != nil {
		t.Fatal(err)
	}
	return buildIn(t, p, generator.BuildOptions{})
}

// TestHostileMarkdown renders the generated Markdown with goldmark and
// checks that the payload produced no markup: no script, no link, no extra
// heading, no emphasis, and that tables kept their columns.
func TestHostileMarkdown(t *testing.T) {
	files := buildHostile(t)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	for _, name := range []string{"ifu-security.md", "admin-guide.md", "network-admin-guide.md", "traceability.md"} {
		var b bytes.Buffer
		if err := md.Convert(files[name], &b); err != nil {
			t.Fatal(err)
		}
		html := b.String()
		for _, bad := range []string{"<script", "<strong>bold", "<code>tick", `href="javascript`, "<h1>Heading"} {
			if strings.Contains(html, bad) {
				t.Errorf("%s: payload became markup %q", name, bad)
			}
		}
		// The only links are docgen's references between its documents.
		for _, m := range hrefRE.FindAllStringSubmatch(html, -1) {
			if !docLinkRE.MatchString(m[1]) {
				t.Errorf("%s: unexpected link to %q", name, m[1])
			}
		}
		if !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt; **bold** `tick`") {
			t.Errorf("%s: payload text is not shown literally", name)
		}
		// Every table row has as many cells as its header.
		for _, table := range strings.Split(html, "<table>")[1:] {
			table = table[:strings.Index(table, "</table>")]
			head := strings.Count(table[:strings.Index(table, "</thead>")], "<th>")
			for _, row := range strings.Split(table, "<tr>")[2:] {
				if n := strings.Count(row, "<td"); n != head {
					t.Errorf("%s: a row has %d cells, the header %d", name, n, head)
				}
			}
		}
	}
}

// TestHostileHTML checks that no payload reaches the HTML as markup.
func TestHostileHTML(t *testing.T) {
	files := buildHostile(t)
	for _, name := range []string{"ifu-security.html", "admin-guide.html", "network-admin-guide.html"} {
		page := string(files[name])
		if strings.Contains(strings.ToLower(page), "<script") || strings.Contains(page, `href="javascript`) {
			t.Errorf("%s: payload reached the page as markup", name)
		}
		if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: payload text is not shown", name)
		}
	}
	if svg := string(files["network-diagram.svg"]); strings.Contains(svg, "<script") {
		t.Error("network-diagram.svg: payload reached the SVG as markup")
	}
}

// TestHostileCSV checks that CSV cells hold the payload as data: quoted
// correctly, and with spreadsheet formulas defused.
func TestHostileCSV(t *testing.T) {
	files := buildHostile(t)
	for _, name := range []string{"firewall-rules.csv", "data-streams.csv"} {
		recs, err := csv.NewReader(bytes.NewReader(files[name])).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		found := false
		for _, rec := range recs[1:] {
			if len(rec) != len(recs[0]) {
				t.Errorf("%s: row width %d, header %d", name, len(rec), len(recs[0]))
			}
			for _, cell := range rec {
				if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
					t.Errorf("%s: cell %q would run as a formula", name, cell)
				}
				if cell == "'"+payload || strings.Contains(cell, "'"+payload) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: payload not kept verbatim (with a leading apostrophe)", name)
		}
	}
}

// TestHugeInputs builds a spec with a 2 MB description and deeply nested
// YAML: the first renders, the second is refused with a position.
func TestHugeInputs(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("All work and no play makes a long description. ", 40000)
	p := filepath.Join(dir, "device.yaml")
	src := "spec_version: 1\ndevice: {name: Big, regulation: MDR, class: I, description: \"" + big + "\"}\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := generator.BuildSpec(context.Background(), p, generator.BuildOptions{Today: goldenDate}); err != nil {
		t.Fatalf("a 2 MB text field: %v", err)
	}
	deep := "spec_version: 1\nsecurity_objectives: " + strings.Repeat("[", 50000) + strings.Repeat("]", 50000) + "\n"
	if err := os.WriteFile(p, []byte(deep), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := generator.BuildSpec(context.Background(), p, generator.BuildOptions{Today: goldenDate})
	if err == nil || !strings.Contains(err.Error(), "device.yaml:2:") {
		t.Fatalf("50,000 nested lists: %v", err)
	}
}

// TestHostileSBOMControlChars builds with an SBOM whose component texts
// carry NUL, BEL and ESC: no output holds a control character, and the
// component is still listed.
func TestHostileSBOMControlChars(t *testing.T) {
	dir := t.TempDir()
	bom := `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[
 {"type":"library","bom-ref":"z","name":"zl\u0000ib\u0007\u001b[2J","version":"1.3\u001b]0;x\u0007","supplier":{"name":"Evil\u0000 Corp"},"purl":"pkg:generic/zlib@1.3"}]}`
	src := hostileSpec() + "sbom: {path: sbom.json, format: CycloneDX 1.6 JSON}\n"
	for name, data := range map[string]string{"device.yaml": src, "sbom.json": bom} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	built, err := generator.BuildSpec(context.Background(), filepath.Join(dir, "device.yaml"), generator.BuildOptions{Today: goldenDate, Formats: []string{"md", "html"}})
	if err != nil {
		t.Fatal(err)
	}
	listed := false
	for _, f := range built.Files {
		if strings.HasSuffix(f.Name, ".png") {
			continue // binary
		}
		for name, data := range textParts(t, f) {
			if i := bytes.IndexFunc(data, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r == 0x7f }); i >= 0 {
				t.Errorf("%s: control character %q at byte %d", name, data[i], i)
			}
			listed = listed || bytes.Contains(data, []byte("zlib"))
		}
	}
	if !listed {
		t.Error("the component is no longer listed")
	}
}

// textParts returns the text of an output file by name: the file itself,
// or for a zip package (the MDS2 workbook) each of its parts.
func textParts(t *testing.T, f generator.File) map[string][]byte {
	t.Helper()
	if !strings.HasSuffix(f.Name, ".xlsx") {
		return map[string][]byte{f.Name: f.Data}
	}
	zr, err := zip.NewReader(bytes.NewReader(f.Data), int64(len(f.Data)))
	if err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatalf("%s/%s: %v", f.Name, zf.Name, err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s/%s: %v", f.Name, zf.Name, err)
		}
		parts[f.Name+"/"+zf.Name] = data
	}
	return parts
}

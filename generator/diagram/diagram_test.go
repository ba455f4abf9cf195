package diagram_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/diagram"
	"github.com/docgen/docgen/generator/spec"
)

var update = flag.Bool("update", false, "rewrite the golden SVGs in testdata")

// examples loads the example specs of the repository by name.
func examples(t testing.TB) map[string]*spec.Spec {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "device.yaml"))
	if err != nil || len(paths) < len(exampleNames()) {
		t.Fatalf("examples not found: %v %v", paths, err)
	}
	out := map[string]*spec.Spec{}
	for _, p := range paths {
		s, err := spec.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(filepath.Dir(p))] = s
	}
	return out
}

func exampleNames() []string {
	return []string{"bedside-ventilator", "home-monitor", "imaging-workstation", "lab-analyzer", "pathology-system"}
}

func render(t testing.TB, s *spec.Spec) []byte {
	t.Helper()
	d, err := diagram.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	if d == nil {
		t.Fatal("Build returned no diagram")
	}
	var b bytes.Buffer
	if err := d.WriteSVG(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGolden compares the SVG of each example with testdata/<name>.svg.
// Run with -update to rewrite them, then look at them.
func TestGolden(t *testing.T) {
	ex := examples(t)
	for _, name := range exampleNames() {
		t.Run(name, func(t *testing.T) {
			got := render(t, ex[name])
			path := filepath.Join("testdata", name+".svg")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./generator/diagram -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the output; if the change is intended, run go test ./generator/diagram -update and look at the result", path)
			}
			parseSVG(t, got)
		})
	}
}

// TestDeterministic builds every example and a large generated spec twice
// and expects the same bytes.
func TestDeterministic(t *testing.T) {
	specs := examples(t)
	specs["large"] = largeSpec(100, 10, 1000)
	for name, s := range specs {
		a, b := render(t, s), render(t, s)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two builds differ", name)
		}
	}
}

// svgDoc is what the tests read back from an SVG.
type svgDoc struct {
	XMLName xml.Name `xml:"svg"`
	ViewBox string   `xml:"viewBox,attr"`
	Role    string   `xml:"role,attr"`
	Title   string   `xml:"title"`
	Desc    string   `xml:"desc"`
	Defs    struct {
		Style   string `xml:"style"`
		Markers []struct {
			ID string `xml:"id,attr"`
		} `xml:"marker"`
	} `xml:"defs"`
}

// parseSVG checks that data is well-formed XML with the required parts and
// returns the decoded root and all character data.
func parseSVG(t *testing.T, data []byte) (svgDoc, string) {
	t.Helper()
	var doc svgDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("SVG is not valid XML: %v", err)
	}
	if doc.ViewBox == "" || doc.Role != "img" || doc.Title == "" || doc.Desc == "" || len(doc.Defs.Markers) == 0 {
		t.Errorf("SVG lacks viewBox, role, title, desc or marker: %+v", doc)
	}
	if doc.Defs.Style != "" {
		t.Errorf("SVG styles its shapes with a <style> block, which converters ignore")
	}
	// Walk every token, so that no part of the document escapes the check.
	dec := xml.NewDecoder(bytes.NewReader(data))
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not valid XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.CharData:
			text.Write(tok)
			text.WriteByte('\n')
		case xml.StartElement:
			if tok.Name.Local == "script" || tok.Name.Local == "foreignObject" {
				t.Errorf("SVG contains a <%s> element", tok.Name.Local)
			}
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Name.Local, "on") {
					t.Errorf("SVG has an event handler attribute %s", a.Name.Local)
				}
				attrs[a.Name.Local] = a.Value
			}
			// Shapes carry their look as presentation attributes, so that
			// SVG converters that ignore CSS draw them as browsers do.
			if _, ok := attrs["style"]; ok {
				t.Errorf("<%s> is styled with a style attribute", tok.Name.Local)
			}
			if (tok.Name.Local == "rect" || tok.Name.Local == "path") && attrs["fill"] == "" {
				t.Errorf("<%s %v> has no fill attribute", tok.Name.Local, attrs)
			}
			if tok.Name.Local == "path" && attrs["fill"] == "none" && (attrs["stroke"] == "" || attrs["stroke-width"] == "") {
				t.Errorf("line %v has no stroke or stroke-width attribute", attrs)
			}
		}
	}
	return doc, text.String()
}

// TestEscaping feeds hostile names through every text of the diagram and
// checks that the SVG stays well-formed and shows them as text.
func TestEscaping(t *testing.T) {
	hostile := []string{
		`<script>alert("x")</script>`,
		`A & B <b>bold</b>`,
		`"double" 'single' quotes`,
		`]]> <![CDATA[ x ]]>`,
		`<!-- comment --> <?pi?>`,
		"control \x01\x02\x1b chars",
		"bad utf-8 \xff\xfe end",
		"url(#docgen-arrow-0)",
	}
	s := &spec.Spec{Device: spec.Device{Name: hostile[0] + hostile[1]}}
	s.Network.Zone = "z0"
	for i, h := range hostile {
		id := string(rune('a' + i))
		s.Network.Zones = append(s.Network.Zones, spec.Zone{ID: "z" + id, Name: h})
		s.Network.Nodes = append(s.Network.Nodes, spec.Node{ID: "n" + id, Name: h, Kind: spec.NodeKind(h), Zone: "z" + id,
			Addresses: []spec.Address{{Text: h}}})
	}
	s.Network.Zone = "za"
	for i, h := range hostile {
		a, b := string(rune('a'+i)), string(rune('a'+(i+1)%len(hostile)))
		s.DataStreams = append(s.DataStreams, spec.DataStream{ID: "s" + a, Name: h, Source: "n" + a, Destination: "n" + b,
			Protocol: h, Transport: spec.Transport(h), Encryption: h})
	}
	out := render(t, s)
	_, text := parseSVG(t, out)
	for _, h := range []string{`<script>alert("x")</script>`, `A & B <b>bold</b>`, `"double" 'single' quotes`, `]]> <![CDATA[ x ]]>`} {
		if !strings.Contains(text, h) {
			t.Errorf("text %q is not shown literally", h)
		}
	}
	for _, raw := range []string{"<script", "<b>", "<![CDATA[", "<!--", "<?pi", "\x01", "\xff"} {
		if bytes.Contains(out, []byte(raw)) {
			t.Errorf("SVG contains unescaped %q", raw)
		}
	}
}

func TestNoNodes(t *testing.T) {
	for _, s := range []*spec.Spec{nil, {}, {Network: spec.Network{Zones: []spec.Zone{{ID: "z"}}}}} {
		d, err := diagram.Build(s)
		if d != nil || err != nil {
			t.Errorf("Build without nodes = %v, %v; want nil, nil", d, err)
		}
	}
}

func TestUnknownEndpoint(t *testing.T) {
	s := &spec.Spec{}
	s.Network.Nodes = []spec.Node{{ID: "a"}}
	s.DataStreams = []spec.DataStream{{ID: "s1", Source: "a", Destination: "nowhere"}}
	_, err := diagram.Build(s)
	if err == nil || !strings.Contains(err.Error(), "nowhere") || !strings.Contains(err.Error(), "s1") {
		t.Errorf("err = %v; want one naming the stream and the missing end-point", err)
	}
}

// TestMerge checks that streams between the same nodes share an edge per
// encryption, with one label line per protocol, and the dashed style.
func TestMerge(t *testing.T) {
	d, err := diagram.Build(examples(t)["imaging-workstation"])
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, e := range d.Edges {
		if e.From == "mvp-ws" && e.To == "ad-dc" {
			labels = append(labels, e.Label)
			if e.Unencrypted != strings.HasPrefix(e.Label, "DNS") {
				t.Errorf("edge %q: unencrypted = %v", e.Label, e.Unencrypted)
			}
		}
	}
	want := []string{"LDAPS · tcp/636\nKerberos v5 · tcp/88", "DNS · udp/53, tcp/53"}
	if strings.Join(labels, "|") != strings.Join(want, "|") {
		t.Errorf("labels mvp-ws → ad-dc = %q; want %q", labels, want)
	}
	if n := len(d.Edges); n != 13 {
		t.Errorf("%d edges; want 13 (15 streams, 2 merges)", n)
	}
}

func TestTextWidth(t *testing.T) {
	if w := diagram.TextWidth("", 10, false); w != 0 {
		t.Errorf("empty width %v", w)
	}
	if a, b := diagram.TextWidth("iiii", 10, false), diagram.TextWidth("MMMM", 10, false); a >= b {
		t.Errorf("iiii (%v) should be narrower than MMMM (%v)", a, b)
	}
	if a, b := diagram.TextWidth("Server", 12, false), diagram.TextWidth("Server", 12, true); a >= b {
		t.Errorf("bold (%v) should be wider than regular (%v)", b, a)
	}
	if w := diagram.TextWidth("漢字", 10, false); w != 20 {
		t.Errorf("wide characters: %v, want 20", w)
	}
}

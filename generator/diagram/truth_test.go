package diagram_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/diagram"
	"github.com/docgen/docgen/generator/spec"
)

// truthSpec is a small system: a supplied device and server, another
// manufacturer's monitor, a hospital PACS, a vendor gateway in the
// internet, and a variant.
func truthSpec() *spec.Spec {
	yes, no := true, false
	s := &spec.Spec{Device: spec.Device{Name: "Scanner"}}
	s.Variants = []spec.Variant{{ID: "b", Name: "Model B"}}
	s.Network.Zone = "lab"
	s.Network.Zones = []spec.Zone{{ID: "lab", Name: "Lab"}, {ID: "dc", Name: "Data centre"}, {ID: "inet", Name: "Internet"}}
	s.Network.Nodes = []spec.Node{
		{ID: "dev", Name: "Scanner", Kind: "device", Zone: "lab", Addresses: []spec.Address{{Text: "10.0.0.5"}}},
		{ID: "db", Name: "Database", Kind: "server", Zone: "lab", Addresses: []spec.Address{{Text: "10.0.0.5"}}, Supplied: &yes},
		{ID: "srv", Name: "Image server", Kind: "server", Zone: "dc", Supplied: &yes},
		{ID: "mon", Name: "Monitor", Kind: "device", Zone: "lab", Supplied: &no},
		{ID: "pacs", Name: "Hospital PACS", Kind: "server", Zone: "dc"},
		{ID: "gw", Name: "Service gateway", Kind: "external", Zone: "inet"},
		{ID: "ap", Name: "Wi-Fi", Kind: "network", Zone: "lab", Variants: []string{"b"}},
	}
	tcp := func(p int) spec.Ports { return spec.Ports{{Lo: p, Hi: p}} }
	s.DataStreams = []spec.DataStream{
		{ID: "img", Source: "dev", Destination: "srv", Protocol: "DICOM TLS", Transport: "tcp", Port: tcp(2762), Encryption: "TLS 1.3"},
		{ID: "arch", Source: "srv", Destination: "pacs", Protocol: "DICOM TLS", Transport: "tcp", Port: tcp(2762), Encryption: "TLS 1.3",
			Direction: spec.BothWays},
		{ID: "vnc", Source: "gw", Destination: "dev", Protocol: "VNC", Transport: "tcp", Port: tcp(5900), Tunnel: "rs", Encryption: "none"},
		{ID: "rs", Source: "dev", Destination: "gw", Protocol: "TLS tunnel", Transport: "tcp", Port: tcp(443), Encryption: "TLS 1.3",
			DefaultEnabled: &no},
		{ID: "sftp", Source: "gw", Destination: "dev", Protocol: "SFTP", Transport: "tcp", Port: tcp(22), Tunnel: "vnc"},
		{ID: "self", Source: "srv", Destination: "srv", Protocol: "SQL", Transport: "tcp", Port: tcp(1433), Encryption: "TLS"},
		{ID: "local", Source: "dev", Destination: "db", Protocol: "PostgreSQL", Transport: "tcp", Port: tcp(5432), Encryption: "none"},
		{ID: "sdc", Source: "dev", Destination: "mon", Protocol: "SDC", Transport: "tcp", Port: tcp(6464), Encryption: "TLS",
			Condition: spec.Text{Value: "while paired"}},
		{ID: "wifi", Source: "dev", Destination: "ap", Protocol: "EAP-TLS", Transport: "ethernet", Encryption: "none",
			Condition: spec.Text{Value: "when Wi-Fi is configured"}, Variants: []string{"b"}},
	}
	return s
}

func build(t *testing.T, s *spec.Spec) *diagram.Diagram {
	t.Helper()
	d, err := diagram.Build(s)
	if err != nil || d == nil {
		t.Fatalf("Build = %v, %v", d, err)
	}
	return d
}

func edgeFromTo(d *diagram.Diagram, from, to string) *diagram.Edge {
	for i := range d.Edges {
		if d.Edges[i].From == from && d.Edges[i].To == to {
			return &d.Edges[i]
		}
	}
	return nil
}

// TestTruthEdges checks, per stream of truthSpec, whether it is drawn and
// how: its ends, arrowheads, pattern and label.
func TestTruthEdges(t *testing.T) {
	d := build(t, truthSpec())
	for _, tc := range []struct {
		name                 string
		from, to             string
		drawn                bool
		start, unenc, option bool
		label                string
	}{
		{name: "one-way stream: one arrowhead, at the listener", from: "dev", to: "srv", drawn: true,
			label: "DICOM TLS · tcp/2762"},
		{name: "both directions: arrowheads at both ends", from: "srv", to: "pacs", drawn: true, start: true,
			label: "DICOM TLS · tcp/2762"},
		{name: "tunnel: one line, labelled with what it carries, nested tunnels included", from: "dev", to: "gw", drawn: true, option: true,
			label: "TLS tunnel · tcp/443\ncarrying VNC, SFTP"},
		{name: "streams inside the tunnel are not drawn", from: "gw", to: "dev"},
		{name: "node to itself is no loop", from: "srv", to: "srv"},
		{name: "two nodes at one address are one host", from: "dev", to: "db"},
		{name: "conditional stream is optional", from: "dev", to: "mon", drawn: true, option: true, label: "SDC · tcp/6464"},
		{name: "stream of a variant names it", from: "dev", to: "ap", drawn: true, unenc: true, option: true,
			label: "EAP-TLS · ethernet\nonly Model B"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := edgeFromTo(d, tc.from, tc.to)
			if (e != nil) != tc.drawn {
				t.Fatalf("edge %s → %s drawn = %v, want %v", tc.from, tc.to, e != nil, tc.drawn)
			}
			if e == nil {
				return
			}
			if !e.ArrowAtEnd || e.ArrowAtStart != tc.start {
				t.Errorf("arrowheads end=%v start=%v; want end=true start=%v", e.ArrowAtEnd, e.ArrowAtStart, tc.start)
			}
			if n := len(e.Heads()); n != 1+btoi(tc.start) {
				t.Errorf("%d arrowheads drawn", n)
			}
			if e.Unencrypted != tc.unenc || e.Optional != tc.option {
				t.Errorf("unencrypted=%v optional=%v; want %v %v", e.Unencrypted, e.Optional, tc.unenc, tc.option)
			}
			if e.Label != tc.label {
				t.Errorf("label %q; want %q", e.Label, tc.label)
			}
		})
	}
	if n := len(d.Edges); n != 5 {
		t.Errorf("%d edges; want 5 (9 streams: 2 in a tunnel, 2 inside one host)", n)
	}
	var internal []string
	for _, f := range d.Internal {
		internal = append(internal, f.From+"→"+f.To+" "+f.Label)
	}
	if want := []string{"srv→srv SQL · tcp/1433", "dev→db PostgreSQL · tcp/5432"}; !slices.Equal(internal, want) {
		t.Errorf("internal streams %q; want %q", internal, want)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestLinePatterns checks that each combination of encryption and state
// has its own pattern, and that the always-there encrypted line is solid.
func TestLinePatterns(t *testing.T) {
	seen := map[string]bool{}
	for _, tc := range []struct {
		unenc, option bool
		solid         bool
	}{{false, false, true}, {true, false, false}, {false, true, false}, {true, true, false}} {
		e := diagram.Edge{Unencrypted: tc.unenc, Optional: tc.option}
		dash := e.Style().Dash
		if (dash == nil) != tc.solid {
			t.Errorf("unencrypted=%v optional=%v: dash %v", tc.unenc, tc.option, dash)
		}
		key := fmt.Sprint(dash)
		if seen[key] {
			t.Errorf("unencrypted=%v optional=%v: pattern %v is used twice", tc.unenc, tc.option, dash)
		}
		seen[key] = true
	}
}

// TestSupplied checks that the nodes the manufacturer supplies, and only
// they, have the heavy outline: another manufacturer's device (kind device,
// supplied: false) and the hospital's systems do not.
func TestSupplied(t *testing.T) {
	d := build(t, truthSpec())
	want := map[string]bool{"dev": true, "db": true, "srv": true}
	for _, n := range d.Nodes {
		if n.Supplied != want[n.ID] {
			t.Errorf("node %s: supplied = %v, want %v", n.ID, n.Supplied, want[n.ID])
		}
		heavy := n.Style().Width > 1
		if heavy != want[n.ID] {
			t.Errorf("node %s: heavy outline = %v, want %v", n.ID, heavy, want[n.ID])
		}
	}
}

// TestVariantNode checks that a node of some variants says which.
func TestVariantNode(t *testing.T) {
	d := build(t, truthSpec())
	for _, n := range d.Nodes {
		var lines []string
		for _, tl := range n.Text {
			lines = append(lines, tl.Text)
		}
		has := slices.Contains(lines, "only Model B")
		if has != (n.ID == "ap") || (n.Variants != "") != (n.ID == "ap") {
			t.Errorf("node %s: lines %q, variants %q", n.ID, lines, n.Variants)
		}
	}
}

// TestLegendOnlyWhatOccurs checks that the legend explains each arrow,
// pattern, outline and kind the diagram has, and nothing it lacks.
func TestLegendOnlyWhatOccurs(t *testing.T) {
	legend := func(s *spec.Spec) []string {
		var out []string
		for _, le := range build(t, s).Legend {
			out = append(out, le.Text.Text)
		}
		return out
	}
	full := truthSpec()
	plain := &spec.Spec{}
	plain.Network.Nodes = []spec.Node{{ID: "a", Kind: "server"}, {ID: "b", Kind: "server"}}
	plain.DataStreams = []spec.DataStream{{ID: "s", Source: "a", Destination: "b", Protocol: "HTTPS", Encryption: "TLS"}}
	for _, tc := range []struct {
		name string
		s    *spec.Spec
		want []string
	}{
		{"everything", full, []string{
			"points at the end that accepts the connection", "either end opens connections",
			"encrypted", "encrypted, off by default or conditional", "not encrypted, off by default or conditional",
			"supplied by the manufacturer", "device", "server", "network service", "external system",
		}},
		{"one encrypted stream between hospital servers", plain, []string{
			"points at the end that accepts the connection", "encrypted", "server",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := legend(tc.s); !slices.Equal(got, tc.want) {
				t.Errorf("legend\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// TestDescribeMatchesDrawing checks that the text description is made from
// the drawing: it is the SVG's desc, names every node and arrow label, and
// lists the streams that are not drawn.
func TestDescribeMatchesDrawing(t *testing.T) {
	d := build(t, truthSpec())
	desc := d.Describe()
	if d.Desc != desc {
		t.Errorf("Desc %q is not Describe()", d.Desc)
	}
	for _, n := range d.Nodes {
		if !strings.Contains(desc, n.Label) {
			t.Errorf("description lacks node %q", n.Label)
		}
	}
	for _, e := range d.Edges {
		if !strings.Contains(desc, strings.ReplaceAll(e.Label, "\n", "; ")) {
			t.Errorf("description lacks arrow %q", e.Label)
		}
	}
	for _, want := range []string{
		"Scanner (device · 10.0.0.5; supplied by the manufacturer)",
		"Monitor (device)",
		"Wi-Fi (network service; only Model B)",
		"Arrow from Image server to Hospital PACS: DICOM TLS · tcp/2762 (encrypted, either end opens connections).",
		"Arrow from Scanner to Service gateway: TLS tunnel · tcp/443; carrying VNC, SFTP (encrypted, off by default or conditional).",
		"Not drawn, inside Image server: SQL · tcp/1433 (encrypted).",
		"Not drawn, from Scanner to Database on the same host: PostgreSQL · tcp/5432 (not encrypted).",
	} {
		if !strings.Contains(desc, want) {
			t.Errorf("description lacks %q:\n%s", want, desc)
		}
	}
	if strings.Contains(desc, "Arrow from Service gateway") {
		t.Errorf("description has an arrow for a stream inside the tunnel:\n%s", desc)
	}
	var b bytes.Buffer
	if err := d.WriteSVG(&b); err != nil {
		t.Fatal(err)
	}
	svg := b.String()
	if n := strings.Count(svg, "marker-start="); n != 1 {
		t.Errorf("%d marker-start attributes; want 1, for the one two-way edge", n)
	}
}

package diagram_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/diagram"
	"github.com/docgen/docgen/generator/spec"
)

// largeSpec generates a spec with nodes spread over zones and streams
// between pseudo-random pairs of nodes (a fixed sequence, so the spec is
// always the same).
func largeSpec(nodes, zones, streams int) *spec.Spec {
	s := &spec.Spec{Device: spec.Device{Name: "Large"}}
	s.Network.Zone = "z0"
	for z := range zones {
		s.Network.Zones = append(s.Network.Zones, spec.Zone{ID: fmt.Sprintf("z%d", z), Name: fmt.Sprintf("Zone %d", z)})
	}
	kinds := spec.NodeKind("").EnumValues()
	for n := range nodes {
		s.Network.Nodes = append(s.Network.Nodes, spec.Node{ID: fmt.Sprintf("n%d", n), Name: fmt.Sprintf("Node %d", n),
			Kind: spec.NodeKind(kinds[n%len(kinds)]), Zone: fmt.Sprintf("z%d", n%zones),
			Addresses: []spec.Address{{Text: fmt.Sprintf("10.%d.0.%d", n%zones, n+1)}}})
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range streams {
		enc := "TLS 1.3"
		if i%5 == 0 {
			enc = "none"
		}
		s.DataStreams = append(s.DataStreams, spec.DataStream{ID: fmt.Sprintf("s%d", i),
			Source: fmt.Sprintf("n%d", r.IntN(nodes)), Destination: fmt.Sprintf("n%d", r.IntN(nodes)),
			Protocol: "HTTPS", Transport: "tcp", Port: spec.Ports{{Lo: 1024 + i, Hi: 1024 + i}}, Encryption: enc})
	}
	return s
}

// randomSpec makes a spec of odd shapes: empty zones, nodes without a zone,
// streams to zones, loops, long names.
func randomSpec(seed uint64) *spec.Spec {
	r := rand.New(rand.NewPCG(seed, 7))
	words := []string{"PACS", "gateway", "Very long name of a hospital information system", "x", "DNS resolver",
		"Imaging", "Amazon Simple Storage Service bucket for waveforms", "EKS"}
	name := func() string {
		n := 1 + r.IntN(3)
		var parts []string
		for range n {
			parts = append(parts, words[r.IntN(len(words))])
		}
		return strings.Join(parts, " ")
	}
	s := &spec.Spec{Device: spec.Device{Name: name()}}
	nz, nn := 1+r.IntN(12), 1+r.IntN(30)
	for z := range nz {
		zone := spec.Zone{ID: fmt.Sprintf("z%d", z), Name: name()}
		if r.IntN(2) == 0 {
			zone.CIDRs = make([]spec.CIDR, r.IntN(4))
		}
		s.Network.Zones = append(s.Network.Zones, zone)
	}
	if r.IntN(3) > 0 {
		s.Network.Zone = fmt.Sprintf("z%d", r.IntN(nz))
	}
	kinds := spec.NodeKind("").EnumValues()
	for n := range nn {
		node := spec.Node{ID: fmt.Sprintf("n%d", n), Name: name(), Kind: spec.NodeKind(kinds[r.IntN(len(kinds))])}
		if r.IntN(8) > 0 {
			node.Zone = fmt.Sprintf("z%d", r.IntN(nz))
		}
		for range r.IntN(7) {
			node.Addresses = append(node.Addresses, spec.Address{Text: "host-" + strings.Repeat("a", r.IntN(60)) + ".example"})
		}
		s.Network.Nodes = append(s.Network.Nodes, node)
	}
	end := func() string {
		if r.IntN(6) == 0 {
			return fmt.Sprintf("z%d", r.IntN(nz))
		}
		return fmt.Sprintf("n%d", r.IntN(nn))
	}
	for i := range r.IntN(60) {
		ds := spec.DataStream{ID: fmt.Sprintf("s%d", i), Source: end(), Destination: end(), Protocol: name()}
		switch r.IntN(3) {
		case 0:
			ds.Transport = "bluetooth-le"
		case 1:
			ds.Transport, ds.Port = "udp", spec.Ports{{Lo: 53, Hi: 53}}
		default:
			ds.Transport, ds.Port, ds.Encryption = "tcp", spec.Ports{{Lo: 443, Hi: 443}, {Lo: 8000, Hi: 8100}}, "TLS"
		}
		s.DataStreams = append(s.DataStreams, ds)
	}
	return s
}

// TestGeometry checks the layout rules on the examples, a large spec and
// many random ones.
func TestGeometry(t *testing.T) {
	specs := examples(t)
	specs["large"] = largeSpec(100, 10, 1000)
	specs["chain"] = chainSpec(30)
	for seed := range uint64(200) {
		specs[fmt.Sprintf("random-%d", seed)] = randomSpec(seed)
	}
	for name, s := range specs {
		d, err := diagram.Build(s)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, msg := range checkGeometry(d) {
			t.Errorf("%s: %s", name, msg)
		}
	}
}

// chainSpec has n zones joined in a chain, the longest way to the device.
func chainSpec(n int) *spec.Spec {
	s := &spec.Spec{}
	s.Network.Zone = "z0"
	for i := range n {
		s.Network.Zones = append(s.Network.Zones, spec.Zone{ID: fmt.Sprintf("z%d", i)})
		s.Network.Nodes = append(s.Network.Nodes, spec.Node{ID: fmt.Sprintf("n%d", i), Zone: fmt.Sprintf("z%d", i)})
		if i > 0 {
			s.DataStreams = append(s.DataStreams, spec.DataStream{ID: fmt.Sprintf("s%d", i),
				Source: fmt.Sprintf("n%d", i-1), Destination: fmt.Sprintf("n%d", i), Protocol: "P"})
		}
	}
	return s
}

// checkGeometry returns every violation of the layout rules in d.
func checkGeometry(d *diagram.Diagram) []string {
	var bad []string
	fail := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }
	page := diagram.Rect{W: d.Width, H: d.Height}
	grid := func(what string, vs ...float64) {
		for _, v := range vs {
			if v*2 != float64(int64(v*2)) {
				fail("%s: coordinate %v is not on the half-unit grid", what, v)
			}
		}
	}
	grid("size", d.Width, d.Height)
	for _, z := range d.Zones {
		grid("zone "+z.ID, z.X, z.Y, z.W, z.H)
	}
	for _, n := range d.Nodes {
		grid("node "+n.ID, n.X, n.Y, n.W, n.H)
		for _, tl := range n.Text {
			grid("node text", tl.X, tl.Y)
		}
	}
	for _, e := range d.Edges {
		grid("label "+e.ID, e.LabelX, e.LabelY, e.LabelW, e.LabelH)
		for _, p := range e.Points {
			grid("edge "+e.ID, p.X, p.Y)
		}
		for _, tl := range e.Text {
			grid("label text", tl.X, tl.Y)
		}
	}
	zones := map[string]diagram.Rect{}
	boxes := map[string]diagram.Rect{} // nodes and zones by id
	for i, z := range d.Zones {
		zones[z.ID] = z.Rect()
		if z.ID != "" {
			boxes[z.ID] = z.Rect()
		}
		if !page.Contains(z.Rect()) {
			fail("zone %q lies outside the drawing", z.ID)
		}
		for _, y := range d.Zones[:i] {
			if z.Rect().Overlaps(y.Rect()) {
				fail("zones %q and %q overlap", z.ID, y.ID)
			}
		}
		for _, tl := range z.Text {
			if tl.X+diagram.TextWidth(tl.Text, tl.Size, tl.Bold) > z.X+z.W {
				fail("zone %q: text %q sticks out", z.ID, tl.Text)
			}
		}
	}
	for i, n := range d.Nodes {
		boxes[n.ID] = n.Rect()
		if z, ok := zones[n.Zone]; !ok || !z.Contains(n.Rect()) {
			fail("node %q is not inside its zone %q", n.ID, n.Zone)
		}
		for _, m := range d.Nodes[:i] {
			if n.Rect().Overlaps(m.Rect()) {
				fail("nodes %q and %q overlap", n.ID, m.ID)
			}
		}
		for _, tl := range n.Text {
			w := diagram.TextWidth(tl.Text, tl.Size, tl.Bold)
			if tl.X-w/2 < n.X || tl.X+w/2 > n.X+n.W || tl.Y > n.Y+n.H || tl.Y-tl.Size < n.Y {
				fail("node %q: text %q does not fit the box", n.ID, tl.Text)
			}
		}
	}
	var labels []diagram.Rect
	for _, e := range d.Edges {
		if len(e.Points) < 2 {
			fail("edge %q has %d points", e.ID, len(e.Points))
			continue
		}
		if !onBorder(e.Points[0], boxes[e.From]) {
			fail("edge %q starts at %v, not on the border of %q %v", e.ID, e.Points[0], e.From, boxes[e.From])
		}
		if !onBorder(e.Points[len(e.Points)-1], boxes[e.To]) {
			fail("edge %q ends at %v, not on the border of %q %v", e.ID, e.Points[len(e.Points)-1], e.To, boxes[e.To])
		}
		for i := 1; i < len(e.Points); i++ {
			a, b := e.Points[i-1], e.Points[i]
			if a.X != b.X && a.Y != b.Y {
				fail("edge %q: segment %v-%v is not orthogonal", e.ID, a, b)
			}
			for _, n := range d.Nodes {
				if crosses(a, b, n.Rect()) {
					fail("edge %q runs through node %q", e.ID, n.ID)
				}
			}
			if !page.Contains(diagram.Rect{X: min(a.X, b.X), Y: min(a.Y, b.Y), W: abs(a.X - b.X), H: abs(a.Y - b.Y)}) {
				fail("edge %q leaves the drawing", e.ID)
			}
		}
		lr := e.LabelRect()
		if lr.W <= 0 || lr.H <= 0 {
			fail("edge %q has an empty label box", e.ID)
		}
		for _, tl := range e.Text {
			w := diagram.TextWidth(tl.Text, tl.Size, tl.Bold)
			x0 := tl.X
			if tl.Anchor == diagram.AnchorEnd {
				x0 -= w
			}
			if x0 < lr.X || x0+w > lr.X+lr.W || tl.Y > lr.Y+lr.H || tl.Y-tl.Size < lr.Y {
				fail("edge %q: label line %q lies outside the label box", e.ID, tl.Text)
			}
		}
		for _, n := range d.Nodes {
			if lr.Overlaps(n.Rect()) {
				fail("label of edge %q overlaps node %q", e.ID, n.ID)
			}
		}
		for _, z := range d.Zones {
			if lr.Overlaps(z.Rect()) {
				fail("label of edge %q overlaps zone %q", e.ID, z.ID)
			}
		}
		for j, l := range labels {
			if lr.Overlaps(l) {
				fail("label of edge %q overlaps the label of edge %q", e.ID, d.Edges[j].ID)
			}
		}
		labels = append(labels, lr)
		if !page.Contains(lr) {
			fail("label of edge %q lies outside the drawing", e.ID)
		}
	}
	// No line and no arrowhead runs through a label.
	for _, e := range d.Edges {
		var hbs []diagram.Rect
		for _, h := range e.Heads() {
			hbs = append(hbs, bounds(h[:]))
		}
		for j, l := range labels {
			for i := 1; i < len(e.Points); i++ {
				if crosses(e.Points[i-1], e.Points[i], l) {
					fail("edge %q runs through the label of edge %q", e.ID, d.Edges[j].ID)
				}
			}
			for _, hb := range hbs {
				if hb.Overlaps(l) {
					fail("arrowhead of edge %q overlaps the label of edge %q", e.ID, d.Edges[j].ID)
				}
			}
		}
	}
	for _, le := range d.Legend {
		r := diagram.Rect{X: le.X, Y: le.Y, W: le.W, H: le.H}
		if !page.Contains(r) || le.Text.X+diagram.TextWidth(le.Text.Text, le.Text.Size, false) > d.Width {
			fail("legend entry %q lies outside the drawing", le.Text.Text)
		}
	}
	return bad
}

// onBorder reports whether p lies within one unit of the border of r.
func onBorder(p diagram.Point, r diagram.Rect) bool {
	if r.W == 0 {
		return false
	}
	in := p.X >= r.X-1 && p.X <= r.X+r.W+1 && p.Y >= r.Y-1 && p.Y <= r.Y+r.H+1
	deep := p.X > r.X+1 && p.X < r.X+r.W-1 && p.Y > r.Y+1 && p.Y < r.Y+r.H-1
	return in && !deep
}

// crosses reports whether the orthogonal segment a-b passes through the
// inside of r (touching the border does not count).
func crosses(a, b diagram.Point, r diagram.Rect) bool {
	x0, x1 := min(a.X, b.X), max(a.X, b.X)
	y0, y1 := min(a.Y, b.Y), max(a.Y, b.Y)
	return x0 < r.X+r.W && x1 > r.X && y0 < r.Y+r.H && y1 > r.Y &&
		(x0 != x1 || (x0 > r.X && x0 < r.X+r.W)) && (y0 != y1 || (y0 > r.Y && y0 < r.Y+r.H))
}

func bounds(ps []diagram.Point) diagram.Rect {
	if len(ps) == 0 {
		return diagram.Rect{}
	}
	x0, y0, x1, y1 := ps[0].X, ps[0].Y, ps[0].X, ps[0].Y
	for _, p := range ps[1:] {
		x0, y0, x1, y1 = min(x0, p.X), min(y0, p.Y), max(x1, p.X), max(y1, p.Y)
	}
	return diagram.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// TestCheckGeometryCatches makes sure checkGeometry notices broken layouts,
// so that TestGeometry passing means something.
func TestCheckGeometryCatches(t *testing.T) {
	breakers := map[string]func(d *diagram.Diagram){
		"label on node":   func(d *diagram.Diagram) { d.Edges[0].LabelX, d.Edges[0].LabelY = d.Nodes[0].X, d.Nodes[0].Y },
		"labels overlap":  func(d *diagram.Diagram) { d.Edges[1].LabelX, d.Edges[1].LabelY = d.Edges[0].LabelX, d.Edges[0].LabelY },
		"nodes overlap":   func(d *diagram.Diagram) { d.Nodes[1].Y = d.Nodes[0].Y },
		"node off zone":   func(d *diagram.Diagram) { d.Nodes[0].X -= 100 },
		"loose end":       func(d *diagram.Diagram) { d.Edges[0].Points[0].X -= 5 },
		"through a node":  func(d *diagram.Diagram) { d.Edges[0].Points = append(d.Edges[0].Points, diagram.Point{X: 0, Y: 0}) },
		"zones overlap":   func(d *diagram.Diagram) { d.Zones[1].X, d.Zones[1].Y = d.Zones[0].X, d.Zones[0].Y },
		"text sticks out": func(d *diagram.Diagram) { d.Nodes[0].W = 20 },
	}
	for name, br := range breakers {
		d, err := diagram.Build(examples(t)["imaging-workstation"])
		if err != nil {
			t.Fatal(err)
		}
		if bad := checkGeometry(d); len(bad) > 0 {
			t.Fatalf("unbroken layout fails: %v", bad)
		}
		br(d)
		if len(checkGeometry(d)) == 0 {
			t.Errorf("%s: not detected", name)
		}
	}
}

package diagram

import (
	"math"
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
)

// Sizes of the layout, in diagram units.
const (
	margin = 20

	nodeFont    = 12 // node name, bold
	subFont     = 10 // node kind and addresses, zone CIDRs
	zoneFont    = 12 // zone name, bold
	edgeFont    = 10 // edge labels
	legendFont  = 10
	nodeLineH   = 15   // line height of nodeFont and zoneFont
	subLineH    = 12.5 // line height of subFont and edgeFont
	nodeMaxText = 200  // widest text in a node box
	nodeMinW    = 150
	nodePadX    = 10
	nodePadY    = 8
	nodeGap     = 16 // between the nodes of a zone
	zonePadX    = 16
	zonePadTop  = 8
	zonePadBot  = 14
	zoneMaxText = 300 // widest zone name
	zoneGap     = 28  // between the zones of a column

	labelMaxW  = 230 // widest edge label line
	labelPad   = 2   // around the text of an edge label
	labelGap   = 14  // between a label and the column it hugs: room for an arrowhead
	labelSlack = 6   // between a label band and the tracks
	portGap    = 10  // height of an unlabelled port slot
	portPad    = 6   // free space at the top and bottom of a node side
	trackGap   = 10  // between vertical line tracks
	shareGap   = 30  // vertical gap between two lines that share a track
	channelMin = 60  // narrowest channel between two columns
)

// Sides of a box.
const (
	left  = 0
	right = 1
)

// ref is something an edge attaches to: a node or a zone group.
type ref struct {
	zone bool
	idx  int
}

// group is a zone box being laid out.
type group struct {
	box   ZoneBox
	col   int
	nodes []int
	ports [2][]*end
	text  []string // name lines
	sub   []string // CIDR lines
	// portTop is the y of the first port slot on the zone's own border,
	// below its nodes.
	portTop float64
}

// node is a node box being laid out.
type node struct {
	box   NodeBox
	group int
	ports [2][]*end
	text  []string
	sub   []string
}

// end is one end of an edge: where it attaches, on which side, and its slot.
type end struct {
	e        *edge
	at       ref
	side     int
	labelled bool
	y        float64 // y of the line at the box border
	slotH    float64
	order    float64 // sort key: y of the other end in the previous pass
}

// edge is an Edge being laid out.
type edge struct {
	out      Edge
	idx      int
	src, dst *end
	channel  int
	lines    []string // wrapped label lines
	labelW   float64
	labelH   float64
	track    int
	key      edgeKey
	entries  []*labelEntry // protocols, in order of appearance
	sameCol  bool
	vertical bool // needs a vertical segment in its channel
}

type edgeKey struct {
	src, dst                    ref
	unencrypted, optional, both bool
}

// layout holds the state of one Build.
type layout struct {
	s        *spec.Spec
	m        *msg.Set // texts in the diagram's language
	groups   []*group
	nodes    []*node
	edges    []*edge
	internal []*edge // streams inside one host: described, not drawn
	ids      map[string]ref
	level    []int // level of each group
	order    []int // groups in the order the search reached them
	nlevels  int
	cols     [][]int // group indices per column, top to bottom
	colW     []float64
	nodeW    []float64
	colX     []float64
	chX      []float64 // left x of each channel; channel k is left of column k
	chW      []float64
	bandL    []float64 // label band width at the left of each channel (labels of column k-1)
	bandR    []float64 // label band width at the right of each channel (labels of column k)
	tracks   []int     // number of tracks per channel
	height   float64   // height of the tallest column
}

// Available reports whether s has a network diagram: Build draws one when
// the spec declares network nodes.
func Available(s *spec.Spec) bool { return s != nil && len(s.Network.Nodes) > 0 }

// Build lays out the network diagram of s. It returns nil and no error when
// the spec has no network nodes, so that callers can leave the diagram out,
// and an error when a data stream names an end-point that does not exist
// (which spec.Load reports first).
func Build(s *spec.Spec) (*Diagram, error) { return BuildIn(s, "") }

// BuildIn is Build with the texts of the diagram (title, legend, zone and
// kind names, labels, description) in language lang.
func BuildIn(s *spec.Spec, lang string) (*Diagram, error) {
	if !Available(s) {
		return nil, nil
	}
	l := &layout{s: s, m: msg.For(lang), ids: map[string]ref{}}
	l.groupsAndNodes()
	if err := l.buildEdges(); err != nil {
		return nil, err
	}
	l.wrapTexts()
	l.levels()
	// Try every number of columns from one per level down to one, and keep
	// the layout that can be printed largest on a page.
	bestCols, bestScale := l.nlevels, 0.0
	for n := l.nlevels; n >= 1; n-- {
		l.place(n)
		if sc := pageScale(l.width(), l.height+2*margin+legendAllowance); sc > bestScale*1.02 {
			bestCols, bestScale = n, sc
		}
	}
	l.place(bestCols)
	d := &Diagram{Title: l.title(), Lang: lang}
	l.emit(d)
	l.legend(d)
	d.Desc = d.Describe()
	return d, nil
}

// legendAllowance is the height the legend is assumed to take when layouts
// are compared.
const legendAllowance = 40

// pageScale returns the scale at which a w × h drawing fits the text area of
// an A4 page, upright or turned, in points (at most 1).
func pageScale(w, h float64) float64 {
	const long, short = 700, 480
	return min(1, max(min(short/w, long/h), min(long/w, short/h)))
}

// place lays the diagram out in n columns.
func (l *layout) place(n int) {
	l.columns(n)
	l.assignSides()
	l.sizeColumns()
	l.vertical()
	for _, p := range l.allSides() {
		sortEnds(p)
	}
	l.vertical()
	l.assignTracks()
	l.horizontal()
}

func (l *layout) title() string {
	name := clean(strings.TrimSpace(l.s.Device.Name))
	if name == "" {
		name = l.m.Get("diagram.untitled_device")
	}
	return l.m.Format("diagram.title", name)
}

// groupsAndNodes makes a group per zone, plus one for nodes in no zone, and
// a node per network node.
func (l *layout) groupsAndNodes() {
	net := &l.s.Network
	for i, z := range net.Zones {
		g := &group{box: ZoneBox{ID: z.ID, Label: orID(z.Name, z.ID), Device: z.ID != "" && z.ID == net.Zone}}
		cidrs := make([]string, len(z.CIDRs))
		for j, c := range z.CIDRs {
			cidrs[j] = c.String()
		}
		g.box.Sublabel = strings.Join(cidrs, ", ")
		l.groups = append(l.groups, g)
		if _, dup := l.ids[z.ID]; !dup && z.ID != "" {
			l.ids[z.ID] = ref{zone: true, idx: i}
		}
	}
	implicit := -1
	for i, n := range net.Nodes {
		nd := &node{box: NodeBox{ID: n.ID, Label: orID(n.Name, n.ID), Kind: n.Kind, Supplied: l.s.IsSupplied(i),
			Variants: l.variantNames(n.Variants)}}
		r, ok := l.ids[n.Zone]
		if n.Zone == "" || !ok || !r.zone {
			if implicit < 0 {
				implicit = len(l.groups)
				l.groups = append(l.groups, &group{box: ZoneBox{Label: l.m.Get("diagram.no_zone"), Implicit: true}})
			}
			nd.group = implicit
		} else {
			nd.group = r.idx
			nd.box.Zone = n.Zone
		}
		g := l.groups[nd.group]
		g.nodes = append(g.nodes, i)
		var sub []string
		if n.Kind != "" {
			sub = append(sub, l.kindName(n.Kind))
		}
		for _, a := range n.Addresses {
			sub = append(sub, a.String())
		}
		nd.box.Sublabel = strings.Join(sub, " · ")
		l.nodes = append(l.nodes, nd)
		if _, dup := l.ids[n.ID]; !dup && n.ID != "" {
			l.ids[n.ID] = ref{idx: i}
		}
	}
}

// kindName is the display name of a node kind.
func (l *layout) kindName(k spec.NodeKind) string {
	if slices.Contains(k.EnumValues(), string(k)) {
		return l.m.Get("diagram.kind." + string(k))
	}
	return string(k)
}

func orID(name, id string) string {
	if strings.TrimSpace(name) != "" {
		return name
	}
	return id
}

// groupOf returns the group an edge end attaches in.
func (l *layout) groupOf(r ref) int {
	if r.zone {
		return r.idx
	}
	return l.nodes[r.idx].group
}

// colOf returns the column of an edge end.
func (l *layout) colOf(r ref) int { return l.groups[l.groupOf(r)].col }

// portsOf returns the port lists of an edge end's box.
func (l *layout) portsOf(r ref) *[2][]*end {
	if r.zone {
		return &l.groups[r.idx].ports
	}
	return &l.nodes[r.idx].ports
}

// assignSides decides which side of its boxes each edge leaves and enters,
// the channel its vertical segment runs in, and which end carries the label.
func (l *layout) assignSides() {
	for _, g := range l.groups {
		g.ports = [2][]*end{}
	}
	for _, nd := range l.nodes {
		nd.ports = [2][]*end{}
	}
	nc := len(l.cols)
	load := make([]int, nc+1)
	for _, e := range l.edges {
		e.src = &end{e: e, at: e.key.src}
		e.dst = &end{e: e, at: e.key.dst}
		a, b := l.colOf(e.key.src), l.colOf(e.key.dst)
		switch b {
		case a + 1:
			e.src.side, e.dst.side, e.channel = right, left, b
		case a - 1:
			e.src.side, e.dst.side, e.channel = left, right, a
		default: // same column; decided below
			e.sameCol = true
			continue
		}
		e.sameCol = false
		load[e.channel]++
	}
	// A loop within one column goes out to the less busy side.
	for _, e := range l.edges {
		if !e.sameCol {
			continue
		}
		c := l.colOf(e.key.src)
		side, ch := right, c+1
		if load[c] < load[c+1] {
			side, ch = left, c
		}
		e.src.side, e.dst.side, e.channel = side, side, ch
		load[ch]++
	}
	for _, e := range l.edges {
		for _, x := range []*end{e.src, e.dst} {
			p := l.portsOf(x.at)
			p[x.side] = append(p[x.side], x)
		}
	}
	// The label goes to the end whose box side is less busy, so that hubs
	// stay small; on a tie, to the destination.
	for _, e := range l.edges {
		ns, nd := len(l.portsOf(e.src.at)[e.src.side]), len(l.portsOf(e.dst.at)[e.dst.side])
		lab := e.dst
		if ns < nd {
			lab = e.src
		}
		lab.labelled = true
		lab.slotH = e.labelH + 4
		other := e.src
		if lab == e.src {
			other = e.dst
		}
		other.slotH = portGap
	}
}

// allSides returns every port list, zones first, in a fixed order.
func (l *layout) allSides() [][]*end {
	var out [][]*end
	for _, g := range l.groups {
		out = append(out, g.ports[left], g.ports[right])
	}
	for _, n := range l.nodes {
		out = append(out, n.ports[left], n.ports[right])
	}
	return out
}

// sortEnds orders the ports of one box side by the position of their other
// ends, which removes most crossings next to the box.
func sortEnds(p []*end) {
	slices.SortStableFunc(p, func(a, b *end) int {
		if a.order != b.order {
			if a.order < b.order {
				return -1
			}
			return 1
		}
		return a.e.idx - b.e.idx
	})
}

// slots returns the total height of the port slots of one side.
func slots(p []*end) float64 {
	var h float64
	for _, x := range p {
		h += x.slotH
	}
	return h
}

// wrapTexts wraps the names, CIDRs, kinds and addresses of zones and nodes.
func (l *layout) wrapTexts() {
	for _, g := range l.groups {
		g.text = wrap(g.box.Label, zoneFont, true, zoneMaxText, 2)
		g.sub = wrap(g.box.Sublabel, subFont, false, zoneMaxText, 2)
	}
	for i, nd := range l.nodes {
		nd.text = wrap(nd.box.Label, nodeFont, true, nodeMaxText, 3)
		n := &l.s.Network.Nodes[i]
		if n.Kind != "" {
			nd.sub = append(nd.sub, wrap(l.kindName(n.Kind), subFont, false, nodeMaxText, 1)...)
		}
		var addr []string
		for j, a := range n.Addresses {
			w := wrap(a.String(), subFont, false, nodeMaxText, 2)
			if len(addr)+len(w) > 4 {
				addr = append(addr, l.m.Format("diagram.more_addresses", len(n.Addresses)-j))
				break
			}
			addr = append(addr, w...)
		}
		nd.sub = append(nd.sub, addr...)
		if nd.box.Variants != "" {
			nd.sub = append(nd.sub, wrap(l.m.Format("diagram.only_variants", nd.box.Variants), subFont, false, nodeMaxText, 2)...)
		}
	}
}

// sizeColumns computes the width of the columns and of their node boxes.
func (l *layout) sizeColumns() {
	l.colW = make([]float64, len(l.cols))
	l.nodeW = make([]float64, len(l.cols))
	for c, col := range l.cols {
		w := float64(nodeMinW)
		for _, gi := range col {
			for _, ni := range l.groups[gi].nodes {
				nd := l.nodes[ni]
				for _, s := range nd.text {
					w = max(w, TextWidth(s, nodeFont, true)+2*nodePadX)
				}
				for _, s := range nd.sub {
					w = max(w, TextWidth(s, subFont, false)+2*nodePadX)
				}
			}
		}
		l.nodeW[c] = w
		cw := w + 2*zonePadX
		for _, gi := range col {
			g := l.groups[gi]
			for _, s := range g.text {
				cw = max(cw, TextWidth(s, zoneFont, true)+2*zonePadX)
			}
			for _, s := range g.sub {
				cw = max(cw, TextWidth(s, subFont, false)+2*zonePadX)
			}
		}
		l.colW[c] = cw
	}
}

// textH is the height the text of a node box needs.
func (nd *node) textH() float64 {
	h := float64(len(nd.text))*nodeLineH + 2*nodePadY
	if len(nd.sub) > 0 {
		h += 3 + float64(len(nd.sub))*subLineH
	}
	return h
}

// headerH is the height of a zone's name and CIDR lines.
func (g *group) headerH() float64 {
	return zonePadTop + float64(len(g.text))*nodeLineH + float64(len(g.sub))*subLineH + 8
}

// vertical places zones, nodes and port slots from top to bottom, each
// column centred on the tallest, and sets the sort key of every port to the
// y of its other end for the next pass.
func (l *layout) vertical() {
	colH := make([]float64, len(l.cols))
	for c, col := range l.cols {
		y := 0.0
		for _, gi := range col {
			g := l.groups[gi]
			g.box.Y = y
			cur := y + g.headerH()
			for k, ni := range g.nodes {
				nd := l.nodes[ni]
				if k > 0 {
					cur += nodeGap
				}
				nd.box.Y = cur
				nd.box.H = max(nd.textH(), slots(nd.ports[left])+2*portPad, slots(nd.ports[right])+2*portPad)
				cur += nd.box.H
			}
			if zh := max(slots(g.ports[left]), slots(g.ports[right])); zh > 0 {
				g.portTop = cur + portPad
				cur = g.portTop + zh
			} else {
				g.portTop = 0
			}
			g.box.H = max(cur+zonePadBot-y, 40)
			y += g.box.H + zoneGap
		}
		colH[c] = y - zoneGap
	}
	l.height = slices.Max(colH)
	for c, col := range l.cols {
		top := margin + snap((l.height-colH[c])/2)
		for _, gi := range col {
			g := l.groups[gi]
			g.box.Y += top
			g.portTop += top
			for _, ni := range g.nodes {
				l.nodes[ni].box.Y += top
			}
		}
	}
	for _, g := range l.groups {
		for _, p := range g.ports {
			placeSlots(p, g.portTop)
		}
	}
	for _, nd := range l.nodes {
		for _, p := range nd.ports {
			placeSlots(p, nd.box.Y+snap((nd.box.H-slots(p))/2))
		}
	}
	for _, e := range l.edges {
		e.src.order, e.dst.order = e.dst.y, e.src.y
		if e.sameCol {
			// A loop runs nearest the column: its ports go to the end of
			// the side it turns to, the shortest loop outermost.
			e.src.order, e.dst.order = loopOrder(e.src.y, e.dst.y), loopOrder(e.dst.y, e.src.y)
		}
	}
}

// loopOrder is the sort key of a loop's port at y whose other end is at
// other: ports of loops going down come last, those going up first.
func loopOrder(y, other float64) float64 {
	if other > y {
		return 1e9 - other
	}
	return -1e9 - other
}

// width returns the width of the laid-out diagram without the legend.
func (l *layout) width() float64 {
	n := len(l.cols)
	return l.chX[n] + l.chW[n] + margin
}

// placeSlots stacks the port slots of one side from y down. A labelled
// port's line runs under its label at the bottom of the slot; an unlabelled
// one in the middle.
func placeSlots(p []*end, y float64) {
	for _, x := range p {
		if x.labelled {
			x.y = y + x.e.labelH + 2
		} else {
			x.y = y + x.slotH/2
		}
		y += x.slotH
	}
}

// snap rounds v to half units, so that coordinates print exactly.
func snap(v float64) float64 { return math.Round(v*2) / 2 }

// Package firewall evaluates a spec's firewall rules the way a firewall
// does: as an ordered list in which the first rule that matches a packet
// decides. It answers two questions for package check, in time close to
// linear in the number of rules and streams:
//
//   - Decide: which rule first matches each part of a data stream's traffic
//     (and so whether the stream gets through);
//   - Shadowed: whether a rule is ever reached, or earlier rules match all
//     of its traffic.
//
// Traffic is described by its end-points (nodes or zones; a rule end-point
// may be a node, a zone or "any"), its transport, its source ports and its
// destination ports (for ICMP, its message types). A rule matches traffic
// when each of its end-points covers the traffic's (any covers everything, a
// zone covers its nodes), its protocol is the traffic's or any, its source
// ports cover the traffic's when both state them, and its destination ports
// (or ICMP types) overlap the traffic's.
//
//	fw := firewall.New(s)
//	for _, leg := range firewall.Legs(s.DataStreams[i]) {
//		for _, seg := range fw.Decide(leg) {
//			// seg.Rule is the index of the deciding rule, or -1
//		}
//	}
package firewall

import (
	"container/heap"
	"slices"
	"sort"
	"strings"

	"github.com/docgen/docgen/generator/spec"
)

// MaxPort is the highest port; ICMP types are numbered from 0 in the same
// space.
const MaxPort = 65535

// Leg is one direction of a data stream's traffic.
type Leg struct {
	Source, Destination string
	Transport           spec.Transport
	// SourcePorts are the source ports, empty when not stated.
	SourcePorts spec.Ports
	// Ports are the destination ports (for ICMP: the type numbers, see
	// ICMPRanges); empty means all.
	Ports spec.Ports
}

// Segment is a range of a leg's destination ports (or ICMP types) with the
// rule that first matches it.
type Segment struct {
	Lo, Hi int
	// Rule is the index of the first matching rule, or -1 when no rule
	// matches.
	Rule int
}

// Legs returns the traffic of a data stream: one leg from source to
// destination, and for a stream opened from both ends a second leg back to
// the source's port (source_port), each from source ports not stated. Streams that pass no IP firewall (non-IP links, streams
// inside one node, streams carried in a tunnel) have none.
func Legs(ds spec.DataStream) []Leg {
	if !ds.Transport.IsIP() || ds.Tunnel != "" || ds.Source == ds.Destination {
		return nil
	}
	ports := ds.Port
	if ds.Transport.IsICMP() {
		ports = ICMPRanges(ds.ICMPTypes)
	}
	if ds.Direction != spec.BothWays {
		return []Leg{{Source: ds.Source, Destination: ds.Destination, Transport: ds.Transport, SourcePorts: ds.SourcePort, Ports: ports}}
	}
	// Opened from both ends, each end listens on its port (port at the
	// destination, source_port at the source) and opens connections from a
	// port the spec does not state: a rule may give any source ports.
	there := Leg{Source: ds.Source, Destination: ds.Destination, Transport: ds.Transport, Ports: ports}
	back := Leg{Source: ds.Destination, Destination: ds.Source, Transport: ds.Transport, Ports: ds.SourcePort}
	if ds.Transport.IsICMP() {
		back.Ports = ports
	}
	return []Leg{there, back}
}

// SegmentPorts shows the destination ports of a segment of leg: "104",
// "49152-65535", or for ICMP the names of the message types.
func SegmentPorts(leg Leg, seg Segment) string {
	if leg.Transport.IsICMP() {
		all := spec.ICMPType("").EnumValues()
		var names []string
		for k := seg.Lo; k <= seg.Hi && k < len(all); k++ {
			names = append(names, all[k])
		}
		return strings.Join(names, ", ")
	}
	return spec.PortRange{Lo: seg.Lo, Hi: seg.Hi}.String()
}

// ICMPRanges maps ICMP types to ranges of their index among the known
// types; no types means all of them.
func ICMPRanges(types []spec.ICMPType) spec.Ports {
	all := spec.ICMPType("").EnumValues()
	if len(types) == 0 {
		return spec.Ports{{Lo: 0, Hi: len(all) - 1}}
	}
	var out spec.Ports
	for _, t := range types {
		if i := slices.Index(all, string(t)); i >= 0 {
			out = append(out, spec.PortRange{Lo: i, Hi: i})
		}
	}
	return out
}

// Set is the ordered rule set of a spec, indexed for matching.
type Set struct {
	rules  []spec.FirewallRule
	zoneOf map[string]string // node id -> zone id
	zones  map[string]bool
	// buckets index the rules by source, destination and protocol as
	// written: the only rules that can match traffic are in the buckets of
	// the traffic's end-points (their zones, any) and protocol (any).
	buckets map[bucketKey]*bucket
	// chains are the distinct chains of the rules, in first-seen order.
	chains []chain
}

type bucketKey struct {
	src, dst string
	proto    spec.Transport
	// chain is the rule's direction and interface: rules of different
	// chains filter at different places and never shadow one another.
	chain chain
}

// chain is where a rule filters: its direction and interface.
type chain struct {
	direction spec.RuleDirection
	iface     string
}

// bucket holds the rules of one bucket, grouped by their source ports:
// sources[i] is a distinct source-port set, maps[i] the port map of its
// rules.
type bucket struct {
	sources []spec.Ports
	maps    []*portMap
}

// New indexes the firewall rules of s.
func New(s *spec.Spec) *Set {
	fs := &Set{rules: s.FirewallRules, zoneOf: map[string]string{}, zones: map[string]bool{}, buckets: map[bucketKey]*bucket{}}
	for _, z := range s.Network.Zones {
		fs.zones[z.ID] = true
	}
	for _, n := range s.Network.Nodes {
		fs.zoneOf[n.ID] = n.Zone
	}
	type group struct {
		key    bucketKey
		source int // index into the bucket's sources
	}
	pending := map[group][]ruleRange{}
	for i, r := range s.FirewallRules {
		proto := r.Protocol
		if proto == "" {
			proto = spec.AnyProtocol
		}
		ch := chain{r.Direction, r.Interface}
		if !slices.Contains(fs.chains, ch) {
			fs.chains = append(fs.chains, ch)
		}
		k := bucketKey{r.Source, r.Destination, proto, ch}
		b, ok := fs.buckets[k]
		if !ok {
			b = &bucket{}
			fs.buckets[k] = b
		}
		src := slices.IndexFunc(b.sources, func(p spec.Ports) bool { return slices.Equal(p, r.SourcePorts) })
		if src < 0 {
			b.sources = append(b.sources, r.SourcePorts)
			b.maps = append(b.maps, nil)
			src = len(b.sources) - 1
		}
		g := group{k, src}
		for _, pr := range rulePorts(r) {
			pending[g] = append(pending[g], ruleRange{lo: pr.Lo, hi: pr.Hi, rule: i})
		}
	}
	for _, b := range fs.buckets {
		for i := range b.maps {
			b.maps[i] = &portMap{}
		}
	}
	for g, rr := range pending {
		fs.buckets[g.key].maps[g.source] = lowerEnvelope(rr)
	}
	return fs
}

// rulePorts returns the destination ports a rule matches: its ports, all
// ports when it names none, ICMP types for ICMP.
func rulePorts(r spec.FirewallRule) spec.Ports {
	if r.Protocol.IsICMP() {
		return ICMPRanges(r.ICMPTypes)
	}
	if len(r.Ports) == 0 || !r.Protocol.HasPorts() {
		return spec.Ports{{Lo: 0, Hi: MaxPort}}
	}
	return r.Ports
}

// Rule returns rule i.
func (fs *Set) Rule(i int) spec.FirewallRule { return fs.rules[i] }

// covering returns the rule end-points that can cover the end-point e:
// e itself, its zone, and any.
func (fs *Set) covering(e string) []string {
	out := []string{e}
	if z, ok := fs.zoneOf[e]; ok && z != "" && z != e {
		out = append(out, z)
	}
	if e != spec.AnyEndpoint {
		out = append(out, spec.AnyEndpoint)
	}
	return out
}

// protocols returns the rule protocols that can cover transport t.
func protocols(t spec.Transport) []spec.Transport {
	if t == "" || t == spec.AnyProtocol {
		return []spec.Transport{spec.AnyProtocol}
	}
	return []spec.Transport{t, spec.AnyProtocol}
}

// sourceCovers reports whether rule source ports ruleSP cover traffic source
// ports sp: a rule without source ports covers everything, and traffic
// whose source ports are not stated is taken to match.
func sourceCovers(ruleSP, sp spec.Ports) bool {
	return len(ruleSP) == 0 || len(sp) == 0 || ruleSP.Covers(sp)
}

// maps returns the port maps of the rules that can match traffic from src
// to dst on transport t with source ports sp, in the given chains; strict
// keeps only rules whose source ports cover sp even when sp is not stated
// (for shadowing).
func (fs *Set) maps(src, dst string, t spec.Transport, sp spec.Ports, chains []chain, strict bool) []*portMap {
	var out []*portMap
	for _, s := range fs.covering(src) {
		for _, d := range fs.covering(dst) {
			for _, p := range protocols(t) {
				for _, ch := range chains {
					out = fs.bucketMaps(out, bucketKey{s, d, p, ch}, sp, strict)
				}
			}
		}
	}
	return out
}

// bucketMaps appends the port maps of bucket k whose rules' source ports
// can cover sp.
func (fs *Set) bucketMaps(out []*portMap, k bucketKey, sp spec.Ports, strict bool) []*portMap {
	b, ok := fs.buckets[k]
	if !ok {
		return out
	}
	for i, rsp := range b.sources {
		covers := sourceCovers(rsp, sp)
		if strict {
			covers = len(rsp) == 0 || (len(sp) > 0 && rsp.Covers(sp))
		}
		if covers {
			out = append(out, b.maps[i])
		}
	}
	return out
}

// Decide returns, for each part of the leg's destination ports, the rule
// that first matches it, in port order.
func (fs *Set) Decide(leg Leg) []Segment {
	ports := leg.Ports
	if len(ports) == 0 {
		ports = spec.Ports{{Lo: 0, Hi: MaxPort}}
	}
	return firstMatch(fs.maps(leg.Source, leg.Destination, leg.Transport, leg.SourcePorts, fs.chains, false), ports)
}

// Shadowed returns the rules that first match the traffic of rule i where
// it overlaps with them, when earlier rules match all of rule i's traffic:
// rule i is then never reached. It returns nil when rule i decides some of
// its traffic itself.
func (fs *Set) Shadowed(i int) []int {
	r := fs.rules[i]
	segs := firstMatch(fs.maps(r.Source, r.Destination, r.Protocol, r.SourcePorts, []chain{{r.Direction, r.Interface}}, true), rulePorts(r))
	var by []int
	for _, s := range segs {
		if s.Rule < 0 || s.Rule >= i {
			return nil
		}
		if !slices.Contains(by, s.Rule) {
			by = append(by, s.Rule)
		}
	}
	slices.Sort(by)
	return by
}

// firstMatch combines port maps: for each part of ports, the smallest rule
// index any map gives it.
func firstMatch(maps []*portMap, ports spec.Ports) []Segment {
	var out []Segment
	for _, pr := range ports {
		// Collect the boundaries of every map's intervals within pr.
		cuts := []int{pr.Lo, pr.Hi + 1}
		for _, m := range maps {
			for _, iv := range m.within(pr.Lo, pr.Hi) {
				cuts = append(cuts, max(iv.lo, pr.Lo), min(iv.hi, pr.Hi)+1)
			}
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		for k := 0; k+1 < len(cuts); k++ {
			lo, hi := cuts[k], cuts[k+1]-1
			best := -1
			for _, m := range maps {
				if r := m.at(lo); r >= 0 && (best < 0 || r < best) {
					best = r
				}
			}
			if n := len(out); n > 0 && out[n-1].Rule == best && out[n-1].Hi+1 == lo {
				out[n-1].Hi = hi
			} else {
				out = append(out, Segment{Lo: lo, Hi: hi, Rule: best})
			}
		}
	}
	return out
}

// ruleRange is a range of ports a rule matches.
type ruleRange struct {
	lo, hi, rule int
}

// portMap gives, for each port, the first rule of a group that matches it:
// sorted, disjoint intervals, each with its rule.
type portMap struct {
	ivs []ruleRange
}

// lowerEnvelope builds the port map of ranges: at each port the smallest
// rule index of the ranges that hold it. It sorts the ranges' ends and
// sweeps them once, so it takes O(n log n).
func lowerEnvelope(rr []ruleRange) *portMap {
	type event struct {
		pos   int
		open  bool
		rule  int
		index int
	}
	events := make([]event, 0, 2*len(rr))
	for i, r := range rr {
		events = append(events, event{pos: r.lo, open: true, rule: r.rule, index: i}, event{pos: r.hi + 1, open: false, rule: r.rule, index: i})
	}
	sort.Slice(events, func(a, b int) bool { return events[a].pos < events[b].pos })
	active := &ruleHeap{}
	closed := map[int]int{} // range index -> times closed, for lazy deletion
	m := &portMap{}
	for k := 0; k < len(events); {
		pos := events[k].pos
		for ; k < len(events) && events[k].pos == pos; k++ {
			e := events[k]
			if e.open {
				heap.Push(active, heapItem{e.rule, e.index})
			} else {
				closed[e.index]++
			}
		}
		for active.Len() > 0 && closed[(*active)[0].index] > 0 {
			closed[(*active)[0].index]--
			heap.Pop(active)
		}
		if active.Len() == 0 {
			continue
		}
		best := (*active)[0].rule
		next := MaxPort + 1
		if k < len(events) {
			next = events[k].pos
		}
		if next <= pos {
			continue
		}
		if n := len(m.ivs); n > 0 && m.ivs[n-1].rule == best && m.ivs[n-1].hi+1 == pos {
			m.ivs[n-1].hi = next - 1
		} else {
			m.ivs = append(m.ivs, ruleRange{lo: pos, hi: next - 1, rule: best})
		}
	}
	return m
}

// within returns the intervals that overlap lo..hi.
func (m *portMap) within(lo, hi int) []ruleRange {
	i := sort.Search(len(m.ivs), func(i int) bool { return m.ivs[i].hi >= lo })
	j := i
	for j < len(m.ivs) && m.ivs[j].lo <= hi {
		j++
	}
	return m.ivs[i:j]
}

// at returns the rule at port p, or -1.
func (m *portMap) at(p int) int {
	i := sort.Search(len(m.ivs), func(i int) bool { return m.ivs[i].hi >= p })
	if i < len(m.ivs) && m.ivs[i].lo <= p {
		return m.ivs[i].rule
	}
	return -1
}

// ruleHeap is a min-heap of active ranges by rule index, for
// container/heap.
type ruleHeap []heapItem

type heapItem struct{ rule, index int }

func (h ruleHeap) Len() int           { return len(h) }
func (h ruleHeap) Less(a, b int) bool { return h[a].rule < h[b].rule }
func (h ruleHeap) Swap(a, b int)      { h[a], h[b] = h[b], h[a] }
func (h *ruleHeap) Push(x any)        { *h = append(*h, x.(heapItem)) }
func (h *ruleHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

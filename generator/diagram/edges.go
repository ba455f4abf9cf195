package diagram

import (
	"errors"
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
)

// unencrypted lists the encryption values that mean "no encryption", as in
// the NET-CLEARTEXT rule of the catalogs.
var unencrypted = []string{"", "none", "no", "cleartext", "plaintext"}

// labelEntry is one protocol of an edge label: its first line, and the
// lines that follow it (the protocols a tunnel carries, the variants).
type labelEntry struct {
	key   string
	proto string
	parts []string // transport/port parts
	extra []string
}

// buildEdges merges the data streams into edges by source, destination,
// direction, encryption and state, in stream order. A stream carried in a
// tunnel becomes part of the label of the stream that carries it; a stream
// that stays inside one host is kept apart, for the text description only.
func (l *layout) buildEdges() error {
	streams := l.s.DataStreams
	byID := map[string]int{}
	for i, ds := range streams {
		if _, dup := byID[ds.ID]; !dup && ds.ID != "" {
			byID[ds.ID] = i
		}
	}
	carriers := make([]int, len(streams))
	carried := map[int][]string{} // carrier index → inner protocols
	for i := range streams {
		c := carrierOf(streams, byID, i)
		carriers[i] = c
		if c >= 0 {
			p := streamProto(streams[i])
			if !slices.Contains(carried[c], p) {
				carried[c] = append(carried[c], p)
			}
		}
	}
	byKey := map[edgeKey]*edge{}
	internal := map[edgeKey]*edge{}
	for i, ds := range streams {
		if carriers[i] >= 0 {
			continue
		}
		src, ok1 := l.ids[ds.Source]
		dst, ok2 := l.ids[ds.Destination]
		if !ok1 || !ok2 {
			bad := ds.Source
			if ok1 {
				bad = ds.Destination
			}
			return errors.New(msg.Format("diagram.unknown_endpoint", ds.ID, bad))
		}
		k := edgeKey{
			src: src, dst: dst,
			unencrypted: slices.Contains(unencrypted, strings.ToLower(strings.TrimSpace(ds.Encryption))),
			optional:    isOptional(ds),
			both:        ds.Direction == spec.BothWays,
		}
		list, index := &l.edges, byKey
		if l.sameHost(src, dst) {
			list, index = &l.internal, internal
		}
		e := index[k]
		if e == nil {
			e = &edge{idx: len(*list), key: k, out: Edge{
				ID: ds.ID, From: ds.Source, To: ds.Destination, Unencrypted: k.unencrypted, Optional: k.optional,
				ArrowAtEnd: true, ArrowAtStart: k.both, Color: edgeColors[len(*list)%len(edgeColors)],
			}}
			index[k] = e
			*list = append(*list, e)
		}
		e.out.Streams = append(e.out.Streams, ds.ID)
		e.out.Names = append(e.out.Names, orID(ds.Name, ds.ID))
		e.add(l.m, ds, carried[i], l.variantNames(ds.Variants))
	}
	for _, e := range append(slices.Clip(l.edges), l.internal...) {
		e.wrapLabel()
	}
	return nil
}

// carrierOf returns the index of the outermost stream that carries stream
// i through its tunnel chain, or -1 when it is carried by none (or the
// chain loops, which spec.Load reports).
func carrierOf(streams []spec.DataStream, byID map[string]int, i int) int {
	c := -1
	seen := map[int]bool{i: true}
	for t := streams[i].Tunnel; t != ""; t = streams[c].Tunnel {
		k, ok := byID[t]
		if !ok {
			break
		}
		if seen[k] {
			return -1
		}
		seen[k] = true
		c = k
	}
	return c
}

// isOptional reports whether a stream is not always there: off as
// delivered (default_enabled: false) or conditional (condition).
func isOptional(ds spec.DataStream) bool {
	return (ds.DefaultEnabled != nil && !*ds.DefaultEnabled) || !spec.IsPlaceholder(ds.Condition.Value)
}

// streamProto is the protocol a stream's label shows: its protocol, else
// its name or id.
func streamProto(ds spec.DataStream) string {
	if p := strings.TrimSpace(ds.Protocol); p != "" {
		return p
	}
	return orID(ds.Name, ds.ID)
}

// add puts a stream into the label of e: streams with the same protocol,
// tunnel contents and variants share a line, with their transports and
// ports joined.
func (e *edge) add(m *msg.Set, ds spec.DataStream, inner []string, variants string) {
	proto := streamProto(ds)
	var extra []string
	if len(inner) > 0 {
		extra = append(extra, m.Format("diagram.carries", strings.Join(inner, ", ")))
	}
	if variants != "" {
		extra = append(extra, m.Format("diagram.only_variants", variants))
	}
	key := proto + "\x00" + strings.Join(extra, "\x00")
	i := slices.IndexFunc(e.entries, func(x *labelEntry) bool { return x.key == key })
	if i < 0 {
		i = len(e.entries)
		e.entries = append(e.entries, &labelEntry{key: key, proto: proto, extra: extra})
	}
	x := e.entries[i]
	if p := transportPart(ds); p != "" && !slices.Contains(x.parts, p) {
		x.parts = append(x.parts, p)
	}
}

// wrapLabel sets the label text of e and wraps it into lines.
func (e *edge) wrapLabel() {
	var full []string
	for _, x := range e.entries {
		line, glued := x.proto, x.proto
		if len(x.parts) > 0 {
			rest := strings.Join(x.parts, ", ")
			line += " · " + rest
			glued += string(nbsp) + "· " + rest // never start a line with the dot
		}
		full = append(full, line)
		e.lines = append(e.lines, wrap(glued, edgeFont, false, labelMaxW, 3)...)
		for _, s := range x.extra {
			full = append(full, s)
			e.lines = append(e.lines, wrap(s, edgeFont, false, labelMaxW, 3)...)
		}
	}
	e.out.Label = strings.Join(full, "\n")
	for _, s := range e.lines {
		e.labelW = max(e.labelW, TextWidth(s, edgeFont, false))
	}
	e.labelW += 2 * labelPad
	e.labelH = float64(len(e.lines))*subLineH + 2*labelPad
}

// sameHost reports whether a stream between a and b stays inside one host:
// it joins a node or zone to itself, or two nodes that share an IP address
// or host name.
func (l *layout) sameHost(a, b ref) bool {
	if a == b {
		return true
	}
	if a.zone || b.zone {
		return false
	}
	hosts := func(n spec.Node) []string {
		var out []string
		for _, ad := range n.Addresses {
			t := strings.ToLower(strings.TrimSpace(ad.Text))
			if t == "" || t == "dhcp" || (ad.Prefix.IsValid() && !ad.Prefix.IsSingleIP()) {
				continue
			}
			out = append(out, t)
		}
		return out
	}
	ha, hb := hosts(l.s.Network.Nodes[a.idx]), hosts(l.s.Network.Nodes[b.idx])
	return slices.ContainsFunc(ha, func(h string) bool { return slices.Contains(hb, h) })
}

// variantNames names the variants of ids, by name where the spec gives
// one, comma-separated; "" when ids is empty (all variants).
func (l *layout) variantNames(ids []string) string {
	var out []string
	for _, id := range ids {
		name := id
		for _, v := range l.s.Variants {
			if v.ID == id && strings.TrimSpace(v.Name) != "" {
				name = v.Name
				break
			}
		}
		out = append(out, name)
	}
	return strings.Join(out, ", ")
}

// transportPart formats the transport and ports of a stream: "tcp/2762",
// "udp/53", "bluetooth-le".
func transportPart(ds spec.DataStream) string {
	t := strings.TrimSpace(string(ds.Transport))
	switch {
	case len(ds.Port) == 0:
		return t
	case t == "":
		return ds.Port.String()
	}
	return t + "/" + ds.Port.String()
}

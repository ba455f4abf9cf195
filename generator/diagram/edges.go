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

// buildEdges merges the data streams into edges by source, destination and
// encryption, in stream order.
func (l *layout) buildEdges() error {
	byKey := map[edgeKey]*edge{}
	for _, ds := range l.s.DataStreams {
		src, ok1 := l.ids[ds.Source]
		dst, ok2 := l.ids[ds.Destination]
		if !ok1 || !ok2 {
			bad := ds.Source
			if ok1 {
				bad = ds.Destination
			}
			return errors.New(msg.Format("diagram.unknown_endpoint", ds.ID, bad))
		}
		dashed := slices.Contains(unencrypted, strings.ToLower(strings.TrimSpace(ds.Encryption)))
		k := edgeKey{src, dst, dashed}
		e := byKey[k]
		if e == nil {
			e = &edge{idx: len(l.edges), key: k, out: Edge{
				ID: ds.ID, From: ds.Source, To: ds.Destination, Dashed: dashed, ArrowAtEnd: true,
				Color: edgeColors[len(l.edges)%len(edgeColors)],
			}}
			byKey[k] = e
			l.edges = append(l.edges, e)
		}
		e.out.Streams = append(e.out.Streams, ds.ID)
		e.out.Names = append(e.out.Names, orID(ds.Name, ds.ID))
		proto := strings.TrimSpace(ds.Protocol)
		if proto == "" {
			proto = orID(ds.Name, ds.ID)
		}
		i := slices.Index(e.protos, proto)
		if i < 0 {
			i = len(e.protos)
			e.protos = append(e.protos, proto)
			e.parts = append(e.parts, nil)
		}
		if p := transportPart(ds); p != "" && !slices.Contains(e.parts[i], p) {
			e.parts[i] = append(e.parts[i], p)
		}
	}
	for _, e := range l.edges {
		var full []string
		for i, p := range e.protos {
			line, glued := p, p
			if len(e.parts[i]) > 0 {
				rest := strings.Join(e.parts[i], ", ")
				line += " · " + rest
				glued += string(nbsp) + "· " + rest // never start a line with the dot
			}
			full = append(full, line)
			e.lines = append(e.lines, wrap(glued, edgeFont, false, labelMaxW, 3)...)
		}
		e.out.Label = strings.Join(full, "\n")
		for _, s := range e.lines {
			e.labelW = max(e.labelW, TextWidth(s, edgeFont, false))
		}
		e.labelW += 2 * labelPad
		e.labelH = float64(len(e.lines))*subLineH + 2*labelPad
	}
	return nil
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

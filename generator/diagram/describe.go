package diagram

import (
	"strings"

	"github.com/docgen/docgen/generator/msg"
)

// Describe returns a text description of what d shows, for readers who
// cannot see it (the text alternative of the diagram in every format): each
// zone with its address ranges and the nodes in it, marking those the
// manufacturer supplies and those of some variants only; then each arrow
// with its ends, protocols (and what a tunnel carries), encryption,
// direction and state; then the streams that stay inside one host, which
// are not drawn. It is made from the same Diagram as the drawing, in the
// drawing's order, so it states the same elements.
func (d *Diagram) Describe() string {
	m := msg.For(d.Lang)
	label := map[string]string{}
	for _, z := range d.Zones {
		label[z.ID] = z.Label
	}
	for _, n := range d.Nodes {
		label[n.ID] = n.Label
	}
	var parts []string
	for _, z := range d.Zones {
		var nodes []string
		for _, n := range d.Nodes {
			if n.Zone != z.ID {
				continue
			}
			var details []string
			if n.Sublabel != "" {
				details = append(details, n.Sublabel)
			}
			if n.Supplied {
				details = append(details, m.Get("diagram.describe.supplied"))
			}
			if n.Variants != "" {
				details = append(details, m.Format("diagram.only_variants", n.Variants))
			}
			node := n.Label
			if len(details) > 0 {
				node = m.Format("diagram.describe.node", n.Label, strings.Join(details, "; "))
			}
			nodes = append(nodes, node)
		}
		name := z.Label
		if z.Sublabel != "" {
			name = m.Format("diagram.describe.zone_cidrs", z.Label, z.Sublabel)
		}
		if len(nodes) == 0 {
			parts = append(parts, m.Format("diagram.describe.zone_empty", name))
			continue
		}
		parts = append(parts, m.Format("diagram.describe.zone", name, strings.Join(nodes, "; ")))
	}
	for _, e := range d.Edges {
		f := Flow{From: e.From, To: e.To, Label: e.Label, Unencrypted: e.Unencrypted, Optional: e.Optional, BothWays: e.ArrowAtStart}
		parts = append(parts, m.Format("diagram.describe.stream", label[f.From], label[f.To], f.protocols(), f.attributes(m)))
	}
	for _, f := range d.Internal {
		if f.From == f.To {
			parts = append(parts, m.Format("diagram.describe.internal", label[f.From], f.protocols(), f.attributes(m)))
			continue
		}
		parts = append(parts, m.Format("diagram.describe.internal_hosts", label[f.From], label[f.To], f.protocols(), f.attributes(m)))
	}
	return strings.Join(parts, " ")
}

// protocols returns the label lines of f in one line.
func (f Flow) protocols() string {
	return strings.Join(strings.Split(f.Label, "\n"), "; ")
}

// attributes says in words what the line style and arrowheads of f show.
func (f Flow) attributes(m *msg.Set) string {
	enc := "diagram.describe.encrypted"
	if f.Unencrypted {
		enc = "diagram.describe.unencrypted"
	}
	out := []string{m.Get(enc)}
	if f.BothWays {
		out = append(out, m.Get("diagram.describe.both_ways"))
	}
	if f.Optional {
		out = append(out, m.Get("diagram.describe.optional"))
	}
	return strings.Join(out, ", ")
}

package diagram

import (
	"strings"

	"github.com/docgen/docgen/generator/msg"
)

// Describe returns a text description of what d shows, for readers who
// cannot see it (the alternative text of the diagram in a tagged PDF): each
// zone with its address ranges and the nodes in it, then each arrow with
// its source, destination, protocols and whether it is encrypted. It lists
// the same facts as the drawing, in the drawing's order.
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
			node := n.Label
			if n.Sublabel != "" {
				node = m.Format("diagram.describe.node", n.Label, n.Sublabel)
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
		key := "diagram.describe.stream"
		if e.Dashed {
			key = "diagram.describe.stream_plain"
		}
		protocols := strings.Join(strings.Split(e.Label, "\n"), "; ")
		parts = append(parts, m.Format(key, label[e.From], label[e.To], protocols))
	}
	return strings.Join(parts, " ")
}

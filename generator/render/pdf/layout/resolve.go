package layout

import "strconv"

// Target is where an anchor landed: its page (1-based) and height.
type Target struct {
	Page int
	Y    float64
}

// Anchors returns the position of every [Anchor] in pages by name; of
// anchors with the same name the first counts.
func Anchors(pages []*Page) map[string]Target {
	m := map[string]Target{}
	for n, p := range pages {
		for _, op := range p.Ops {
			if a, ok := op.(Anchor); ok {
				if _, dup := m[a.Name]; !dup {
					m[a.Name] = Target{Page: n + 1, Y: a.Y}
				}
			}
		}
	}
	return m
}

// ResolveRefs fills in the page and height of internal [Link]s (those
// without URL and File) and replaces
// each [PageRef] by the page number as [Text], using the anchors of pages.
// Links to unknown anchors are removed; their names are returned, each
// once, in order of appearance. A page reference to an unknown anchor
// becomes "?".
func ResolveRefs(pages []*Page) (unknown []string) {
	anchors := Anchors(pages)
	seen := map[string]bool{}
	for _, p := range pages {
		ops := p.Ops[:0]
		for _, op := range p.Ops {
			switch o := op.(type) {
			case Link:
				if o.URL == "" && o.File == "" {
					t, ok := anchors[o.Dest]
					if !ok {
						if !seen[o.Dest] {
							seen[o.Dest] = true
							unknown = append(unknown, o.Dest)
						}
						continue
					}
					o.Page, o.DestY = t.Page, t.Y
					op = o
				}
			case PageRef:
				s := "?"
				if t, ok := anchors[o.Dest]; ok {
					s = strconv.Itoa(t.Page)
				}
				op = Text{X: o.X - o.Face.Width(s, o.Size), Y: o.Y, Face: o.Face, Size: o.Size, Color: o.Color, S: s, Tag: o.Tag}
			}
			ops = append(ops, op)
		}
		p.Ops = ops
	}
	return unknown
}

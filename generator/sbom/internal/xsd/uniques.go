package xsd

// uniqueCheck checks the xs:unique constraints of a root element on the
// elements below it, one by one in document order. It serves both the
// validation of a whole tree ([Schema.Validate]) and that of a stream,
// where the elements it has seen may have been let go: it keeps the place
// of each first value, not the element.
type uniqueCheck struct {
	seen   []uniqueSeen
	walker Walker
}

// uniqueSeen tracks one xs:unique constraint: the place of the first
// element with each value.
type uniqueSeen struct {
	u     unique
	first map[string]place
}

// place locates an element that may have been let go: the element path of
// at followed by rel, the path below it.
type place struct {
	at  *Node
	rel string
}

// newUniqueCheck returns the check of the constraints of the root element
// declared by d, or nil if there are none.
func newUniqueCheck(d *elementDecl) *uniqueCheck {
	if d == nil || len(d.uniques) == 0 {
		return nil
	}
	c := &uniqueCheck{}
	for _, u := range d.uniques {
		c.seen = append(c.seen, uniqueSeen{u: u, first: map[string]place{}})
	}
	return c
}

// see checks n's values against those seen before it and adds an error to
// v for each duplicate; at gives n's place, asked for only when n holds the
// first of a value.
func (c *uniqueCheck) see(n *Node, at func() place, v *validator) {
	if c == nil {
		return
	}
	for i := range c.seen {
		us := &c.seen[i]
		val, ok := n.Attr(us.u.attr)
		if !ok {
			continue
		}
		if first, dup := us.first[val]; dup {
			v.add(Error{Node: n, Kind: Duplicate, Attr: us.u.attr, Value: Clip(val), first: first})
		} else {
			us.first[val] = at()
		}
	}
}

// walk sees top and its descendants, in document order; their places are
// top's path and the path below it.
func (c *uniqueCheck) walk(top *Node, v *validator) {
	if c == nil {
		return
	}
	c.walker.Walk(top, func(n *Node, rel func() string) {
		c.see(n, func() place { return place{at: top, rel: rel()} }, v)
	})
}

// fillWant sets the Want of the duplicate errors among errs: the path of
// the first element with the value. It is computed only for the errors
// kept, once the document has been read, so that the sibling counts in it
// are final.
func fillWant(errs []Error) {
	for i, e := range errs {
		if e.first.at != nil {
			errs[i].Want = e.first.at.Path() + e.first.rel
		}
	}
}

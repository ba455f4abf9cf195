package layout

// Item is an unbreakable box in a [Flow]: a line of text, a table row, an
// image. Its operations are relative to the top left corner of the content
// box of the page at the item's top.
type Item struct {
	// H is the height of the box.
	H float64
	// Ops draw the item.
	Ops []Op
	// Baseline is the distance from the top to the baseline of the item's
	// first line of text, where a list marker goes; 0 if unknown.
	Baseline float64
	// SpaceBefore is the gap above the item; it is dropped at the top of a
	// page and of a frame.
	SpaceBefore float64
	// KeepWithNext keeps the item on the same page as the next one (and so
	// on, along a chain of such items), unless the chain is taller than a
	// page.
	KeepWithNext bool
	// BreakBefore starts a new page before the item, unless the current
	// page is still empty.
	BreakBefore bool
	// Header is drawn above the item when a page break falls just before it:
	// the header row of the table the item is a row of.
	Header *Item
	// Split, if set, cuts the item so that its head fits in avail points:
	// used for an item taller than the room left on an empty page. It
	// returns a nil head when nothing fits.
	Split func(avail float64) (head, tail *Item)
	// Page, if set, places the item alone on a page of this template (a
	// fold-out figure); the flow continues on a new page.
	Page *Template
	// Tpl, if set, places the item on pages of this template instead of
	// the flow's (a wide table on pages turned to landscape): where it
	// changes from one item to the next, a new page starts.
	Tpl *Template

	// frame is set on the markers that open and close a frame.
	frame *Frame
	end   bool
}

// Frame is a background and left bar drawn behind a run of items, such as a
// block quote or a code block. Where the run crosses a page break, the
// frame is drawn in pieces, one per page.
type Frame struct {
	// X and W place the frame in the content box.
	X, W float64
	// Fill is the background, Border the outline, Bar the colour of a bar
	// BarWidth wide along the left edge; each may be None.
	Fill, Border, Bar Color
	BarWidth          float64
	// PadTop and PadBottom are the space between the frame's edges and its
	// first and last item.
	PadTop, PadBottom float64
}

// Flow is the content of a document, in reading order.
type Flow struct {
	items []*Item
}

// Add appends items.
func (f *Flow) Add(items ...*Item) { f.items = append(f.items, items...) }

// Open starts a frame around the items that follow, space points below the
// previous item. It returns the marker, whose BreakBefore may be set.
func (f *Flow) Open(fr *Frame, space float64) *Item {
	m := &Item{frame: fr, SpaceBefore: space}
	f.items = append(f.items, m)
	return m
}

// Close ends the frame fr, which must be the innermost open one.
func (f *Flow) Close(fr *Frame) { f.items = append(f.items, &Item{frame: fr, end: true}) }

// Len returns the number of entries in f (items and frame markers).
func (f *Flow) Len() int { return len(f.items) }

// ContentFrom returns the first item of f, at index i or later, that is not
// a frame marker, or nil.
func (f *Flow) ContentFrom(i int) *Item {
	for ; i < len(f.items); i++ {
		if f.items[i].frame == nil {
			return f.items[i]
		}
	}
	return nil
}

// KeptTail returns the items at the end of f that the next item added
// will be kept with: the last item if it is kept with the next, the one
// before it if that is kept with the last, and so on, not across frames.
func (f *Flow) KeptTail() []*Item {
	i := len(f.items)
	for i > 0 && f.items[i-1].frame == nil && f.items[i-1].KeepWithNext {
		i--
	}
	return f.items[i:]
}

// ContentSince returns the items of f, frame markers left out, from index
// i (a value of [Flow.Len]) on.
func (f *Flow) ContentSince(i int) []*Item {
	var out []*Item
	for ; i < len(f.items); i++ {
		if f.items[i].frame == nil {
			out = append(out, f.items[i])
		}
	}
	return out
}

// LastContent returns the last item of f that is not a frame marker, or
// nil.
func (f *Flow) LastContent() *Item {
	for i := len(f.items) - 1; i >= 0; i-- {
		if f.items[i].frame == nil {
			return f.items[i]
		}
	}
	return nil
}

// Keep sets the keep-with-next flags of a run of items (the lines of a
// paragraph, the rows of a table) so that a page break leaves at least two
// of them on either side: a run of up to three stays on one page, and a
// longer one breaks neither after its first item nor before its last.
func Keep(items []*Item) {
	n := len(items)
	for i := 0; i < n-1; i++ {
		if n <= 3 || i == 0 || i == n-2 {
			items[i].KeepWithNext = true
		}
	}
}

package layout

import "sort"

// Paginate distributes the items of flow over pages of template t and
// returns the pages. Items keep their order; page breaks fall between
// items, or inside an item taller than a page that can be split.
func Paginate(flow *Flow, t *Template) []*Page {
	p := &paginator{tpl: t, cur: t}
	items := flow.items
	for i := 0; i < len(items); i++ {
		it := items[i]
		switch {
		case it.frame != nil && !it.end:
			p.openFrame(items, i)
		case it.frame != nil:
			p.closeFrame()
		case it.Page != nil:
			p.ownPage(it)
		default:
			if tail := p.place(items, i); tail != nil {
				items = append(items[:i:i], append([]*Item{tail}, items[i+1:]...)...)
				i--
			}
		}
	}
	p.finish()
	return p.pages
}

type paginator struct {
	tpl   *Template // the template of ordinary pages
	cur   *Template // the template of the current page
	pages []*Page
	page  *Page // nil until something is placed on a new page
	y     float64
	// fresh is set while nothing but frame tops is on the page.
	fresh bool
	// afterOpen is set right after a frame opened.
	afterOpen bool
	open      []*openFrame
	segs      []segment
	fg        []Op
	// deferred are the items waiting for a page of their own.
	deferred []*Item
}

type openFrame struct {
	fr  *Frame
	top float64
}

type segment struct {
	depth int
	ops   []Op
}

func (p *paginator) bottom() float64 { return p.cur.Height - p.cur.Bottom }

// ensure starts the current page if it has not been started, reopening the
// open frames at its top.
func (p *paginator) ensure() {
	if p.page != nil {
		return
	}
	p.page = &Page{Template: p.cur}
	p.y = p.cur.Top
	p.fresh = true
	for _, o := range p.open {
		o.top = p.y
		p.y += o.fr.PadTop
	}
}

// breakPage ends the current page; the next one uses template t.
func (p *paginator) breakPage(t *Template) {
	if p.page == nil {
		p.cur = t
		return
	}
	for i := len(p.open) - 1; i >= 0; i-- {
		o := p.open[i]
		p.emitFrame(i, o.top, p.y+o.fr.PadBottom)
	}
	p.finish()
	p.cur = t
}

// finish closes the current page and adds the pages of the figures that
// were waiting for it to end.
func (p *paginator) finish() {
	p.finishPage()
	for len(p.deferred) > 0 {
		it := p.deferred[0]
		p.deferred = p.deferred[1:]
		p.emitOwn(it)
	}
}

// finishPage closes the current page.
func (p *paginator) finishPage() {
	if p.page == nil {
		return
	}
	sort.SliceStable(p.segs, func(i, j int) bool { return p.segs[i].depth < p.segs[j].depth })
	var ops []Op
	for _, s := range p.segs {
		ops = append(ops, s.ops...)
	}
	p.page.Ops = append(ops, p.fg...)
	p.pages = append(p.pages, p.page)
	p.page, p.segs, p.fg = nil, nil, nil
}

func (p *paginator) emitFrame(depth int, top, bottom float64) {
	fr := p.open[depth].fr
	x := p.cur.Left + fr.X
	var ops []Op
	if fr.Fill != None || fr.Border != None {
		ops = append(ops, Rect{X: x, Y: top, W: fr.W, H: bottom - top, Fill: fr.Fill, Stroke: fr.Border, LineWidth: 0.5})
	}
	if fr.Bar != None && fr.BarWidth > 0 {
		ops = append(ops, Rect{X: x, Y: top, W: fr.BarWidth, H: bottom - top, Fill: fr.Bar, Stroke: None})
	}
	p.segs = append(p.segs, segment{depth: depth, ops: ops})
}

func (p *paginator) openFrame(items []*Item, i int) {
	it := items[i]
	p.switchTo(p.templateOf(it))
	if it.BreakBefore && p.page != nil && !p.fresh {
		p.breakPage(p.cur)
	}
	space := it.SpaceBefore
	if p.page == nil || p.fresh || p.afterOpen {
		space = 0
	}
	if p.page != nil && !p.fresh && p.y+space+p.chain(items, i) > p.bottom() && p.chain(items, i) <= p.cur.ContentHeight() {
		p.breakPage(p.cur)
		space = 0
	}
	p.ensure()
	p.y += space
	p.open = append(p.open, &openFrame{fr: it.frame, top: p.y})
	p.y += it.frame.PadTop
	p.afterOpen = true
}

func (p *paginator) closeFrame() {
	if len(p.open) == 0 {
		return
	}
	p.ensure()
	o := p.open[len(p.open)-1]
	p.y += o.fr.PadBottom
	p.emitFrame(len(p.open)-1, o.top, p.y)
	p.open = p.open[:len(p.open)-1]
	p.afterOpen = false
}

// chain returns the height needed below the current position to place
// items[i] and the items it is kept with, frame paddings included.
func (p *paginator) chain(items []*Item, i int) float64 {
	var h float64
	first := true
	for ; i < len(items); i++ {
		it := items[i]
		if it.frame != nil {
			if it.end {
				h += it.frame.PadBottom
			} else {
				if !first {
					h += it.SpaceBefore
				}
				h += it.frame.PadTop
			}
			continue
		}
		if it.Page != nil || !first && p.templateOf(it) != p.cur {
			break // a page of its own, or of another template, follows
		}
		if !first {
			h += it.SpaceBefore
		}
		h += it.H
		first = false
		if !it.KeepWithNext {
			break
		}
	}
	return h
}

// switchTo makes t the template of the current page: when the current
// page has another one, a new page starts.
func (p *paginator) switchTo(t *Template) {
	if t == p.cur {
		return
	}
	if p.page != nil {
		p.breakPage(t)
		return
	}
	p.cur = t
}

// templateOf returns the template of the pages it goes on.
func (p *paginator) templateOf(it *Item) *Template {
	if it.Tpl != nil {
		return it.Tpl
	}
	return p.tpl
}

// place puts items[i] on the current page, or on a new one. When the item
// is split, it returns the tail still to be placed.
func (p *paginator) place(items []*Item, i int) *Item {
	it := items[i]
	p.switchTo(p.templateOf(it))
	if it.BreakBefore && p.page != nil && !p.fresh {
		p.breakPage(p.cur)
	}
	p.ensure()
	space := it.SpaceBefore
	if p.fresh || p.afterOpen {
		space = 0
	}
	if p.fresh && it.Header != nil {
		// A table continues on this page.
		p.repeat(it.Header)
	}
	room := p.bottom() - p.y
	chain := p.chain(items, i)
	if !p.fresh && (space+it.H > room || chain <= p.cur.ContentHeight() && space+chain > room) {
		if it.Split != nil && it.H > p.cur.ContentHeight()/3 && room-space > 3*p.cur.ContentHeight()/16 {
			// A tall splittable item (a long table row) starts here rather
			// than leave a large gap.
			if head, tail := it.Split(room - space); head != nil {
				p.put(head, space)
				p.breakPage(p.cur)
				tail.Header = it.Header
				tail.Tpl = it.Tpl
				return tail
			}
		}
		p.breakPage(p.cur)
		p.ensure()
		space = 0
		if it.Header != nil {
			p.repeat(it.Header)
		}
		room = p.bottom() - p.y
	}
	if it.H > room && it.Split != nil {
		if head, tail := it.Split(room - space); head != nil {
			p.put(head, space)
			p.breakPage(p.cur)
			tail.Header = it.Header
			tail.Tpl = it.Tpl
			return tail
		}
	}
	p.put(it, space)
	return nil
}

// put draws it at the current position, space below the previous item.
func (p *paginator) put(it *Item, space float64) {
	p.y += space
	p.fg = append(p.fg, Translate(it.Ops, p.cur.Left, p.y)...)
	p.y += it.H
	p.fresh = false
	p.afterOpen = false
}

// repeat draws a table's header row again at the top of a page, as an
// artifact: its content is tagged where it was drawn first.
func (p *paginator) repeat(h *Item) {
	r := *h
	r.Ops = Retag(h.Ops, Pagination)
	p.put(&r, 0)
}

// ownPage places it alone on a page of its template: at once if the
// current page is empty, else right after the current page, as figures
// float, so that no page is left half empty before it.
func (p *paginator) ownPage(it *Item) {
	if p.page == nil {
		p.emitOwn(it)
		return
	}
	p.deferred = append(p.deferred, it)
}

// emitOwn adds a page of it.Page's template holding only it.
func (p *paginator) emitOwn(it *Item) {
	open, cur := p.open, p.cur
	p.open = nil
	p.cur = it.Page
	p.ensure()
	p.put(it, 0)
	p.finishPage()
	p.open, p.cur = open, cur
}

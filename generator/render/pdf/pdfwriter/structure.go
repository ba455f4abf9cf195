package pdfwriter

import (
	"math"
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// structure is the structure tree being written: the elements of the
// document's tree, the marked content of each on the pages, and the link
// annotations they own.
type structure struct {
	root  *layout.Elem
	index map[*layout.Elem]int
	nodes []*snode
	// pages holds, per page, the node of each marked-content identifier.
	pages [][]int
	// annots holds the node of each annotation, keyed from len(pages) on.
	annots []int
	seq    int
}

// snode is an element of the tree with what the pages show of it.
type snode struct {
	e     *layout.Elem
	kids  []int // nodes, in reading order
	items []sitem
	obj   int
	// first is the position of the first content of the element or its
	// descendants, math.MaxInt when it shows nothing.
	first int
	// box is the bounding box of a figure on each page it is on.
	box map[int]*[4]float64
}

// sitem is a piece of an element's content: marked content on a page, or
// an annotation (annot is its object number).
type sitem struct {
	pos, page, mcid, annot int
}

func newStructure(root *layout.Elem, pages int) *structure {
	s := &structure{root: root}
	if root == nil {
		return s
	}
	s.index = map[*layout.Elem]int{}
	s.pages = make([][]int, pages)
	var walk func(e *layout.Elem) int
	walk = func(e *layout.Elem) int {
		i := len(s.nodes)
		s.index[e] = i
		n := &snode{e: e, first: math.MaxInt}
		s.nodes = append(s.nodes, n)
		for _, k := range e.Kids {
			if k == nil || k.Artifact() != "" {
				continue
			}
			if _, seen := s.index[k]; seen {
				continue // an element listed twice counts once
			}
			n.kids = append(n.kids, walk(k))
		}
		return i
	}
	walk(root)
	return s
}

// tagged reports whether the document is tagged.
func (s *structure) tagged() bool { return s.root != nil }

// known reports whether e is an element of the tree.
func (s *structure) known(e *layout.Elem) bool {
	_, ok := s.index[e]
	return ok
}

// content records a new marked-content sequence of e on page and returns
// its identifier.
func (s *structure) content(e *layout.Elem, page int) int {
	i := s.index[e]
	mcid := len(s.pages[page])
	s.pages[page] = append(s.pages[page], i)
	s.nodes[i].items = append(s.nodes[i].items, sitem{pos: s.seq, page: page, mcid: mcid})
	s.seq++
	return mcid
}

// annot records the annotation obj on page as content of e and returns
// the key of the annotation in the parent tree.
func (s *structure) annot(e *layout.Elem, page, obj int) (int, bool) {
	i, ok := s.index[e]
	if !ok {
		return 0, false
	}
	s.nodes[i].items = append(s.nodes[i].items, sitem{pos: s.seq, page: page, annot: obj})
	s.seq++
	s.annots = append(s.annots, i)
	return len(s.pages) + len(s.annots) - 1, true
}

// extend grows the bounding box of figure e on page by the box x0, y0,
// x1, y1 (from the top of the page).
func (s *structure) extend(e *layout.Elem, page int, x0, y0, x1, y1 float64) {
	i, ok := s.index[e]
	if !ok {
		return
	}
	n := s.nodes[i]
	if n.box == nil {
		n.box = map[int]*[4]float64{}
	}
	b := n.box[page]
	if b == nil {
		n.box[page] = &[4]float64{x0, y0, x1, y1}
		return
	}
	b[0], b[1] = math.Min(b[0], x0), math.Min(b[1], y0)
	b[2], b[3] = math.Max(b[2], x1), math.Max(b[3], y1)
}

// keep reports whether node i is written: it or one of its descendants
// shows something, or it is a table cell (rows keep all their cells).
func (s *structure) keep(i int) bool {
	n := s.nodes[i]
	return i == 0 || n.first != math.MaxInt || n.e.Type == "TH" || n.e.Type == "TD"
}

// write writes the structure tree and returns the number of its root, 0
// for an untagged document.
func (s *structure) write(w *writer) int {
	if s.root == nil {
		return 0
	}
	// Positions of first content, children before parents (they come
	// after them in s.nodes).
	for i := len(s.nodes) - 1; i >= 0; i-- {
		n := s.nodes[i]
		for _, it := range n.items {
			n.first = min(n.first, it.pos)
		}
		for _, k := range n.kids {
			n.first = min(n.first, s.nodes[k].first)
		}
	}
	treeRoot := w.alloc()
	for i, n := range s.nodes {
		if s.keep(i) && (i == 0 || s.nodes[s.parentOf(i)].obj != 0) {
			n.obj = w.alloc()
		}
	}
	for i, n := range s.nodes {
		if n.obj == 0 {
			continue
		}
		parent := treeRoot
		if i > 0 {
			parent = s.nodes[s.parentOf(i)].obj
		}
		w.pack(n.obj, s.elem(w, n, parent))
	}

	// The parent tree: for each page the elements of its marked content,
	// then the element of each annotation.
	var b []byte
	b = append(b, "<</Nums ["...)
	for p, mcids := range s.pages {
		b = strconv.AppendInt(b, int64(p), 10)
		b = append(b, " ["...)
		for k, i := range mcids {
			if k > 0 {
				b = append(b, ' ')
			}
			b = append(b, ref(s.nodes[i].obj)...)
		}
		b = append(b, "] "...)
	}
	for k, i := range s.annots {
		b = strconv.AppendInt(b, int64(len(s.pages)+k), 10)
		b = append(b, ' ')
		b = append(b, ref(s.nodes[i].obj)...)
		b = append(b, ' ')
	}
	b = append(b[:len(b)-1], "]>>"...)
	parentTree := w.alloc()
	w.pack(parentTree, string(b))
	w.pack(treeRoot, "<</Type /StructTreeRoot /K "+ref(s.nodes[0].obj)+" /ParentTree "+ref(parentTree)+
		" /ParentTreeNextKey "+strconv.Itoa(len(s.pages)+len(s.annots))+">>")
	return treeRoot
}

// parentOf returns the node of the parent of node i (i > 0).
func (s *structure) parentOf(i int) int {
	return s.index[s.nodes[i].e.Parent]
}

// elem returns the dictionary of the element of node n.
func (s *structure) elem(w *writer, n *snode, parent int) string {
	e := n.e
	var b strings.Builder
	b.WriteString("<</S ")
	b.WriteString(name(e.Type))
	b.WriteString(" /P ")
	b.WriteString(ref(parent))
	page := -1
	if len(n.items) > 0 {
		page = n.items[0].page
		b.WriteString(" /Pg ")
		b.WriteString(ref(w.pageObj[page]))
	}
	// The kids: child elements in reading order, and the element's own
	// content where it comes among them.
	var kids []string
	ki, ii := 0, 0
	for ki < len(n.kids) || ii < len(n.items) {
		if ki < len(n.kids) && s.nodes[n.kids[ki]].obj == 0 {
			ki++
			continue
		}
		if ii < len(n.items) && (ki >= len(n.kids) || n.items[ii].pos < s.nodes[n.kids[ki]].first) {
			it := n.items[ii]
			ii++
			switch {
			case it.annot != 0:
				kids = append(kids, "<</Type /OBJR /Obj "+ref(it.annot)+" /Pg "+ref(w.pageObj[it.page])+">>")
			case it.page == page:
				kids = append(kids, strconv.Itoa(it.mcid))
			default:
				kids = append(kids, "<</Type /MCR /Pg "+ref(w.pageObj[it.page])+" /MCID "+strconv.Itoa(it.mcid)+">>")
			}
			continue
		}
		kids = append(kids, ref(s.nodes[n.kids[ki]].obj))
		ki++
	}
	switch len(kids) {
	case 0:
	case 1:
		b.WriteString(" /K ")
		b.WriteString(kids[0])
	default:
		b.WriteString(" /K [")
		b.WriteString(strings.Join(kids, " "))
		b.WriteString("]")
	}
	if e.Alt != "" {
		b.WriteString(" /Alt ")
		b.WriteString(textString(e.Alt))
	}
	if e.ID != "" {
		b.WriteString(" /ID ")
		b.WriteString(hexString([]byte(e.ID)))
	}
	switch {
	case e.Type == "TH":
		scope := e.Scope
		if scope != "Row" && scope != "Both" {
			scope = "Column"
		}
		b.WriteString(" /A <</O /Table /Scope /" + scope + ">>")
	case e.Type == "L" && e.ListNumbering != "":
		b.WriteString(" /A <</O /List /ListNumbering " + name(e.ListNumbering) + ">>")
	case e.Type == "Figure" && len(n.box) == 1:
		for p, bx := range n.box {
			h := w.d.Pages[p].Template.Height
			b.WriteString(" /A <</O /Layout /Placement /Block /BBox [" + num(bx[0]) + " " + num(h-bx[3]) + " " + num(bx[2]) + " " + num(h-bx[1]) + "]>>")
		}
	}
	b.WriteString(">>")
	return b.String()
}

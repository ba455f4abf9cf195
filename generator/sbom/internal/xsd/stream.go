package xsd

import (
	"cmp"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"sync/atomic"
)

// Stream parses an XML document and validates it against a schema while it
// reads, so that a long document is never held whole. Each element at
// ItemDepth (the root is at depth 1) is validated as soon as its end tag is
// read, handed to Item, and then let go: only its name and line stay in the
// tree, so that the content model of its parent can still be checked and
// paths still count it. What remains of the document is validated when the
// parse ends.
//
// The errors are those [Schema.Validate] finds on the whole tree, with the
// first Limit kept in document order (by line).
type Stream struct {
	// MaxDepth is the deepest nesting accepted, as for [Parse].
	MaxDepth int
	// ItemDepth is the depth of the elements validated and let go one by
	// one; 3 for the items of the lists under a root (bom/components/component).
	ItemDepth int
	// Limit is the most errors kept (all if <= 0); all are counted.
	Limit int
	// Schema returns the schema to validate against once the root start
	// tag has been read. An error stops the parse and is returned by Run.
	Schema func(root *Node) (*Schema, error)
	// Item, if set, is called with each element at ItemDepth once it has
	// been validated, in document order. Its subtree is intact until Item
	// returns; if Item returns true, it is kept (so that paths of its
	// elements can be computed later), otherwise it is let go. An error
	// from Item stops the parse soon after, and Run returns it.
	Item func(n *Node) (keep bool, err error)

	schema  *Schema
	decls   []*elementDecl // declaration of each open element; nil if unknown
	root    *elementDecl
	items   validator // errors found in items, in document order
	uniques *uniqueCheck
	jobs    chan streamJob
	// itemErr is the error Item returned, written by the validating
	// goroutine before it sets failed; the parser stops when it sees failed.
	itemErr error
	failed  atomic.Bool
}

// streamJob is work for the goroutine that validates items while the
// parser reads on: an item to validate and let go, or an element above the
// items whose unique values are to be recorded (in document order too).
type streamJob struct {
	n    *Node
	decl *elementDecl
	item bool
}

// Total returns the number of errors found so far; Item may call it to
// skip work on a document that is already invalid.
func (s *Stream) Total() int { return s.items.total }

// Run parses and validates the document read from r. It returns the root
// (with the items let go), the errors kept and the total number found. A
// document that is not well-formed gives a *SyntaxError; an error from the
// Schema function is returned as is.
//
// Items are validated, and Item is called, in a second goroutine while the
// parser reads on, one at a time and in document order; the parser never
// touches an item again once it has handed it over.
func (s *Stream) Run(r io.Reader) (*Node, []Error, int, error) {
	s.items = validator{limit: s.Limit}
	s.jobs = make(chan streamJob, 128)
	var failure any
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		defer func() {
			if failure = recover(); failure != nil {
				for range s.jobs { // let the parser hand over the rest and end
				}
			}
		}()
		for j := range s.jobs {
			switch {
			case s.itemErr != nil:
				// Stopped: let the parser hand over what it has read.
			case j.item:
				if err := s.item(j.n, j.decl); err != nil {
					s.itemErr = err
					s.failed.Store(true)
				}
			default:
				s.uniques.see(j.n, func() place { return place{at: j.n} }, &s.items)
			}
		}
	}()
	next, stop := readAhead(newTokenizer(r))
	root, err := parse(next, s.MaxDepth, s.start, s.end)
	stop()
	close(s.jobs)
	<-finished
	if failure != nil {
		panic(failure) // a bug: let it reach the caller's goroutine
	}
	if s.itemErr != nil {
		return nil, nil, 0, s.itemErr
	}
	if err != nil {
		return nil, nil, 0, err
	}
	if s.schema == nil {
		return root, nil, 0, nil
	}
	rest := &validator{limit: s.Limit}
	if s.root == nil {
		rest.add(Error{Node: root, Kind: RootUnknown, Value: root.Name.Space + " " + root.Name.Local})
	} else {
		rest.element(root, s.root)
	}
	errs := append(s.items.errs, rest.errs...)
	slices.SortStableFunc(errs, func(a, b Error) int { return cmp.Compare(errorLine(a), errorLine(b)) })
	if s.Limit > 0 && len(errs) > s.Limit {
		errs = errs[:s.Limit]
	}
	fillWant(errs)
	return root, errs, s.items.total + rest.total, nil
}

// errorLine is the line an error is sorted by.
func errorLine(e Error) int {
	if e.Node == nil {
		return 0
	}
	return e.Node.Line
}

func (s *Stream) start(n *Node, depth int) error {
	var d *elementDecl
	if depth == 1 {
		schema, err := s.Schema(n)
		if err != nil {
			return err
		}
		s.schema = schema
		if schema != nil {
			s.root = schema.elements[n.Name]
			d = s.root
			s.uniques = newUniqueCheck(d)
		}
	} else {
		d = childDecl(s.decls[depth-2], n.Name)
		if depth < s.ItemDepth {
			s.jobs <- streamJob{n: n}
		}
	}
	s.decls = append(s.decls[:depth-1], d)
	return nil
}

func (s *Stream) end(n *Node, depth int) error {
	if s.failed.Load() {
		return errStopped
	}
	if depth == s.ItemDepth {
		s.jobs <- streamJob{n: n, decl: s.decls[depth-1], item: true}
	}
	return nil
}

// errStopped stops the parser after Item failed; Run returns Item's error.
var errStopped = errors.New("stopped by an item")

// item validates an item, records its unique values, hands it to Item and
// lets it go.
func (s *Stream) item(n *Node, d *elementDecl) error {
	before := len(s.items.errs)
	if d != nil {
		s.items.element(n, d)
	}
	s.uniques.walk(n, &s.items)
	keep := len(s.items.errs) > before
	if s.Item != nil {
		k, err := s.Item(n)
		if err != nil {
			return err
		}
		keep = keep || k
	}
	if !keep {
		n.Attrs, n.Children, n.Text, n.ns = nil, nil, "", nil
	}
	n.done = true
	return nil
}

// childDecl returns the declaration that validates a child called name of
// an element declared by d: the one of that name in d's content model (XML
// Schema requires elements of one name in one content model to share a
// type), or nil if d does not validate its children or declares no such
// element.
func childDecl(d *elementDecl, name xml.Name) *elementDecl {
	if d == nil || d.complex == nil || d.complex.simple != nil {
		return nil
	}
	return d.complex.byName[name]
}

// Walker walks subtrees; it keeps its buffers from one walk to the next.
type Walker struct {
	frames []siblings
	rel    func() string
}

// Walk calls f with top and each of its descendants, in document order.
// rel returns the path of the element below top, as [Node.Path] writes it
// ("" for top itself); sibling indexes are counted once per element and
// only when a path is asked for, so that the walk stays linear in the size
// of the subtree however many paths are asked for.
func (w *Walker) Walk(top *Node, f func(n *Node, rel func() string)) {
	if w.rel == nil {
		w.rel = func() string {
			var b strings.Builder
			for j := range w.frames {
				b.WriteString(w.frames[j].segment())
			}
			return b.String()
		}
	}
	w.frames = w.frames[:0]
	w.walk(top, f)
}

func (w *Walker) walk(n *Node, f func(n *Node, rel func() string)) {
	f(n, w.rel)
	if len(n.Children) == 0 {
		return
	}
	w.frames = append(w.frames, siblings{kids: n.Children})
	for i, k := range n.Children {
		w.frames[len(w.frames)-1].at = i
		w.walk(k, f)
	}
	w.frames = w.frames[:len(w.frames)-1]
}

// siblings are the children of one element during a walk, at the one being
// walked; the indexes Path writes are counted on first use.
type siblings struct {
	kids []*Node
	at   int
	idx  []int             // 1-based index of each kid among those of its name
	many map[xml.Name]bool // names that occur more than once
}

// segment returns the path segment of the kid being walked, as Path writes
// it: "/name", or "/name[i]" if more than one kid has its name.
func (f *siblings) segment() string {
	if f.idx == nil {
		f.idx = make([]int, len(f.kids))
		count := map[xml.Name]int{}
		for i, k := range f.kids {
			count[k.Name]++
			f.idx[i] = count[k.Name]
		}
		f.many = map[xml.Name]bool{}
		for name, c := range count {
			f.many[name] = c > 1
		}
	}
	k := f.kids[f.at]
	return "/" + segment(k.Name.Local, f.idx[f.at], f.many[k.Name])
}

package sbom

import (
	"cmp"
	"hash/maphash"
	"runtime"
	"slices"
	"sync"
	"unsafe"

	"github.com/docgen/docgen/generator/msg"
)

// cdxStream validates, checks and converts the items of the streamed
// top-level lists of a CycloneDX JSON document in worker goroutines while
// the parser reads on. The parser goroutine calls the hooks; a collector
// goroutine takes the workers' results in document order and keeps only
// what the model and the checks need, so that no item outlives its turn;
// finish waits for both and combines the results with the document's
// skeleton.
type cdxStream struct {
	cv   *cdxValidator
	data []byte
	seed maphash.Seed
	jobs chan *streamItem
	done chan *streamItem
	wg   sync.WaitGroup // the workers
	seq  int            // items handed over so far; written by the parser only

	collected chan struct{} // closed when the collector has taken every item
	// Written by the collector, read after collected is closed:
	keys     map[string][]itemKey // items of lists whose items must be unique
	problems []Problem
	kept     map[string]int // problems kept, by list
	dropped  int            // problems counted but not kept
	comps    chunked[Component]
	deps     chunked[Dependency]
	vulns    []Vulnerability

	checker *jsonChecker

	mu      sync.Mutex
	failure any // the first panic in a worker or the collector
}

// streamItem is one item of a streamed list and what became of it.
type streamItem struct {
	seq        int // in document order, over all streamed lists
	list       string
	index      int
	v          any  // the item, dropped once taken
	start, end int  // byte span in the document
	invalid    bool // the item breaks the schema: it is not converted
	problems   []Problem
	hash       uint64
	comps      []Component // components: the item and its nested components
	dep        *Dependency
	vuln       *Vulnerability
}

// itemKey is what the uniqueness check keeps of an item: its hash and its
// byte span, from which it is parsed again if another item has its hash.
type itemKey struct {
	hash       uint64
	start, end int
}

func (cv *cdxValidator) newStream(data []byte, lens map[string]int) *cdxStream {
	workers := max(1, runtime.GOMAXPROCS(0))
	st := &cdxStream{
		cv:        cv,
		data:      data,
		seed:      maphash.MakeSeed(),
		jobs:      make(chan *streamItem, 256),
		done:      make(chan *streamItem, 256),
		collected: make(chan struct{}),
		keys:      map[string][]itemKey{},
		kept:      map[string]int{},
		checker:   newJSONChecker(),
	}
	st.comps.sized = make([]Component, 0, sizeHint[Component](lens["components"], len(data)))
	st.deps.sized = make([]Dependency, 0, sizeHint[Dependency](lens["dependencies"], len(data)))
	for range workers {
		st.wg.Go(st.work)
	}
	go st.collect()
	return st
}

// sizeHint returns the capacity to give a list of n items read from a
// document of size bytes: n, but never so many that the list would take
// more memory than the document itself, whatever a hostile document
// claims with a long list of empty items.
func sizeHint[T any](n, size int) int {
	var zero T
	return max(0, min(n, size/int(unsafe.Sizeof(zero))))
}

// hooks returns the parser hooks of the lists that can be streamed.
func (st *cdxStream) hooks() map[string]itemHook {
	h := map[string]itemHook{}
	for _, name := range splitLists {
		if st.cv.items[name] == nil {
			continue
		}
		h[name] = func(i int, v any, start, end int) {
			st.jobs <- &streamItem{seq: st.seq, list: name, index: i, v: v, start: start, end: end}
			st.seq++
		}
	}
	return h
}

func (st *cdxStream) work() {
	cv := newJSONConv()
	for it := range st.jobs {
		st.guard(func() { st.process(it, cv) })
		st.done <- it
	}
}

// process validates, hashes and converts one item.
func (st *cdxStream) process(it *streamItem, cv *jsonConv) {
	err := safely(func() error { return st.cv.items[it.list].Validate(it.v) })
	if err != nil {
		it.invalid = true
		it.problems = schemaProblems(err, []string{it.list, itoa(it.index)})
	}
	if st.cv.unique[it.list] {
		it.hash = hashJSON(st.seed, it.v)
	}
	if m, ok := it.v.(map[string]any); ok && !it.invalid {
		switch it.list {
		case "components":
			var b BOM
			cv.addComponent(&b, m, "")
			it.comps = b.Components
		case "dependencies":
			d := cv.dependency(m)
			it.dep = &d
		case "vulnerabilities":
			v := cv.vulnerability(m)
			it.vuln = &v
		}
	}
}

// guard runs f in a worker or the collector. A panic there, a bug, would
// end the process; guard keeps the first one for wait to raise in the
// caller's goroutine, where the CLI reports it as an internal error.
func (st *cdxStream) guard(f func()) {
	defer func() {
		if r := recover(); r != nil {
			st.mu.Lock()
			if st.failure == nil {
				st.failure = r
			}
			st.mu.Unlock()
		}
	}()
	f()
}

// collect takes the processed items in document order: the workers finish
// them in any order, so those that come early wait (at most as many as
// are in flight) for the ones before them.
func (st *cdxStream) collect() {
	early := map[int]*streamItem{}
	next := 0
	for it := range st.done {
		early[it.seq] = it
		for {
			it, ok := early[next]
			if !ok {
				break
			}
			delete(early, next)
			next++
			st.guard(func() { st.take(it) })
		}
	}
	close(st.collected)
}

// take keeps what the model and the checks need of a processed item.
func (st *cdxStream) take(it *streamItem) {
	// Items come in document order, so the first problems of each list are
	// those with the lowest pointers; a list of a million bad items keeps
	// MaxProblems (and the rest of the item that reaches that), counting
	// the others.
	if st.kept[it.list] < MaxProblems {
		st.problems = append(st.problems, it.problems...)
		st.kept[it.list] += len(it.problems)
	} else {
		st.dropped += len(it.problems)
	}
	if st.cv.unique[it.list] {
		st.keys[it.list] = append(st.keys[it.list], itemKey{hash: it.hash, start: it.start, end: it.end})
	}
	if it.invalid || len(st.problems)+st.dropped > 0 {
		// The document breaks its schema: it gets neither checks nor a
		// model, so what was gathered for them goes.
		st.comps, st.deps, st.vulns = chunked[Component]{}, chunked[Dependency]{}, nil
		return
	}
	st.checker.item(it.list, it.index, it.v)
	st.comps.add(it.comps...)
	if it.dep != nil {
		st.deps.add(*it.dep)
	}
	if it.vuln != nil {
		st.vulns = append(st.vulns, *it.vuln)
	}
}

// wait stops the workers and the collector; after a parse error it is all
// that is needed.
func (st *cdxStream) wait() {
	close(st.jobs)
	st.wg.Wait()
	close(st.done)
	<-st.collected
	if st.failure != nil {
		panic(st.failure)
	}
}

// finish validates the skeleton (the document with the streamed lists
// empty), combines all problems into schema, runs the extra checks if the
// schema is satisfied, with their problems in rules, and returns the BOM or
// nil when there were problems.
func (st *cdxStream) finish(skeleton map[string]any, out, rules *problemList) *BOM {
	var ps []Problem
	if err := safely(func() error { return st.cv.full.Validate(any(skeleton)) }); err != nil {
		ps = schemaProblems(err, nil)
	}
	st.wait()
	ps = append(ps, st.problems...)
	for _, name := range splitLists {
		if st.cv.unique[name] {
			if i, j, dup := st.firstDuplicate(st.keys[name]); dup {
				ps = append(ps, Problem{Pointer: "/" + name, Rule: "uniqueItems", Message: msg.Format("sbom.json.unique_items", i, j)})
			}
		}
	}
	st.keys = nil
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(comparePointers(a.Pointer, b.Pointer), cmp.Compare(a.Message, b.Message))
	})
	ps = slices.CompactFunc(ps, func(a, b Problem) bool { return a == b })
	for _, p := range ps {
		out.add(p)
	}
	out.total += st.dropped
	if out.total > 0 {
		return nil
	}
	st.checker.document(skeleton)
	st.checker.finish(rules)
	st.checker = nil
	if rules.total > 0 {
		return nil
	}
	b := fromJSONDoc(skeleton)
	b.Components = st.comps.join(b.Components)
	b.Dependencies = st.deps.join(b.Dependencies)
	b.Vulnerabilities = append(b.Vulnerabilities, st.vulns...)
	st.vulns = nil
	return b
}

// firstDuplicate returns the indexes of the first pair of equal items of a
// list, by JSON Schema equality (numbers by value, objects regardless of
// key order). Items with equal hashes are parsed again from their byte
// spans and compared.
func (st *cdxStream) firstDuplicate(items []itemKey) (int, int, bool) {
	first := make(map[uint64]int, len(items)) // hash -> first item with it
	more := map[uint64][]int{}                // hash -> later items with it, rare
	for j, it := range items {
		i, ok := first[it.hash]
		if !ok {
			first[it.hash] = j
			continue
		}
		for _, i := range append([]int{i}, more[it.hash]...) {
			a, errA := parseJSONValue(st.data[items[i].start:items[i].end], MaxDepth)
			b, errB := parseJSONValue(st.data[it.start:it.end], MaxDepth)
			if errA == nil && errB == nil && equalJSON(a, b) {
				return i, j, true
			}
		}
		more[it.hash] = append(more[it.hash], j)
	}
	return 0, 0, false
}

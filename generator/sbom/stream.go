package sbom

import (
	"cmp"
	"hash/maphash"
	"runtime"
	"slices"
	"sync"

	"github.com/docgen/docgen/generator/msg"
)

// cdxStream validates, checks and converts the items of the streamed
// top-level lists of a CycloneDX JSON document in worker goroutines while
// the parser reads on. The parser goroutine calls the hooks; finish waits
// for the workers and combines their results with the document's skeleton.
type cdxStream struct {
	cv    *cdxValidator
	data  []byte
	seed  maphash.Seed
	jobs  chan *streamItem
	wg    sync.WaitGroup
	items map[string][]*streamItem // in document order; written by the parser only

	mu       sync.Mutex
	checkers []*jsonChecker // one per worker
}

// streamItem is one item of a streamed list and what became of it.
type streamItem struct {
	list       string
	index      int
	v          any // dropped once processed
	start, end int // byte span in the document
	problems   []Problem
	hash       uint64
	comps      []Component // components: the item and its nested components
	dep        *Dependency
	vuln       *Vulnerability
}

func (cv *cdxValidator) newStream(data []byte) *cdxStream {
	st := &cdxStream{
		cv:    cv,
		data:  data,
		seed:  maphash.MakeSeed(),
		jobs:  make(chan *streamItem, 256),
		items: map[string][]*streamItem{},
	}
	for range max(1, runtime.GOMAXPROCS(0)) {
		st.wg.Go(st.work)
	}
	return st
}

// hooks returns the parser hooks of the lists that can be streamed.
func (st *cdxStream) hooks() map[string]itemHook {
	h := map[string]itemHook{}
	for _, name := range splitLists {
		if st.cv.items[name] == nil {
			continue
		}
		h[name] = func(i int, v any, start, end int) {
			it := &streamItem{list: name, index: i, v: v, start: start, end: end}
			st.items[name] = append(st.items[name], it)
			st.jobs <- it
		}
	}
	return h
}

func (st *cdxStream) work() {
	c := newJSONChecker()
	cv := newJSONConv()
	for it := range st.jobs {
		err := safely(func() error { return st.cv.items[it.list].Validate(it.v) })
		if err != nil {
			it.problems = schemaProblems(err, []string{it.list, itoa(it.index)})
		}
		if st.cv.unique[it.list] {
			it.hash = hashJSON(st.seed, it.v)
		}
		c.item(it.list, it.index, it.v)
		if m, ok := it.v.(map[string]any); ok {
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
		it.v = nil
	}
	st.mu.Lock()
	st.checkers = append(st.checkers, c)
	st.mu.Unlock()
}

// wait stops the workers; after a parse error it is all that is needed.
func (st *cdxStream) wait() {
	close(st.jobs)
	st.wg.Wait()
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
	for _, name := range splitLists {
		for _, it := range st.items[name] {
			ps = append(ps, it.problems...)
		}
		if st.cv.unique[name] {
			if i, j, dup := st.firstDuplicate(st.items[name]); dup {
				ps = append(ps, Problem{Pointer: "/" + name, Rule: "uniqueItems", Message: msg.Format("sbom.json.unique_items", i, j)})
			}
		}
	}
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(comparePointers(a.Pointer, b.Pointer), cmp.Compare(a.Message, b.Message))
	})
	ps = slices.CompactFunc(ps, func(a, b Problem) bool { return a == b })
	for _, p := range ps {
		out.add(p)
	}
	if out.total > 0 {
		return nil
	}
	c := newJSONChecker()
	c.document(skeleton)
	for _, w := range st.checkers {
		c.merge(w)
	}
	c.finish(rules)
	if rules.total > 0 {
		return nil
	}
	b := fromJSONDoc(skeleton)
	n := len(b.Components)
	for _, it := range st.items["components"] {
		n += len(it.comps)
	}
	b.Components = slices.Grow(b.Components, n-len(b.Components))
	for _, it := range st.items["components"] {
		b.Components = append(b.Components, it.comps...)
		it.comps = nil
	}
	for _, it := range st.items["dependencies"] {
		if it.dep != nil {
			b.Dependencies = append(b.Dependencies, *it.dep)
		}
	}
	for _, it := range st.items["vulnerabilities"] {
		if it.vuln != nil {
			b.Vulnerabilities = append(b.Vulnerabilities, *it.vuln)
		}
	}
	return b
}

// firstDuplicate returns the indexes of the first pair of equal items of a
// list, by JSON Schema equality (numbers by value, objects regardless of
// key order). Items with equal hashes are parsed again from their byte
// spans and compared.
func (st *cdxStream) firstDuplicate(items []*streamItem) (int, int, bool) {
	seen := make(map[uint64][]int, len(items))
	for j, it := range items {
		for _, i := range seen[it.hash] {
			a, errA := parseJSONValue(st.data[items[i].start:items[i].end], MaxDepth)
			b, errB := parseJSONValue(st.data[it.start:it.end], MaxDepth)
			if errA == nil && errB == nil && equalJSON(a, b) {
				return i, j, true
			}
		}
		seen[it.hash] = append(seen[it.hash], j)
	}
	return 0, 0, false
}

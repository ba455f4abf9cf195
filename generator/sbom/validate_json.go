package sbom

import (
	"cmp"
	"encoding/json"
	"hash/maphash"
	"math"
	"math/big"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/docgen/docgen/generator/msg"
)

// cdxValidator validates CycloneDX JSON documents against the official
// schema of one version. Long top-level lists (components, dependencies,
// ...) are validated in parallel, item by item against the list's item
// schema, with uniqueItems checked separately; the rest of the document is
// validated against the full schema with those lists emptied. This gives
// the same verdict as validating the whole document, in about half the time
// on two cores.
type cdxValidator struct {
	full   *jsonschema.Schema
	items  map[string]*jsonschema.Schema // list name -> item schema
	unique map[string]bool               // list name -> uniqueItems
}

// splitThreshold is the list length from which a list is validated apart.
const splitThreshold = 256

// validate validates doc and adds the problems found to out, sorted by
// pointer.
func (cv *cdxValidator) validate(doc map[string]any, out *problemList) {
	skeleton := doc
	type job struct {
		list  string
		items []any
		lo    int
	}
	var jobs []job
	for _, name := range splitLists {
		items, ok := doc[name].([]any)
		if cv.items[name] == nil || !ok || len(items) < splitThreshold {
			continue
		}
		if len(jobs) == 0 {
			skeleton = make(map[string]any, len(doc))
			for k, v := range doc {
				skeleton[k] = v
			}
		}
		skeleton[name] = []any{}
		const chunk = 512
		for lo := 0; lo < len(items); lo += chunk {
			jobs = append(jobs, job{name, items[lo:min(lo+chunk, len(items))], lo})
		}
	}
	var ps []Problem
	var mu sync.Mutex
	collect := func(err error, prefix []string) {
		if err == nil {
			return
		}
		local := schemaProblems(err, prefix)
		mu.Lock()
		ps = append(ps, local...)
		mu.Unlock()
	}
	var wg sync.WaitGroup
	queue := make(chan job)
	workers := min(runtime.GOMAXPROCS(0), len(jobs))
	for range workers {
		wg.Go(func() {
			for j := range queue {
				for i, it := range j.items {
					collect(cv.items[j.list].Validate(it), []string{j.list, strconv.Itoa(j.lo + i)})
				}
			}
		})
	}
	if len(jobs) > 0 {
		wg.Go(func() {
			for _, j := range jobs {
				queue <- j
			}
			close(queue)
		})
	}
	collect(cv.full.Validate(any(skeleton)), nil)
	wg.Wait()
	for _, name := range splitLists {
		items, _ := doc[name].([]any)
		if skeleton[name] == nil || len(items) < splitThreshold || !cv.unique[name] {
			continue
		}
		if i, j, dup := firstDuplicate(items); dup {
			ps = append(ps, Problem{Pointer: "/" + name, Rule: "uniqueItems", Message: msg.Format("sbom.json.unique_items", i, j)})
		}
	}
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(comparePointers(a.Pointer, b.Pointer), cmp.Compare(a.Message, b.Message))
	})
	ps = slices.CompactFunc(ps, func(a, b Problem) bool { return a == b })
	for _, p := range ps {
		out.add(p)
	}
}

// firstDuplicate returns the indexes of the first pair of equal items, by
// JSON Schema equality (numbers by value, objects regardless of key order).
func firstDuplicate(items []any) (int, int, bool) {
	seed := maphash.MakeSeed()
	seen := make(map[uint64][]int, len(items))
	for j, it := range items {
		sum := hashJSON(seed, it)
		for _, i := range seen[sum] {
			if equalJSON(items[i], it) {
				return i, j, true
			}
		}
		seen[sum] = append(seen[sum], j)
	}
	return 0, 0, false
}

// hashJSON hashes a generic JSON value so that equal values hash equally,
// without allocating.
func hashJSON(seed maphash.Seed, v any) uint64 {
	switch t := v.(type) {
	case nil:
		return 0x9e3779b97f4a7c15
	case bool:
		if t {
			return 0xbf58476d1ce4e5b9
		}
		return 0x94d049bb133111eb
	case string:
		return maphash.String(seed, t)
	case json.Number:
		f, _ := strconv.ParseFloat(string(t), 64)
		return mix64(math.Float64bits(f) ^ 0x2545f4914f6cdd1d)
	case []any:
		h := uint64(0x632be59bd9b4e019)
		for _, e := range t {
			h = mix64(h*31 + hashJSON(seed, e))
		}
		return h
	case map[string]any:
		// Order-independent: a sum of member hashes.
		h := uint64(0x8cb92ba72f3d8dd7)
		for k, e := range t {
			h += mix64(maphash.String(seed, k) ^ hashJSON(seed, e)*0x9e3779b97f4a7c15)
		}
		return mix64(h)
	}
	return 0
}

// mix64 is the finaliser of SplitMix64.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// equalJSON compares generic JSON values as JSON Schema does.
func equalJSON(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !equalJSON(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equalJSON(x[i], y[i]) {
				return false
			}
		}
		return true
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		ra, okA := new(big.Rat).SetString(string(x))
		rb, okB := new(big.Rat).SetString(string(y))
		return okA && okB && ra.Cmp(rb) == 0
	}
	return a == b
}

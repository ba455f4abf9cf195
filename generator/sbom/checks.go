package sbom

import (
	"cmp"
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/msg"
)

// docgen checks some rules of the CycloneDX specification that its schemas
// cannot express, after schema validation succeeded:
//
//   - hash-length: a hash in a "hashes" list has the length of its
//     algorithm (an SHA-256 value has 64 hex digits, not 32 or 128);
//   - unique-bom-ref: components and services have distinct bom-refs (the
//     XML schema enforces this for all elements; the JSON schema does not);
//   - dependency-ref: dependencies name bom-refs that exist in the BOM
//     (BOM-Links to other BOMs, urn:cdx:..., are not followed);
//   - version-range (XML): versionRange only on components marked
//     isExternal="true" (the JSON schema enforces it, the XSD cannot).

// hashHexLen is the length in hex digits of each CycloneDX hash algorithm
// with a fixed output size.
var hashHexLen = map[string]int{
	"MD5":          32,
	"SHA-1":        40,
	"SHA-256":      64,
	"SHA-384":      96,
	"SHA-512":      128,
	"SHA3-256":     64,
	"SHA3-384":     96,
	"SHA3-512":     128,
	"BLAKE2b-256":  64,
	"BLAKE2b-384":  96,
	"BLAKE2b-512":  128,
	"BLAKE3":       64,
	"Streebog-256": 64,
	"Streebog-512": 128,
}

// hashProblem returns the message for a hash value of the wrong length, or
// "".
func hashProblem(alg, value string) string {
	want, ok := hashHexLen[alg]
	value = strings.TrimSpace(value)
	if !ok || len(value) == want {
		return ""
	}
	return msg.Format("sbom.check.hash_length", alg, want, len(value))
}

// isBOMLink reports whether ref points into another BOM.
func isBOMLink(ref string) bool { return strings.HasPrefix(ref, "urn:cdx:") }

// jsonChecker applies the extra checks to (parts of) a schema-valid
// CycloneDX JSON document: it walks values collecting bom-refs and hash
// problems, and finish then reports duplicate bom-refs and dependencies
// that point nowhere. A dependency is checked when it is walked against
// the bom-refs seen so far; only the references not seen yet are kept,
// to be checked again by finish, so that a document in the usual order
// (components before dependencies) costs no memory per reference.
type jsonChecker struct {
	refs map[string]bool
	// owner is the pointer of the first component or service with each
	// bom-ref; more holds the pointers of the others with it, if any.
	owner    map[string]string
	more     map[string][]string
	extra    int // duplicates beyond those in more, counted only
	problems []Problem
	pending  []pendingRef
	path     []pathTok
}

// pendingRef is a reference of a dependency to a bom-ref not seen when the
// dependency was walked.
type pendingRef struct {
	pointer, ref string
}

type pathTok struct {
	key string
	idx int // -1 for object members
}

func newJSONChecker() *jsonChecker {
	return &jsonChecker{refs: map[string]bool{}, owner: map[string]string{}, more: map[string][]string{}}
}

// document walks a document (or its skeleton, with streamed lists empty).
func (c *jsonChecker) document(doc map[string]any) {
	c.path = c.path[:0]
	c.walk(doc, "")
	deps, _ := doc["dependencies"].([]any)
	for i, d := range deps {
		c.dependency(i, d)
	}
}

// item walks item i of the top-level list.
func (c *jsonChecker) item(list string, i int, v any) {
	c.path = append(c.path[:0], pathTok{key: list, idx: -1}, pathTok{key: list, idx: i})
	c.walk(v, list)
	if list == "dependencies" {
		c.dependency(i, v)
	}
}

func (c *jsonChecker) dependency(i int, v any) {
	dep, _ := v.(map[string]any)
	base := "/dependencies/" + itoa(i)
	check := func(pointer func() string, ref string) {
		if !c.refs[ref] && !isBOMLink(ref) {
			c.pending = append(c.pending, pendingRef{pointer: pointer(), ref: ref})
		}
	}
	if r, ok := dep["ref"].(string); ok {
		check(func() string { return base + "/ref" }, r)
	}
	for _, key := range []string{"dependsOn", "provides"} {
		for j, x := range arr(dep, key) {
			if s, ok := x.(string); ok {
				check(func() string { return base + "/" + key + "/" + itoa(j) }, s)
			}
		}
	}
}

// finish reports the problems found, in pointer order.
func (c *jsonChecker) finish(out *problemList) {
	var ps []Problem
	for _, ref := range sortedKeys(c.more) {
		ptrs := append([]string{c.owner[ref]}, c.more[ref]...)
		slices.SortFunc(ptrs, comparePointers)
		for _, p := range ptrs[1:] {
			ps = append(ps, Problem{Pointer: p + "/bom-ref", Rule: "unique-bom-ref", Message: msg.Format("sbom.check.duplicate_ref", ref, ptrs[0])})
		}
	}
	ps = append(ps, c.problems...)
	for _, p := range c.pending {
		if !c.refs[p.ref] {
			ps = append(ps, Problem{Pointer: p.pointer, Rule: "dependency-ref", Message: msg.Format("sbom.check.unknown_ref", p.ref)})
		}
	}
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(comparePointers(a.Pointer, b.Pointer), cmp.Compare(a.Message, b.Message))
	})
	for _, p := range ps {
		out.add(p)
	}
	out.total += c.extra
}

func (c *jsonChecker) pointer() string {
	toks := make([]string, len(c.path))
	for i, t := range c.path {
		if t.idx >= 0 {
			toks[i] = itoa(t.idx)
		} else {
			toks[i] = t.key
		}
	}
	return jsonPointer(toks)
}

func (c *jsonChecker) walk(v any, inList string) {
	switch t := v.(type) {
	case map[string]any:
		if r, ok := t["bom-ref"].(string); ok {
			c.refs[r] = true
			if inList == "components" || inList == "services" || c.atMetaComponent() {
				if _, dup := c.owner[r]; dup {
					// The first MaxProblems duplicates of a ref are reported;
					// the others are counted.
					if len(c.more[r]) < MaxProblems {
						c.more[r] = append(c.more[r], c.pointer())
					} else {
						c.extra++
					}
				} else {
					c.owner[r] = c.pointer()
				}
			}
		}
		if inList == "hashes" {
			alg, _ := t["alg"].(string)
			content, _ := t["content"].(string)
			if m := hashProblem(alg, content); m != "" {
				c.problems = append(c.problems, Problem{Pointer: c.pointer() + "/content", Rule: "hash-length", Message: m})
			}
		}
		for k, x := range t {
			switch x.(type) {
			case map[string]any, []any:
				c.path = append(c.path, pathTok{key: k, idx: -1})
				c.walk(x, "")
				c.path = c.path[:len(c.path)-1]
			}
		}
	case []any:
		key := ""
		if len(c.path) > 0 {
			key = c.path[len(c.path)-1].key
		}
		for i, e := range t {
			if _, ok := e.(map[string]any); ok {
				c.path = append(c.path, pathTok{key: key, idx: i})
				c.walk(e, key)
				c.path = c.path[:len(c.path)-1]
			}
		}
	}
}

func (c *jsonChecker) atMetaComponent() bool {
	return len(c.path) == 2 && c.path[0].key == "metadata" && c.path[1].key == "component" && c.path[1].idx < 0
}

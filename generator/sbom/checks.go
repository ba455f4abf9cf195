package sbom

import (
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

// checkJSON applies the extra checks to a schema-valid CycloneDX JSON
// document. Problems are reported in pointer order.
func checkJSON(doc map[string]any, out *problemList) {
	c := &jsonChecker{refs: map[string]bool{}, owners: map[string][]string{}}
	c.walk(doc, "")
	var ps []Problem
	for _, ref := range sortedKeys(c.owners) {
		ptrs := c.owners[ref]
		if len(ptrs) < 2 {
			continue
		}
		slices.SortFunc(ptrs, comparePointers)
		for _, p := range ptrs[1:] {
			ps = append(ps, Problem{Pointer: p + "/bom-ref", Rule: "unique-bom-ref", Message: msg.Format("sbom.check.duplicate_ref", ref, ptrs[0])})
		}
	}
	ps = append(ps, c.problems...)
	deps, _ := doc["dependencies"].([]any)
	for i, d := range deps {
		dep, _ := d.(map[string]any)
		base := "/dependencies/" + itoa(i)
		if r, ok := dep["ref"].(string); ok && !c.refs[r] && !isBOMLink(r) {
			ps = append(ps, Problem{Pointer: base + "/ref", Rule: "dependency-ref", Message: msg.Format("sbom.check.unknown_ref", r)})
		}
		for _, key := range []string{"dependsOn", "provides"} {
			list, _ := dep[key].([]any)
			for j, x := range list {
				if r, ok := x.(string); ok && !c.refs[r] && !isBOMLink(r) {
					ps = append(ps, Problem{Pointer: base + "/" + key + "/" + itoa(j), Rule: "dependency-ref", Message: msg.Format("sbom.check.unknown_ref", r)})
				}
			}
		}
	}
	slices.SortStableFunc(ps, func(a, b Problem) int { return comparePointers(a.Pointer, b.Pointer) })
	for _, p := range ps {
		out.add(p)
	}
}

// jsonChecker walks a document collecting bom-refs and hash problems. The
// path to the current value is kept as a stack of tokens and turned into a
// JSON pointer only when needed.
type jsonChecker struct {
	refs     map[string]bool
	owners   map[string][]string // bom-ref of components and services -> pointers
	problems []Problem
	path     []pathTok
}

type pathTok struct {
	key string
	idx int // -1 for object members
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
				c.owners[r] = append(c.owners[r], c.pointer())
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

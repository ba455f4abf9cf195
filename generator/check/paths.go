package check

import (
	"reflect"
	"strings"

	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// Missing returns the concrete spec paths that lack real content for the
// catalog requirement req, or nil when it is satisfied.
//
// "a.b" needs real content at a.b. "a[].b" needs a non-empty list a and real
// content at b in every element; the gaps are then reported as a[3].b.
// "x | y" is satisfied when either alternative is; otherwise the gaps of the
// first alternative are reported. A requirement on a section the spec
// states to be absent (absent.accounts for "accounts[].name") is satisfied.
func Missing(s *spec.Spec, req string) []string {
	alts := strings.Split(req, "|")
	var first []string
	for i, alt := range alts {
		if s.IsAbsent(alt) {
			return nil // the spec states that this does not exist
		}
		gaps := missingAt(reflect.ValueOf(s).Elem(), "", strings.Split(strings.TrimSpace(alt), "."))
		if len(gaps) == 0 {
			return nil
		}
		if i == 0 {
			first = gaps
		}
	}
	return first
}

func missingAt(v reflect.Value, path string, segs []string) []string {
	if len(segs) == 0 {
		return gaps(v, path)
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return []string{path}
		}
		v = v.Elem()
	}
	name, list := strings.CutSuffix(segs[0], "[]")
	f := spec.Field(v, name)
	p := yamlx.Join(path, name)
	if !f.IsValid() {
		return []string{p}
	}
	if !list {
		return missingAt(f, p, segs[1:])
	}
	if f.Len() == 0 {
		return []string{p}
	}
	var out []string
	for i := 0; i < f.Len(); i++ {
		out = append(out, missingAt(f.Index(i), yamlx.Index(p, i), segs[1:])...)
	}
	return out
}

var portsType = reflect.TypeOf(spec.Ports{})

// gaps returns the paths below path where v lacks real content.
func gaps(v reflect.Value, path string) []string {
	if spec.HasContent(v) {
		if v.Kind() == reflect.Slice && v.Type() != portsType {
			var out []string
			for i := 0; i < v.Len(); i++ {
				if !spec.HasContent(v.Index(i)) {
					out = append(out, yamlx.Index(path, i))
				}
			}
			return out
		}
		return nil
	}
	return []string{path}
}

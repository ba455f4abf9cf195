package testspec

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/spec"
)

// Clear sets the field at a concrete path (such as data_streams[3].port)
// to its zero value; it reports false for paths that are not fields that
// can be cleared alone (list elements, structs).
func Clear(s *spec.Spec, path string) bool {
	v := reflect.ValueOf(s).Elem()
	segs := strings.Split(path, ".")
	for i, seg := range segs {
		name, idx := seg, -1
		if k := strings.IndexByte(seg, '['); k >= 0 {
			n, _ := strconv.Atoi(seg[k+1 : len(seg)-1])
			name, idx = seg[:k], n
		}
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return false
			}
			v = v.Elem()
		}
		v = spec.Field(v, name)
		if !v.IsValid() {
			return false
		}
		if idx >= 0 {
			if v.Kind() != reflect.Slice || idx >= v.Len() {
				return false
			}
			v = v.Index(idx)
		}
		if i == len(segs)-1 {
			switch v.Interface().(type) {
			case spec.Text, spec.Date, spec.URL, spec.Email, spec.Ports, *bool, string, []spec.Text, []string:
			default:
				if v.Kind() != reflect.String {
					return false
				}
			}
			if !v.CanSet() {
				return false
			}
			v.Set(reflect.Zero(v.Type()))
			return true
		}
	}
	return false
}

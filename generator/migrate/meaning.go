package migrate

import (
	"reflect"

	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// sameMeaning reports whether the loaded specs a and b mean the same, and
// otherwise the path of the first difference. It modifies both (see
// current).
func sameMeaning(a, b *spec.Spec) (path string, same bool, err error) {
	for _, s := range []*spec.Spec{a, b} {
		if err := current(s); err != nil {
			return "", false, err
		}
	}
	path, differs := difference(reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem(), "")
	return path, !differs, nil
}

// current gives every deprecated form in s its current form, as its
// Rewrite says: the field or item at its path takes the rewrite's value,
// and a field that the rewrite renames or drops is cleared, since the
// loader has carried its meaning over to the current field already. It
// also clears what does not change the meaning of a spec: the file name,
// positions, the format version and the list of deprecations.
func current(s *spec.Spec) error {
	root := reflect.ValueOf(s).Elem()
	for _, d := range s.Deprecations {
		v, err := field(root, d.Path)
		if err != nil {
			return err
		}
		switch r := d.Rewrite; {
		case r.Key != "" || r.Drop:
			v.Set(reflect.Zero(v.Type()))
		case r.Value != "" && v.Kind() == reflect.String:
			v.SetString(r.Value)
		default:
			return badPath(d.Path)
		}
	}
	s.File, s.Sources, s.Deprecations, s.SpecVersion = "", nil, nil, 0
	return nil
}

// difference returns the path of the first difference between a and b, of
// the same type, and whether there is one.
func difference(a, b reflect.Value, path string) (string, bool) {
	if reflect.DeepEqual(a.Interface(), b.Interface()) {
		return "", false
	}
	switch a.Kind() {
	case reflect.Pointer:
		if !a.IsNil() && !b.IsNil() {
			return difference(a.Elem(), b.Elem(), path)
		}
	case reflect.Struct:
		for _, f := range yamlx.StructFields(a.Type()).Fields {
			if p, ok := difference(a.FieldByIndex(f.Index), b.FieldByIndex(f.Index), yamlx.Join(path, f.Name)); ok {
				return p, true
			}
		}
	case reflect.Slice:
		if a.Len() == b.Len() {
			for i := range a.Len() {
				if p, ok := difference(a.Index(i), b.Index(i), yamlx.Index(path, i)); ok {
					return p, true
				}
			}
		}
	}
	return path, true
}

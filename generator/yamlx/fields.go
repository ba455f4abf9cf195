package yamlx

import (
	"reflect"
	"strings"
	"sync"
)

// FieldInfo describes one struct field as seen from YAML.
type FieldInfo struct {
	// Name is the YAML key.
	Name string
	// Index is the field's index path for reflect.Value.FieldByIndex.
	Index []int
	// Doc is the field's `doc` tag: a one-line description for the schema.
	Doc string
	// Type is the Go type of the field.
	Type reflect.Type
}

// StructInfo lists the YAML fields of a struct type in declaration order.
type StructInfo struct {
	Fields []FieldInfo
	byName map[string]int
}

// Field returns the field with YAML key name.
func (s *StructInfo) Field(name string) (FieldInfo, bool) {
	i, ok := s.byName[name]
	if !ok {
		return FieldInfo{}, false
	}
	return s.Fields[i], true
}

// Names returns the YAML keys in declaration order.
func (s *StructInfo) Names() []string {
	names := make([]string, len(s.Fields))
	for i, f := range s.Fields {
		names[i] = f.Name
	}
	return names
}

var fieldCache sync.Map // reflect.Type -> *StructInfo

// StructFields returns the YAML field information of struct type t. Fields
// without a yaml tag use their lower-cased Go name; `yaml:"-"` and unexported
// fields are skipped.
func StructFields(t reflect.Type) *StructInfo {
	if v, ok := fieldCache.Load(t); ok {
		return v.(*StructInfo)
	}
	info := &StructInfo{byName: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		info.byName[name] = len(info.Fields)
		info.Fields = append(info.Fields, FieldInfo{Name: name, Index: f.Index, Doc: f.Tag.Get("doc"), Type: f.Type})
	}
	fieldCache.Store(t, info)
	return info
}

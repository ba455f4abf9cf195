package diff

import (
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

var (
	specType  = reflect.TypeOf(spec.Spec{})
	textType  = reflect.TypeOf(spec.Text{})
	dateType  = reflect.TypeOf(spec.Date{})
	addrType  = reflect.TypeOf(spec.Address{})
	cidrType  = reflect.TypeOf(spec.CIDR{})
	portsType = reflect.TypeOf(spec.Ports{})
)

// leaf is one compared value of an element: a field, or a field of a
// nested struct ("wifi.security").
type leaf struct {
	// name is the field's YAML key, dotted for nested fields.
	name string
	// canon is the value in canonical form: white space collapsed, sets
	// sorted, ports merged. Two values are the same fact when their canon
	// is equal; "" means not stated.
	canon string
	// show is the value as a person reads it.
	show string
	// value is the value itself.
	value reflect.Value
}

// element is one element of a section (or the section itself, for a
// struct).
type element struct {
	key    string
	index  int
	leaves []leaf
	// fp is the element's content without its key (see fingerprint).
	fp string
}

// get returns the leaf called name.
func (e *element) get(name string) (leaf, bool) {
	if e == nil {
		return leaf{}, false
	}
	for _, l := range e.leaves {
		if l.name == name {
			return l, true
		}
	}
	return leaf{}, false
}

// fingerprint is the canonical content of e, the compared fields of
// section s without its key, or "" when e has no content besides the key.
func (e *element) fingerprint(s *Section) string {
	var b strings.Builder
	content := false
	for _, l := range e.leaves {
		if l.name == s.Key || !s.compared[l.name] {
			continue
		}
		content = content || l.canon != ""
		b.WriteString(l.name)
		b.WriteByte('=')
		b.WriteString(l.canon)
		b.WriteByte(0)
	}
	if !content {
		return ""
	}
	return b.String()
}

// isScalarType reports whether values of t are compared as one value.
func isScalarType(t reflect.Type) bool {
	switch t {
	case textType, dateType, addrType, cidrType, portsType:
		return true
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int64, reflect.Int32:
		return true
	case reflect.Pointer:
		return t.Elem().Kind() == reflect.Bool
	}
	return false
}

// isLeafType reports whether a field of type t is one leaf: a scalar, or a
// list (compared as a set).
func isLeafType(t reflect.Type) bool {
	return isScalarType(t) || t.Kind() == reflect.Slice
}

// leafNames lists the leaves of struct type t in declaration order.
func leafNames(t reflect.Type) []string {
	var out []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for _, f := range yamlx.StructFields(t).Fields {
			ft := f.Type
			if ft.Kind() == reflect.Pointer && !isScalarType(ft) {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && !isLeafType(ft) {
				walk(ft, prefix+f.Name+".")
				continue
			}
			out = append(out, prefix+f.Name)
		}
	}
	walk(t, "")
	return out
}

// renamer maps a reference value of the named field to the current key of
// the element it names.
type renamer func(field, value string) string

// flatten returns the leaves of struct value v, in the order of leafNames.
func flatten(v reflect.Value, rename renamer) []leaf {
	var out []leaf
	var walk func(v reflect.Value, prefix string)
	walk = func(v reflect.Value, prefix string) {
		for _, f := range yamlx.StructFields(v.Type()).Fields {
			fv := v.FieldByIndex(f.Index)
			name := prefix + f.Name
			if fv.Kind() == reflect.Pointer && !isScalarType(fv.Type()) {
				if fv.IsNil() {
					fv = reflect.Zero(fv.Type().Elem())
				} else {
					fv = fv.Elem()
				}
			}
			if fv.Kind() == reflect.Struct && !isLeafType(fv.Type()) {
				walk(fv, name+".")
				continue
			}
			var ren func(string) string
			if rename != nil {
				ren = func(s string) string { return rename(name, s) }
			}
			c, s := leafValue(fv, ren)
			out = append(out, leaf{name: name, canon: c, show: s, value: fv})
		}
	}
	walk(v, "")
	return out
}

var spaceRE = regexp.MustCompile(`\s+`)

// oneLine collapses white space, so that refolding prose is no change.
func oneLine(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		switch c := s[i]; {
		case c == ' ':
			clean = i > 0 && i < len(s)-1 && s[i-1] != ' '
		case c < ' ' || c >= 0x80:
			clean = false // control characters, or Unicode white space
		}
	}
	if clean {
		return s
	}
	return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
}

// leafValue returns the canonical and the shown form of a leaf value;
// rename, when not nil, maps reference strings.
func leafValue(v reflect.Value, rename func(string) string) (canon, show string) {
	switch v.Type() {
	case textType:
		s := oneLine(v.Interface().(spec.Text).Value)
		return s, s
	case dateType:
		s := v.Interface().(spec.Date).String()
		return s, s
	case addrType:
		s := oneLine(v.Interface().(spec.Address).Text)
		return strings.ToLower(s), s
	case cidrType:
		p := v.Interface().(spec.CIDR).Prefix
		if !p.IsValid() {
			return "", ""
		}
		return p.Masked().String(), p.String()
	case portsType:
		p := normalPorts(v.Interface().(spec.Ports))
		return p.String(), p.String()
	}
	switch v.Kind() {
	case reflect.String:
		s := oneLine(v.String())
		if rename != nil && s != "" {
			s = rename(s)
		}
		return s, s
	case reflect.Bool:
		s := strconv.FormatBool(v.Bool())
		return s, s
	case reflect.Int, reflect.Int64, reflect.Int32:
		if v.Int() == 0 {
			return "", ""
		}
		s := strconv.FormatInt(v.Int(), 10)
		return s, s
	case reflect.Pointer:
		if v.IsNil() {
			return "", ""
		}
		return leafValue(v.Elem(), rename)
	case reflect.Slice:
		return setValue(v, rename)
	case reflect.Struct:
		return structValue(v)
	}
	return "", ""
}

// setValue is the value of a list compared as a set: its canonical form is
// the sorted canonical forms of its elements, so reordering is no change.
func setValue(v reflect.Value, rename func(string) string) (canon, show string) {
	var cs, ss []string
	for i := 0; i < v.Len(); i++ {
		c, s := leafValue(v.Index(i), rename)
		if c == "" {
			continue
		}
		cs = append(cs, c)
		ss = append(ss, s)
	}
	slices.Sort(cs)
	return strings.Join(cs, "\n"), strings.Join(ss, ", ")
}

// structValue is the value of a struct inside a list (a credential, a
// platform item of a node): its non-empty fields.
func structValue(v reflect.Value) (canon, show string) {
	var cs, ss []string
	for _, l := range flatten(v, nil) {
		if l.canon == "" {
			continue
		}
		cs = append(cs, l.name+"="+l.canon)
		ss = append(ss, l.show)
	}
	return "{" + strings.Join(cs, "; ") + "}", strings.Join(ss, " ")
}

// normalPorts sorts port ranges and merges those that overlap or touch, so
// that "80,443" and "443, 80" are the same ports.
func normalPorts(p spec.Ports) spec.Ports {
	if len(p) == 0 {
		return nil
	}
	out := slices.Clone(p)
	slices.SortFunc(out, func(a, b spec.PortRange) int { return a.Lo - b.Lo })
	merged := out[:1]
	for _, r := range out[1:] {
		last := &merged[len(merged)-1]
		if r.Lo <= last.Hi+1 {
			last.Hi = max(last.Hi, r.Hi)
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

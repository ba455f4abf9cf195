package spec

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/yamlx"
)

// HasOperator reports whether a healthcare organisation operates the device
// or a part of it: professional_operator when set, else whether the device
// is not one for lay users.
func (d Device) HasOperator() bool {
	if d.ProfessionalOp != nil {
		return *d.ProfessionalOp
	}
	return !d.LayUsers
}

// IsSupplied reports whether the manufacturer supplies the node as part of
// the system: supplied when set, else whether it is of kind device.
func (n Node) IsSupplied() bool {
	if n.Supplied != nil {
		return *n.Supplied
	}
	return n.Kind == "device"
}

// Resolve returns the current name of a stakeholder: the deprecated "user"
// of format 1 is the lay user of a device for lay users, else the
// professional user. Other names are returned unchanged.
func (s *Spec) Resolve(st Stakeholder) Stakeholder {
	if st != AnyUser {
		return st
	}
	if s.Device.LayUsers {
		return LayUser
	}
	return ProfessionalUser
}

// IsAbsent reports whether the spec states that the section at the start of
// path does not exist (absent.<section>), for example "accounts" for the
// path "accounts[].name".
func (s *Spec) IsAbsent(path string) bool {
	root, _, _ := strings.Cut(strings.TrimSpace(path), ".")
	root = strings.TrimSuffix(root, "[]")
	if i := strings.IndexByte(root, '['); i >= 0 {
		root = root[:i]
	}
	f := Field(reflect.ValueOf(s.Absent), root)
	return f.IsValid() && !IsPlaceholder(f.Interface().(Text).Value)
}

// AbsentNames lists the sections an `absent:` entry can name, in the order
// of the format.
func AbsentNames() []string {
	return yamlx.StructFields(reflect.TypeOf(Absences{})).Names()
}

var (
	textType  = reflect.TypeOf(Text{})
	dateType  = reflect.TypeOf(Date{})
	addrType  = reflect.TypeOf(Address{})
	cidrType  = reflect.TypeOf(CIDR{})
	portsType = reflect.TypeOf(Ports{})
)

// HasContent reports whether v, a value of the spec, holds real content:
// not a zero value, an empty list, or placeholder text such as TODO. This
// is the one test of "the spec states this" that check and the documents
// share.
func HasContent(v reflect.Value) bool {
	if !v.IsValid() {
		return false
	}
	switch v.Type() {
	case textType:
		return !IsPlaceholder(v.Interface().(Text).Value)
	case dateType:
		return !v.Interface().(Date).IsZero()
	case addrType:
		return v.Interface().(Address).Text != ""
	case cidrType:
		return v.Interface().(CIDR).IsValid()
	case portsType:
		return v.Len() > 0
	}
	switch v.Kind() {
	case reflect.Pointer:
		return !v.IsNil() && (v.Elem().Kind() == reflect.Bool || HasContent(v.Elem()))
	case reflect.String:
		return !IsPlaceholder(v.String())
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int64, reflect.Int32:
		return v.Int() != 0
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			if HasContent(v.Index(i)) {
				return true
			}
		}
		return false
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() && HasContent(v.Field(i)) {
				return true
			}
		}
		return false
	}
	return false
}

// Lookup returns the value at a concrete spec path such as
// "data_streams[3].port" or "support.end_of_support", following pointers;
// ok is false when the path names no field or an index is out of range (a
// nil pointer on the way gives an invalid value with ok true: the field
// exists but is not given).
func (s *Spec) Lookup(path string) (v reflect.Value, ok bool) {
	v = reflect.ValueOf(s).Elem()
	if path == "" {
		return v, true
	}
	for _, seg := range strings.Split(path, ".") {
		name, idx := seg, -1
		if i := strings.IndexByte(seg, '['); i >= 0 && strings.HasSuffix(seg, "]") {
			n, err := strconv.Atoi(seg[i+1 : len(seg)-1])
			if err != nil || n < 0 {
				return reflect.Value{}, false
			}
			name, idx = seg[:i], n
		}
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, true
			}
			v = v.Elem()
		}
		if v.Kind() != reflect.Struct {
			return reflect.Value{}, false
		}
		v = Field(v, name)
		if !v.IsValid() {
			return reflect.Value{}, false
		}
		if idx >= 0 {
			if v.Kind() != reflect.Slice || idx >= v.Len() {
				return reflect.Value{}, false
			}
			v = v.Index(idx)
		}
	}
	for v.Kind() == reflect.Pointer && !v.IsNil() && v.Elem().Kind() != reflect.Bool {
		v = v.Elem()
	}
	return v, true
}

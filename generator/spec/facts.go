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

// DeviceNode returns the index of the node that is the device itself: the
// first node of kind device not stated as supplied: false, or -1.
func (s *Spec) DeviceNode() int {
	for i, n := range s.Network.Nodes {
		if n.Kind == "device" && (n.Supplied == nil || *n.Supplied) {
			return i
		}
	}
	return -1
}

// IsSupplied reports whether the manufacturer supplies node i as part of
// the system: nodes[i].supplied when set, else whether the node is the
// device itself (DeviceNode). Further nodes of kind device are other
// equipment, such as another manufacturer's modality, unless they say
// supplied: true; so a format-1 spec keeps its meaning.
func (s *Spec) IsSupplied(i int) bool {
	if n := s.Network.Nodes[i]; n.Supplied != nil {
		return *n.Supplied
	}
	return i == s.DeviceNode()
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

// String shows the SNMP version with the security level when one is given,
// such as "v3 authPriv" or "v2c".
func (p SNMP) String() string {
	return strings.TrimSpace(string(p.Version) + " " + string(p.SecurityLevel))
}

package spec

import "reflect"

var (
	textType  = reflect.TypeOf(Text{})
	dateType  = reflect.TypeOf(Date{})
	addrType  = reflect.TypeOf(Address{})
	cidrType  = reflect.TypeOf(CIDR{})
	portsType = reflect.TypeOf(Ports{})
)

// HasContent reports whether v, a value of the spec model, holds real
// content: not a zero value, an empty list, or placeholder text such as TODO.
// A *bool counts as content once it is set, true or false, because false is
// a statement; a plain bool only when it is true.
func HasContent(v reflect.Value) bool {
	switch v.Type() {
	case textType:
		return !IsPlaceholder(v.Interface().(Text).Value)
	case dateType:
		return !v.Interface().(Date).IsZero()
	case addrType:
		return v.Interface().(Address).Text != ""
	case cidrType:
		return v.Interface().(CIDR).IsValid()
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
		if v.Len() == 0 {
			return false
		}
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

// IsList reports whether v is a list of the spec model (a YAML sequence),
// as opposed to a scalar such as Ports that is written as a list.
func IsList(v reflect.Value) bool { return v.Kind() == reflect.Slice && v.Type() != portsType }

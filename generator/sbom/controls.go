package sbom

import (
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// isControl reports the characters that Normalize removes from SBOM text:
// the C0 controls other than tab, line feed and carriage return (NUL, BEL,
// ESC, ...), DEL, and the C1 controls. Nothing in an SBOM needs them, and
// in a document they hide text, ring bells or drive terminals.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7f && r <= 0x9f)
}

// stripControls removes control characters from s; ok is false when there
// were any.
func stripControls(s string) (clean string, ok bool) {
	if strings.IndexFunc(s, isControl) < 0 {
		return s, true
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s), false
}

// stripAllControls removes control characters from every text of b and
// records in b.ControlChars where it found them. The path of a text is
// only spelled out for texts that had control characters.
func (b *BOM) stripAllControls() {
	type step struct {
		field string // a field name, or "" for an index
		index int
	}
	var path []step // of the value being walked
	spell := func() string {
		var sb strings.Builder
		for _, st := range path {
			if st.field == "" {
				sb.WriteString("[" + strconv.Itoa(st.index) + "]")
				continue
			}
			if sb.Len() > 0 {
				sb.WriteByte('.')
			}
			sb.WriteString(lowerFirst(st.field))
		}
		return sb.String()
	}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if clean, ok := stripControls(v.String()); !ok {
				v.SetString(clean)
				b.ControlChars = append(b.ControlChars, spell())
			}
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			for i := range v.Len() {
				path = append(path, step{index: i})
				walk(v.Index(i))
				path = path[:len(path)-1]
			}
		case reflect.Struct:
			t := v.Type()
			for i := range t.NumField() {
				if f := t.Field(i); f.IsExported() && f.Name != "ControlChars" {
					path = append(path, step{field: f.Name})
					walk(v.Field(i))
					path = path[:len(path)-1]
				}
			}
		}
	}
	walk(reflect.ValueOf(b).Elem())
}

// lowerFirst writes a field name in lower camel case, as in the JSON form.
func lowerFirst(field string) string {
	r, n := utf8.DecodeRuneInString(field)
	return strings.ToLower(string(r)) + field[n:]
}

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
// records in b.ControlChars where it found them.
func (b *BOM) stripAllControls() {
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.String:
			if clean, ok := stripControls(v.String()); !ok {
				v.SetString(clean)
				b.ControlChars = append(b.ControlChars, path)
			}
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), path)
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), path+"["+strconv.Itoa(i)+"]")
			}
		case reflect.Struct:
			t := v.Type()
			for i := range t.NumField() {
				if f := t.Field(i); f.IsExported() && f.Name != "ControlChars" {
					walk(v.Field(i), joinPath(path, f.Name))
				}
			}
		}
	}
	walk(reflect.ValueOf(b).Elem(), "")
}

// joinPath appends a field name, in lower camel case, to a path.
func joinPath(path, field string) string {
	r, n := utf8.DecodeRuneInString(field)
	field = strings.ToLower(string(r)) + field[n:]
	if path == "" {
		return field
	}
	return path + "." + field
}

package mds2

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// render renders note or value parts in x and returns the text and the
// spec paths it was taken from. Parts without content are left out. In a
// note (sentences true) each part ends as a sentence and parts are joined
// with a space; a value's parts are joined with "; ".
func (e *env) render(x ctx, parts []NotePart, sentences bool) (string, []string) {
	var texts, paths []string
	for i := range parts {
		p := &parts[i]
		var text string
		var used []string
		switch {
		case p.Text != "":
			text = p.Text
		case p.Path != "":
			var items []string
			for _, t := range resolve(x, p.Path) {
				if t.v.IsValid() && spec.HasContent(t.v) {
					items = append(items, textOf(t.v))
					used = append(used, t.path)
				}
			}
			text = join(items)
		case p.List != "":
			text, used = e.list(x, p)
		case p.Fact != "":
			text, used = facts[p.Fact].text(e)
		}
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		if p.Label != "" {
			text = p.Label + ": " + text
		}
		if sentences && !strings.ContainsAny(text[len(text)-1:], ".!?") {
			text += "."
		}
		texts = append(texts, text)
		paths = append(paths, used...)
	}
	if sentences {
		return strings.Join(texts, " "), dedupe(paths)
	}
	return join(texts), dedupe(paths)
}

// join joins items into one text with semicolons; a full stop ending an
// item other than the last is dropped, so that the text does not read ".;"
// (as in the documents' tables).
func join(items []string) string {
	out := make([]string, len(items))
	for i, s := range items {
		if i < len(items)-1 {
			s = strings.TrimSuffix(s, ".")
		}
		out[i] = s
	}
	return strings.Join(out, "; ")
}

// list renders the elements of a list part that match its condition; an
// element that renders like an earlier one is left out.
func (e *env) list(x ctx, p *NotePart) (string, []string) {
	var items, used []string
	seen := map[string]bool{}
	for _, t := range resolve(x, p.List) {
		if !t.v.IsValid() || t.v.Kind() != reflect.Slice {
			continue
		}
		for i := 0; i < t.v.Len(); i++ {
			el := ctx{v: t.v.Index(i), path: yamlx.Index(t.path, i)}
			if p.Where != nil {
				if ok, _ := e.cond(el, p.Where); !ok {
					continue
				}
			}
			var b strings.Builder
			if err := p.show.Execute(&b, e.elementData(el.v)); err != nil {
				continue // the form tests run every template; see validate
			}
			if s := strings.TrimSpace(b.String()); s != "" && !seen[s] {
				seen[s] = true
				items = append(items, s)
				used = append(used, el.path)
			}
		}
	}
	return join(items), used
}

// textOf renders a spec value as plain text: scalars as written, yes/no
// fields as words, lists of scalars joined with "; ".
func textOf(v reflect.Value) string {
	if !v.IsValid() {
		return ""
	}
	if s, ok := v.Interface().(interface{ String() string }); ok && v.Kind() != reflect.Pointer {
		return strings.TrimSpace(s.String())
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		return textOf(v.Elem())
	case reflect.Bool:
		if v.Bool() {
			return msg.Get("word.yes")
		}
		return msg.Get("word.no")
	case reflect.String:
		return strings.TrimSpace(v.String())
	case reflect.Int, reflect.Int32, reflect.Int64:
		if v.Int() == 0 {
			return ""
		}
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Slice:
		var items []string
		for i := 0; i < v.Len(); i++ {
			if s := textOf(v.Index(i)); s != "" {
				items = append(items, s)
			}
		}
		return join(items)
	}
	return ""
}

// elementData returns the template data of a list element, made once per
// evaluation: several questions list the same elements.
func (e *env) elementData(v reflect.Value) any {
	if !v.CanAddr() {
		return elementData(v)
	}
	k := elementKey{v.Addr().Pointer(), v.Type()}
	d, ok := e.data[k]
	if !ok {
		d = elementData(v)
		e.data[k] = d
	}
	return d
}

// elementKey identifies a list element of the spec.
type elementKey struct {
	addr uintptr
	typ  reflect.Type
}

// elementData makes the data a list part's template sees: the element's
// fields by YAML key, each as text. Nested sections become maps in turn.
func elementData(v reflect.Value) any {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return ""
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct || isScalarStruct(v.Type()) {
		return textOf(v)
	}
	info := yamlx.StructFields(v.Type())
	m := make(map[string]any, len(info.Fields))
	for _, f := range info.Fields {
		m[f.Name] = elementData(v.FieldByIndex(f.Index))
	}
	return m
}

// isScalarStruct reports whether t is a spec type written as one scalar.
func isScalarStruct(t reflect.Type) bool {
	_, ok := reflect.New(t).Interface().(yamlx.ScalarDecoder)
	return ok || t == reflect.TypeOf(spec.Text{})
}

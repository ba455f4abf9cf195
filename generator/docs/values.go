package docs

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// value is something to place in a sentence: inline content and the spec
// paths it comes from. A value whose fact the spec does not state is empty,
// and a sentence that uses an empty value is left out of the document: a
// statement appears only when the fact behind it is present.
type value struct {
	content []docmodel.Inline
	paths   []string
	// optional values may be empty without leaving their sentence out: the
	// sentence then reads without them.
	optional bool
	// cited values are not shown: they name the facts a fixed sentence
	// states ("Updates install automatically." states updates.automatic).
	cited bool
}

// empty reports whether the value holds nothing to show.
func (v value) empty() bool { return len(v.content) == 0 }

// text returns the value's plain text.
func (v value) text() string { return docmodel.PlainText(v.content) }

// noValue is the value of a fact the spec does not state.
var noValue = value{}

// plainValue is fixed text with no spec path behind it.
func plainValue(s string) value { return value{content: docmodel.Plain(s)} }

// fact returns the value at a spec path, formatted by its type: text as it
// is written, dates as YYYY-MM-DD, web addresses and e-mail addresses as
// links, yes/no for flags, enumeration values in words where the message
// catalog has words for them, lists joined with semicolons.
func (b *builder) fact(path string) value {
	v, ok := b.in.Spec.Lookup(path)
	if !ok {
		panic(noSpecField(path))
	}
	if !spec.HasContent(v) {
		return noValue // a pointer to false is content: the spec says "no"
	}
	content := b.formatValue(v)
	if len(content) == 0 {
		return noValue
	}
	return value{content: content, paths: []string{path}}
}

// formatValue shows a spec value as inline content.
func (w words) formatValue(v reflect.Value) []docmodel.Inline {
	switch x := v.Interface().(type) {
	case spec.Text:
		return docmodel.Plain(oneLine(w.tr(x)))
	case spec.Date:
		return docmodel.Plain(w.m.Date(x.Time))
	case spec.URL:
		return []docmodel.Inline{&docmodel.Link{URL: string(x), Content: docmodel.Plain(strings.TrimPrefix(string(x), "mailto:"))}}
	case spec.Email:
		return []docmodel.Inline{&docmodel.Link{URL: "mailto:" + string(x), Content: docmodel.Plain(string(x))}}
	case spec.Ports:
		return docmodel.Plain(x.String())
	case *bool:
		if x == nil {
			return nil
		}
		return docmodel.Plain(w.yesNo(*x))
	case []spec.Text:
		return docmodel.Plain(w.joinTexts(x))
	case []string:
		return docmodel.Plain(strings.Join(x, ", "))
	}
	switch v.Kind() {
	case reflect.String:
		return docmodel.Plain(w.enumWords(v))
	case reflect.Int, reflect.Int64, reflect.Int32:
		return docmodel.Plain(w.m.Int(int(v.Int())))
	case reflect.Bool:
		return docmodel.Plain(w.yesNo(v.Bool()))
	}
	panic(templateError{fmt.Sprintf("a %s cannot be shown in a sentence; use a function made for it", v.Type())})
}

// enumWords shows an enumeration value in words when the message catalog
// has them (enum.<type>.<value>), else as written.
func (w words) enumWords(v reflect.Value) string {
	s := v.String()
	if _, ok := v.Interface().(yamlx.Enum); !ok || s == "" {
		return s
	}
	key := "enum." + strings.ToLower(v.Type().Name()) + "." + s
	if w.has(key) {
		return w.get(key)
	}
	return s
}

// oneLine collapses white space, newlines included, to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (w words) yesNo(b bool) string {
	if b {
		return w.get("word.yes")
	}
	return w.get("word.no")
}

// joinTexts joins list items for one table cell or sentence, separated by
// semicolons; a full stop ending an item is dropped so it does not read
// ".;".
func (w words) joinTexts(ts []spec.Text) string {
	parts := make([]string, 0, len(ts))
	for _, t := range ts {
		s := oneLine(w.tr(t))
		if s == "" || spec.IsPlaceholder(s) {
			continue
		}
		parts = append(parts, s)
	}
	for i := 0; i < len(parts)-1; i++ {
		parts[i] = strings.TrimSuffix(parts[i], ".")
	}
	return w.join(parts)
}

// contact shows a contact: its name, then e-mail, telephone and web page,
// as far as given. A contact without a way to reach it is empty.
func (b *builder) contact(path string) value {
	v, ok := b.in.Spec.Lookup(path)
	if !ok {
		panic(noSpecField(path))
	}
	c, ok := v.Interface().(spec.Contact)
	if !ok {
		panic(templateError{fmt.Sprintf("%q is not a contact", path)})
	}
	if c.Email == "" && spec.IsPlaceholder(c.Phone) && c.URL == "" {
		return noValue
	}
	var out []docmodel.Inline
	var paths []string
	add := func(field, key string, content []docmodel.Inline) {
		if len(out) > 0 {
			out = append(out, &docmodel.Text{Text: b.get("contact.separator")})
		}
		if key != "" {
			out = append(out, &docmodel.Text{Text: b.get(key)})
		}
		out = append(out, content...)
		paths = append(paths, yamlx.Join(path, field))
	}
	if !spec.IsPlaceholder(c.Name) {
		add("name", "", docmodel.Plain(oneLine(c.Name)))
	}
	if c.Email != "" {
		add("email", "contact.email", b.formatValue(reflect.ValueOf(c.Email)))
	}
	if !spec.IsPlaceholder(c.Phone) {
		add("phone", "contact.phone", docmodel.Plain(oneLine(c.Phone)))
	}
	if c.URL != "" {
		add("url", "contact.url", b.formatValue(reflect.ValueOf(c.URL)))
	}
	return value{content: out, paths: paths}
}

// roleName shows the role whose id is at path, by its name.
func (b *builder) roleName(path string) value {
	v := b.fact(path)
	if v.empty() {
		return v
	}
	id := v.text()
	for _, r := range b.in.Spec.Roles {
		if r.ID == id && r.Name != "" {
			return value{content: docmodel.Plain(r.Name), paths: v.paths}
		}
	}
	return v
}

// endpointValue shows the node or zone whose id is at path, by its name.
func (b *builder) endpointValue(path string) value {
	v := b.fact(path)
	if v.empty() {
		return v
	}
	return value{content: docmodel.Plain(b.endpointName(b.in.Spec, v.text())), paths: v.paths}
}

// count is the number of items of the list at path; empty for none.
func (b *builder) count(path string) value {
	v, ok := b.in.Spec.Lookup(path)
	if !ok || v.Kind() != reflect.Slice {
		panic(templateError{fmt.Sprintf("%q is not a list", path)})
	}
	if v.Len() == 0 {
		return noValue
	}
	return value{content: docmodel.Plain(b.m.Int(v.Len())), paths: []string{path}}
}

// endpointName shows a node or zone id with its display name.
func (w words) endpointName(s *spec.Spec, id string) string {
	if id == spec.AnyEndpoint {
		return w.get("word.any")
	}
	for _, n := range s.Network.Nodes {
		if n.ID == id && n.Name != "" {
			return n.Name + " (" + id + ")"
		}
	}
	for _, z := range s.Network.Zones {
		if z.ID == id && z.Name != "" {
			return z.Name + " (" + id + ")"
		}
	}
	return id
}

// templateError is a mistake in a document template (a spec path that
// does not exist, a function used on the wrong kind of field). Template
// functions panic with it; the builder turns it into an error that names the
// template.
type templateError struct{ msg string }

func (e templateError) Error() string { return e.msg }

package docs

import (
	"reflect"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/spec"
)

// TestTemplateFunctionsDocumented checks that every template function has
// an entry in templates/help/template-functions.yaml, that every entry is a
// function, and that its usage has as many arguments as the function takes.
func TestTemplateFunctionsDocumented(t *testing.T) {
	h, err := loadTemplateHelp()
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string]bool{}
	for _, g := range h.Groups {
		groups[g.ID] = true
	}
	funcs := (&run{b: &builder{in: Input{Spec: &spec.Spec{}}}, view: &view{}}).funcs()
	documented := map[string]bool{}
	for _, fd := range h.Functions {
		if documented[fd.Name] {
			t.Errorf("%s is documented twice", fd.Name)
		}
		documented[fd.Name] = true
		fn, ok := funcs[fd.Name]
		if !ok {
			t.Errorf("%s is documented but is no template function", fd.Name)
			continue
		}
		if !groups[fd.Group] || strings.TrimSpace(fd.Doc) == "" {
			t.Errorf("%s: no group %q or no doc", fd.Name, fd.Group)
		}
		words := strings.Fields(fd.Usage)
		if len(words) == 0 || words[0] != fd.Name {
			t.Errorf("%s: usage %q does not start with its name", fd.Name, fd.Usage)
			continue
		}
		ft := reflect.TypeOf(fn)
		var required, optional int
		variadic := false
		for _, w := range words[1:] {
			switch {
			case strings.HasSuffix(strings.TrimSuffix(w, "]"), "..."):
				variadic = true
			case strings.HasPrefix(w, "["):
				optional++
			default:
				required++
			}
		}
		wantIn := ft.NumIn()
		if ft.IsVariadic() {
			wantIn--
			if !variadic && optional != 1 {
				t.Errorf("%s takes any number of arguments at the end; usage %q does not say so", fd.Name, fd.Usage)
			}
		} else if variadic || optional > 0 {
			t.Errorf("%s takes exactly %d arguments; usage %q says otherwise", fd.Name, wantIn, fd.Usage)
		}
		if required != wantIn {
			t.Errorf("%s takes %d fixed arguments; usage %q names %d", fd.Name, wantIn, fd.Usage, required)
		}
	}
	for name := range funcs {
		if !documented[name] {
			t.Errorf("template function %s is not documented in templates/help/template-functions.yaml", name)
		}
	}
}

// TestViewFieldsDocumented checks that every field of the template data
// and of the document definition has a doc tag.
func TestViewFieldsDocumented(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeOf(view{}), reflect.TypeOf(docDef{})} {
		for i := 0; i < typ.NumField(); i++ {
			if f := typ.Field(i); f.IsExported() && f.Tag.Get("doc") == "" {
				t.Errorf("%s.%s has no doc tag", typ.Name(), f.Name)
			}
		}
	}
}

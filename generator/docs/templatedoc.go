package docs

import (
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/templates"
)

// funcDoc documents one template function (templates/help/template-functions.yaml).
type funcDoc struct {
	Name  string `yaml:"name"`
	Group string `yaml:"group"`
	Usage string `yaml:"usage"`
	Doc   string `yaml:"doc"`
}

// templateHelp is templates/help/template-functions.yaml: the wording of
// `docgen templates doc`.
type templateHelp struct {
	Title          string            `yaml:"title"`
	Intro          string            `yaml:"intro"`
	DataTitle      string            `yaml:"data_title"`
	DataIntro      string            `yaml:"data_intro"`
	SpecTitle      string            `yaml:"spec_title"`
	SpecIntro      string            `yaml:"spec_intro"`
	Columns        map[string]string `yaml:"columns"`
	Kinds          map[string]string `yaml:"kinds"`
	FunctionsTitle string            `yaml:"functions_title"`
	Groups         []struct {
		ID    string `yaml:"id"`
		Title string `yaml:"title"`
	} `yaml:"groups"`
	Functions []funcDoc `yaml:"functions"`
}

var loadTemplateHelp = sync.OnceValues(func() (*templateHelp, error) {
	data, err := templates.FS.ReadFile("help/template-functions.yaml")
	if err != nil {
		return nil, err
	}
	var h templateHelp
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&h); err != nil {
		return nil, fmt.Errorf("templates/help/template-functions.yaml: %w", err)
	}
	return &h, nil
})

// WriteTemplateDoc writes the reference of the document templates as
// Markdown: the data every template receives (from the Go types, with
// their yaml names and doc tags) and the template functions (from the
// function list, documented in templates/help/template-functions.yaml).
func WriteTemplateDoc(w io.Writer) error {
	h, err := loadTemplateHelp()
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", h.Title, h.Intro)

	fmt.Fprintf(&b, "## %s\n\n%s\n\n", h.DataTitle, h.DataIntro)
	data := templateData()
	c := h.Columns
	for _, d := range data {
		if d.t == reflect.TypeOf(spec.Spec{}) {
			fmt.Fprintf(&b, "## %s\n\n%s\n\n", h.SpecTitle, h.SpecIntro)
		}
		title := "`." + strings.TrimPrefix(d.expr, ".") + "`"
		if d.path != "" {
			title += " (`" + d.path + "`)"
		}
		fmt.Fprintf(&b, "### %s\n\n", title)
		showPath := d.t != reflect.TypeOf(view{}) && d.t != reflect.TypeOf(docDef{})
		if showPath {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n|---|---|---|---|\n", c["field"], c["path"], c["kind"], c["doc"])
		} else {
			fmt.Fprintf(&b, "| %s | %s | %s |\n|---|---|---|\n", c["field"], c["kind"], c["doc"])
		}
		for i := 0; i < d.t.NumField(); i++ {
			f := d.t.Field(i)
			if !f.IsExported() {
				continue
			}
			doc := cell(f.Tag.Get("doc"))
			kind := cell(h.kind(f.Type, d.expr+"."+f.Name))
			if showPath {
				p := ""
				if yn := yamlName(f); yn != "" {
					p = "`" + joinPath(d.path, yn) + "`"
				}
				fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", f.Name, p, kind, doc)
			} else {
				fmt.Fprintf(&b, "| `%s` | %s | %s |\n", f.Name, kind, doc)
			}
		}
		b.WriteString("\n")
	}

	fmt.Fprintf(&b, "## %s\n\n", h.FunctionsTitle)
	for _, g := range h.Groups {
		fmt.Fprintf(&b, "### %s\n\n", g.Title)
		for _, fd := range h.Functions {
			if fd.Group != g.ID {
				continue
			}
			fmt.Fprintf(&b, "#### %s\n\n`{{%s}}`\n\n%s\n\n", fd.Name, fd.Usage, strings.TrimSpace(fd.Doc))
		}
	}
	_, err = io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

// joinPath joins spec path segments.
func joinPath(p, name string) string {
	if p == "" {
		return name
	}
	return p + "." + name
}

// itemRefRE is a reference to a catalog item in a doc tag: {item:IFU-ENV}.
var itemRefRE = regexp.MustCompile(`\{item:([A-Z0-9-]+)\}`)

// cell escapes text for a Markdown table cell; a catalog item reference
// shows the item's id.
func cell(s string) string {
	s = itemRefRE.ReplaceAllString(s, "(`$1`)")
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ")
}

// kind names the kind of a field's values in a template author's words.
func (h *templateHelp) kind(t reflect.Type, expr string) string {
	switch {
	case t == reflect.TypeOf(spec.Text{}):
		return h.Kinds["text"]
	case t == reflect.TypeOf(spec.Date{}):
		return h.Kinds["date"]
	}
	switch t.Kind() {
	case reflect.Pointer:
		return h.kind(t.Elem(), expr)
	case reflect.String:
		return h.Kinds["text"]
	case reflect.Bool:
		return h.Kinds["yesno"]
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return h.Kinds["number"]
	case reflect.Slice, reflect.Array:
		return fmt.Sprintf(h.Kinds["list"], h.kind(t.Elem(), expr))
	case reflect.Map:
		return h.Kinds["map"]
	case reflect.Struct:
		for _, d := range templateData() {
			if d.t == t {
				expr = d.expr
			}
		}
		return fmt.Sprintf(h.Kinds["object"], "`"+expr+"`")
	}
	return ""
}

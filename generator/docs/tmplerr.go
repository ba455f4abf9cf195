package docs

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// TemplateError is an error in a document template, located in the file a
// user can open: the override's file, or the embedded template's path in
// the docgen sources. Its text names no Go types.
type TemplateError struct {
	File      string
	Line, Col int // Col is 0 when unknown (parse errors)
	Msg       string
}

func (e *TemplateError) Error() string {
	if e.Col == 0 {
		return msg.Format("docs.tmpl.at_line", e.File, e.Line, e.Msg)
	}
	return msg.Format("docs.tmpl.at", e.File, e.Line, e.Col, e.Msg)
}

var (
	// execRE takes apart text/template's execution error:
	// template: NAME:LINE:COL: executing "NAME" at <NODE>: DETAIL
	execRE = regexp.MustCompile(`(?s)^template: (.+?):(\d+):(\d+): executing ".*?" at <(.*?)>: (.*)$`)
	// parseRE takes apart a parse error: template: NAME:LINE: DETAIL
	parseRE   = regexp.MustCompile(`(?s)^template: (.+?):(\d+):(?:(\d+):)? (.*)$`)
	noFieldRE = regexp.MustCompile(`^can't evaluate field (\S+) in type (\S+)$`)
	argsRE    = regexp.MustCompile(`^wrong number of args for (\S+): want (at least )?(\d+) got (\d+)$`)
	callRE    = regexp.MustCompile(`(?s)^error calling (\S+): (.*)$`)
	noFuncRE  = regexp.MustCompile(`^function "(.+)" not defined$`)
)

// execError turns an error of executing template name into a
// TemplateError; an error that already is one (from a section template
// called by name) is returned as it is, so the innermost template is named.
func (ts *templateSet) execError(name string, err error) error {
	var te *TemplateError
	if errors.As(err, &te) {
		return te
	}
	var ee template.ExecError
	if !errors.As(err, &ee) {
		return fmt.Errorf("docs: template %s: %w", ts.file(name), err)
	}
	m := execRE.FindStringSubmatch(ee.Err.Error())
	if m == nil {
		return fmt.Errorf("docs: template %s: %w", ts.file(name), err)
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	return &TemplateError{File: ts.file(m[1]), Line: line, Col: col, Msg: explain(m[5])}
}

// parseError turns an error of parsing template name into a TemplateError.
func (ts *templateSet) parseError(name string, err error) error {
	m := parseRE.FindStringSubmatch(err.Error())
	if m == nil {
		return fmt.Errorf("docs: template %s: %w", ts.file(name), err)
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	detail := m[4]
	if f := noFuncRE.FindStringSubmatch(detail); f != nil {
		detail = msg.Format("docs.tmpl.no_function", f[1], didYouMean(f[1], funcNames()))
	}
	return &TemplateError{File: ts.file(m[1]), Line: line, Col: col, Msg: detail}
}

// explain rewrites the detail of an execution error in the words of a
// template author.
func explain(detail string) string {
	if m := noFieldRE.FindStringSubmatch(detail); m != nil {
		where, fields := dataType(m[2])
		return msg.Format("docs.tmpl.no_field", m[1], where, didYouMean(m[1], fields))
	}
	if m := argsRE.FindStringSubmatch(detail); m != nil {
		want, _ := strconv.Atoi(m[3])
		key := "docs.tmpl.args"
		if m[2] != "" {
			key = "docs.tmpl.args_at_least"
		}
		got, _ := strconv.Atoi(m[4])
		return msg.Format(key, m[1], want, got)
	}
	if m := callRE.FindStringSubmatch(detail); m != nil {
		return m[2]
	}
	return detail
}

// dataType describes the Go type named in an error as the template data it
// is (the spec, the spec's device, ...) and lists its field names.
func dataType(goType string) (string, []string) {
	for _, d := range templateData() {
		if d.goType == strings.TrimPrefix(goType, "*") {
			return d.where, d.fields
		}
	}
	return msg.Get("docs.tmpl.a_value"), nil
}

// dataDesc is a struct type that templates see, reached from the data of
// a template.
type dataDesc struct {
	goType string
	// expr is how a template reaches it (.Spec.Device), path its spec path
	// (device; "" for the template data and the spec itself).
	expr, path string
	where      string
	t          reflect.Type
	fields     []string
}

// templateData lists the struct types reachable from the data of a
// template, breadth first, each once.
func templateData() []dataDesc {
	var out []dataDesc
	seen := map[reflect.Type]bool{}
	type entry struct {
		t          reflect.Type
		expr, path string
	}
	queue := []entry{{reflect.TypeOf(view{}), "", ""}}
	for len(queue) > 0 {
		e := queue[0]
		queue = queue[1:]
		t := e.t
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] || t.PkgPath() == "time" {
			continue
		}
		if t == reflect.TypeOf(spec.Text{}) || t == reflect.TypeOf(spec.Date{}) {
			continue
		}
		seen[t] = true
		d := dataDesc{goType: t.String(), expr: e.expr, path: e.path, t: t}
		switch {
		case t == reflect.TypeOf(view{}):
			d.where = msg.Get("docs.tmpl.the_data")
		case t == reflect.TypeOf(spec.Spec{}):
			d.where = msg.Get("docs.tmpl.the_spec")
		case t == reflect.TypeOf(docDef{}):
			d.where = msg.Get("docs.tmpl.the_doc")
		default:
			d.where = msg.Format("docs.tmpl.in_spec", e.path)
		}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			d.fields = append(d.fields, f.Name)
			p := e.path
			if yn := yamlName(f); yn != "" && t != reflect.TypeOf(view{}) {
				p = yamlx.Join(p, yn)
				if f.Type.Kind() == reflect.Slice {
					p += "[]"
				}
			}
			queue = append(queue, entry{f.Type, e.expr + "." + f.Name, p})
		}
		out = append(out, d)
	}
	return out
}

// yamlName is the name of a struct field in the spec file.
func yamlName(f reflect.StructField) string {
	n, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if n == "-" {
		return ""
	}
	return n
}

// funcNames are the names of the template functions, sorted.
func funcNames() []string {
	var names []string
	for n := range placeholderFuncs() {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// placeholderFuncs has the names of the template functions, bound to
// nothing: enough for parsing and for listing them.
func placeholderFuncs() template.FuncMap {
	out := template.FuncMap{}
	for name := range (&run{b: &builder{in: Input{Spec: &spec.Spec{}}}, view: &view{}}).funcs() {
		out[name] = func(...any) string { return "" }
	}
	return out
}

// didYouMean suggests the candidate nearest to s, as in the spec
// diagnostics, or "" when none is near.
func didYouMean(s string, candidates []string) string {
	if best := nearest(s, candidates); best != "" {
		return msg.Format("docs.tmpl.did_you_mean", best)
	}
	return ""
}

// nearest is the candidate nearest to s, by the measure of the spec
// diagnostics, or "" when none is near.
func nearest(s string, candidates []string) string {
	best, bestDist := "", 1<<30
	for _, c := range candidates {
		d := yamlx.Distance(strings.ToLower(s), strings.ToLower(c))
		if d >= utf8.RuneCountInString(c) {
			continue
		}
		if d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" || bestDist > max(len(s)/3, 2) {
		return ""
	}
	return best
}

// specPathHint suggests the spec path a template meant when path names no
// spec field: the path with its first wrong segment corrected.
func specPathHint(path string) string {
	t := reflect.TypeOf(spec.Spec{})
	var done []string
	for _, seg := range strings.Split(path, ".") {
		name, _, _ := strings.Cut(seg, "[")
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return ""
		}
		var names []string
		var next reflect.Type
		for i := 0; i < t.NumField(); i++ {
			if n := yamlName(t.Field(i)); n != "" && t.Field(i).IsExported() {
				names = append(names, n)
				if n == name {
					next = t.Field(i).Type
				}
			}
		}
		if next == nil {
			best := nearest(name, names)
			if best == "" {
				return ""
			}
			return msg.Format("docs.tmpl.did_you_mean", strings.Join(append(done, best), "."))
		}
		done = append(done, seg)
		t = next
	}
	return ""
}

// noSpecField is the error of a template function given a path that names
// no spec field.
func noSpecField(path string) templateError {
	return templateError{msg.Format("docs.tmpl.no_spec_field", path, specPathHint(path))}
}

// messageKeys are the keys of the English message catalog, sorted.
func messageKeys() []string {
	cat, err := msg.Catalog()
	if err != nil {
		return nil
	}
	keys := make([]string, 0, len(cat))
	for k := range cat {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

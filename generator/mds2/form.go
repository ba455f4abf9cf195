package mds2

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"text/template"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
	"github.com/docgen/docgen/specs"
)

// FormFile is the embedded data file of the HN 1-2019 form.
const FormFile = "mds2/hn-1-2019.yaml"

// Form is the MDS2 form as data: its sections and questions, each question
// with a paraphrase and the rules that answer it from spec facts.
type Form struct {
	// Form is the form's designation, e.g. "ANSI/NEMA HN 1-2019".
	Form  string `yaml:"form"`
	Title string `yaml:"title"`
	// Sources are the public documents the question ids were read from.
	Sources  []Source  `yaml:"sources"`
	Sections []Section `yaml:"sections"`

	byID map[string]*Question
	// Sources maps paths in the data file to positions.
	sources *yamlx.SourceMap
}

// Source is a public document the form data was researched from.
type Source struct {
	ID    string `yaml:"id"`
	What  string `yaml:"what"`
	Where string `yaml:"where"`
	Used  string `yaml:"used"`
}

// Section is one section (control group) of the form, e.g. NAUT.
type Section struct {
	Code  string `yaml:"code"`
	Title string `yaml:"title"`
	// About paraphrases what the section covers.
	About string `yaml:"about"`
	// Uncertain says what about the section the sources leave open.
	Uncertain string     `yaml:"uncertain"`
	Questions []Question `yaml:"questions"`
}

// Question is one question of the form.
type Question struct {
	ID string `yaml:"id"`
	// Aliases are other spellings of the id seen in published forms (the
	// form itself writes SHAD-15 for SAHD-15); import accepts them.
	Aliases []string `yaml:"aliases"`
	// Text paraphrases the question in docgen's words.
	Text string `yaml:"text"`
	// Value makes the question an information item (DOC-1 to DOC-7): its
	// answer is the text these parts render, not Yes or No.
	Value []NotePart `yaml:"value"`
	// Rules are tried in order; the first whose condition holds gives the
	// answer.
	Rules []Rule `yaml:"rules"`
	// Also names an earlier question whose rules are tried after these,
	// for questions the form repeats per component kind (CSUP-3.1 = 2.1).
	Also string `yaml:"also"`
	// Gap says why the question may stay unanswered: which facts the spec
	// lacks. NewFact names the kind of new spec fact that would answer it.
	Gap     string `yaml:"gap"`
	NewFact string `yaml:"new_fact"`
	// Uncertain says where the public sources disagree or leave the id or
	// its meaning open.
	Uncertain string `yaml:"uncertain"`

	section *Section
}

// Section returns the section the question belongs to.
func (q *Question) Section() *Section { return q.section }

// Rule answers a question when its condition holds.
type Rule struct {
	If     Cond       `yaml:"if"`
	Answer Answer     `yaml:"answer"`
	Note   []NotePart `yaml:"note"`
}

// Answer is an answer of the form.
type Answer string

// The answers of the form.
const (
	Yes     Answer = "Yes"
	No      Answer = "No"
	NA      Answer = "N/A"
	SeeNote Answer = "See note"
)

// EnumValues implements yamlx.Enum.
func (Answer) EnumValues() []string { return []string{"Yes", "No", "N/A", "See note"} }

// Cond is a condition on spec facts. Exactly one field is set. Paths are
// spec paths in the form of the catalogs ("a.b", "a[].b"); inside the
// `where` of a list condition they are relative to the list element.
type Cond struct {
	// Has holds when the path has real content (not empty, not TODO).
	Has string `yaml:"has"`
	// IsTrue holds when a yes/no field is true; IsFalse when it is set
	// and false.
	IsTrue  string `yaml:"is_true"`
	IsFalse string `yaml:"is_false"`
	// Is holds when a field's value is one of In (case-insensitive).
	Is *IsCond `yaml:"is"`
	// Any holds when some element of the list satisfies Where; None when
	// the list has elements and none does; Every when it has elements and
	// all do.
	Any    *ListCond `yaml:"any"`
	None   *ListCond `yaml:"none"`
	Every  *ListCond `yaml:"every"`
	All    []Cond    `yaml:"all"`
	Either []Cond    `yaml:"either"`
	Not    *Cond     `yaml:"not"`
	// Answer holds when an earlier question has one of the given answers.
	Answer *AnswerCond `yaml:"answer"`
	// Duty holds when the spec's responsibilities give an activity to a
	// stakeholder (docgen's default matrix does not count).
	Duty *DutyCond `yaml:"duty"`
	// Fact holds when a named fact computed by docgen holds (see facts.go).
	Fact string `yaml:"fact"`
	// Node holds, for a list element, when the network node its field
	// names is of one of the kinds.
	Node *NodeCond `yaml:"node"`
	// Cleartext holds, for a data stream, when it is (true) or is not
	// (false) sent in clear, judged as the NET-CLEARTEXT check judges it
	// (package knowledge): by its protocols, its encryption and the tunnel
	// it runs in.
	Cleartext *bool `yaml:"cleartext"`
}

// IsCond compares a field with values.
type IsCond struct {
	Path string   `yaml:"path"`
	In   []string `yaml:"in"`
}

// ListCond is a condition on the elements of a list.
type ListCond struct {
	List  string `yaml:"list"`
	Where *Cond  `yaml:"where"`
	// Min is how many elements must match for Any (default 1).
	Min int `yaml:"min"`
}

// AnswerCond refers to the answer of an earlier question.
type AnswerCond struct {
	Of string   `yaml:"of"`
	In []Answer `yaml:"in"`
}

// DutyCond asks whether one of the stakeholders is responsible for an
// activity of the responsibility matrix (package duties), as the spec sets
// it.
type DutyCond struct {
	Activity    string             `yaml:"activity"`
	Responsible []spec.Stakeholder `yaml:"responsible"`
}

// NodeCond asks for the kind of the network node a field names.
type NodeCond struct {
	Field string   `yaml:"field"`
	Kind  []string `yaml:"kind"`
}

// NotePart is one part of a note or value. Exactly one of Text, Path, List
// and Fact is set; Label prefixes the part.
type NotePart struct {
	Label string `yaml:"label"`
	// Text is fixed text.
	Text string `yaml:"text"`
	// Path renders the content at a spec path.
	Path string `yaml:"path"`
	// List renders each element of a list (that satisfies Where) with the
	// Show template, whose fields are the element's YAML keys.
	List  string `yaml:"list"`
	Where *Cond  `yaml:"where"`
	Show  string `yaml:"show"`
	// Fact renders the text of a fact computed by docgen.
	Fact string `yaml:"fact"`

	show *template.Template
}

var (
	loadOnce sync.Once
	loaded   *Form
	loadErr  error
)

// Load returns the embedded HN 1-2019 form, parsed and validated once.
func Load() (*Form, error) {
	loadOnce.Do(func() {
		data, err := specs.FS.ReadFile(FormFile)
		if err != nil {
			loadErr = err
			return
		}
		loaded, loadErr = Parse("specs/"+FormFile, data)
	})
	return loaded, loadErr
}

// Parse decodes and validates form data; name is used in positions. Unknown
// fields, bad answers, unknown spec paths, unknown facts, references to
// later or unknown questions and template errors are all reported.
func Parse(name string, data []byte) (*Form, error) {
	f := &Form{}
	d := yamlx.NewDecoder(name)
	if d.Decode(data, f) != nil {
		f.sources = d.Sources()
		f.validate(d)
	}
	if err := d.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

// idRE is the shape of a question id: a section code, a dash and a dotted
// number, e.g. NAUT-2.1 or AUDT-2.8.1.
var idRE = regexp.MustCompile(`^([A-Z]{3,4})-[1-9][0-9]?(\.[1-9][0-9]?){0,2}$`)

// validator carries the state of one validation.
type validator struct {
	d    *yamlx.Decoder
	f    *Form
	seen map[string]bool
}

func (f *Form) validate(d *yamlx.Decoder) {
	v := &validator{d: d, f: f, seen: map[string]bool{}}
	f.byID = map[string]*Question{}
	codes := map[string]bool{}
	for i := range f.Sections {
		sec := &f.Sections[i]
		sp := yamlx.Index("sections", i)
		if sec.Code == "" || sec.Title == "" || len(sec.Questions) == 0 {
			v.report(sp, "mds2.form.section_incomplete")
		}
		if codes[sec.Code] {
			v.report(sp, "mds2.form.duplicate", sec.Code)
		}
		codes[sec.Code] = true
		for j := range sec.Questions {
			q := &sec.Questions[j]
			q.section = sec
			v.question(yamlx.Index(yamlx.Join(sp, "questions"), j), q)
		}
	}
}

func (v *validator) report(path, key string, args ...any) {
	v.d.ReportAt(v.f.sources.Lookup(path), key, args...)
}

func (v *validator) question(p string, q *Question) {
	m := idRE.FindStringSubmatch(q.ID)
	switch {
	case m == nil:
		v.report(p, "mds2.form.bad_id", q.ID)
	case m[1] != q.section.Code:
		v.report(p, "mds2.form.wrong_section", q.ID, q.section.Code)
	case v.seen[q.ID]:
		v.report(p, "mds2.form.duplicate", q.ID)
	}
	for _, a := range q.Aliases {
		if v.seen[a] {
			v.report(p, "mds2.form.duplicate", a)
		}
		v.seen[a] = true
	}
	if q.Text == "" {
		v.report(p, "mds2.form.no_text", q.ID)
	}
	hasRules := len(q.Rules) > 0 || q.Also != ""
	if len(q.Value) > 0 && hasRules {
		v.report(p, "mds2.form.value_or_rules", q.ID)
	}
	if len(q.Value) == 0 && !hasRules && q.NewFact == "" {
		v.report(p, "mds2.form.no_new_fact", q.ID)
	}
	if q.Gap == "" {
		v.report(p, "mds2.form.no_gap", q.ID)
	}
	if q.Also != "" && !v.seen[q.Also] {
		v.report(yamlx.Join(p, "also"), "mds2.form.unknown_question", q.Also)
	}
	for k := range q.Value {
		v.note(yamlx.Index(yamlx.Join(p, "value"), k), &q.Value[k], rootType)
	}
	for k := range q.Rules {
		r := &q.Rules[k]
		rp := yamlx.Index(yamlx.Join(p, "rules"), k)
		if r.Answer == "" {
			v.report(rp, "mds2.form.no_answer", q.ID)
		}
		v.cond(yamlx.Join(rp, "if"), &r.If, rootType)
		for n := range r.Note {
			v.note(yamlx.Index(yamlx.Join(rp, "note"), n), &r.Note[n], rootType)
		}
	}
	v.seen[q.ID] = true
	v.f.byID[q.ID] = q
	for _, a := range q.Aliases {
		v.f.byID[a] = q
	}
}

var (
	rootType   = reflect.TypeOf(spec.Spec{})
	streamType = reflect.TypeOf(spec.DataStream{})
)

// path checks that p names a field below t and returns the field's type.
func (v *validator) path(at, p string, t reflect.Type) reflect.Type {
	if err := catalog.CheckPathFrom(t, p); err != nil {
		v.report(at, "mds2.form.bad_path", p, err.Error())
		return nil
	}
	for _, seg := range strings.Split(p, ".") {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		f, _ := yamlx.StructFields(t).Field(strings.TrimSuffix(seg, "[]"))
		t = f.Type
		if strings.HasSuffix(seg, "[]") {
			t = t.Elem()
		}
	}
	return t
}

// list checks that p names a list below t and returns its element type.
func (v *validator) list(at, p string, t reflect.Type) reflect.Type {
	lt := v.path(at, p, t)
	if lt == nil {
		return nil
	}
	if lt.Kind() != reflect.Slice {
		v.report(at, "mds2.form.not_list", p)
		return nil
	}
	return lt.Elem()
}

func (v *validator) cond(p string, c *Cond, t reflect.Type) {
	set := 0
	count := func(ok bool) {
		if ok {
			set++
		}
	}
	count(c.Has != "")
	count(c.IsTrue != "")
	count(c.IsFalse != "")
	count(c.Is != nil)
	count(c.Any != nil)
	count(c.None != nil)
	count(c.Every != nil)
	count(c.All != nil)
	count(c.Either != nil)
	count(c.Not != nil)
	count(c.Answer != nil)
	count(c.Duty != nil)
	count(c.Fact != "")
	count(c.Node != nil)
	count(c.Cleartext != nil)
	if set != 1 {
		v.report(p, "mds2.form.one_condition")
		return
	}
	switch {
	case c.Has != "":
		v.path(p, c.Has, t)
	case c.IsTrue != "":
		v.boolPath(p, c.IsTrue, t)
	case c.IsFalse != "":
		v.boolPath(p, c.IsFalse, t)
	case c.Is != nil:
		v.path(p, c.Is.Path, t)
		if len(c.Is.In) == 0 {
			v.report(p, "mds2.form.empty_list", "in")
		}
	case c.Any != nil, c.None != nil, c.Every != nil:
		lc := cmpOr(c.Any, c.None, c.Every)
		if et := v.list(p, lc.List, t); et != nil && lc.Where != nil {
			v.cond(yamlx.Join(p, "where"), lc.Where, et)
		}
	case c.All != nil || c.Either != nil:
		for i := range c.All {
			v.cond(yamlx.Index(yamlx.Join(p, "all"), i), &c.All[i], t)
		}
		for i := range c.Either {
			v.cond(yamlx.Index(yamlx.Join(p, "either"), i), &c.Either[i], t)
		}
	case c.Not != nil:
		v.cond(yamlx.Join(p, "not"), c.Not, t)
	case c.Answer != nil:
		if !v.seen[c.Answer.Of] {
			v.report(p, "mds2.form.unknown_question", c.Answer.Of)
		}
		if len(c.Answer.In) == 0 {
			v.report(p, "mds2.form.empty_list", "in")
		}
	case c.Duty != nil:
		if c.Duty.Activity == "" || len(c.Duty.Responsible) == 0 {
			v.report(p, "mds2.form.duty_incomplete")
		}
	case c.Fact != "":
		if _, ok := facts[c.Fact]; !ok {
			v.report(p, "mds2.form.unknown_fact", c.Fact, yamlx.Suggest(c.Fact, factNames()))
		}
	case c.Node != nil:
		if ft := v.path(p, c.Node.Field, t); ft != nil && ft.Kind() != reflect.String {
			v.report(p, "mds2.form.not_node", c.Node.Field)
		}
	case c.Cleartext != nil:
		if t != streamType {
			v.report(p, "mds2.form.cleartext_stream")
		}
	}
}

// cmpOr returns the first non-nil list condition.
func cmpOr(ls ...*ListCond) *ListCond {
	for _, l := range ls {
		if l != nil {
			return l
		}
	}
	return nil
}

func (v *validator) boolPath(at, p string, t reflect.Type) {
	bt := v.path(at, p, t)
	if bt == nil {
		return
	}
	if bt.Kind() == reflect.Pointer {
		bt = bt.Elem()
	}
	if bt.Kind() != reflect.Bool {
		v.report(at, "mds2.form.not_bool", p)
	}
}

func (v *validator) note(p string, n *NotePart, t reflect.Type) {
	set := 0
	for _, s := range []string{n.Text, n.Path, n.List, n.Fact} {
		if s != "" {
			set++
		}
	}
	if set != 1 || (n.List == "") != (n.Show == "") || (n.Where != nil && n.List == "") {
		v.report(p, "mds2.form.note_part")
		return
	}
	switch {
	case n.Path != "":
		v.path(p, n.Path, t)
	case n.Fact != "":
		if fn, ok := facts[n.Fact]; !ok || fn.text == nil {
			v.report(p, "mds2.form.unknown_fact", n.Fact, yamlx.Suggest(n.Fact, factNames()))
		}
	case n.List != "":
		et := v.list(p, n.List, t)
		if et == nil {
			return
		}
		if n.Where != nil {
			v.cond(yamlx.Join(p, "where"), n.Where, et)
		}
		tmpl, err := template.New(n.List).Option("missingkey=error").Parse(n.Show)
		if err != nil {
			v.report(yamlx.Join(p, "show"), "mds2.form.bad_template", err.Error())
			return
		}
		// Run the template on an empty element, so that a misspelt field
		// fails here rather than on some user's spec.
		var b strings.Builder
		if err := tmpl.Execute(&b, elementData(reflect.New(et).Elem())); err != nil {
			v.report(yamlx.Join(p, "show"), "mds2.form.bad_template", err.Error())
			return
		}
		n.show = tmpl
	}
}

// Question returns the question with id (or one of its aliases), or nil.
func (f *Form) Question(id string) *Question { return f.byID[id] }

// Questions returns every question in form order.
func (f *Form) Questions() []*Question {
	var out []*Question
	for i := range f.Sections {
		for j := range f.Sections[i].Questions {
			out = append(out, &f.Sections[i].Questions[j])
		}
	}
	return out
}

// Section returns the section with code, or nil.
func (f *Form) Section(code string) *Section {
	i := slices.IndexFunc(f.Sections, func(s Section) bool { return s.Code == code })
	if i < 0 {
		return nil
	}
	return &f.Sections[i]
}

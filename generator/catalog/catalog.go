// Package catalog loads docgen's requirement catalogs: the items that
// MDCG 2019-16 (and, as a second profile, the FDA premarket cybersecurity
// guidance) expect the cybersecurity documentation of a device to contain.
//
// The catalogs are data, not code: one YAML file per profile under
// specs/catalog/, embedded in the binary. Each item names the document it
// belongs in, its level, the clauses that require it and the spec fields
// that satisfy it; each consistency rule names the Go check that implements
// it, its severity, clauses and message template.
//
//	c, err := catalog.Load("mdcg-2019-16")
//	for _, it := range c.Items { fmt.Println(it.ID, it.Title) }
//
// [Load] validates a catalog as strictly as a spec: unknown fields, bad
// levels and unknown spec paths are errors, so a typo in a catalog fails the
// tests instead of silently weakening check.
package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"text/template"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
	"github.com/docgen/docgen/specs"
)

// DefaultProfile is the catalog used when a spec names none.
const DefaultProfile = "mdcg-2019-16"

// Catalog is one requirement profile.
type Catalog struct {
	Profile string `yaml:"profile"`
	// Aliases are former names of the profile that still select it, e.g.
	// fda-premarket-2023 for the profile that cites the current FDA guidance.
	Aliases     []string `yaml:"aliases"`
	Title       string   `yaml:"title"`
	Version     string   `yaml:"version"`
	Description string   `yaml:"description"`
	// Keyword names the profile in document metadata, e.g. "MDCG 2019-16".
	Keyword string   `yaml:"keyword"`
	Targets []Target `yaml:"targets"`
	Items   []Item   `yaml:"items"`
	Rules   []Rule   `yaml:"rules"`
	// Sources maps item paths in the catalog file to positions.
	Sources *yamlx.SourceMap `yaml:"-"`
}

// Target is a document that catalog items are written into.
type Target struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
}

// Level says how strongly an item is required.
type Level string

// The levels, strictest first.
const (
	// Statute: a law requires the item, such as FD&C Act §524B for cyber
	// devices.
	Statute Level = "statute"
	// Required: a regulation's requirement, or guidance that states it
	// directly (MDR/IVDR Annex I as read by MDCG 2019-16).
	Required Level = "required"
	// Recommended: guidance recommends the item; it is no legal requirement.
	Recommended Level = "recommended"
	// IfKnown: guidance asks for the information only when it is known,
	// such as an end-of-support date.
	IfKnown Level = "if-known"
)

// EnumValues implements yamlx.Enum.
func (Level) EnumValues() []string { return []string{"statute", "required", "recommended", "if-known"} }

// Severity returns the severity of the finding that a missing item of level
// l gets: error for statute and required, warning for recommended, note for
// if-known.
func (l Level) Severity() Severity {
	switch l {
	case Statute, Required:
		return Error
	case Recommended:
		return Warning
	}
	return Note
}

// FailOn turns a --fail-on value into the least severe severity that fails
// a check: a severity (error, warning, note) or a level, which stands for the
// severity of its findings (statute and required: error; recommended:
// warning; if-known: note).
func FailOn(value string) (Severity, bool) {
	v := strings.ToLower(strings.TrimSpace(value))
	if slices.Contains(Severity("").EnumValues(), v) {
		return Severity(v), true
	}
	if slices.Contains(Level("").EnumValues(), v) {
		return Level(v).Severity(), true
	}
	return "", false
}

// FailOnValues lists the values FailOn accepts.
func FailOnValues() []string {
	return append(Severity("").EnumValues(), Level("").EnumValues()...)
}

// Fails reports whether a finding of severity s fails a check run with
// --fail-on threshold.
func (s Severity) Fails(threshold Severity) bool {
	return s.Rank() <= threshold.Rank()
}

// Rank orders severities, most severe first: 0 for error, 1 for warning, 2
// for note.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	}
	return 2
}

// Severity is the severity of a finding.
type Severity string

// The severities, most severe first.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Note    Severity = "note"
)

// EnumValues implements yamlx.Enum.
func (Severity) EnumValues() []string { return []string{"error", "warning", "note"} }

// Flag is a condition on the device that decides whether an item applies.
type Flag string

// Flags lists the conditions an item may depend on.
// All but mobile_app are device flags the spec sets; mobile_app holds when
// the spec's network model has a node of kind mobile (a phone or tablet app).
var Flags = []string{"networked", "cloud", "lay_users", "remote_service", "admin_workstation", "us_market", "mdr", "ivdr", "mobile_app"}

// EnumValues implements yamlx.Enum.
func (Flag) EnumValues() []string { return Flags }

// Holds reports whether flag f is true for spec s.
func (f Flag) Holds(s *spec.Spec) bool {
	d := s.Device
	switch f {
	case "networked":
		return d.Networked
	case "cloud":
		return d.Cloud
	case "lay_users":
		return d.LayUsers
	case "remote_service":
		return d.RemoteService
	case "admin_workstation":
		return d.AdminWS
	case "us_market":
		return d.USMarket
	case "mdr":
		return d.Regulation != spec.IVDR
	case "ivdr":
		return d.Regulation == spec.IVDR
	case "mobile_app":
		return slices.ContainsFunc(s.Network.Nodes, func(n spec.Node) bool { return n.Kind == "mobile" })
	}
	return false
}

// Clause is a reference to a clause of a regulation, guidance or standard.
// Written as plain text ("MDCG 2019-16 §3.6") it applies to every device; as
// a mapping {mdr: ..., ivdr: ...} it names the regulation-specific clause,
// and an absent ivdr means the IVDR has no equivalent.
type Clause struct {
	Text string
	MDR  string
	IVDR string
}

// DecodeNode implements yamlx.NodeDecoder.
func (c *Clause) DecodeNode(d *yamlx.Decoder, n *yaml.Node, path string) {
	if n.Kind == yaml.ScalarNode {
		c.Text = n.Value
		return
	}
	var m struct {
		MDR  string `yaml:"mdr"`
		IVDR string `yaml:"ivdr"`
	}
	d.DecodeValue(n, path, reflect.ValueOf(&m).Elem())
	c.MDR, c.IVDR = m.MDR, m.IVDR
	if c.MDR == "" && c.IVDR == "" {
		d.Report(n, "catalog.empty_clause")
	}
}

// For returns the clause text for a device under regulation r, or "" when
// the clause does not exist under r.
func (c Clause) For(r spec.Regulation) string {
	switch {
	case c.Text != "":
		return c.Text
	case r == spec.IVDR:
		return c.IVDR
	}
	return c.MDR
}

// Item is a piece of information a document must contain.
type Item struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	// Targets are the documents the item belongs in (ids of Catalog.Targets).
	Targets []string `yaml:"targets"`
	Level   Level    `yaml:"level"`
	// When lists flags that must all hold for the item to apply.
	When []Flag `yaml:"when"`
	// RequiredWhen lists flags any of which raises a recommended item to
	// required.
	RequiredWhen []Flag `yaml:"required_when"`
	// StatuteWhen lists flags any of which make the item required by
	// statute, e.g. us_market (a cyber device under FD&C Act §524B).
	StatuteWhen []Flag   `yaml:"statute_when"`
	Clauses     []Clause `yaml:"clauses"`
	// Requires lists spec paths that must all have real content. A path
	// with "[]" requires a non-empty list and the rest of the path in every
	// element; "a | b" is satisfied by either alternative.
	Requires []string `yaml:"requires"`
	// Optional lists further spec paths that document the item when given.
	Optional []string `yaml:"optional"`
	// Fix tells the author what to write.
	Fix string `yaml:"fix"`
	// Anchor is the stable heading anchor of the item in generated documents.
	Anchor string `yaml:"anchor"`
	// Sections names the anchors of the generated sections that address the
	// item when they are not the item's own Anchor, e.g. an FDA item
	// answered by the matching MDCG sections.
	Sections []string `yaml:"sections"`
	// Headings lists headings that address the item in hand-written
	// documents, per language.
	Headings Headings `yaml:"headings"`
}

// Language is the language of the catalogs' texts, and of item headings
// written as a plain list.
const Language = "en"

// Headings are the headings that address an item in hand-written documents,
// by language (a BCP 47 tag). Written as a list they are in the catalog's
// Language; written as a mapping such as {en: [...], de: [...]} they are
// given per language.
type Headings map[string][]string

// DecodeNode implements yamlx.NodeDecoder.
func (h *Headings) DecodeNode(d *yamlx.Decoder, n *yaml.Node, path string) {
	if n.Kind == yaml.SequenceNode {
		var list []string
		d.DecodeValue(n, path, reflect.ValueOf(&list).Elem())
		*h = Headings{Language: list}
		return
	}
	if n.Kind != yaml.MappingNode {
		d.Report(n, "catalog.bad_headings", yamlx.Describe(n))
		return
	}
	*h = Headings{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		var list []string
		d.DecodeValue(n.Content[i+1], yamlx.Join(path, n.Content[i].Value), reflect.ValueOf(&list).Elem())
		(*h)[n.Content[i].Value] = list
	}
}

// In returns the headings in language lang: those given for lang, else for
// its primary language ("en" for "en-GB"), else none.
func (h Headings) In(lang string) []string {
	if hs, ok := h[lang]; ok {
		return hs
	}
	base, _, _ := strings.Cut(lang, "-")
	return h[base]
}

// SectionAnchors returns the anchors of the generated sections that address
// the item: Sections when given, else the item's own Anchor.
func (it *Item) SectionAnchors() []string {
	if len(it.Sections) > 0 {
		return it.Sections
	}
	if it.Anchor == "" {
		return nil
	}
	return []string{it.Anchor}
}

// Rule is a consistency rule implemented in Go and described here.
type Rule struct {
	ID       string   `yaml:"id"`
	Title    string   `yaml:"title"`
	Check    string   `yaml:"check"`
	Severity Severity `yaml:"severity"`
	When     []Flag   `yaml:"when"`
	Clauses  []Clause `yaml:"clauses"`
	// Message is a text/template filled with the finding's details.
	Message string `yaml:"message"`
	Fix     string `yaml:"fix"`
	// Params are rule-specific word lists, e.g. cleartext protocol names.
	Params []Param `yaml:"params"`

	tmpl *template.Template
}

// Param is a named list of values that parameterises a rule.
type Param struct {
	Name   string   `yaml:"name"`
	Values []string `yaml:"values"`
}

// Param returns the values of the named parameter.
func (r *Rule) Param(name string) []string {
	for _, p := range r.Params {
		if p.Name == name {
			return p.Values
		}
	}
	return nil
}

// Format fills the rule's message template with data.
func (r *Rule) Format(data any) string {
	if r.tmpl == nil {
		return r.Message
	}
	var b bytes.Buffer
	if err := r.tmpl.Execute(&b, data); err != nil {
		return r.Message
	}
	return b.String()
}

// Applies reports whether every flag in when holds for s.
func Applies(when []Flag, s *spec.Spec) bool {
	for _, f := range when {
		if !f.Holds(s) {
			return false
		}
	}
	return true
}

// EffectiveLevel returns the item's effective level for spec s: statute
// when one of its statute_when flags holds, else required when one of its
// required_when flags holds, else its level.
func (it *Item) EffectiveLevel(s *spec.Spec) Level {
	for _, f := range it.StatuteWhen {
		if f.Holds(s) {
			return Statute
		}
	}
	for _, f := range it.RequiredWhen {
		if f.Holds(s) {
			return Required
		}
	}
	return it.Level
}

// Clauses returns the texts of clauses for a device under regulation r,
// skipping those that have no equivalent under r.
func Clauses(cs []Clause, r spec.Regulation) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		if t := c.For(r); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// Profiles lists the profiles embedded in the binary, sorted.
func Profiles() []string { return specs.Names("catalog") }

// Aliases maps the former names of the embedded profiles to their current
// names.
func Aliases() map[string]string {
	return aliases()
}

var aliases = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for _, p := range Profiles() {
		data, err := specs.FS.ReadFile("catalog/" + p + ".yaml")
		if err != nil {
			continue
		}
		var head struct {
			Aliases []string `yaml:"aliases"`
		}
		if yaml.Unmarshal(data, &head) != nil {
			continue // Load reports the error
		}
		for _, a := range head.Aliases {
			out[a] = p
		}
	}
	return out
})

// Resolve returns the current name of profile, which may be an alias, and
// whether a profile of that name is embedded.
func Resolve(profile string) (string, bool) {
	if slices.Contains(Profiles(), profile) {
		return profile, true
	}
	p, ok := aliases()[profile]
	return p, ok
}

// Load loads the embedded catalog of profile, which may also be one of its
// aliases.
func Load(profile string) (*Catalog, error) {
	name, ok := Resolve(profile)
	if !ok {
		return nil, errors.New(msg.Format("catalog.unknown_profile", profile, yamlx.QuoteList(Profiles())+yamlx.Suggest(profile, Profiles())))
	}
	data, err := specs.FS.ReadFile("catalog/" + name + ".yaml")
	if err != nil {
		return nil, err
	}
	return Parse("specs/catalog/"+name+".yaml", data)
}

// Parse decodes and validates catalog data; name is used in positions.
func Parse(name string, data []byte) (*Catalog, error) {
	c := &Catalog{}
	d := yamlx.NewDecoder(name)
	if d.Decode(data, c) != nil {
		c.Sources = d.Sources()
		c.validate(d)
	}
	if err := d.Err(); err != nil {
		return nil, err
	}
	for i := range c.Rules {
		var err error
		r := &c.Rules[i]
		r.tmpl, err = template.New(r.ID).Option("missingkey=error").Parse(r.Message)
		if err != nil {
			return nil, fmt.Errorf("%s: rule %s: %v", name, r.ID, err)
		}
	}
	return c, nil
}

func (c *Catalog) validate(d *yamlx.Decoder) {
	at := func(path string) yamlx.Pos { return c.Sources.Lookup(path) }
	targets := make([]string, len(c.Targets))
	for i, t := range c.Targets {
		targets[i] = t.ID
	}
	seen := map[string]bool{}
	for i, it := range c.Items {
		p := yamlx.Index("items", i)
		if it.ID == "" || it.Title == "" || it.Level == "" || len(it.Targets) == 0 {
			d.ReportAt(at(p), "catalog.item_incomplete")
		}
		if seen[it.ID] {
			d.ReportAt(at(p), "catalog.duplicate", it.ID)
		}
		seen[it.ID] = true
		for j, t := range it.Targets {
			if !slices.Contains(targets, t) {
				d.ReportAt(at(yamlx.Index(yamlx.Join(p, "targets"), j)), "catalog.unknown_target", t)
			}
		}
		if len(it.Requires) == 0 {
			d.ReportAt(at(p), "catalog.no_requires", it.ID)
		}
		for j, path := range append(append([]string{}, it.Requires...), it.Optional...) {
			for _, alt := range strings.Split(path, "|") {
				if err := CheckPath(strings.TrimSpace(alt)); err != nil {
					field := "requires"
					k := j
					if j >= len(it.Requires) {
						field, k = "optional", j-len(it.Requires)
					}
					d.ReportAt(at(yamlx.Index(yamlx.Join(p, field), k)), "catalog.bad_path", alt, err.Error())
				}
			}
		}
	}
	for i, r := range c.Rules {
		p := yamlx.Index("rules", i)
		if r.ID == "" || r.Check == "" || r.Severity == "" || r.Message == "" {
			d.ReportAt(at(p), "catalog.rule_incomplete")
		}
		if seen[r.ID] {
			d.ReportAt(at(p), "catalog.duplicate", r.ID)
		}
		seen[r.ID] = true
	}
}

// CheckPath reports whether path names a field of the spec model.
func CheckPath(path string) error { return CheckPathFrom(reflect.TypeOf(spec.Spec{}), path) }

// CheckPathFrom reports whether path names a field below the spec model
// type t, such as a field of a list element.
func CheckPathFrom(t reflect.Type, path string) error {
	for _, seg := range strings.Split(path, ".") {
		name, list := strings.CutSuffix(seg, "[]")
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return fmt.Errorf("%q is not a section", name)
		}
		f, ok := yamlx.StructFields(t).Field(name)
		if !ok {
			return fmt.Errorf("no field %q%s", name, yamlx.Suggest(name, yamlx.StructFields(t).Names()))
		}
		t = f.Type
		if list {
			if t.Kind() != reflect.Slice {
				return fmt.Errorf("%q is not a list", name)
			}
			t = t.Elem()
		}
	}
	return nil
}

// Item returns the item with the given id, or nil.
func (c *Catalog) Item(id string) *Item {
	for i := range c.Items {
		if c.Items[i].ID == id {
			return &c.Items[i]
		}
	}
	return nil
}

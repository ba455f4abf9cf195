package diff

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
	"github.com/docgen/docgen/specs"
)

// factsFile and classesFile are the data that drive the comparison and the
// classification, under specs/.
const (
	factsFile   = "diff/facts.yaml"
	classesFile = "diff/classes.yaml"
)

// The virtual sections, which come from the SBOM and the check result
// rather than from the spec.
const (
	componentsSection = "sbom-components"
	vulnsSection      = "sbom-vulnerabilities"
	catalogSection    = "catalog"
)

// firstMatch is the order of a list in which the first matching element
// decides.
const firstMatch = "first-match"

// Section is one entry of specs/diff/facts.yaml: a part of the spec, the
// SBOM or the check result whose facts are compared.
type Section struct {
	Section string     `yaml:"section"`
	Key     string     `yaml:"key"`
	Fields  []string   `yaml:"fields"`
	Ignore  []string   `yaml:"ignore"`
	Refs    namedLists `yaml:"refs"`
	Order   string     `yaml:"order"`
	// Renames says whether an element whose key changed is recognised as
	// renamed (default true); the check result and the vulnerabilities,
	// whose keys are names given by others, are not renamed.
	Renames *bool `yaml:"renames"`

	// elem is the Go type of the section's elements (or of the section
	// itself, for a struct); list says whether the section is a list.
	elem reflect.Type
	list bool
	// all are the names of every field, leaves the names of the fields
	// compared, in declaration order; compared holds the leaves.
	all, leaves []string
	compared    map[string]bool
}

// Rule is one classification rule of specs/diff/classes.yaml.
type Rule struct {
	ID       string     `yaml:"id"`
	Sections []string   `yaml:"sections"`
	Kinds    []Kind     `yaml:"kinds"`
	Fields   []string   `yaml:"fields"`
	Where    namedLists `yaml:"where"`
	Trend    []Trend    `yaml:"trend"`
	Device   []string   `yaml:"device"`
	Spec     namedLists `yaml:"spec"`
	Class    string     `yaml:"class"`
	Step     string     `yaml:"step"`
	Flags    []string   `yaml:"flags"`
}

// Scale orders the values of fields from the weakest protection to the
// strongest.
type Scale struct {
	Fields []string `yaml:"fields"`
	Values []string `yaml:"values"`
}

// classes is the layout of specs/diff/classes.yaml.
type classes struct {
	Classes    []string `yaml:"classes"`
	Relevant   []string `yaml:"relevant"`
	Flags      []string `yaml:"flags"`
	Steps      []string `yaml:"steps"`
	Resolved   []string `yaml:"resolved"`
	Encryption []string `yaml:"encryption"`
	Scales     []Scale  `yaml:"scales"`
	Rules      []Rule   `yaml:"rules"`
}

// Config is the loaded comparison and classification data.
type Config struct {
	Sections []*Section
	classes
	// scale maps "section.field" to the field's values in order.
	scale map[string][]string
}

// namedList is one entry of a mapping from a name to a list of values.
type namedList struct {
	Name   string
	Values []string
}

// namedLists is a YAML mapping from names to lists of values, such as
// {action: [allow]}, in the order written.
type namedLists []namedList

// DecodeNode implements yamlx.NodeDecoder.
func (m *namedLists) DecodeNode(d *yamlx.Decoder, n *yaml.Node, path string) {
	if n.Kind != yaml.MappingNode {
		d.Report(n, "yaml.want_mapping", yamlx.Describe(n))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.Report(k, "yaml.bad_key", yamlx.Describe(k))
			continue
		}
		if slices.ContainsFunc(*m, func(e namedList) bool { return e.Name == k.Value }) {
			d.Report(k, "yaml.duplicate_key", k.Value, k.Line)
			continue
		}
		var vals []string
		d.DecodeValue(v, yamlx.Join(path, k.Value), reflect.ValueOf(&vals).Elem())
		*m = append(*m, namedList{Name: k.Value, Values: vals})
	}
}

// get returns the values of name, and whether it is there.
func (m namedLists) get(name string) ([]string, bool) {
	for _, e := range m {
		if e.Name == name {
			return e.Values, true
		}
	}
	return nil, false
}

var (
	configOnce sync.Once
	config     *Config
	configErr  error
)

// LoadConfig returns the embedded comparison and classification data,
// loaded and validated once.
func LoadConfig() (*Config, error) {
	configOnce.Do(func() {
		facts, err := specs.FS.ReadFile(factsFile)
		if err != nil {
			configErr = err
			return
		}
		cls, err := specs.FS.ReadFile(classesFile)
		if err != nil {
			configErr = err
			return
		}
		config, configErr = ParseConfig(facts, cls)
	})
	return config, configErr
}

// ParseConfig decodes and validates the facts and classes data.
func ParseConfig(facts, cls []byte) (*Config, error) {
	c := &Config{scale: map[string][]string{}}
	var f struct {
		Facts []*Section `yaml:"facts"`
	}
	fd := yamlx.NewDecoder("specs/" + factsFile)
	if fd.Decode(facts, &f) != nil {
		c.Sections = f.Facts
		c.validateFacts(fd)
	}
	cd := yamlx.NewDecoder("specs/" + classesFile)
	if cd.Decode(cls, &c.classes) != nil && fd.Err() == nil {
		c.validateClasses(cd)
	}
	if err := errors.Join(fd.Err(), cd.Err()); err != nil {
		return nil, err
	}
	return c, nil
}

// section returns the section named name, or nil.
func (c *Config) section(name string) *Section {
	for _, s := range c.Sections {
		if s.Section == name {
			return s
		}
	}
	return nil
}

// sectionType returns the element type of a section and whether it is a
// list, or nil when the name is no section.
func sectionType(name string) (reflect.Type, bool) {
	switch name {
	case componentsSection:
		return reflect.TypeOf(component{}), true
	case vulnsSection:
		return reflect.TypeOf(vulnerability{}), true
	case catalogSection:
		return reflect.TypeOf(outcome{}), true
	}
	t, ok := sectionLeafType(name)
	if !ok {
		return nil, false
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct && !isScalarType(t.Elem()) {
		return t.Elem(), true
	}
	if t.Kind() == reflect.Struct && !isScalarType(t) {
		return t, false
	}
	return nil, false
}

func (c *Config) validateFacts(d *yamlx.Decoder) {
	bad := func(path, format string, args ...any) {
		d.ReportAt(d.Sources().Lookup(path), "diff.config.invalid", fmt.Sprintf(format, args...))
	}
	var seen []string
	for i, s := range c.Sections {
		p := yamlx.Index("facts", i)
		t, list := sectionType(s.Section)
		if t == nil {
			bad(p, "%q is no list or struct of the spec", s.Section)
			continue
		}
		if slices.Contains(seen, s.Section) {
			bad(p, "section %q is listed twice", s.Section)
		}
		s.elem, s.list = t, list
		all := leafNames(t)
		s.all = all
		switch {
		case list && s.Key == "":
			bad(p, "list %q needs a key", s.Section)
		case !list && s.Key != "":
			bad(p, "struct %q has no key", s.Section)
		case list && !slices.Contains(all, s.Key):
			bad(p, "key %q is no field of %q", s.Key, s.Section)
		}
		for _, name := range append(append([]string{}, s.Fields...), s.Ignore...) {
			if !slices.Contains(all, name) && !hasLeafUnder(all, name) {
				bad(p, "%q is no field of %q", name, s.Section)
			}
		}
		for _, r := range s.Refs {
			if !slices.Contains(all, r.Name) {
				bad(p, "reference %q is no field of %q", r.Name, s.Section)
			}
			for _, target := range r.Values {
				if target != s.Section && !slices.Contains(seen, target) {
					bad(p, "reference %q names %q, which is not listed before %q", r.Name, target, s.Section)
				}
			}
		}
		if s.Order != "" && s.Order != firstMatch {
			bad(p, "order %q: the only order is %s", s.Order, firstMatch)
		}
		s.compared = map[string]bool{}
		for _, name := range all {
			if (len(s.Fields) == 0 || inFields(s.Fields, name)) && !inFields(s.Ignore, name) {
				s.leaves = append(s.leaves, name)
				s.compared[name] = true
			}
		}
		seen = append(seen, s.Section)
	}
}

// inFields reports whether leaf name is one of fields, or nested in one.
func inFields(fields []string, name string) bool {
	for _, f := range fields {
		if name == f || strings.HasPrefix(name, f+".") {
			return true
		}
	}
	return false
}

// hasLeafUnder reports whether some leaf is nested in field.
func hasLeafUnder(leaves []string, field string) bool {
	return slices.ContainsFunc(leaves, func(l string) bool { return strings.HasPrefix(l, field+".") })
}

func (c *Config) validateClasses(d *yamlx.Decoder) {
	bad := func(path, format string, args ...any) {
		d.ReportAt(d.Sources().Lookup(path), "diff.config.invalid", fmt.Sprintf(format, args...))
	}
	field := func(path, qualified string) bool {
		if _, _, ok := c.splitField(qualified); !ok {
			bad(path, "%q names no field of a section of facts.yaml", qualified)
			return false
		}
		return true
	}
	for i, s := range c.Scales {
		for _, f := range s.Fields {
			if field(yamlx.Index("scales", i), f) {
				c.scale[f] = s.Values
			}
		}
	}
	for i, f := range c.Encryption {
		field(yamlx.Index("encryption", i), f)
	}
	var ids []string
	for i, r := range c.Rules {
		p := yamlx.Index("rules", i)
		if r.ID == "" || slices.Contains(ids, r.ID) {
			bad(p, "every rule needs an id of its own (%q)", r.ID)
		}
		ids = append(ids, r.ID)
		if !slices.Contains(c.Classes, r.Class) {
			bad(p, "rule %s: class %q is none of %s", r.ID, r.Class, strings.Join(c.Classes, ", "))
		}
		if (r.Step != "") != (r.Class == "operator-action") || (r.Step != "" && !slices.Contains(c.Steps, r.Step)) {
			bad(p, "rule %s: an operator action, and only one, has a step (%s)", r.ID, strings.Join(c.Steps, ", "))
		}
		for _, f := range r.Flags {
			if !slices.Contains(c.Flags, f) {
				bad(p, "rule %s: flag %q is none of %s", r.ID, f, strings.Join(c.Flags, ", "))
			}
		}
		for _, k := range r.Kinds {
			if !slices.Contains(Kinds, k) {
				bad(p, "rule %s: kind %q is none of %v", r.ID, k, Kinds)
			}
		}
		for _, t := range r.Trend {
			if !slices.Contains(Trends, t) {
				bad(p, "rule %s: trend %q is none of %v", r.ID, t, Trends)
			}
		}
		for _, f := range r.Device {
			if !slices.Contains(catalog.Flags, f) {
				bad(p, "rule %s: device condition %q is none of %s", r.ID, f, strings.Join(catalog.Flags, ", "))
			}
		}
		for _, sp := range r.Spec {
			if _, ok := sectionLeafType(sp.Name); !ok {
				bad(p, "rule %s: %q is no field of the spec", r.ID, sp.Name)
			}
		}
		// A field of a rule must be a field of one of its sections at least.
		var all []string
		for _, name := range r.Sections {
			s := c.section(name)
			if s == nil {
				bad(p, "rule %s: section %q is not in facts.yaml", r.ID, name)
				continue
			}
			all = append(all, s.all...)
		}
		for _, f := range r.Fields {
			if !slices.Contains(all, f) && !hasLeafUnder(all, f) {
				bad(p, "rule %s: %q is no field of %s", r.ID, f, strings.Join(r.Sections, ", "))
			}
		}
		for _, w := range r.Where {
			if !slices.Contains(all, w.Name) {
				bad(p, "rule %s: %q is no field of %s", r.ID, w.Name, strings.Join(r.Sections, ", "))
			}
		}
		if (len(r.Fields) > 0 || len(r.Where) > 0) && len(r.Sections) == 0 {
			bad(p, "rule %s: fields and where need sections", r.ID)
		}
	}
	if n := len(c.Rules); n == 0 || !c.Rules[n-1].matchesAll() {
		bad("rules", "the last rule must match every change (no conditions)")
	}
	for _, key := range c.Relevant {
		if !slices.Contains(c.Classes, key) {
			bad("relevant", "relevant class %q is none of %s", key, strings.Join(c.Classes, ", "))
		}
	}
	for _, key := range c.Classes {
		if !msg.Has("diff.class." + key) {
			bad("classes", "class %q has no text diff.class.%s in the message catalog", key, key)
		}
	}
	for _, key := range c.Flags {
		if !msg.Has("diff.flag." + key) {
			bad("flags", "flag %q has no text diff.flag.%s in the message catalog", key, key)
		}
	}
}

// matchesAll reports whether r has no conditions.
func (r *Rule) matchesAll() bool {
	return len(r.Sections) == 0 && len(r.Kinds) == 0 && len(r.Fields) == 0 && len(r.Where) == 0 &&
		len(r.Trend) == 0 && len(r.Device) == 0 && len(r.Spec) == 0
}

// splitField splits "section.field" into a section of the facts and a leaf
// of it, trying the longest section first.
func (c *Config) splitField(qualified string) (*Section, string, bool) {
	var best *Section
	for _, s := range c.Sections {
		if strings.HasPrefix(qualified, s.Section+".") && (best == nil || len(s.Section) > len(best.Section)) {
			best = s
		}
	}
	if best == nil || best.elem == nil {
		return nil, "", false
	}
	name := strings.TrimPrefix(qualified, best.Section+".")
	all := leafNames(best.elem)
	return best, name, slices.Contains(all, name) || hasLeafUnder(all, name)
}

// sectionLeafType returns the type of the spec field at a dotted path.
func sectionLeafType(path string) (reflect.Type, bool) {
	t := specType
	for _, seg := range strings.Split(path, ".") {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return nil, false
		}
		f, ok := yamlx.StructFields(t).Field(seg)
		if !ok {
			return nil, false
		}
		t = f.Type
	}
	return t, true
}

package diff

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/knowledge"
	"github.com/docgen/docgen/generator/spec"
)

// trends returns the directions of a changed value of field in section.
func (c *Config) trends(section, field string, old, cur leaf) []Trend {
	var out []Trend
	switch {
	case old.canon == "" && cur.canon != "":
		out = append(out, Stated)
	case old.canon != "" && cur.canon == "":
		out = append(out, Unstated)
	}
	switch o, n := switchState(old.canon), switchState(cur.canon); {
	case n == 1 && o != 1:
		out = append(out, Enabled)
	case o == 1 && n == 0:
		out = append(out, Disabled)
	}
	qualified := section + "." + field
	o, n := -1, -1
	if values, ok := c.scale[qualified]; ok {
		o, n = slices.Index(values, old.canon), slices.Index(values, cur.canon)
	} else if slices.Contains(c.Encryption, qualified) {
		o, n = protection(old.canon), protection(cur.canon)
	}
	switch {
	case o < 0 || n < 0:
	case n < o:
		out = append(out, Weaker)
	case n > o:
		out = append(out, Stronger)
	}
	if old.value.IsValid() && old.value.Type() == portsType && old.canon != "" && cur.canon != "" {
		op, np := old.value.Interface().(spec.Ports), cur.value.Interface().(spec.Ports)
		switch {
		case !op.Covers(np):
			out = append(out, Wider)
		case !np.Covers(op):
			out = append(out, Narrower)
		}
	}
	return out
}

// switchState reads a value as a switch: 1 on (true, enabled), 0 off
// (false, disabled), -1 neither (not stated, or another value).
func switchState(canon string) int {
	switch canon {
	case "true", "enabled":
		return 1
	case "false", "disabled":
		return 0
	}
	return -1
}

var tlsVersionRE = regexp.MustCompile(`(?i)\btls ?v?1\.([0-3])\b`)

// protection ranks what an encryption text says, weakest first: none,
// optional only, weak (SSL, TLS 1.0 or 1.1), encrypted; among encrypted
// texts, the lower the lowest TLS version named, the weaker. It returns -1
// for an empty text.
func protection(text string) int {
	p := knowledge.Encryption(text)
	if p == knowledge.Unstated {
		return -1
	}
	rank := int(p) * 10
	if p == knowledge.Encrypted {
		lowest := 9
		for _, m := range tlsVersionRE.FindAllStringSubmatch(text, -1) {
			v, _ := strconv.Atoi(m[1])
			lowest = min(lowest, v)
		}
		rank += lowest
	}
	return rank
}

// classify labels every change by the first rule of classes.yaml that
// matches it.
func (c *Config) classify(changes []*Change, cur Side) {
	for _, ch := range changes {
		for i := range c.Rules {
			r := &c.Rules[i]
			if r.matches(ch, cur) {
				ch.Class, ch.Step, ch.Flags, ch.Rule = r.Class, r.Step, r.Flags, r.ID
				break
			}
		}
	}
}

// matches reports whether every condition of r holds for ch.
func (r *Rule) matches(ch *Change, cur Side) bool {
	if len(r.Sections) > 0 && !slices.Contains(r.Sections, ch.Section) {
		return false
	}
	if len(r.Kinds) > 0 && !slices.Contains(r.Kinds, ch.Kind) {
		return false
	}
	if len(r.Fields) > 0 && (ch.Field == "" || ch.Kind == Decision || !inFields(r.Fields, ch.Field)) {
		return false
	}
	if len(r.Trend) > 0 && !slices.ContainsFunc(ch.Trends, func(t Trend) bool { return slices.Contains(r.Trend, t) }) {
		return false
	}
	for _, w := range r.Where {
		e := ch.newElem
		if ch.Kind == Removed {
			e = ch.oldElem
		}
		l, ok := e.get(w.Name)
		if !ok || ch.Kind == Decision || !anyIn(l.canon, w.Values) {
			return false
		}
	}
	flags := make([]catalog.Flag, len(r.Device))
	for i, f := range r.Device {
		flags[i] = catalog.Flag(f)
	}
	if !catalog.Applies(flags, cur.Spec) {
		return false
	}
	for _, sp := range r.Spec {
		v, _ := cur.Spec.Lookup(sp.Name)
		canon := ""
		if v.IsValid() {
			canon, _ = leafValue(v, nil)
		}
		if !anyIn(canon, sp.Values) {
			return false
		}
	}
	return true
}

// anyIn reports whether a canonical value, or for a set one of its
// members, is one of values.
func anyIn(canon string, values []string) bool {
	for _, part := range strings.Split(canon, "\n") {
		if slices.Contains(values, part) {
			return true
		}
	}
	return false
}

// summarize counts the changes by class and flag.
func (r *Report) summarize() {
	s := Summary{Changes: len(r.Changes), Classes: map[string]int{}, Flags: map[string]int{}}
	for _, cl := range r.config.Classes {
		s.Classes[cl] = 0
	}
	for _, f := range r.config.Flags {
		s.Flags[f] = 0
	}
	for _, ch := range r.Changes {
		s.Classes[ch.Class]++
		if slices.Contains(r.config.Relevant, ch.Class) {
			s.Relevant++
		}
		for _, f := range ch.Flags {
			s.Flags[f]++
		}
	}
	r.Summary = s
}

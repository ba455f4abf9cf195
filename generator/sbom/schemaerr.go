package sbom

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/sbom/internal/xsd"
)

// schemaProblems flattens a JSON Schema validation error to its leaf causes
// and returns one Problem per distinct leaf, sorted by location; prefix is
// prepended to the instance locations (for list items validated apart).
func schemaProblems(err error, prefix []string) []Problem {
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return []Problem{{Pointer: jsonPointer(prefix), Rule: "schema", Message: err.Error()}}
	}
	var leaves []*jsonschema.ValidationError
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if isAlternatives(e) {
			for _, c := range bestBranches(e.Causes) {
				walk(c)
			}
			return
		}
		if len(e.Causes) == 0 {
			if len(prefix) > 0 {
				c := *e
				c.InstanceLocation = append(slices.Clone(prefix), e.InstanceLocation...)
				e = &c
			}
			leaves = append(leaves, e)
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	var ps []Problem
	seen := map[string]bool{}
	for _, l := range leaves {
		for _, p := range leafProblems(l) {
			key := p.Pointer + "\x00" + p.Rule + "\x00" + p.Message
			if !seen[key] {
				seen[key] = true
				ps = append(ps, p)
			}
		}
	}
	slices.SortStableFunc(ps, func(a, b Problem) int { return comparePointers(a.Pointer, b.Pointer) })
	return ps
}

// isAlternatives reports whether e says that none of the branches of a oneOf
// or anyOf matched; its causes are the errors of each branch.
func isAlternatives(e *jsonschema.ValidationError) bool {
	switch k := e.ErrorKind.(type) {
	case *kind.OneOf:
		return k.Subschemas == nil && len(e.Causes) > 1
	case *kind.AnyOf:
		return len(e.Causes) > 1
	}
	return false
}

// bestBranches picks the branches of a failed oneOf or anyOf whose errors
// reach deepest into the instance: the branch the author most likely meant.
// A license object with a bad id fails the "license" branch at
// .../license/id and the "expression" branch at the object itself; only the
// first is worth reporting.
func bestBranches(branches []*jsonschema.ValidationError) []*jsonschema.ValidationError {
	depth := func(e *jsonschema.ValidationError) int {
		d := -1
		var walk func(e *jsonschema.ValidationError)
		walk = func(e *jsonschema.ValidationError) {
			if len(e.Causes) == 0 {
				d = max(d, len(e.InstanceLocation))
			}
			for _, c := range e.Causes {
				walk(c)
			}
		}
		walk(e)
		return d
	}
	best, out := -1, []*jsonschema.ValidationError(nil)
	for _, b := range branches {
		switch d := depth(b); {
		case d > best:
			best, out = d, []*jsonschema.ValidationError{b}
		case d == best:
			out = append(out, b)
		}
	}
	return out
}

// comparePointers orders JSON pointers token by token, numerically where
// both tokens are array indexes, so /components/2 comes before /components/10.
func comparePointers(a, b string) int {
	ta, tb := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(ta) && i < len(tb); i++ {
		if ta[i] == tb[i] {
			continue
		}
		na, ea := strconv.Atoi(ta[i])
		nb, eb := strconv.Atoi(tb[i])
		if ea == nil && eb == nil {
			return na - nb
		}
		return strings.Compare(ta[i], tb[i])
	}
	return len(ta) - len(tb)
}

var enPrinter = message.NewPrinter(language.English)

// leafProblems describes one leaf error; additionalProperties gives one
// problem per unexpected property.
func leafProblems(e *jsonschema.ValidationError) []Problem {
	ptr := jsonPointer(e.InstanceLocation)
	rule := strings.Join(e.ErrorKind.KeywordPath(), "/")
	p := Problem{Pointer: ptr, Rule: rule}
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		p.Message = msg.Format("sbom.json.required", quoteList(k.Missing))
	case *kind.AdditionalProperties:
		var ps []Problem
		for _, name := range k.Properties {
			ps = append(ps, Problem{
				Pointer: jsonPointer(append(slices.Clone(e.InstanceLocation), name)),
				Rule:    rule,
				Message: msg.Format("sbom.json.additional", name),
			})
		}
		return ps
	case *kind.Type:
		p.Message = msg.Format("sbom.json.type", strings.Join(k.Want, msg.Get("sbom.or")), k.Got)
	case *kind.Enum:
		p.Message = msg.Format("sbom.json.enum", show(k.Got), enumList(k.Want))
	case *kind.Const:
		p.Message = msg.Format("sbom.json.const", show(k.Got), show(k.Want))
	case *kind.Format:
		p.Rule = "format"
		p.Message = msg.Format("sbom.json.format", show(k.Got), k.Want)
	case *kind.Pattern:
		p.Message = msg.Format("sbom.json.pattern", xsd.Clip(k.Got), k.Want)
	case *kind.MinItems:
		p.Message = msg.Format("sbom.json.min_items", k.Want, k.Got)
	case *kind.MaxItems:
		p.Message = msg.Format("sbom.json.max_items", k.Want, k.Got)
	case *kind.MinLength:
		p.Message = msg.Format("sbom.json.min_length", k.Want, k.Got)
	case *kind.MaxLength:
		p.Message = msg.Format("sbom.json.max_length", k.Want, k.Got)
	case *kind.UniqueItems:
		p.Message = msg.Format("sbom.json.unique_items", k.Duplicates[0], k.Duplicates[1])
	case *kind.OneOf:
		if len(k.Subschemas) > 1 {
			p.Message = msg.Get("sbom.json.one_of_many")
		} else {
			p.Message = msg.Get("sbom.json.one_of_none")
		}
	case *kind.AnyOf:
		p.Message = msg.Get("sbom.json.one_of_none")
	case *kind.FalseSchema:
		p.Message = msg.Get("sbom.json.false")
	case *kind.Not:
		p.Rule = "not"
		p.Message = msg.Get("sbom.json.not")
	default:
		p.Message = msg.Format("sbom.json.other", e.ErrorKind.LocalizedString(enPrinter))
	}
	if p.Rule == "" {
		p.Rule = "schema"
	}
	return []Problem{p}
}

// show formats a JSON value for a message.
func show(v any) string {
	if s, ok := v.(string); ok {
		return xsd.Clip(s)
	}
	return xsd.Clip(fmt.Sprint(v))
}

// enumList lists allowed values, shortened when there are many.
func enumList(vals []any) string {
	const maxAll, shown = 16, 10
	n := len(vals)
	if n > maxAll {
		n = shown
	}
	strs := make([]string, n)
	for i := range n {
		strs[i] = show(vals[i])
	}
	s := quoteList(strs)
	if len(vals) > n {
		s = msg.Format("sbom.list_more", s, len(vals))
	}
	return s
}

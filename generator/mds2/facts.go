package mds2

import (
	"maps"
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/diagram"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/sbom"
)

// fact is a fact docgen computes from the spec with code that already
// exists elsewhere (the diagram, the SBOM summary), so that the form data
// can use it without repeating that code. eval says whether the fact holds
// and what it rests on; text, where set, renders it for a note.
type fact struct {
	eval func(*env) (bool, []string)
	text func(*env) (string, []string)
}

// sbomPath is the spec path every SBOM fact rests on.
const sbomPath = "sbom.path"

// facts are the facts the form data may name.
var facts = map[string]fact{
	// diagram: docgen draws a network diagram for the spec.
	"diagram": {eval: func(e *env) (bool, []string) {
		return diagram.Available(e.in.Spec), []string{"network.nodes"}
	}},
	// statement-id: the statement's document id (document.id with the
	// code MDS2 appended, as the other documents have theirs).
	"statement-id": {
		eval: func(e *env) (bool, []string) { return statementID(e.in.Spec) != "", []string{"document.id"} },
		text: func(e *env) (string, []string) { return statementID(e.in.Spec), []string{"document.id"} },
	},
	// sbom-read: the SBOM the spec names was read and validated.
	"sbom-read": {
		eval: func(e *env) (bool, []string) { return e.in.BOM != nil, []string{sbomPath} },
		text: func(e *env) (string, []string) {
			s := e.bomSummary()
			if s == nil {
				return "", nil
			}
			return msg.Format("mds2.fact.sbom", s.Format, s.SpecVersion, strings.ToUpper(s.Encoding), s.Components), []string{sbomPath}
		},
	},
	// sbom-coverage: how many components name each element.
	"sbom-coverage": {
		eval: func(e *env) (bool, []string) { return e.bomSummary() != nil, []string{sbomPath} },
		text: func(e *env) (string, []string) {
			s := e.bomSummary()
			if s == nil || s.Components == 0 {
				return "", nil
			}
			return msg.Format("mds2.fact.sbom_coverage", s.Components, elementPresent(s, sbom.ElementSupplier),
				elementPresent(s, sbom.ElementName), elementPresent(s, sbom.ElementVersion),
				elementPresent(s, sbom.ElementUniqueID), s.Licenses.With), []string{sbomPath}
		},
	},
	// sbom-extra: components carry more than the minimum elements: unique
	// identifiers (purl, CPE, SWID) or licences.
	"sbom-extra": {eval: func(e *env) (bool, []string) {
		s := e.bomSummary()
		return s != nil && (s.Licenses.With > 0 || elementPresent(s, sbom.ElementUniqueID) > 0), []string{sbomPath}
	}},
	// sbom-firmware: the SBOM lists firmware or device drivers;
	// sbom-no-firmware: it lists components, none of them of these types.
	"sbom-firmware": {eval: func(e *env) (bool, []string) {
		s := e.bomSummary()
		return s != nil && firmwareCount(s) > 0, []string{sbomPath}
	}},
	"sbom-no-firmware": {eval: func(e *env) (bool, []string) {
		s := e.bomSummary()
		return s != nil && s.Components > 0 && firmwareCount(s) == 0, []string{sbomPath}
	}},
}

// firmwareTypes are the CycloneDX component types of drivers and firmware.
var firmwareTypes = []string{"firmware", "device-driver"}

func init() {
	// sbom-all-<element> holds when every component names the element,
	// sbom-no-<element> when the SBOM lists components and none does.
	for _, el := range []string{sbom.ElementSupplier, sbom.ElementName, sbom.ElementVersion, sbom.ElementUniqueID} {
		facts["sbom-all-"+el] = fact{eval: func(e *env) (bool, []string) {
			s := e.bomSummary()
			return s != nil && s.Components > 0 && elementPresent(s, el) == s.Components, []string{sbomPath}
		}}
		facts["sbom-no-"+el] = fact{eval: func(e *env) (bool, []string) {
			s := e.bomSummary()
			return s != nil && s.Components > 0 && elementPresent(s, el) == 0, []string{sbomPath}
		}}
	}
}

// factNames lists the facts, sorted.
func factNames() []string { return slices.Sorted(maps.Keys(facts)) }

// bomSummary summarises the SBOM once per evaluation, or returns nil when
// the spec has none that could be read.
func (e *env) bomSummary() *sbom.Summary {
	if e.summary == nil && e.in.BOM != nil {
		s := sbom.Summarize(e.in.BOM, e.in.Spec.Document.Date.Time)
		e.summary = &s
	}
	return e.summary
}

func elementPresent(s *sbom.Summary, name string) int {
	for _, c := range s.NTIA.Elements {
		if c.Element == name {
			return c.Present
		}
	}
	return 0
}

func firmwareCount(s *sbom.Summary) int {
	n := 0
	for _, c := range s.ByType {
		if slices.Contains(firmwareTypes, c.Name) {
			n += c.Count
		}
	}
	return n
}

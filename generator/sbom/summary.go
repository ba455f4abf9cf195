package sbom

import (
	"cmp"
	"slices"
	"time"
)

// Summary condenses a BOM for `docgen sbom` and for the reports: what it is,
// what it contains, how well it covers the NTIA minimum elements and the
// FDA's support data, and the state of its vulnerabilities. All lists are
// in a fixed, documented order, so output is reproducible.
type Summary struct {
	Format       string `json:"format"`
	Encoding     string `json:"encoding"`
	SpecVersion  string `json:"spec_version"`
	SerialNumber string `json:"serial_number,omitempty"`
	Version      int    `json:"version,omitempty"`
	Timestamp    string `json:"timestamp,omitempty"`
	// Subject is "name version" of the described component, or "".
	Subject string `json:"subject,omitempty"`
	// AsOf is the date (YYYY-MM-DD) against which end-of-support dates
	// were compared.
	AsOf string `json:"as_of"`

	Components int `json:"components"`
	// ByType counts components by type, most frequent first, then by
	// name; components without a type count as "unspecified".
	ByType []Count `json:"by_type"`
	// Suppliers is the number of distinct suppliers (see
	// [Component.SupplierName]); BySupplier counts the components of the
	// MaxListed largest, most components first, then by name. Components
	// without a supplier count as "unspecified".
	Suppliers  int     `json:"suppliers"`
	BySupplier []Count `json:"by_supplier"`

	NTIA            NTIACoverage     `json:"ntia"`
	Licenses        LicenseSummary   `json:"licenses"`
	Support         SupportSummary   `json:"support"`
	Vulnerabilities VulnSummary      `json:"vulnerabilities"`
	SupportWarnings []SupportWarning `json:"support_warnings"`
}

// Unspecified is the name under which a summary counts components whose
// type or supplier is not given.
const Unspecified = "unspecified"

// Count is a named count.
type Count struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// NTIA minimum element names, in the order of [NTIACoverage.Elements].
const (
	ElementSupplier     = "supplier"
	ElementName         = "name"
	ElementVersion      = "version"
	ElementUniqueID     = "unique_id"
	ElementDependencies = "dependencies"
)

// NTIACoverage tells how far the SBOM has the NTIA (2021) minimum elements
// the FDA asks for.
type NTIACoverage struct {
	// Author and Timestamp say whether the SBOM names the author of the
	// SBOM data and when it was made.
	Author    bool `json:"author"`
	Timestamp bool `json:"timestamp"`
	// Elements has one entry per per-component element, in the order
	// supplier, name, version, unique_id (purl, CPE or SWID tag id),
	// dependencies (the component appears in the dependency graph).
	Elements []ElementCoverage `json:"elements"`
	// Complete is true when every element is present for every
	// component and the author and timestamp are given.
	Complete bool `json:"complete"`
}

// ElementCoverage counts the components that have and lack one element.
type ElementCoverage struct {
	Element string `json:"element"`
	Present int    `json:"present"`
	Missing int    `json:"missing"`
	// MissingIn names up to MaxListed components that lack the element,
	// as "name version".
	MissingIn []string `json:"missing_in"`
}

// MaxListed is the most component names a summary lists for one finding.
const MaxListed = 10

// LicenseSummary counts components with and without licence data and the
// most used licences.
type LicenseSummary struct {
	With    int `json:"with"`
	Without int `json:"without"`
	// Top lists the MaxListed most used licence ids, expressions or names,
	// most used first, then by name.
	Top []Count `json:"top"`
}

// SupportSummary covers the FDA support data: support level and end of
// support per component.
type SupportSummary struct {
	WithLevel    int `json:"with_level"`
	WithoutLevel int `json:"without_level"`
	// ByLevel counts components per level in the order
	// actively-maintained, no-longer-maintained, abandoned, unknown, then
	// any other value set by an override; levels with no component are
	// left out.
	ByLevel          []Count `json:"by_level"`
	WithEndOfSupport int     `json:"with_end_of_support"`
	WithoutEnd       int     `json:"without_end_of_support"`
	// PastEndOfSupport counts components whose end of support is before
	// AsOf; PastEnd names up to MaxListed of them as "name version
	// (YYYY-MM-DD)", earliest first.
	PastEndOfSupport int      `json:"past_end_of_support"`
	PastEnd          []string `json:"past_end"`
	// FromSpec counts components whose support data comes from the device
	// spec (overrides) rather than the SBOM.
	FromSpec int `json:"from_spec"`
}

// VulnSummary counts vulnerabilities.
type VulnSummary struct {
	Total int `json:"total"`
	// ByState counts vulnerabilities by CycloneDX analysis state in the
	// order exploitable, in_triage, false_positive, not_affected,
	// resolved, resolved_with_pedigree, other states by name, and "none"
	// for those without analysis; states with no vulnerability are left
	// out.
	ByState []Count `json:"by_state"`
	// BySeverity counts by the highest severity among the ratings, in the
	// order critical, high, medium, low, info, none, unknown.
	BySeverity []Count `json:"by_severity"`
}

var (
	stateOrder    = []string{"exploitable", "in_triage", "false_positive", "not_affected", "resolved", "resolved_with_pedigree"}
	severityOrder = []string{"critical", "high", "medium", "low", "info", "none", "unknown"}
	levelOrder    = []string{SupportActive, SupportNoLonger, SupportAbandoned, SupportUnknown}
)

// Summarize summarises b. Components whose EndOfSupport is before asOf (by
// date, in asOf's location) count as past end of support.
func Summarize(b *BOM, asOf time.Time) Summary {
	asOfDate := asOf.Format(time.DateOnly)
	s := Summary{
		Format:          b.Format,
		Encoding:        b.Encoding,
		SpecVersion:     b.SpecVersion,
		SerialNumber:    b.SerialNumber,
		Version:         b.Version,
		Timestamp:       b.Timestamp,
		AsOf:            asOfDate,
		Components:      len(b.Components),
		ByType:          []Count{},
		SupportWarnings: []SupportWarning{},
	}
	if b.Subject != nil {
		s.Subject = label(b.Subject)
	}
	inGraph := b.DependencyRefs()
	types := map[string]int{}
	licenses := map[string]int{}
	levels := map[string]int{}
	elements := make([]ElementCoverage, len(Elements))
	for i, e := range Elements {
		elements[i].Element = e
	}
	suppliers := map[string]int{}
	type past struct{ name, date string }
	var pasts []past
	for i := range b.Components {
		c := &b.Components[i]
		types[cmp.Or(c.Type, Unspecified)]++
		suppliers[cmp.Or(c.SupplierName(), Unspecified)]++
		for k, ok := range c.Elements(inGraph) {
			e := &elements[k]
			if ok {
				e.Present++
			} else {
				e.Missing++
				if len(e.MissingIn) < MaxListed {
					e.MissingIn = append(e.MissingIn, label(c))
				}
			}
		}
		if len(c.Licenses) > 0 {
			s.Licenses.With++
			for _, l := range uniq(c.Licenses) {
				licenses[l]++
			}
		} else {
			s.Licenses.Without++
		}
		if c.SupportLevel != "" {
			s.Support.WithLevel++
			levels[c.SupportLevel]++
		} else {
			s.Support.WithoutLevel++
		}
		if c.EndOfSupport != "" {
			s.Support.WithEndOfSupport++
			if c.EndOfSupport < asOfDate {
				s.Support.PastEndOfSupport++
				pasts = append(pasts, past{label(c), c.EndOfSupport})
			}
		} else {
			s.Support.WithoutEnd++
		}
		if c.SupportSource == SourceSpec {
			s.Support.FromSpec++
		} else {
			for _, w := range readSupport(c.Properties).warnings {
				w.Component, w.BOMRef = label(c), c.BOMRef
				s.SupportWarnings = append(s.SupportWarnings, w)
			}
		}
	}
	for i := range elements {
		elements[i].MissingIn = nonNil(elements[i].MissingIn)
	}
	s.ByType = countsByFrequency(types, len(types))
	s.Suppliers = len(suppliers)
	s.BySupplier = countsByFrequency(suppliers, MaxListed)
	s.Licenses.Top = countsByFrequency(licenses, MaxListed)
	s.Support.ByLevel = countsInOrder(levels, levelOrder)
	slices.SortStableFunc(pasts, func(a, b past) int { return cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(a.name, b.name)) })
	s.Support.PastEnd = []string{}
	for _, p := range pasts[:min(len(pasts), MaxListed)] {
		s.Support.PastEnd = append(s.Support.PastEnd, p.name+" ("+p.date+")")
	}
	s.NTIA = NTIACoverage{Author: len(b.Authors) > 0, Timestamp: b.Timestamp != "", Elements: elements}
	s.NTIA.Complete = s.NTIA.Author && s.NTIA.Timestamp
	for _, e := range elements {
		if e.Missing > 0 {
			s.NTIA.Complete = false
		}
	}
	s.Vulnerabilities = summarizeVulns(b.Vulnerabilities)
	return s
}

func summarizeVulns(vs []Vulnerability) VulnSummary {
	states := map[string]int{}
	sev := map[string]int{}
	for _, v := range vs {
		states[cmp.Or(v.State, "none")]++
		sev[highestSeverity(v.Ratings)]++
	}
	order := append(slices.Clone(stateOrder), "none")
	return VulnSummary{Total: len(vs), ByState: countsInOrder(states, order), BySeverity: countsInOrder(sev, severityOrder)}
}

// highestSeverity returns the most severe rating, "unknown" if none says.
func highestSeverity(rs []Rating) string {
	best := len(severityOrder) - 1
	for _, r := range rs {
		if i := slices.Index(severityOrder, r.Severity); i >= 0 && i < best {
			best = i
		}
	}
	return severityOrder[best]
}

// countsInOrder lists the counts of m in the given key order, then the
// other keys by name; zero counts are left out.
func countsInOrder(m map[string]int, order []string) []Count {
	out := []Count{}
	for _, k := range order {
		if m[k] > 0 {
			out = append(out, Count{k, m[k]})
		}
	}
	for _, k := range sortedKeys(m) {
		if !slices.Contains(order, k) && m[k] > 0 {
			out = append(out, Count{k, m[k]})
		}
	}
	return out
}

// countsByFrequency lists at most n counts of m, largest first, ties by name.
func countsByFrequency(m map[string]int, n int) []Count {
	out := make([]Count, 0, len(m))
	for _, k := range sortedKeys(m) {
		out = append(out, Count{k, m[k]})
	}
	slices.SortStableFunc(out, func(a, b Count) int { return b.Count - a.Count })
	return out[:min(len(out), n)]
}

// label names a component as "name version".
func label(c *Component) string {
	name := c.Name
	if c.Group != "" {
		name = c.Group + "/" + name
	}
	if name == "" {
		name = c.BOMRef
	}
	if c.Version == "" {
		return name
	}
	return name + " " + c.Version
}

func uniq(list []string) []string {
	if len(list) < 2 {
		return list
	}
	out := make([]string, 0, len(list))
	for _, s := range list {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// Package diff compares two revisions of a device spec as facts, not as
// text: what changed in the data streams and firewall rules, the network
// model, roles, accounts and authentication, the platform and its
// end-of-support dates, the SBOM components and vulnerabilities, the update
// policy, support period and contacts, and the status of every catalog item.
// It labels each change with who must act on it and flags the changes that
// typically weigh in the assessment of whether a change is significant for
// the notified body.
//
//	r, err := diff.Compare(diff.Side{Label: "v5.1:device.yaml", Spec: old, BOM: oldBOM, Result: oldRes},
//		diff.Side{Label: "device.yaml", Spec: cur, BOM: curBOM, Result: curRes}, diff.Options{})
//	diff.Write(os.Stdout, "text", r)
//
// What is compared, and how elements are matched, is data
// (specs/diff/facts.yaml); so is the classification (specs/diff/classes.yaml).
// Elements of lists are matched by their key (id, name; components by
// package URL without version), so reordering a list or reformatting the
// YAML is no change. An element whose key changed while everything else
// stayed the same is reported once, as renamed, and references to it follow
// the rename. The firewall rules are an ordered list in which the first
// match decides: moving a rule is a change only where it changes which rule
// decides a data stream's traffic, or whether a rule is reached at all.
package diff

import (
	"time"

	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/sbom"
	"github.com/docgen/docgen/generator/spec"
)

// Side is one revision: the spec, its SBOM with the spec's support data
// applied (nil when it names none) and its check result.
type Side struct {
	// Label names the revision as the user gave it, such as
	// "v5.1:device.yaml".
	Label  string
	Spec   *spec.Spec
	BOM    *sbom.BOM
	Result *check.Result
}

// Options adjust a comparison.
type Options struct {
	// Today dates the proposed revision-history entry when the new spec
	// has no document date.
	Today time.Time
}

// Kind is what happened to an element.
type Kind string

// The kinds of change.
const (
	Added   Kind = "added"
	Removed Kind = "removed"
	Changed Kind = "changed"
	Renamed Kind = "renamed"
	// Decision: the first matching firewall rule of a data stream's
	// traffic, or whether a rule is reached at all, changed because rules
	// moved.
	Decision Kind = "decision"
)

// Kinds lists the kinds of change.
var Kinds = []Kind{Added, Removed, Changed, Renamed, Decision}

// Trend is the direction of a changed value.
type Trend string

// The trends.
const (
	Weaker   Trend = "weaker"
	Stronger Trend = "stronger"
	Enabled  Trend = "enabled"
	Disabled Trend = "disabled"
	Stated   Trend = "stated"
	Unstated Trend = "unstated"
	Wider    Trend = "wider"
	Narrower Trend = "narrower"
)

// Trends lists the trends.
var Trends = []Trend{Weaker, Stronger, Enabled, Disabled, Stated, Unstated, Wider, Narrower}

// Decision fields: the traffic of a data stream, and the rules that reach
// all of a rule's traffic before it.
const (
	DecidesField  = "decided_by"
	ShadowedField = "shadowed_by"
)

// Change is one changed fact.
type Change struct {
	// Section is the facts section (specs/diff/facts.yaml), such as
	// "firewall_rules" or "sbom-components".
	Section string `json:"section"`
	Kind    Kind   `json:"kind"`
	// ID is the element's key: in the new revision, or in the old one when
	// it was removed; for a decision about a data stream, the stream's id.
	// It is empty for a field of a struct section.
	ID string `json:"id,omitempty"`
	// OldID is the element's former key, when it was renamed.
	OldID string `json:"old_id,omitempty"`
	// Field is the changed field (dotted when nested).
	Field string `json:"field,omitempty"`
	// Old and New are the values before and after, as people read them;
	// "" when not stated.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// Trends are the directions of the change (see classes.yaml).
	Trends []Trend `json:"trends,omitempty"`
	// Path is the spec path of the element or field, in the new revision
	// (the old one when removed); empty for the SBOM and the check result.
	Path string `json:"path,omitempty"`

	// Class says who must act: operator-action, information or
	// manufacturer-internal; Step, for an operator action, whether before
	// or after installing the new release.
	Class string `json:"class"`
	Step  string `json:"step,omitempty"`
	// Flags mark the change for the significance assessment.
	Flags []string `json:"flags,omitempty"`
	// Rule is the id of the classification rule that labelled the change.
	Rule string `json:"rule"`

	// oldElem and newElem are the element before and after.
	oldElem, newElem *element
	// order sorts the changes of a section: removed (by old position),
	// then renamed and changed (by new position), then added, then
	// decisions.
	order [3]int
}

// Value returns a field of the element the change is about, as people read
// it: of the new element, or of the old one when it was removed; and
// whether the field exists.
func (c *Change) Value(field string) (string, bool) {
	e := c.newElem
	if e == nil {
		e = c.oldElem
	}
	l, ok := e.get(field)
	return l.show, ok
}

// Paths returns the spec path of the change as a list, empty for the SBOM
// and the check result: the provenance of what shows it.
func (c *Change) Paths() []string {
	if c.Path == "" {
		return nil
	}
	return []string{c.Path}
}

// OldValue returns a field of the element before the change.
func (c *Change) OldValue(field string) (string, bool) {
	l, ok := c.oldElem.get(field)
	return l.show, ok
}

// Report is the result of a comparison.
type Report struct {
	Old     Info      `json:"old"`
	New     Info      `json:"new"`
	Changes []*Change `json:"changes"`
	Summary Summary   `json:"summary"`
	// History is the proposed revision-history entry of the new revision;
	// empty when nothing relevant changed.
	History *HistoryEntry `json:"history_entry,omitempty"`

	config *Config
}

// Info describes one revision.
type Info struct {
	Label    string `json:"label"`
	Device   string `json:"device"`
	Version  string `json:"version"`
	Document string `json:"document"`
	Revision string `json:"revision"`
	Date     string `json:"date"`
}

// Summary counts the changes.
type Summary struct {
	Changes int `json:"changes"`
	// Relevant counts the changes of the relevant classes (those that make
	// docgen diff exit 1).
	Relevant int            `json:"relevant"`
	Classes  map[string]int `json:"classes"`
	Flags    map[string]int `json:"flags"`
}

// HistoryEntry is a proposed entry of document.history.
type HistoryEntry struct {
	Revision string `json:"revision"`
	Date     string `json:"date"`
	Changes  string `json:"changes"`
	// SameRevision is set when the new spec has the old spec's revision
	// identifier, which the new issue must not keep.
	SameRevision bool `json:"same_revision,omitempty"`
}

// Relevant reports whether a security-relevant fact changed: a change of a
// class listed as relevant in classes.yaml.
func (r *Report) Relevant() bool { return r.Summary.Relevant > 0 }

// Config returns the data the report was made with.
func (r *Report) Config() *Config { return r.config }

// info describes a side.
func info(s Side) Info {
	d := s.Spec.Document
	return Info{Label: s.Label, Device: s.Spec.Device.Name, Version: s.Spec.Device.Version, Document: d.ID, Revision: d.Revision, Date: d.Date.String()}
}

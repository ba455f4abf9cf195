// Package check decides what a device spec still lacks for its
// cybersecurity documentation, and where it contradicts itself.
//
// [Run] takes a loaded spec and one or more requirement catalogs and returns
// a [Result]: one [Finding] per problem (rule id, severity, clauses, position
// in the spec, and a message that says what to add) and one [Outcome] per
// catalog item and rule (passed, failed, waived or not applicable), which the
// reporters turn into text, JSON, SARIF, JUnit or GitHub annotations.
//
//	s, _ := spec.Load("device.yaml")
//	c, _ := catalog.Load("mdcg-2019-16")
//	res := check.Run(s, []*catalog.Catalog{c}, check.Options{})
//	if res.Summary.Errors > 0 { ... }
//
// Two kinds of checks run. Completeness comes from the catalog alone: every
// applicable item's `requires` paths must hold real content, so an empty
// string, "TODO" or "TBD" does not count. Consistency rules (every data
// stream has a firewall rule, cleartext needs a justification, ...) are Go
// functions registered by name in rules.go and described in the catalog.
package check

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/firewall"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/sbom"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// Finding is one problem found in a spec.
type Finding struct {
	// RuleID is the catalog item or rule id, e.g. IFU-ENV or NET-CLEARTEXT.
	RuleID string `json:"rule"`
	// Title is the item's or rule's title.
	Title    string           `json:"title"`
	Severity catalog.Severity `json:"severity"`
	// Clauses are the references that require the item, for this device's
	// regulation.
	Clauses []string `json:"clauses"`
	// Targets are the documents the item belongs in.
	Targets []string `json:"targets"`
	// Path is the spec path the finding is about ("" for the whole spec).
	Path    string    `json:"path"`
	Pos     yamlx.Pos `json:"position"`
	Message string    `json:"message"`
	// Waived is set when a waiver accepts the finding; Rationale says why.
	Waived    bool   `json:"waived"`
	Rationale string `json:"waiver_rationale,omitempty"`
}

// Status is the outcome of one catalog item or rule.
type Status string

// The statuses.
const (
	Passed        Status = "passed"
	Failed        Status = "failed"
	Warned        Status = "warning"
	Waived        Status = "waived"
	NotApplicable Status = "not-applicable"
)

// Outcome is the result of one catalog item or consistency rule.
type Outcome struct {
	ID       string           `json:"id"`
	Title    string           `json:"title"`
	Kind     string           `json:"kind"` // "item" or "rule"
	Profile  string           `json:"profile"`
	Severity catalog.Severity `json:"severity"`
	// Level is a catalog item's effective level for the spec (statute,
	// required, recommended or if-known); "" for a consistency rule.
	Level   catalog.Level `json:"level,omitempty"`
	Targets []string      `json:"targets"`
	Clauses []string      `json:"clauses"`
	// Fields are the spec paths that satisfy the item (requires, then optional).
	Fields []string `json:"fields"`
	Status Status   `json:"status"`
	// Findings are indexes into Result.Findings.
	Findings []int `json:"findings"`
}

// Summary counts a result.
type Summary struct {
	Errors        int `json:"errors"`
	Warnings      int `json:"warnings"`
	Notes         int `json:"notes"`
	Waived        int `json:"waived"`
	Applicable    int `json:"applicable"`
	Satisfied     int `json:"satisfied"`
	NotApplicable int `json:"not_applicable"`
}

// Result is the outcome of checking one spec.
type Result struct {
	File     string    `json:"file"`
	Profiles []string  `json:"profiles"`
	Findings []Finding `json:"findings"`
	Outcomes []Outcome `json:"outcomes"`
	Summary  Summary   `json:"summary"`
	// AsOf is the date end of support was judged at (see Options):
	// documents built from the result judge it at the same date.
	AsOf spec.Date `json:"-"`
}

// Failed reports whether the result has an unwaived error.
func (r *Result) Failed() bool { return r.Summary.Errors > 0 }

// Options adjust a check run.
type Options struct {
	// Today is the date waiver expiry is judged against, and the date used
	// for end-of-support checks when the spec has no document date. The
	// zero value means the current date.
	Today time.Time
	// EndOfSupportDate, when set, is the date end of support is judged
	// against even when the spec has a document date: post-market CI asks
	// "is anything past its end of support today?" (docgen check --date).
	EndOfSupportDate time.Time
	// Waivers are added to the spec's own waivers (from a separate file).
	Waivers []spec.Waiver
	// WaiverSources locates the extra waivers; nil places them at the spec.
	WaiverSources *yamlx.SourceMap
	// BOM is the spec's SBOM with support data applied, when it could be
	// read; SBOMErr is why it could not (nil when the spec names no SBOM).
	BOM     *sbom.BOM
	SBOMErr error
	// Languages, when set, are the languages the documents are written in,
	// instead of the spec's `languages:` (docgen build --lang); each free
	// text needs a translation into every one but the spec's own.
	Languages []string
	// RequireMDS2 makes MDS2 questions the spec cannot answer an error
	// (rule MDS2-UNANSWERED) instead of a note.
	RequireMDS2 bool
}

// run carries the state of one check run.
type run struct {
	s        *spec.Spec
	opts     Options
	res      *Result
	outcome  *Outcome
	reg      spec.Regulation
	waivers  []waiver
	knownIDs []string
	// fw is the ordered firewall rule set, built on first use; deciding
	// marks the rules that decide some stream traffic.
	fw       *firewall.Set
	deciding map[int]bool
}

type waiver struct {
	spec.Waiver
	pos  yamlx.Pos
	path string
	used bool
}

// Run checks s against the catalogs. Catalog items and rules appear in the
// result in catalog order; a rule present in several catalogs runs once, with
// the clauses of all of them.
func Run(s *spec.Spec, cats []*catalog.Catalog, opts Options) *Result {
	if opts.Today.IsZero() {
		opts.Today = time.Now().UTC()
	}
	r := &run{s: s, opts: opts, reg: s.Device.Regulation, res: &Result{File: s.File, Findings: []Finding{}, Outcomes: []Outcome{}}}
	r.collectWaivers()
	r.res.AsOf, _ = r.endOfSupportReference()

	var rules []*catalog.Rule
	ruleProfile := map[string]string{}
	ruleClauses := map[string][]catalog.Clause{}
	ruleSeverity := map[string]catalog.Severity{}
	for _, c := range cats {
		r.res.Profiles = append(r.res.Profiles, c.Profile)
		for i := range c.Items {
			it := &c.Items[i]
			if slices.Contains(r.knownIDs, it.ID) {
				continue
			}
			r.knownIDs = append(r.knownIDs, it.ID)
			r.checkItem(c.Profile, it)
		}
		for i := range c.Rules {
			rule := &c.Rules[i]
			if _, dup := ruleProfile[rule.ID]; dup {
				ruleClauses[rule.ID] = append(ruleClauses[rule.ID], rule.Clauses...)
				if rule.Severity.Rank() < ruleSeverity[rule.ID].Rank() {
					ruleSeverity[rule.ID] = rule.Severity
				}
				continue
			}
			ruleSeverity[rule.ID] = rule.Severity
			ruleProfile[rule.ID] = c.Profile
			ruleClauses[rule.ID] = append([]catalog.Clause{}, rule.Clauses...)
			r.knownIDs = append(r.knownIDs, rule.ID)
			rules = append(rules, rule)
		}
	}
	for _, rule := range rules {
		if rule.Check == "waivers-valid" {
			continue // runs last, once every other finding is known
		}
		r.checkRule(ruleProfile[rule.ID], rule, ruleClauses[rule.ID], ruleSeverity[rule.ID])
	}
	for _, rule := range rules {
		if rule.Check == "waivers-valid" {
			r.checkRule(ruleProfile[rule.ID], rule, ruleClauses[rule.ID], ruleSeverity[rule.ID])
		}
	}
	r.finish()
	return r.res
}

func (r *run) collectWaivers() {
	for i, w := range r.s.Waivers {
		p := yamlx.Index("waivers", i)
		r.waivers = append(r.waivers, waiver{Waiver: w, pos: r.s.Sources.Lookup(p), path: p})
	}
	for i, w := range r.opts.Waivers {
		p := yamlx.Index("waivers", i)
		pos := r.s.Sources.Lookup("")
		if r.opts.WaiverSources != nil {
			pos = r.opts.WaiverSources.Lookup(p)
		}
		r.waivers = append(r.waivers, waiver{Waiver: w, pos: pos})
	}
}

// checkItem evaluates the completeness of one catalog item.
func (r *run) checkItem(profile string, it *catalog.Item) {
	level := it.EffectiveLevel(r.s)
	sev := level.Severity()
	o := Outcome{
		ID: it.ID, Title: it.Title, Kind: "item", Profile: profile, Severity: sev, Level: level,
		Targets: it.Targets, Clauses: catalog.Clauses(it.Clauses, r.reg),
		Fields: append(append([]string{}, it.Requires...), it.Optional...), Findings: []int{},
	}
	r.outcome = &o
	defer func() { r.res.Outcomes = append(r.res.Outcomes, o); r.outcome = nil }()
	if !catalog.Applies(it.When, r.s) {
		o.Status = NotApplicable
		return
	}
	var gaps []string
	for _, req := range it.Requires {
		for _, g := range Missing(r.s, req) {
			if !slices.Contains(gaps, g) {
				gaps = append(gaps, g)
			}
		}
	}
	if len(gaps) == 0 {
		return
	}
	text := msg.Format("check.missing", it.Title, listPaths(gaps), it.Fix)
	r.add(Finding{RuleID: it.ID, Title: it.Title, Severity: sev, Clauses: o.Clauses, Targets: it.Targets, Path: gaps[0], Message: text})
}

// listPaths joins up to five paths and says how many more there are.
func listPaths(paths []string) string {
	const show = 5
	q := make([]string, 0, show)
	for i, p := range paths {
		if i == show {
			break
		}
		q = append(q, "`"+p+"`")
	}
	s := strings.Join(q, ", ")
	if len(paths) > show {
		s += msg.Format("check.and_more", len(paths)-show)
	}
	return s
}

// checkRule runs one consistency rule.
func (r *run) checkRule(profile string, rule *catalog.Rule, clauses []catalog.Clause, sev catalog.Severity) {
	o := Outcome{
		ID: rule.ID, Title: rule.Title, Kind: "rule", Profile: profile, Severity: sev,
		Targets: []string{}, Clauses: dedupe(catalog.Clauses(clauses, r.reg)), Fields: []string{}, Findings: []int{},
	}
	r.outcome = &o
	defer func() { r.res.Outcomes = append(r.res.Outcomes, o); r.outcome = nil }()
	if !catalog.Applies(rule.When, r.s) {
		o.Status = NotApplicable
		return
	}
	fn, ok := checks[rule.Check]
	if !ok {
		// A catalog naming an unknown check is a packaging error; the
		// catalog tests make sure it cannot ship.
		r.add(Finding{RuleID: rule.ID, Title: rule.Title, Severity: catalog.Error, Message: msg.Format("check.unknown_check", rule.Check)})
		return
	}
	fn(&ruleRun{run: r, rule: rule, clauses: o.Clauses, severity: sev})
}

func dedupe(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// add records a finding for the current outcome, applying waivers.
func (r *run) add(f Finding) {
	if f.Clauses == nil {
		f.Clauses = []string{}
	}
	if f.Targets == nil {
		f.Targets = []string{}
	}
	if f.Pos == (yamlx.Pos{}) {
		f.Pos = r.s.Sources.Lookup(f.Path)
	}
	for i := range r.waivers {
		w := &r.waivers[i]
		if w.Rule != f.RuleID || !pathWithin(f.Path, w.Path) || r.expired(w) {
			continue
		}
		w.used = true
		f.Waived, f.Rationale = true, strings.TrimSpace(w.Rationale.Value)
		break
	}
	r.res.Findings = append(r.res.Findings, f)
	if r.outcome != nil {
		r.outcome.Findings = append(r.outcome.Findings, len(r.res.Findings)-1)
	}
}

func (r *run) expired(w *waiver) bool {
	return !w.Expires.IsZero() && w.Expires.Before(truncateDay(r.opts.Today))
}

// endOfSupportReference returns the date end of support is judged against
// (Options.EndOfSupportDate, else the document date, else Today) and how
// messages name it, such as "the document date 2026-03-31".
func (r *run) endOfSupportReference() (spec.Date, string) {
	switch {
	case !r.opts.EndOfSupportDate.IsZero():
		d := spec.Date{Time: truncateDay(r.opts.EndOfSupportDate)}
		return d, msg.Format("check.as_of.given", d.String())
	case !r.s.Document.Date.IsZero():
		return r.s.Document.Date, msg.Format("check.as_of.document", r.s.Document.Date.String())
	}
	d := spec.Date{Time: truncateDay(r.opts.Today)}
	return d, msg.Format("check.as_of.today", d.String())
}

func truncateDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// pathWithin reports whether path is scope or lies below it.
func pathWithin(path, scope string) bool {
	if scope == "" || path == scope {
		return true
	}
	return strings.HasPrefix(path, scope+".") || strings.HasPrefix(path, scope+"[")
}

// finish completes the run's result.
func (r *run) finish() { Finish(r.res) }

// Finish completes a result whose findings and outcomes have been added: it
// sorts the findings by position (keeping the outcomes' indexes right), sets
// each applicable outcome's status from its findings, and counts the
// summary. Run calls it; other producers of results, such as the check of
// hand-written documents, call it too, so every result means the same.
// Outcomes must have Status NotApplicable or "" (to be computed) on entry.
func Finish(res *Result) {
	// Sort findings by position, keeping a stable order for equal ones, and
	// remap the outcome indexes.
	order := make([]int, len(res.Findings))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		fa, fb := res.Findings[a], res.Findings[b]
		if fa.Pos != fb.Pos {
			if fa.Pos.Less(fb.Pos) {
				return -1
			}
			return 1
		}
		return strings.Compare(fa.RuleID, fb.RuleID)
	})
	newIndex := make([]int, len(order))
	sorted := make([]Finding, len(order))
	for to, from := range order {
		newIndex[from] = to
		sorted[to] = res.Findings[from]
	}
	res.Findings = sorted
	for i := range res.Outcomes {
		o := &res.Outcomes[i]
		for j, k := range o.Findings {
			o.Findings[j] = newIndex[k]
		}
		slices.Sort(o.Findings)
		if o.Status == NotApplicable {
			res.Summary.NotApplicable++
			continue
		}
		res.Summary.Applicable++
		o.Status = Passed
		for _, k := range o.Findings {
			f := res.Findings[k]
			switch {
			case f.Waived:
				if o.Status == Passed {
					o.Status = Waived
				}
			case f.Severity == catalog.Error:
				o.Status = Failed
			case f.Severity == catalog.Warning && o.Status != Failed:
				o.Status = Warned
			}
		}
		if o.Status == Passed || o.Status == Waived {
			res.Summary.Satisfied++
		}
	}
	for _, f := range res.Findings {
		switch {
		case f.Waived:
			res.Summary.Waived++
		case f.Severity == catalog.Error:
			res.Summary.Errors++
		case f.Severity == catalog.Warning:
			res.Summary.Warnings++
		default:
			res.Summary.Notes++
		}
	}
}

// resolveBeside resolves a path written in the spec relative to the spec's
// directory.
func resolveBeside(specFile, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(filepath.Dir(specFile), filepath.FromSlash(p))
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

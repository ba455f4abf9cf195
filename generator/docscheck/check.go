package docscheck

import (
	"errors"
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// document is a parsed document.
type document struct {
	path     string
	headings []Heading
}

// match is a heading that addresses an item.
type match struct {
	doc *document
	h   int // index into doc.headings
}

func (m match) heading() *Heading { return &m.doc.headings[m.h] }

// Check reports, for each applicable catalog item (its `when` flags hold for
// s) whose targets include the target of one of docs, whether the docs of
// that target contain a matching section. An item belonging to several
// targets is looked for in the documents of each. Items of targets for which
// no doc was given are not applicable. A missing required item is an error,
// a missing recommended one a warning; an empty matching section is a note.
//
// The result has one outcome per catalog item, in catalog order, an item
// present in several catalogs counted once as in [check.Run]; its File is
// the first doc's path and each finding names its document in Pos.File.
// A nil s is a device with every flag off. The error reports a document
// that cannot be read or a Doc with an unknown target.
func Check(s *spec.Spec, cats []*catalog.Catalog, docs []Doc) (*check.Result, error) {
	if len(docs) == 0 {
		return nil, errors.New(msg.Get("docscheck.no_docs"))
	}
	if s == nil {
		s = &spec.Spec{}
	}
	byTarget := map[string][]*document{}
	parsed := map[string]*document{}
	for _, d := range docs {
		if !slices.Contains(Targets, d.Target) {
			return nil, errors.New(msg.Format("docscheck.bad_target", d.Path, d.Target, yamlx.QuoteList(Targets), yamlx.Suggest(d.Target, Targets)))
		}
		doc, ok := parsed[d.Path]
		if !ok {
			src, err := input.Read(d.Path, input.Markdown)
			if err != nil {
				return nil, pathError(d.Path, err)
			}
			doc = &document{path: d.Path, headings: Headings(src)}
			parsed[d.Path] = doc
		}
		if !slices.Contains(byTarget[d.Target], doc) {
			byTarget[d.Target] = append(byTarget[d.Target], doc)
		}
	}

	c := &run{s: s, byTarget: byTarget, known: knownAnchors(cats),
		res: &check.Result{File: docs[0].Path, Profiles: []string{}, Findings: []check.Finding{}, Outcomes: []check.Outcome{}}}
	var seen []string
	for _, cat := range cats {
		c.res.Profiles = append(c.res.Profiles, cat.Profile)
		for i := range cat.Items {
			it := &cat.Items[i]
			if slices.Contains(seen, it.ID) {
				continue
			}
			seen = append(seen, it.ID)
			c.checkItem(cat, i)
		}
	}
	check.Finish(c.res)
	return c.res, nil
}

// run is the state of one Check.
type run struct {
	s        *spec.Spec
	byTarget map[string][]*document
	// known are the anchors of all catalog items, lower case.
	known map[string]bool
	res   *check.Result
}

// knownAnchors returns the anchors that any item of cats uses.
func knownAnchors(cats []*catalog.Catalog) map[string]bool {
	known := map[string]bool{}
	for _, c := range cats {
		for i := range c.Items {
			for _, a := range itemAnchors(&c.Items[i]) {
				known[a] = true
			}
		}
	}
	return known
}

// itemAnchors returns the anchors that address it, lower case: those of the
// generated sections first, then its own.
func itemAnchors(it *catalog.Item) []string {
	var out []string
	for _, a := range append(slices.Clone(it.SectionAnchors()), it.Anchor) {
		if a = strings.ToLower(strings.TrimSpace(a)); a != "" && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// matcher tells whether a heading addresses an item.
type matcher struct {
	anchors []string
	names   []string
}

func newMatcher(it *catalog.Item) matcher {
	m := matcher{anchors: itemAnchors(it)}
	for _, h := range append(slices.Clone(it.Headings), it.Title) {
		if n := normalize(h); n != "" && !slices.Contains(m.names, n) {
			m.names = append(m.names, n)
		}
	}
	return m
}

func (m matcher) matches(h *Heading) bool {
	for _, a := range h.Anchors {
		if slices.Contains(m.anchors, strings.ToLower(a)) {
			return true
		}
	}
	return slices.Contains(m.names, normalize(h.Text))
}

// find returns the headings of docs that address the item of m, in
// document order.
func (m matcher) find(docs []*document) []match {
	var out []match
	for _, d := range docs {
		for i := range d.headings {
			if m.matches(&d.headings[i]) {
				out = append(out, match{d, i})
			}
		}
	}
	return out
}

// checkItem evaluates item i of catalog cat.
func (c *run) checkItem(cat *catalog.Catalog, i int) {
	it := &cat.Items[i]
	sev := catalog.Warning
	if it.EffectiveLevel(c.s) == catalog.Required {
		sev = catalog.Error
	}
	o := check.Outcome{
		ID: it.ID, Title: it.Title, Kind: "item", Profile: cat.Profile, Severity: sev,
		Targets: it.Targets, Clauses: catalog.Clauses(it.Clauses, c.s.Device.Regulation),
		Fields: []string{}, Findings: []int{},
	}
	defer func() { c.res.Outcomes = append(c.res.Outcomes, o) }()
	var targets []string
	for _, t := range it.Targets {
		if len(c.byTarget[t]) > 0 {
			targets = append(targets, t)
		}
	}
	if len(targets) == 0 || !catalog.Applies(it.When, c.s) {
		o.Status = check.NotApplicable
		return
	}
	m := newMatcher(it)
	add := func(f check.Finding) {
		f.RuleID, f.Title, f.Clauses = it.ID, it.Title, o.Clauses
		o.Findings = append(o.Findings, len(c.res.Findings))
		c.res.Findings = append(c.res.Findings, f)
	}
	for _, t := range targets {
		docs := c.byTarget[t]
		found := m.find(docs)
		if len(found) == 0 {
			pos, text := c.missing(cat, i, t, docs)
			add(check.Finding{Severity: sev, Targets: []string{t}, Pos: pos, Message: text})
			continue
		}
		if slices.ContainsFunc(found, func(f match) bool { return !f.heading().Empty }) {
			continue
		}
		for _, f := range found {
			h := f.heading()
			add(check.Finding{
				Severity: catalog.Note, Targets: []string{t},
				Pos:     yamlx.Pos{File: f.doc.path, Line: h.Line, Col: h.Col},
				Message: msg.Format("docscheck.empty", h.Text, it.ID, it.Title),
			})
		}
	}
}

// missing returns the position and message of the finding for item i of
// cat, which no document of target t addresses. The position is the end of
// the section of the closest earlier item of t that is present (the
// section belongs after it), else the first line of the first document.
func (c *run) missing(cat *catalog.Catalog, i int, t string, docs []*document) (yamlx.Pos, string) {
	it := &cat.Items[i]
	pos := yamlx.Pos{File: docs[0].path, Line: 1}
	level, after := 2, ""
	for j := i - 1; j >= 0; j-- {
		prev := &cat.Items[j]
		if !slices.Contains(prev.Targets, t) {
			continue
		}
		found := newMatcher(prev).find(docs)
		if len(found) == 0 {
			continue
		}
		f := found[0]
		h := f.heading()
		level = h.Level
		last := h
		for k := f.h + 1; k < len(f.doc.headings) && f.doc.headings[k].Level > h.Level; k++ {
			last = &f.doc.headings[k]
		}
		pos = yamlx.Pos{File: f.doc.path, Line: last.Line, Col: last.Col}
		after = msg.Format("docscheck.after", h.Text, h.Line)
		break
	}

	heading := it.Title
	if len(it.Headings) > 0 {
		heading = it.Headings[0]
	}
	suggestion := strings.Repeat("#", level) + " " + heading
	anchors := itemAnchors(it)
	if len(anchors) > 0 {
		suggestion += ` <a id="` + anchors[0] + `"></a>`
	}
	extra := after
	if len(it.Headings) > 1 {
		extra += msg.Format("docscheck.also", yamlx.QuoteList(it.Headings[1:]))
	}
	if hint := c.typo(anchors, docs); hint != "" {
		extra += hint
	}
	return pos, msg.Format("docscheck.missing", it.ID, it.Title, suggestion, extra)
}

// typo returns a hint about an anchor in docs that no catalog item uses and
// that is close to one of anchors, or "".
func (c *run) typo(anchors []string, docs []*document) string {
	if len(anchors) == 0 {
		return ""
	}
	for _, d := range docs {
		for _, h := range d.headings {
			for _, a := range h.Anchors {
				if c.known[strings.ToLower(a)] || yamlx.Suggest(a, anchors) == "" {
					continue
				}
				return msg.Format("docscheck.typo", a, d.path, h.Line)
			}
		}
	}
	return ""
}

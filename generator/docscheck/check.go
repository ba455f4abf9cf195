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
	"github.com/docgen/docgen/generator/srcpos"
	"github.com/docgen/docgen/generator/yamlx"
)

// Check reports, for each applicable catalog item (its `when` flags hold for
// s) whose targets include the target of one of docs, whether the docs of
// that target contain a section that addresses it and has the content it
// needs. An item belonging to several targets is looked for in the
// documents of each. Items of targets for which no doc was given are not
// applicable.
//
// The result has one outcome per catalog item, in catalog order, an item
// present in several catalogs counted once as in [check.Run]; its File is
// the first doc's path and each finding names its document in Pos.File.
// A nil s is a device with every flag off. The error reports a document
// that cannot be read, a Doc with an unknown target, a document in a
// language docgen has no vocabulary for, and front matter that binds an
// unknown item.
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
		if !slices.Contains(Targets(), d.Target) {
			return nil, errors.New(msg.Format("docscheck.bad_target", d.Path, d.Target, yamlx.QuoteList(Targets()), yamlx.Suggest(d.Target, Targets())))
		}
		doc, ok := parsed[d.Path]
		if !ok {
			var err error
			if doc, err = readDocument(d.Path, s.Language); err != nil {
				return nil, err
			}
			parsed[d.Path] = doc
		}
		if !slices.Contains(byTarget[d.Target], doc) {
			byTarget[d.Target] = append(byTarget[d.Target], doc)
		}
	}
	if err := checkBindings(parsed, docs, cats); err != nil {
		return nil, err
	}

	c := &run{s: s, byTarget: byTarget, known: knownAnchors(cats), matchers: map[string]*itemMatcher{},
		res: &check.Result{File: docs[0].Path, Profiles: []string{}, Findings: []check.Finding{}, Outcomes: []check.Outcome{}}}
	// Every applicable item of every catalog, once, for matching: a heading
	// goes to the item it matches most closely among all of them.
	for _, cat := range cats {
		c.res.Profiles = append(c.res.Profiles, cat.Profile)
		for i := range cat.Items {
			it := &cat.Items[i]
			if _, dup := c.matchers[it.ID]; !dup {
				c.matchers[it.ID] = newItemMatcher(it)
				c.order = append(c.order, c.matchers[it.ID])
			}
		}
	}
	c.assignments = map[string]*assignment{}
	for _, t := range Targets() {
		if len(byTarget[t]) == 0 {
			continue
		}
		var items []*itemMatcher
		for _, m := range c.order {
			if slices.Contains(m.item.Targets, t) && catalog.Applies(m.item.When, s) {
				items = append(items, m)
			}
		}
		c.assignments[t] = assign(byTarget[t], items)
	}
	var seen []string
	for _, cat := range cats {
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

// readDocument reads and parses the Markdown document at path, in the
// language its front matter names, else specLang, else English.
func readDocument(path, specLang string) (*document, error) {
	src, err := input.Read(path, input.Markdown)
	if err != nil {
		return nil, pathError(path, err)
	}
	doc, err := ReadMarkdown(path, src)
	if err != nil {
		return nil, err
	}
	lang := doc.Lang
	if lang == "" {
		lang = specLang
	}
	if lang == "" {
		lang = catalog.Language
	}
	lex, err := lexiconFor(lang)
	if err != nil {
		return nil, errors.New(path + ": " + err.Error())
	}
	return newDocument(path, doc, lex), nil
}

// checkBindings makes sure the front matter of each document binds only
// items that the catalogs define.
func checkBindings(parsed map[string]*document, docs []Doc, cats []*catalog.Catalog) error {
	var ids []string
	for _, c := range cats {
		for _, it := range c.Items {
			ids = append(ids, it.ID)
		}
	}
	var errs []error
	done := map[string]bool{}
	for _, d := range docs {
		if done[d.Path] {
			continue
		}
		done[d.Path] = true
		for _, b := range parsed[d.Path].doc.Bindings {
			if !slices.Contains(ids, strings.ToUpper(b.Item)) {
				errs = append(errs, errors.New(msg.Format("docscheck.unknown_item", d.Path, b.Line, sectionsKey, b.Item, yamlx.Suggest(b.Item, ids))))
			}
		}
	}
	return errors.Join(errs...)
}

// run is the state of one Check.
type run struct {
	s        *spec.Spec
	byTarget map[string][]*document
	// known are the anchors of all catalog items, lower case.
	known map[string]bool
	// matchers are the items of all catalogs by id; order lists them in
	// catalog order.
	matchers    map[string]*itemMatcher
	order       []*itemMatcher
	assignments map[string]*assignment
	res         *check.Result
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

// checkItem evaluates item i of catalog cat.
func (c *run) checkItem(cat *catalog.Catalog, i int) {
	it := &cat.Items[i]
	level := it.EffectiveLevel(c.s)
	sev := level.Severity()
	o := check.Outcome{
		ID: it.ID, Title: it.Title, Kind: "item", Profile: cat.Profile, Severity: sev, Level: level,
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
	add := func(f check.Finding) {
		f.RuleID, f.Title, f.Clauses = it.ID, it.Title, o.Clauses
		o.Findings = append(o.Findings, len(c.res.Findings))
		c.res.Findings = append(c.res.Findings, f)
	}
	advisory := sev
	if advisory.Rank() < catalog.Warning.Rank() {
		advisory = catalog.Warning
	}
	for _, t := range targets {
		docs, a := c.byTarget[t], c.assignments[t]
		for _, u := range a.unbound[it.ID] {
			add(check.Finding{
				Severity: sev, Targets: []string{t}, Pos: srcpos.Pos{File: u.doc.path, Line: u.line, Col: 1},
				Message: msg.Format("docscheck.unbound", sectionsKey, it.ID, u.heading),
			})
		}
		found := a.matches[it.ID]
		if len(found) == 0 {
			pos, text := c.missing(cat, i, t, docs)
			add(check.Finding{Severity: sev, Targets: []string{t}, Pos: pos, Message: text})
			continue
		}
		lex := found[0].doc.lex
		for _, p := range lex.contentProblems(it.ID, found) {
			h := p.at.heading()
			s := sev
			if p.advisory {
				s = advisory
			}
			add(check.Finding{
				Severity: s, Targets: []string{t},
				Pos:     srcpos.Pos{File: p.at.doc.path, Line: h.Line, Col: h.Col},
				Message: p.message(it.ID, it.Title),
			})
		}
	}
}

// missing returns the position and message of the finding for item i of
// cat, which no document of target t addresses. The position is the end of
// the section of the closest earlier item of t that is present (the
// section belongs after it), else the first line of the first document.
func (c *run) missing(cat *catalog.Catalog, i int, t string, docs []*document) (srcpos.Pos, string) {
	it := &cat.Items[i]
	a := c.assignments[t]
	pos := srcpos.Pos{File: docs[0].path, Line: 1}
	level, after := 2, ""
	for j := i - 1; j >= 0; j-- {
		prev := &cat.Items[j]
		if !slices.Contains(prev.Targets, t) {
			continue
		}
		found := a.matches[prev.ID]
		if len(found) == 0 {
			continue
		}
		f := found[0]
		hs := f.doc.doc.Headings
		h := &hs[f.h]
		level = h.Level
		last := h
		for k := f.h + 1; k < len(hs) && hs[k].Level > h.Level; k++ {
			last = &hs[k]
		}
		pos = srcpos.Pos{File: f.doc.path, Line: last.Line, Col: last.Col}
		after = msg.Format("docscheck.after", h.Text, h.Line)
		break
	}

	lex := docs[0].lex
	headings := append(slices.Clone(it.Headings.In(lex.Language)), lex.Headings[it.ID]...)
	heading := it.Title
	if len(headings) > 0 {
		heading = headings[0]
	}
	suggestion := strings.Repeat("#", level) + " " + heading
	anchors := itemAnchors(it)
	if len(anchors) > 0 {
		suggestion += ` <a id="` + anchors[0] + `"></a>`
	}
	extra := after
	if len(headings) > 1 {
		const others = 3 // more would drown the message
		extra += msg.Format("docscheck.also", yamlx.QuoteList(headings[1:min(len(headings), 1+others)]))
	}
	extra += closest(c.matchers[it.ID], docs, a)
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
		for _, h := range d.doc.Headings {
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

package docscheck

import (
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
)

// document is a document being checked: its path, its model and, per
// heading, the heading's terms in the document's language.
type document struct {
	path  string
	doc   *Document
	lex   *lexicon
	terms [][]string
}

func newDocument(path string, doc *Document, lex *lexicon) *document {
	d := &document{path: path, doc: doc, lex: lex, terms: make([][]string, len(doc.Headings))}
	for i, h := range doc.Headings {
		d.terms[i] = lex.terms(h.Text)
	}
	return d
}

// How a heading came to address an item.
const (
	byAnchor  = "anchor"
	byBinding = "binding"
	byText    = "text"
)

// match is a heading that addresses an item.
type match struct {
	doc *document
	h   int // index into doc.doc.Headings
	how string
	// phrase is the item heading the heading's text matched (byText).
	phrase *phrase
}

func (m match) heading() *Heading { return &m.doc.doc.Headings[m.h] }

// phrase is one of an item's headings and its terms.
type phrase struct {
	text  string
	terms []string
}

// itemMatcher tells which headings address one item.
type itemMatcher struct {
	item    *catalog.Item
	anchors []string
	// phrases are the item's headings and title, per language.
	phrases map[string][]phrase
}

func newItemMatcher(it *catalog.Item) *itemMatcher {
	return &itemMatcher{item: it, anchors: itemAnchors(it), phrases: map[string][]phrase{}}
}

// phrasesIn returns the item's headings in the language of lex, and for the
// catalog's own language its title too, each with its terms.
func (m *itemMatcher) phrasesIn(lex *lexicon) []phrase {
	if ps, ok := m.phrases[lex.Language]; ok {
		return ps
	}
	texts := slices.Clone(m.item.Headings.In(lex.Language))
	texts = append(texts, lex.Headings[m.item.ID]...)
	if lex.Language == catalog.Language {
		texts = append(texts, m.item.Title)
	}
	var ps []phrase
	for _, t := range texts {
		if terms := lex.terms(t); len(terms) > 0 && !slices.ContainsFunc(ps, func(p phrase) bool { return slices.Equal(p.terms, terms) }) {
			ps = append(ps, phrase{text: t, terms: terms})
		}
	}
	m.phrases[lex.Language] = ps
	return ps
}

// anchored reports whether heading h carries one of the item's anchors.
func (m *itemMatcher) anchored(h *Heading) bool {
	for _, a := range h.Anchors {
		if slices.Contains(m.anchors, strings.ToLower(a)) {
			return true
		}
	}
	return false
}

// textMatch returns the largest of the item's phrases whose terms all occur
// in terms, or nil.
func (m *itemMatcher) textMatch(lex *lexicon, terms []string) *phrase {
	var best *phrase
	ps := m.phrasesIn(lex)
	for i := range ps {
		p := &ps[i]
		if subset(p.terms, terms) && (best == nil || len(p.terms) > len(best.terms)) {
			best = p
		}
	}
	return best
}

// isTitle reports whether the first of hs is the document's title: no
// other heading has its level.
func isTitle(hs []Heading) bool {
	return len(hs) > 1 && !slices.ContainsFunc(hs[1:], func(h Heading) bool { return h.Level == hs[0].Level })
}

// sameSection reports whether items a and b are answered by the same
// generated section, such as an FDA item and the MDCG item it maps to: a
// heading that matches both addresses both.
func sameSection(a, b *itemMatcher) bool {
	return slices.ContainsFunc(a.anchors, func(x string) bool { return slices.Contains(b.anchors, x) })
}

// subset reports whether every element of a is in b.
func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// strictSubset reports whether a is a subset of b and smaller.
func strictSubset(a, b []string) bool { return len(a) < len(b) && subset(a, b) }

// assignment is the outcome of matching the headings of one target's
// documents against that target's items.
type assignment struct {
	// matches are the headings that address each item, by item id, in
	// document order.
	matches map[string][]match
	// takenBy records, for an item whose phrase a heading held but that
	// heading went to another item with a larger phrase, that item and
	// phrase: heading key -> item id -> the winning item.
	takenBy map[headingKey]map[string]taken
	// unbound are front-matter bindings whose heading the document lacks.
	unbound map[string][]unboundBinding
	// spread counts, per language and term, the items with a heading that
	// has the term: a term of many items says little about which one a
	// heading means.
	spread map[string]map[string]int
}

// distinctive is the largest number of items whose headings may share a
// term for it to point at one of them: "restore" does, "data" (backup,
// data protection, decommissioning, ...) does not.
const distinctive = 2

type headingKey struct {
	doc *document
	h   int
}

type taken struct {
	item   string
	phrase string
}

type unboundBinding struct {
	doc     *document
	line    int
	heading string
}

// assign matches the headings of docs against items. A heading addresses an
// item when it carries one of the item's anchors, when the front matter
// binds it to the item, or when its terms include all terms of one of the
// item's headings; of the items a heading's text matches, those whose
// matched phrase is a strict subset of another item's matched phrase lose
// it ("Reporting serious incidents" addresses IFU-SERIOUS-INCIDENT, not
// IFU-INCIDENT as well).
func assign(docs []*document, items []*itemMatcher) *assignment {
	a := &assignment{matches: map[string][]match{}, takenBy: map[headingKey]map[string]taken{}, unbound: map[string][]unboundBinding{},
		spread: map[string]map[string]int{}}
	byID := map[string]*itemMatcher{}
	for _, m := range items {
		byID[m.item.ID] = m
	}
	for _, d := range docs {
		lang := d.lex.Language
		if a.spread[lang] != nil {
			continue
		}
		a.spread[lang] = map[string]int{}
		for _, m := range items {
			var terms []string
			for _, p := range m.phrasesIn(d.lex) {
				for _, t := range p.terms {
					if !slices.Contains(terms, t) {
						terms = append(terms, t)
					}
				}
			}
			for _, t := range terms {
				a.spread[lang][t]++
			}
		}
	}
	for _, d := range docs {
		bound := bindings(d, byID, a)
		for i := range d.doc.Headings {
			h := &d.doc.Headings[i]
			type cand struct {
				m *itemMatcher
				p *phrase
			}
			var texts []cand
			for _, m := range items {
				switch {
				case m.anchored(h):
					a.add(m, match{doc: d, h: i, how: byAnchor})
				case slices.Contains(bound[i], m.item.ID):
					a.add(m, match{doc: d, h: i, how: byBinding})
				default:
					if p := m.textMatch(d.lex, d.terms[i]); p != nil {
						texts = append(texts, cand{m, p})
					}
				}
			}
			for _, c := range texts {
				winner := slices.IndexFunc(texts, func(o cand) bool {
					return strictSubset(c.p.terms, o.p.terms) && !sameSection(c.m, o.m)
				})
				if winner < 0 {
					a.add(c.m, match{doc: d, h: i, how: byText, phrase: c.p})
					continue
				}
				k := headingKey{d, i}
				if a.takenBy[k] == nil {
					a.takenBy[k] = map[string]taken{}
				}
				a.takenBy[k][c.m.item.ID] = taken{texts[winner].m.item.ID, texts[winner].p.text}
			}
		}
	}
	return a
}

func (a *assignment) add(m *itemMatcher, x match) {
	a.matches[m.item.ID] = append(a.matches[m.item.ID], x)
}

// bindings returns, per heading index of d, the ids of the items its front
// matter binds the heading to, and records bindings whose heading d lacks.
// Bindings of items that are not checked here are ignored.
func bindings(d *document, byID map[string]*itemMatcher, a *assignment) map[int][]string {
	out := map[int][]string{}
	for _, b := range d.doc.Bindings {
		m, ok := byID[strings.ToUpper(b.Item)]
		if !ok {
			continue
		}
		for _, want := range b.Headings {
			key := headingWords(d.lex, want)
			found := false
			for i, h := range d.doc.Headings {
				if slices.Equal(headingWords(d.lex, h.Text), key) {
					out[i] = append(out[i], m.item.ID)
					found = true
				}
			}
			if !found {
				a.unbound[m.item.ID] = append(a.unbound[m.item.ID], unboundBinding{doc: d, line: b.Line, heading: want})
			}
		}
	}
	return out
}

// headingWords is the form in which a binding names a heading: its words,
// without section numbers, so that case, punctuation and numbering do not
// matter.
func headingWords(lex *lexicon, text string) []string {
	return lex.words(lex.stripNumbering(strings.ToLower(strings.TrimSpace(text))))
}

// closest describes the heading of docs that comes closest to addressing
// the item of m without doing so, and why it does not, or returns "". A
// heading comes close when it shares terms with one of the item's
// headings, at least one of them distinctive (not a generic word, and in
// the headings of few items); the closest shares the largest part of that
// heading, with the fewest other terms. A document's title (its first
// heading, when no other heading has its level) is not considered.
func closest(m *itemMatcher, docs []*document, a *assignment) string {
	type best struct {
		d       *document
		h       int
		p       *phrase
		overlap int
		extra   int
	}
	var b *best
	for _, d := range docs {
		for i := range d.doc.Headings {
			if i == 0 && isTitle(d.doc.Headings) {
				continue
			}
			if t, ok := a.takenBy[headingKey{d, i}][m.item.ID]; ok {
				h := &d.doc.Headings[i]
				return msg.Format("docscheck.closest_taken", h.Text, h.Line, t.item, t.phrase)
			}
			ps := m.phrasesIn(d.lex)
			for j := range ps {
				p := &ps[j]
				overlap, telling := 0, false
				for _, t := range p.terms {
					if slices.Contains(d.terms[i], t) {
						overlap++
						telling = telling || (a.spread[d.lex.Language][t] <= distinctive && !d.lex.generic[t])
					}
				}
				if !telling {
					continue
				}
				extra := len(d.terms[i]) - overlap
				// The largest share of the phrase's terms, then the fewest
				// other terms in the heading; the first such heading.
				if b == nil || overlap*len(b.p.terms) > b.overlap*len(p.terms) ||
					(overlap*len(b.p.terms) == b.overlap*len(p.terms) && extra < b.extra) {
					b = &best{d, i, p, overlap, extra}
				}
			}
		}
	}
	if b == nil {
		return ""
	}
	h := &b.d.doc.Headings[b.h]
	var lacks []string
	for _, t := range b.p.terms {
		if slices.Contains(b.d.terms[b.h], t) {
			continue
		}
		q := "`" + t + "`"
		for _, w := range b.d.lex.words(h.Text) {
			if len(w) >= 5 && w != t && yamlx.Distance(w, t) <= 2 {
				q += msg.Format("docscheck.misspelt", w)
				break
			}
		}
		lacks = append(lacks, q)
	}
	return msg.Format("docscheck.closest", h.Text, h.Line, strings.Join(lacks, ", "), b.p.text)
}

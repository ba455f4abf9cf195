package docscheck

import (
	"strings"

	"github.com/docgen/docgen/generator/msg"
)

// problem is something wrong with the content of an item's sections.
type problem struct {
	// at is the section the problem is reported at.
	at match
	// key and args make the message (after the section's heading and the
	// item's id and title).
	key  string
	args []any
	// advisory problems (a short section, a leftover marker) are at most
	// warnings; the others have the item's severity.
	advisory bool
}

// placeholder returns the text of a section whose body holds no content,
// and whether it holds none: a body that is empty, or whose every line is a
// placeholder phrase ("To be defined.", "N/A") or begins with a marker
// ("TBD: ask R&D"). A section that shows media has content.
func (lex *lexicon) placeholder(h *Heading) (string, bool) {
	if h.Media {
		return "", false
	}
	for _, line := range strings.Split(h.Body, "\n") {
		form := placeholderForm(line)
		if form == "" || lex.phrases[form] {
			continue
		}
		if first := lex.words(form); len(first) > 0 && lex.markers[first[0]] {
			continue
		}
		return "", false
	}
	return strings.TrimSpace(h.Body), true
}

// contentProblems checks the sections that address item id: at least one
// has content; together they have the words and name the facts the item
// needs; none still holds a placeholder marker. Sections inside another
// section of the item count once.
func (lex *lexicon) contentProblems(id string, found []match) []problem {
	var real []match
	var empty []problem
	for _, m := range found {
		h := m.heading()
		if ph, none := lex.placeholder(h); none {
			if ph == "" {
				empty = append(empty, problem{at: m, key: "docscheck.empty"})
			} else {
				empty = append(empty, problem{at: m, key: "docscheck.placeholder", args: []any{clip(ph)}})
			}
			continue
		}
		real = append(real, m)
	}
	if len(real) == 0 {
		return empty
	}
	real = outermost(real)
	var out []problem
	need := lex.Content.Items[id]
	minWords := need.MinWords
	if minWords == 0 {
		minWords = lex.Content.DefaultMinWords
	}
	words, media := 0, false
	for _, m := range real {
		words += wordCount(m.heading().Body)
		media = media || m.heading().Media
	}
	if !media && words < minWords {
		out = append(out, problem{at: real[0], key: "docscheck.short", args: []any{words, minWords}, advisory: true})
	}
	for _, f := range need.Facts {
		if !lex.states(f, real) {
			out = append(out, problem{at: real[0], key: "docscheck.no_fact", args: []any{lex.Facts[f].Describe}})
		}
	}
	for _, m := range real {
		if lex.markerRE == nil {
			break
		}
		if mk := lex.markerRE.FindString(m.heading().Body); mk != "" {
			out = append(out, problem{at: m, key: "docscheck.marker", args: []any{mk}, advisory: true})
		}
	}
	return out
}

// states reports whether one of the sections states fact f.
func (lex *lexicon) states(f string, sections []match) bool {
	for _, m := range sections {
		for _, re := range lex.facts[f] {
			if re.MatchString(m.heading().Body) {
				return true
			}
		}
	}
	return false
}

// outermost drops the sections that lie inside another of the sections,
// whose body already includes theirs.
func outermost(ms []match) []match {
	var out []match
	for _, m := range ms {
		inside := false
		for _, o := range ms {
			if o.doc == m.doc && o.h < m.h && contains(o.doc.doc.Headings, o.h, m.h) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, m)
		}
	}
	return out
}

// contains reports whether heading j lies in the section of heading i < j.
func contains(hs []Heading, i, j int) bool {
	for k := i + 1; k <= j; k++ {
		if hs[k].Level <= hs[i].Level {
			return false
		}
	}
	return true
}

// clip shortens a placeholder for a message.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// message formats a problem of item (id, title) at section heading text.
func (p problem) message(id, title string) string {
	args := append([]any{p.at.heading().Text, id, title}, p.args...)
	return msg.Format(p.key, args...)
}

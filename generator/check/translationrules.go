package check

import (
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/spec"
)

// TargetLanguages returns the languages the free texts of s must be
// translated into: its output languages (spec.Spec.OutputLanguages, with
// languages as the --lang override) other than the spec's own and its
// regional forms (a spec in en serves en-GB).
func TargetLanguages(s *spec.Spec, languages []string) []string {
	src, _, _ := strings.Cut(s.SourceLanguage(), "-")
	var out []string
	for _, l := range s.OutputLanguages(languages) {
		if base, _, _ := strings.Cut(l, "-"); base != src {
			out = append(out, l)
		}
	}
	return out
}

// translationsComplete reports each free text the documents print that
// has no translation into an output language (SPEC-TRANSLATION-MISSING).
func translationsComplete(rr *ruleRun) {
	langs := TargetLanguages(rr.s, rr.opts.Languages)
	if len(langs) == 0 {
		return
	}
	src := rr.s.SourceLanguage()
	for _, f := range rr.s.Texts() {
		if !spec.NeedsTranslation(*f.Text) {
			continue
		}
		for _, l := range langs {
			if !f.Text.Has(l, src) {
				rr.report(f.Path, map[string]any{"Field": f.Path, "Language": l, "Source": src})
			}
		}
	}
}

// translationsCurrent reports each translation, in an output language,
// whose source text changed after it was made (SPEC-TRANSLATION-STALE), at
// its entry in the side file.
func translationsCurrent(rr *ruleRun) {
	langs := TargetLanguages(rr.s, rr.opts.Languages)
	texts := map[string]*spec.Text{}
	for _, f := range rr.s.Texts() {
		texts[f.Path] = f.Text
	}
	src := rr.s.SourceLanguage()
	for _, e := range rr.s.TranslationEntries {
		if !slices.Contains(langs, e.Lang) {
			continue
		}
		if e.Removed {
			rr.add(Finding{
				RuleID: rr.rule.ID, Title: rr.rule.Title, Severity: rr.severity, Clauses: rr.clauses, Path: e.Path, Pos: e.Pos,
				Message: rr.rule.Format(map[string]any{"Field": e.Path, "Language": e.Lang, "Source": src, "Old": e.Fingerprint, "New": "", "Removed": true}),
			})
			continue
		}
		t := texts[e.Path]
		if t == nil || !spec.NeedsTranslation(*t) || !e.Stale(t.Value) {
			continue
		}
		rr.add(Finding{
			RuleID: rr.rule.ID, Title: rr.rule.Title, Severity: rr.severity, Clauses: rr.clauses, Path: e.Path, Pos: e.Pos,
			Message: rr.rule.Format(map[string]any{"Field": e.Path, "Language": e.Lang, "Source": src, "Old": e.Fingerprint, "New": spec.Fingerprint(t.Value), "Removed": false}),
		})
	}
}

package check

import (
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
)

// langListed is the most missing keys a LANG-INCOMPLETE finding names.
const langListed = 12

// langComplete reports each output language whose document texts lack
// keys of the English ones: the IfU would show those texts in English.
// The output languages are spec.Spec.OutputLanguages; a language docgen
// has no texts in at all is a load error (spec.no_language_set), not a
// finding.
func langComplete(rr *ruleRun) {
	type lang struct{ tag, path string }
	var langs []lang
	for _, l := range rr.s.OutputLanguages(rr.opts.Languages) {
		path := "" // from --lang: the finding is placed at the spec
		if len(rr.opts.Languages) == 0 {
			if i := slices.Index(rr.s.Languages, l); i >= 0 {
				path = yamlx.Index("languages", i)
			} else if rr.s.Language != "" {
				path = "language"
			}
		}
		langs = append(langs, lang{l, path})
	}
	for _, l := range langs {
		if !msg.HasLanguage(l.tag) {
			continue
		}
		missing := msg.Missing(l.tag)
		if len(missing) == 0 {
			continue
		}
		list := strings.Join(missing[:min(len(missing), langListed)], ", ")
		if len(missing) > langListed {
			list += msg.Format("check.and_more", len(missing)-langListed)
		}
		rr.report(l.path, map[string]any{"Lang": l.tag, "Count": len(missing), "Keys": list})
	}
}

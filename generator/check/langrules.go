package check

import (
	"strings"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
)

// langListed is the most missing keys a LANG-INCOMPLETE finding names.
const langListed = 12

// langComplete reports each output language whose document texts lack
// keys of the English ones: the IfU would show those texts in English.
// The output languages are Options.Languages (--lang), else the spec's
// languages, else its language; a language docgen has no texts in at all
// is a load error (spec.no_language_set), not a finding.
func langComplete(rr *ruleRun) {
	type lang struct{ tag, path string }
	var langs []lang
	switch {
	case len(rr.opts.Languages) > 0:
		for _, l := range rr.opts.Languages {
			langs = append(langs, lang{l, ""})
		}
	case len(rr.s.Languages) > 0:
		for i, l := range rr.s.Languages {
			langs = append(langs, lang{l, yamlx.Index("languages", i)})
		}
	case rr.s.Language != "":
		langs = append(langs, lang{rr.s.Language, "language"})
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

package check

import (
	"strings"

	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// revisionInHistory reports a revision history that has no entry for the
// current revision (document.revision), and, for an IVDR device, an entry
// for a revised issue (any entry but the first) that does not say what
// changed (IVDR Annex I 20.4.1(ae)). A spec without a history is left to the
// completeness item, which does not require one.
func revisionInHistory(rr *ruleRun) {
	doc := rr.s.Document
	current := strings.TrimSpace(doc.Revision)
	if current == "" || len(doc.History) == 0 {
		return
	}
	for i, h := range doc.History {
		if !strings.EqualFold(strings.TrimSpace(h.Revision), current) {
			continue
		}
		if rr.reg == spec.IVDR && i > 0 && spec.IsPlaceholder(h.Changes.Value) {
			rr.report(yamlx.Index("document.history", i), map[string]any{"Missing": false, "Revision": current})
		}
		return
	}
	rr.report("document.revision", map[string]any{"Missing": true, "Revision": current})
}

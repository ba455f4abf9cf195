package check

import (
	"strings"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/mds2"
	"github.com/docgen/docgen/generator/msg"
)

// mds2Listed is how many question ids a finding names before "and N more".
const mds2Listed = 12

// mds2Answered reports the MDS2 questions the spec cannot answer, in one
// finding. It is informational unless Options.RequireMDS2 asks for a
// complete MDS2. The answers come from package mds2, the same code that
// writes mds2.xlsx, so the finding and the workbook cannot disagree.
func mds2Answered(rr *ruleRun) {
	if rr.s.IsAbsent("mds2") && !rr.opts.RequireMDS2 {
		rr.outcome.Status = NotApplicable // the spec says no MDS2 is published
		return
	}
	form, err := mds2.Load()
	if err != nil {
		// The form is embedded; the mds2 tests make sure it loads.
		rr.add(Finding{RuleID: rr.rule.ID, Title: rr.rule.Title, Severity: catalog.Error, Message: err.Error()})
		return
	}
	st := form.Evaluate(mds2.Input{Spec: rr.s, BOM: rr.opts.BOM, AnswersOnly: true})
	un := st.Unanswered()
	if len(un) == 0 {
		return
	}
	if rr.opts.RequireMDS2 {
		rr.severity = catalog.Error
		rr.outcome.Severity = catalog.Error
	}
	ids := make([]string, 0, mds2Listed)
	for i, r := range un {
		if i == mds2Listed {
			break
		}
		ids = append(ids, r.ID)
	}
	list := strings.Join(ids, ", ")
	if len(un) > mds2Listed {
		list += msg.Format("check.and_more", len(un)-mds2Listed)
	}
	rr.report("mds2", map[string]any{"Count": len(un), "Total": len(st.Results()), "IDs": list, "Required": rr.opts.RequireMDS2})
}

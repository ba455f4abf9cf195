package check

import (
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/duties"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// matrix returns the device's responsibility matrix; a broken defaults
// file is a packaging error that the duties tests catch.
func (rr *ruleRun) matrix() []duties.Duty {
	m, _ := duties.Matrix(rr.s)
	return m
}

func stakeholders(ss []spec.Stakeholder) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return strings.Join(out, ", ")
}

// dutiesValid reports spec entries that name an unknown activity without a
// title: most likely a typo of a default activity.
func dutiesValid(rr *ruleRun) {
	known := duties.DefaultIDs()
	for i, r := range rr.s.Responsibilities {
		if slices.Contains(known, r.Activity) || !spec.IsPlaceholder(r.Title.Value) {
			continue
		}
		rr.report(yamlx.Index("responsibilities", i), map[string]any{
			"Activity": r.Activity, "Hint": yamlx.Suggest(r.Activity, known),
		})
	}
}

func dutyHasOwner(rr *ruleRun) {
	for _, d := range rr.matrix() {
		if len(d.Responsible) > 0 {
			continue
		}
		path := d.Path
		if path == "" {
			path = "responsibilities"
		}
		rr.report(path, map[string]any{"Activity": d.ID, "Title": d.Title})
	}
}

func envControlOwner(rr *ruleRun) {
	for i, c := range rr.s.Environment.RequiredControls {
		p := yamlx.Index("environment.required_controls", i)
		switch {
		case c.ReliedOn != nil && *c.ReliedOn && c.Owner == "":
			rr.report(p, map[string]any{"Control": controlName(c), "Lay": false})
		case rr.s.Device.LayUsers && !rr.s.Device.HasOperator() && c.Owner == spec.ByOperator:
			rr.report(p, map[string]any{"Control": controlName(c), "Lay": true})
		}
	}
}

func controlName(c spec.EnvironmentControl) string {
	if c.ID != "" {
		return c.ID
	}
	return c.Description.Value
}

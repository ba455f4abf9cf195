package check

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/sbom"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// The SBOM rules report at the spec's sbom.path: the SBOM file has no
// position of its own in the spec, and a team fixes these findings either in
// the SBOM or with `components:` entries next to that path.

// componentName identifies a component in a message.
func componentName(c sbom.Component) string {
	name := c.Name
	if c.Group != "" {
		name = c.Group + "/" + name
	}
	if c.Version != "" {
		name += "@" + c.Version
	}
	if name == "" {
		name = c.Purl
	}
	if name == "" {
		name = c.BOMRef
	}
	return name
}

// examples lists up to five names and says how many more there are.
func examples(names []string) string {
	const show = 5
	s := strings.Join(names[:min(show, len(names))], ", ")
	if len(names) > show {
		s += msg.Format("check.and_more", len(names)-show)
	}
	return s
}

func sbomValid(rr *ruleRun) {
	p := rr.s.SBOM.Path
	if spec.IsPlaceholder(p) {
		return // completeness (ADM-SBOM) reports a missing path
	}
	resolved := resolveBeside(rr.s.File, p)
	err := rr.opts.SBOMErr
	if err == nil && rr.opts.BOM == nil && !fileExists(resolved) {
		err = fs.ErrNotExist // the caller did not load the SBOM; check the file at least
	}
	if err == nil {
		return
	}
	data := map[string]any{"Path": p, "Resolved": resolved, "Missing": errors.Is(err, fs.ErrNotExist), "Problem": firstLines(err.Error(), 4)}
	rr.report("sbom.path", data)
}

// firstLines keeps the first n lines of s and says how many were left out.
func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) <= n {
		return strings.Join(lines, "; ")
	}
	return strings.Join(lines[:n], "; ") + msg.Format("check.and_more", len(lines)-n)
}

func sbomNTIA(rr *ruleRun) {
	b := rr.bom()
	if b == nil {
		return
	}
	inGraph := b.DependencyRefs()
	gaps := make([][]string, len(sbom.Elements))
	for _, c := range b.Components {
		for i, ok := range c.Elements(inGraph) {
			if !ok {
				gaps[i] = append(gaps[i], componentName(c))
			}
		}
	}
	var parts []string
	if len(b.Authors) == 0 {
		parts = append(parts, msg.Get("check.ntia.author"))
	}
	if strings.TrimSpace(b.Timestamp) == "" {
		parts = append(parts, msg.Get("check.ntia.timestamp"))
	}
	for i, names := range gaps {
		if len(names) > 0 {
			parts = append(parts, msg.Format("check.ntia."+sbom.Elements[i], len(names), examples(names)))
		}
	}
	if len(parts) > 0 {
		rr.report("sbom.path", map[string]any{"Path": rr.s.SBOM.Path, "Gaps": strings.Join(parts, "; ")})
	}
}

// bom returns the SBOM the rule checks, or nil after marking the rule not
// applicable: without SBOM data a component rule has nothing to pass on
// (a missing or unreadable SBOM is the finding of ADM-SBOM-FILE).
func (rr *ruleRun) bom() *sbom.BOM {
	if rr.opts.BOM == nil && rr.outcome != nil {
		rr.outcome.Status = NotApplicable
	}
	return rr.opts.BOM
}

func sbomSupport(rr *ruleRun) {
	b := rr.bom()
	if b == nil {
		return
	}
	var level, eos []string
	for _, c := range b.Components {
		if c.SupportLevel == "" {
			level = append(level, componentName(c))
		}
		if c.EndOfSupport == "" && c.SupportLevel != sbom.SupportAbandoned {
			eos = append(eos, componentName(c))
		}
	}
	if len(level) == 0 && len(eos) == 0 {
		return
	}
	var parts []string
	if len(level) > 0 {
		parts = append(parts, msg.Format("check.support.level", len(level), len(b.Components), examples(level)))
	}
	if len(eos) > 0 {
		parts = append(parts, msg.Format("check.support.eos", len(eos), len(b.Components), examples(eos)))
	}
	rr.report("sbom.path", map[string]any{"Path": rr.s.SBOM.Path, "Gaps": strings.Join(parts, "; ")})
}

func sbomVulnAnalysis(rr *ruleRun) {
	b := rr.bom()
	if b == nil {
		return
	}
	var ids []string
	for _, v := range b.Vulnerabilities {
		if v.State == "" {
			ids = append(ids, v.ID)
		}
	}
	if len(ids) > 0 {
		rr.report("sbom.path", map[string]any{"Count": len(ids), "IDs": examples(ids)})
	}
}

// endedLevels are the support levels that say the supplier no longer
// supports a component, with the message key of their wording.
var endedLevels = map[string]string{
	sbom.SupportNoLonger:  "check.support.no_longer_maintained",
	sbom.SupportAbandoned: "check.support.abandoned",
}

// sbomPastEOS reports the components whose support has ended: past their
// end-of-support date, or marked as no longer maintained or abandoned by
// their supplier.
func sbomPastEOS(rr *ruleRun) {
	b := rr.bom()
	if b == nil {
		return
	}
	ref, asOf := rr.endOfSupportReference()
	var names []string
	for _, c := range b.Components {
		if d, err := spec.ParseDate(c.EndOfSupport); c.EndOfSupport != "" && err == nil && d.Before(ref.Time) {
			names = append(names, componentName(c)+" ("+c.EndOfSupport+")")
		} else if key, ended := endedLevels[c.SupportLevel]; ended {
			names = append(names, componentName(c)+" ("+msg.Get(key)+")")
		}
	}
	if len(names) > 0 {
		rr.report("sbom.path", map[string]any{"Count": len(names), "Components": examples(names), "AsOf": asOf})
	}
}

// sbomOverrideMatches reports each `components:` entry of the spec that
// matches no component of the SBOM: its support data would be dropped.
func sbomOverrideMatches(rr *ruleRun) {
	b := rr.bom()
	if b == nil {
		return
	}
	for i, c := range rr.s.Components {
		if b.Matches(sbom.Override{Purl: c.Purl, BOMRef: c.BOMRef}) {
			continue
		}
		id := c.Purl
		if id == "" {
			id = c.BOMRef
		}
		rr.report(yamlx.Index("components", i), map[string]any{"ID": id, "Path": rr.s.SBOM.Path})
	}
}

// sbomControlChars reports texts of the SBOM from which control characters
// were removed (see sbom.BOM.ControlChars).
func sbomControlChars(rr *ruleRun) {
	b := rr.bom()
	if b == nil || len(b.ControlChars) == 0 {
		return
	}
	rr.report("sbom.path", map[string]any{"Path": rr.s.SBOM.Path, "Count": len(b.ControlChars), "Where": examples(b.ControlChars)})
}

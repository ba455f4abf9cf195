package docs

import (
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/sbom"
)

// addSBOMTables fills the component and vulnerability tables from bom.
func addSBOMTables(t *Tables, bom *sbom.BOM) {
	if bom == nil {
		return
	}
	for _, c := range bom.Components {
		name := c.Name
		if c.Group != "" {
			name = c.Group + "/" + c.Name
		}
		support := ""
		if c.SupportLevel != "" {
			support = msg.Get("support." + c.SupportLevel)
		}
		t.Components.Add(name, c.Version, c.Supplier, strings.Join(c.Licenses, ", "), c.Purl, support, c.EndOfSupport)
	}
	names := map[string]string{} // bom-ref -> "name version", for lookups only
	for _, c := range bom.Components {
		if c.BOMRef != "" {
			names[c.BOMRef] = strings.TrimSpace(c.Name + " " + c.Version)
		}
	}
	for _, v := range bom.Vulnerabilities {
		affects := make([]string, len(v.Affects))
		for i, ref := range v.Affects {
			if n, ok := names[ref]; ok {
				affects[i] = n
			} else {
				affects[i] = ref
			}
		}
		state := v.State
		if state == "" {
			state = msg.Get("word.not_analysed")
		}
		t.Vulnerabilities.Add(v.ID, severity(v.Ratings), strings.Join(affects, ", "), state, v.Justification,
			strings.TrimSpace(strings.Join(v.Responses, ", ")+" "+v.Detail))
	}
}

// severity shows the highest-scored rating as "high (7.5, CVSSv31)".
func severity(rs []sbom.Rating) string {
	best := -1
	for i, r := range rs {
		if best < 0 || r.Score > rs[best].Score {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	r := rs[best]
	var extra []string
	if r.Score > 0 {
		extra = append(extra, strconv.FormatFloat(r.Score, 'f', 1, 64))
	}
	if r.Method != "" {
		extra = append(extra, r.Method)
	}
	s := r.Severity
	if len(extra) > 0 {
		s = strings.TrimSpace(s + " (" + strings.Join(extra, ", ") + ")")
	}
	return s
}

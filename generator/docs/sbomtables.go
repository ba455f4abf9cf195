package docs

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/sbom"
)

// DefaultComponentRows is the most SBOM components the administrator guide
// lists one per row when Options.ComponentRows is 0. A larger SBOM is
// summarised: a 50,000-component SBOM would otherwise take 2,000 pages.
const DefaultComponentRows = 500

// nearEndOfSupport is how far ahead of the reference date an end of
// support counts as near in the summary of a large SBOM.
const nearEndOfSupport = 365 * 24 * time.Hour

// summariseSBOM reports whether the SBOM has more components than the
// documents list one per row (see Options.ComponentRows).
func (b *builder) summariseSBOM() bool {
	rows := cmp.Or(b.opts.ComponentRows, DefaultComponentRows)
	return b.in.BOM != nil && rows > 0 && len(b.in.BOM.Components) > rows
}

// componentRowsValue is the row limit for the sentence that introduces a
// summarised SBOM.
func (b *builder) componentRowsValue() value {
	rows := cmp.Or(b.opts.ComponentRows, DefaultComponentRows)
	return value{content: docmodel.Plain(b.m.Int(rows))}
}

// componentName names a component with its group.
func componentName(cm *sbom.Component) string {
	if cm.Group != "" {
		return cm.Group + "/" + cm.Name
	}
	return cmp.Or(cm.Name, cm.BOMRef)
}

// countTable is a two-column table of names and counts.
func (w words) countTable(id string, counts []sbom.Count, name func(string) string) *Table {
	t := w.newTable(id, "name", "count")
	for _, n := range counts {
		t.add("sbom.path", c(name(n.Name), ""), c(w.m.Int(n.Count), ""))
	}
	return t
}

// sbomSummary summarises the SBOM once per table input.
func (in *tableInput) sbomSummary() *sbom.Summary {
	if in.bom == nil {
		return nil
	}
	if in.summary == nil {
		sum := sbom.Summarize(in.bom, in.asOf)
		in.summary = &sum
	}
	return in.summary
}

// componentTypeTable counts the SBOM's components by type.
func componentTypeTable(in *tableInput) *Table {
	sum := in.sbomSummary()
	if sum == nil {
		return in.newTable("sbom-types", "name", "count")
	}
	return in.countTable("sbom-types", sum.ByType, in.unspecified)
}

// supplierTable counts the components of the largest suppliers, and the
// others in one row.
func supplierTable(in *tableInput) *Table {
	sum := in.sbomSummary()
	if sum == nil {
		return in.newTable("sbom-suppliers", "name", "count")
	}
	t := in.countTable("sbom-suppliers", sum.BySupplier, in.unspecified)
	if rest := sum.Suppliers - len(sum.BySupplier); rest > 0 {
		listed := 0
		for _, n := range sum.BySupplier {
			listed += n.Count
		}
		t.add("sbom.path", c(in.format("sbom.other_suppliers", rest), ""), c(in.m.Int(sum.Components-listed), ""))
	}
	return t
}

// supportLevelTable counts the components by support level.
func supportLevelTable(in *tableInput) *Table {
	sum := in.sbomSummary()
	if sum == nil {
		return in.newTable("sbom-support", "name", "count")
	}
	counts := slices.Clone(sum.Support.ByLevel)
	if sum.Support.WithoutLevel > 0 {
		counts = append(counts, sbom.Count{Name: "", Count: sum.Support.WithoutLevel})
	}
	return in.countTable("sbom-support", counts, func(level string) string {
		if level == "" {
			return in.get("sbom.no_support_level")
		}
		if in.has("support." + level) {
			return in.get("support." + level)
		}
		return level
	})
}

func (w words) unspecified(name string) string {
	if name == sbom.Unspecified {
		return w.get("sbom.unspecified")
	}
	return name
}

// attentionTable lists the components that need attention one by one:
// past or near their end of support, no longer maintained by their
// supplier, or affected by an open vulnerability.
func attentionTable(in *tableInput) *Table {
	t := in.newTable("sbom-attention", "name", "version", "supplier", "eos@", "reason")
	if in.bom == nil {
		return t
	}
	open := map[string][]string{} // bom-ref or purl -> open vulnerability ids
	for _, v := range in.bom.Vulnerabilities {
		if v.Open() {
			for _, ref := range v.Affects {
				open[ref] = append(open[ref], v.ID)
			}
		}
	}
	asOf := in.asOf.Format(time.DateOnly)
	near := in.asOf.Add(nearEndOfSupport).Format(time.DateOnly)
	type row struct {
		order   int
		cm      *sbom.Component
		reasons []string
	}
	var rows []row
	for i := range in.bom.Components {
		cm := &in.bom.Components[i]
		var reasons []string
		order := 4
		switch eos := cm.EndOfSupport; {
		case eos != "" && eos < asOf:
			reasons, order = append(reasons, in.get("sbom.reason.past_eos")), 0
		case eos != "" && eos <= near:
			reasons, order = append(reasons, in.get("sbom.reason.near_eos")), 1
		}
		if cm.SupportLevel == sbom.SupportNoLonger || cm.SupportLevel == sbom.SupportAbandoned {
			reasons, order = append(reasons, in.get("support."+cm.SupportLevel)), min(order, 2)
		}
		ids := slices.Concat(open[cm.BOMRef], open[cm.Purl])
		if cm.BOMRef == cm.Purl {
			ids = open[cm.BOMRef]
		}
		if len(ids) > 0 {
			reasons, order = append(reasons, in.format("sbom.reason.open_vulns", strings.Join(ids, ", "))), min(order, 3)
		}
		if len(reasons) > 0 {
			rows = append(rows, row{order, cm, reasons})
		}
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		return cmp.Or(cmp.Compare(a.order, b.order), cmp.Compare(a.cm.EndOfSupport, b.cm.EndOfSupport))
	})
	for _, r := range rows {
		t.add("sbom.path", c(componentName(r.cm), ""), c(r.cm.Version, ""), c(r.cm.SupplierName(), ""), c(r.cm.EndOfSupport, ""),
			c(in.join(r.reasons), ""))
	}
	return t
}

// vulnStateTable counts the known vulnerabilities by analysis state.
func vulnStateTable(in *tableInput) *Table {
	sum := in.sbomSummary()
	if sum == nil {
		return in.newTable("sbom-vuln-states", "name", "count")
	}
	return in.countTable("sbom-vuln-states", sum.Vulnerabilities.ByState, func(state string) string {
		if state == "none" {
			return in.get("word.not_analysed")
		}
		return state
	})
}

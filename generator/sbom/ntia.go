package sbom

import "strings"

// Elements lists the per-component NTIA (2021) minimum elements in the
// order [Component.Elements] reports them.
var Elements = []string{ElementSupplier, ElementName, ElementVersion, ElementUniqueID, ElementDependencies}

// SupplierName returns the entity that supplies the component: its
// supplier (or manufacturer), else its publisher, else its author, or "".
// The NTIA minimum element "supplier name" is met by any of them, as
// CycloneDX tools put the originator in different fields.
func (c *Component) SupplierName() string {
	for _, s := range []string{c.Supplier, c.Publisher, c.Author} {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// Elements reports which per-component NTIA minimum elements c has, in the
// order of [Elements]. inGraph holds the bom-refs that appear in the
// dependency graph (see [BOM.DependencyRefs]).
func (c *Component) Elements(inGraph map[string]bool) [5]bool {
	return [5]bool{
		c.SupplierName() != "",
		strings.TrimSpace(c.Name) != "",
		strings.TrimSpace(c.Version) != "",
		c.Purl != "" || c.CPE != "" || c.SWID != "",
		c.BOMRef != "" && inGraph[c.BOMRef],
	}
}

// DependencyRefs returns the bom-refs that appear in b's dependency graph,
// as a dependent or as a dependency.
func (b *BOM) DependencyRefs() map[string]bool {
	in := make(map[string]bool, len(b.Dependencies))
	for _, d := range b.Dependencies {
		in[d.Ref] = true
		for _, r := range d.DependsOn {
			in[r] = true
		}
	}
	return in
}

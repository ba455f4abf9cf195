package sbom

import (
	"testing"

	"github.com/docgen/docgen/generator/msg"
)

// TestElementLabels checks that every NTIA element has a label in the
// message catalog. The labels are looked up as "sbom.sum.element." + name,
// so the repository-wide key tests in generator/msg cannot see them.
func TestElementLabels(t *testing.T) {
	for _, e := range []string{ElementSupplier, ElementName, ElementVersion, ElementUniqueID, ElementDependencies} {
		if !msg.Has("sbom.sum.element." + e) {
			t.Errorf("no label for NTIA element %s", e)
		}
	}
	for _, form := range []string{"one", "other"} {
		if !msg.Has("sbom.count.problem." + form) {
			t.Errorf("no %s form of sbom.count.problem", form)
		}
	}
}

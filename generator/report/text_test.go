package report

import (
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/check"
)

func TestSummaryLine(t *testing.T) {
	tests := []struct {
		s    check.Summary
		want string
	}{
		{check.Summary{Errors: 3, Warnings: 2, Waived: 1, Applicable: 40, Satisfied: 34, NotApplicable: 5},
			"device.yaml: 3 errors, 2 warnings, 1 waived; 34 of 40 applicable items satisfied (5 not applicable)"},
		{check.Summary{Errors: 1, Warnings: 1, Notes: 1, Applicable: 1, Satisfied: 0},
			"device.yaml: 1 error, 1 warning, 1 note; 0 of 1 applicable item satisfied"},
		{check.Summary{Notes: 2, Waived: 2, Applicable: 2, Satisfied: 2},
			"device.yaml: 0 errors, 0 warnings, 2 notes, 2 waived; 2 of 2 applicable items satisfied"},
	}
	for _, tt := range tests {
		f := newFile(&check.Result{File: "device.yaml", Summary: tt.s}, false, Options{})
		if got := summaryLine(f); got != tt.want {
			t.Errorf("summaryLine(%+v) =\n%s\nwant\n%s", tt.s, got, tt.want)
		}
	}
}

func TestTextOrder(t *testing.T) {
	out := string(renderFixture(t, "text", false))
	lines := strings.Split(out, "\n")
	// Unwaived findings in result order, the waived one after them.
	for i, want := range []string{": error IFU-ENV:", ": error NET-FIREWALL:", "\tadd a rule", ": warning IFU-BACKUP:", ": note SBOM-LICENSES:", ": waived IFU-FAILSAFE:"} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("line %d is %q, want it to contain %q", i+1, lines[i], want)
		}
	}
	if !strings.HasPrefix(lines[0], "examples/pump/device.yaml:3:1: error IFU-ENV: ") || !strings.HasSuffix(lines[0], " [MDCG 2019-16 §3.6; MDR Annex I 23.4(ab)]") {
		t.Errorf("first line %q", lines[0])
	}
	if !strings.HasSuffix(lines[5], "(waived: Described in the clinical IFU, chapter 7, which is not generated.)") {
		t.Errorf("waived line %q", lines[5])
	}
}

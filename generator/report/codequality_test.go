package report

import (
	"encoding/json"
	"testing"
)

func TestCodeQuality(t *testing.T) {
	var issues []codeQualityIssue
	if err := json.Unmarshal(renderFixture(t, "codequality", false), &issues); err != nil {
		t.Fatal(err)
	}
	var sarif struct {
		Runs []struct {
			Results []struct {
				RuleID              string            `json:"ruleId"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(renderFixture(t, "sarif", false), &sarif); err != nil {
		t.Fatal(err)
	}
	sarifPrints := map[string]string{}
	for _, r := range sarif.Runs[0].Results {
		sarifPrints[r.RuleID] = r.PartialFingerprints["docgenFinding/v1"]
	}
	// The waived IFU-FAILSAFE is left out; severities follow GitLab's scale.
	want := []struct{ rule, severity, path string }{
		{"IFU-ENV", "major", "examples/pump/device.yaml"},
		{"NET-FIREWALL", "major", "examples/pump/device.yaml"},
		{"IFU-BACKUP", "minor", "examples/pump/device.yaml"},
		{"SBOM-LICENSES", "info", "examples/pump/device.yaml"},
	}
	if len(issues) != len(want) {
		t.Fatalf("%d issues, want %d: %+v", len(issues), len(want), issues)
	}
	for i, w := range want {
		got := issues[i]
		if got.CheckName != w.rule || got.Severity != w.severity || got.Location.Path != w.path || got.Location.Lines.Begin < 1 {
			t.Errorf("issue %d = %+v, want rule %s, severity %s at %s", i, got, w.rule, w.severity, w.path)
		}
		if got.Fingerprint != sarifPrints[w.rule] {
			t.Errorf("%s: fingerprint %q differs from the SARIF result's %q", w.rule, got.Fingerprint, sarifPrints[w.rule])
		}
	}
	// A spec that cannot be loaded gives one issue per loading error.
	var load []codeQualityIssue
	if err := json.Unmarshal(renderFixture(t, "codequality", true), &load); err != nil || len(load) != 2 {
		t.Errorf("load errors: %d issues (err %v), want the 2 loading errors", len(load), err)
	}
}

package report

import (
	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/yamlx"
)

// The test fixtures live under /src, which is the BaseDir of testOptions.
const (
	pumpSpec    = "/src/examples/pump/device.yaml"
	monitorSpec = "/src/examples/monitor/device.yaml"
	badSpec     = "/src/examples/bad/device.yaml"
)

var testOptions = Options{BaseDir: "/src", ToolVersion: "v0.3.0"}

// trickyMessage holds the characters every format must escape.
const trickyMessage = "data stream `hl7|mllp` has no firewall rule: the \"any\" source <script>alert('x')</script> opens 100% of ports, 1,2,3\nadd a rule to `firewall_rules`"

// testResults returns a realistic check result with findings of every
// severity, a waived finding and a not-applicable item, and a clean second
// result.
func testResults() []*check.Result {
	mdcg := "mdcg-2019-16"
	pump := &check.Result{
		File:     pumpSpec,
		Profiles: []string{mdcg},
		Findings: []check.Finding{
			{
				RuleID: "IFU-ENV", Title: "Intended environment, security assumptions and risks outside it",
				Severity: catalog.Error, Clauses: []string{"MDCG 2019-16 §3.6", "MDR Annex I 23.4(ab)"}, Targets: []string{"ifu"},
				Path: "intended_use.environment", Pos: yamlx.Pos{File: pumpSpec, Line: 3, Col: 1},
				Message: "Intended environment, security assumptions and risks outside it: `intended_use.environment` missing; describe the hospital network the pump is meant for",
			},
			{
				RuleID: "NET-FIREWALL", Title: "Every data stream has a firewall rule",
				Severity: catalog.Error, Clauses: []string{"MDCG 2019-16 §4.3 #4"}, Targets: []string{},
				Path: "data_streams[1]", Pos: yamlx.Pos{File: pumpSpec, Line: 42, Col: 7},
				Message: trickyMessage,
			},
			{
				RuleID: "IFU-BACKUP", Title: "Backup and restore of data and configuration",
				Severity: catalog.Warning, Clauses: []string{"MDCG 2019-16 §4.2"}, Targets: []string{"ifu", "admin"},
				Path: "backup", Pos: yamlx.Pos{File: pumpSpec, Line: 50, Col: 3},
				Message: "Backup and restore of data and configuration: `backup.procedure` missing; say how to back up and restore the configuration",
			},
			{
				RuleID: "SBOM-LICENSES", Title: "Components name their licence",
				Severity: catalog.Note, Clauses: []string{}, Targets: []string{},
				Path: "components[0]", Pos: yamlx.Pos{File: pumpSpec, Line: 61, Col: 5},
				Message: "component `openssl` names no licence",
			},
			{
				RuleID: "IFU-FAILSAFE", Title: "Fail-safe behaviour and essential performance under attack",
				Severity: catalog.Error, Clauses: []string{"MDCG 2019-16 §4.2", "MDR Annex I 17.2"}, Targets: []string{"ifu"},
				Path: "failsafe", Pos: yamlx.Pos{File: pumpSpec, Line: 70, Col: 3},
				Message: "Fail-safe behaviour and essential performance under attack: `failsafe.behaviour` missing; describe what the pump does when the network fails",
				Waived:  true, Rationale: "Described in the clinical IFU, chapter 7, which is not generated.",
			},
		},
		Outcomes: []check.Outcome{
			{ID: "IFU-ENV", Title: "Intended environment, security assumptions and risks outside it", Kind: "item", Profile: mdcg, Severity: catalog.Error,
				Targets: []string{"ifu"}, Clauses: []string{"MDCG 2019-16 §3.6", "MDR Annex I 23.4(ab)"}, Fields: []string{"intended_use.environment"}, Status: check.Failed, Findings: []int{0}},
			{ID: "IFU-MIN-PLATFORM", Title: "Minimum hardware and software platform", Kind: "item", Profile: mdcg, Severity: catalog.Error,
				Targets: []string{"ifu"}, Clauses: []string{"MDCG 2019-16 §4.2"}, Fields: []string{"platform"}, Status: check.Passed, Findings: []int{}},
			{ID: "IFU-BACKUP", Title: "Backup and restore of data and configuration", Kind: "item", Profile: mdcg, Severity: catalog.Warning,
				Targets: []string{"ifu", "admin"}, Clauses: []string{"MDCG 2019-16 §4.2"}, Fields: []string{"backup.procedure"}, Status: check.Warned, Findings: []int{2}},
			{ID: "IFU-FAILSAFE", Title: "Fail-safe behaviour and essential performance under attack", Kind: "item", Profile: mdcg, Severity: catalog.Error,
				Targets: []string{"ifu"}, Clauses: []string{"MDCG 2019-16 §4.2", "MDR Annex I 17.2"}, Fields: []string{"failsafe.behaviour"}, Status: check.Waived, Findings: []int{4}},
			{ID: "IFU-CLOUD", Title: "Cloud services the device depends on", Kind: "item", Profile: mdcg, Severity: catalog.Warning,
				Targets: []string{"ifu", "network"}, Clauses: []string{"MDCG 2019-16 §4.3 #7"}, Fields: []string{"cloud.services"}, Status: check.NotApplicable, Findings: []int{}},
			{ID: "NET-FIREWALL", Title: "Every data stream has a firewall rule", Kind: "rule", Profile: mdcg, Severity: catalog.Error,
				Targets: []string{}, Clauses: []string{"MDCG 2019-16 §4.3 #4"}, Fields: []string{}, Status: check.Failed, Findings: []int{1}},
			{ID: "SBOM-LICENSES", Title: "Components name their licence", Kind: "rule", Profile: mdcg, Severity: catalog.Note,
				Targets: []string{}, Clauses: []string{}, Fields: []string{}, Status: check.Passed, Findings: []int{3}},
		},
		Summary: check.Summary{Errors: 2, Warnings: 1, Notes: 1, Waived: 1, Applicable: 6, Satisfied: 3, NotApplicable: 1},
	}
	monitor := &check.Result{
		File:     monitorSpec,
		Profiles: []string{mdcg, "fda-premarket"},
		Findings: []check.Finding{},
		Outcomes: []check.Outcome{
			{ID: "IFU-ENV", Title: "Intended environment, security assumptions and risks outside it", Kind: "item", Profile: mdcg, Severity: catalog.Error,
				Targets: []string{"ifu"}, Clauses: []string{"MDCG 2019-16 §3.6", "IVDR Annex I 16.4"}, Fields: []string{"intended_use.environment"}, Status: check.Passed, Findings: []int{}},
			{ID: "FDA-SBOM", Title: "Software bill of materials", Kind: "item", Profile: "fda-premarket", Severity: catalog.Error,
				Targets: []string{"public"}, Clauses: []string{"FD&C Act §524B(b)(3)"}, Fields: []string{"sbom"}, Status: check.Passed, Findings: []int{}},
		},
		Summary: check.Summary{Applicable: 2, Satisfied: 2},
	}
	return []*check.Result{pump, monitor}
}

// testLoadErrors returns the errors of a spec that could not be loaded.
func testLoadErrors() yamlx.Errors {
	return yamlx.Errors{
		{Pos: yamlx.Pos{File: badSpec, Line: 4, Col: 3}, Msg: "unknown field `firewal_rules`, did you mean `firewall_rules`?"},
		{Pos: yamlx.Pos{Line: 9, Col: 1}, Msg: "duplicate key `name` (first defined on line 2); remove one of them"},
	}
}

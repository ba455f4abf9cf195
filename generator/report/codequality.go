package report

import (
	"bytes"

	"github.com/docgen/docgen/generator/catalog"
)

// codeQualityIssue is one entry of a GitLab Code Quality report, the subset
// of the Code Climate issue format that GitLab reads.
type codeQualityIssue struct {
	Description string              `json:"description"`
	CheckName   string              `json:"check_name"`
	Fingerprint string              `json:"fingerprint"`
	Severity    string              `json:"severity"`
	Location    codeQualityLocation `json:"location"`
}

type codeQualityLocation struct {
	Path  string           `json:"path"`
	Lines codeQualityLines `json:"lines"`
}

type codeQualityLines struct {
	Begin int `json:"begin"`
}

// writeCodeQuality writes a GitLab Code Quality report: a JSON array with
// one issue per unwaived finding, which GitLab shows in the merge request
// widget and diff. The fingerprint is the one SARIF results carry, so a
// finding keeps its identity across runs and formats.
func writeCodeQuality(b *bytes.Buffer, files []*specFile, _ Options) error {
	issues := []codeQualityIssue{}
	seen := map[string]int{}
	for _, f := range files {
		for _, fd := range f.findings {
			fp := fingerprint(fd, seen)
			if fd.Waived {
				continue
			}
			issues = append(issues, codeQualityIssue{
				Description: fd.Message + clauseList(fd.Clauses), CheckName: fd.RuleID, Fingerprint: fp,
				Severity: codeQualitySeverity(fd.Severity),
				Location: codeQualityLocation{Path: fd.Pos.File, Lines: codeQualityLines{Begin: max(fd.Pos.Line, 1)}},
			})
		}
	}
	return encodeJSON(b, issues)
}

// codeQualitySeverity maps a severity to GitLab's scale (info, minor,
// major, critical, blocker): an error, which fails the check, is major.
func codeQualitySeverity(s catalog.Severity) string {
	switch s {
	case catalog.Error:
		return "major"
	case catalog.Warning:
		return "minor"
	}
	return "info"
}

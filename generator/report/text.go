package report

import (
	"bytes"
	"strings"

	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/msg"
)

// writeText writes one compiler-style line per finding, waived findings of
// each file after the others, then the summary lines.
func writeText(b *bytes.Buffer, files []*specFile, _ Options) error {
	for _, f := range files {
		for _, i := range f.ordered() {
			b.WriteString(findingLine(f.findings[i]) + "\n")
		}
	}
	for _, line := range summaryLines(files) {
		b.WriteString(line + "\n")
	}
	return nil
}

// findingLine formats fd as "file:line:col: severity ID: message [clauses]",
// or with "waived" for the severity and the rationale at the end. Further
// lines of a multi-line message are indented with a tab.
func findingLine(fd check.Finding) string {
	label, suffix := string(fd.Severity), ""
	if fd.Waived {
		label, suffix = msg.Get("report.waived"), msg.Format("report.waived_because", fd.Rationale)
	}
	line := fd.Pos.String() + ": " + label + " " + fd.RuleID + ": " + fd.Message + clauseList(fd.Clauses) + suffix
	return strings.ReplaceAll(strings.ReplaceAll(line, "\r\n", "\n"), "\n", "\n\t")
}

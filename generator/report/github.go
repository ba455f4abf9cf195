package report

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/catalog"
)

// writeGitHub writes a GitHub Actions workflow command per unwaived finding,
// which GitHub shows as an annotation on the spec line, then the summary
// lines as plain log output.
func writeGitHub(b *bytes.Buffer, files []*specFile, _ Options) error {
	for _, f := range files {
		for _, fd := range f.findings {
			if fd.Waived {
				continue
			}
			b.WriteString("::" + githubCommand(fd.Severity))
			b.WriteString(" file=" + escapeProperty(fd.Pos.File))
			if fd.Pos.Line > 0 {
				b.WriteString(",line=" + strconv.Itoa(fd.Pos.Line))
				if fd.Pos.Col > 0 {
					b.WriteString(",col=" + strconv.Itoa(fd.Pos.Col))
				}
			}
			b.WriteString(",title=" + escapeProperty(fd.RuleID))
			b.WriteString("::" + escapeData(fd.Message+clauseList(fd.Clauses)) + "\n")
		}
	}
	for _, line := range summaryLines(files) {
		b.WriteString(line + "\n")
	}
	return nil
}

// githubCommand returns the workflow command for a severity.
func githubCommand(s catalog.Severity) string {
	switch s {
	case catalog.Error:
		return "error"
	case catalog.Warning:
		return "warning"
	}
	return "notice"
}

// The escapes of workflow command data and property values.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes the message of a workflow command.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a property value of a workflow command.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

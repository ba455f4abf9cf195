package report

import (
	"strings"

	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/msg"
)

// plural formats n with the singular message one or the plural message other.
func plural(n int, one, other string) string {
	if n == 1 {
		return msg.Format(one, n)
	}
	return msg.Format(other, n)
}

// counts formats the finding counts of s: errors and warnings always, notes
// and waived findings when there are any.
func counts(s check.Summary) string {
	parts := []string{
		plural(s.Errors, "report.count.error.one", "report.count.error.other"),
		plural(s.Warnings, "report.count.warning.one", "report.count.warning.other"),
	}
	if s.Notes > 0 {
		parts = append(parts, plural(s.Notes, "report.count.note.one", "report.count.note.other"))
	}
	if s.Waived > 0 {
		parts = append(parts, plural(s.Waived, "report.count.waived.one", "report.count.waived.other"))
	}
	return strings.Join(parts, msg.Get("report.list_sep"))
}

// items formats how many applicable items s satisfies.
func items(s check.Summary) string {
	t := msg.Format("report.items.other", s.Satisfied, s.Applicable)
	if s.Applicable == 1 {
		t = msg.Format("report.items.one", s.Satisfied, s.Applicable)
	}
	if s.NotApplicable > 0 {
		t += msg.Format("report.items.not_applicable", s.NotApplicable)
	}
	return t
}

// summaryLine is the one-line summary of f.
func summaryLine(f *specFile) string {
	if f.invalid {
		return msg.Format("report.summary.invalid", f.path, counts(f.res.Summary))
	}
	return msg.Format("report.summary", f.path, counts(f.res.Summary), items(f.res.Summary))
}

// summaryLines are the summary lines of files, followed by a total when
// there are several.
func summaryLines(files []*specFile) []string {
	lines := make([]string, 0, len(files)+1)
	for _, f := range files {
		lines = append(lines, summaryLine(f))
	}
	if len(files) > 1 {
		t := totals(files)
		lines = append(lines, msg.Format("report.summary.total", len(files), counts(t), items(t)))
	}
	return lines
}

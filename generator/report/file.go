package report

import (
	"path/filepath"
	"strings"

	"github.com/docgen/docgen/generator/check"
)

// specFile is one checked spec prepared for output: paths made relative to
// Options.BaseDir and positions completed with the spec's own file.
type specFile struct {
	// path is the spec file, relative to BaseDir, with forward slashes.
	path string
	// invalid is set when the spec could not be loaded.
	invalid bool
	res     *check.Result
	// findings are res.Findings with relative positions; outcomes are
	// res.Outcomes. Both have empty rather than nil lists.
	findings []check.Finding
	outcomes []check.Outcome
}

// newFile prepares r for output; invalid marks a spec that could not be
// loaded.
func newFile(r *check.Result, invalid bool, opts Options) *specFile {
	f := &specFile{path: relPath(opts.BaseDir, r.File), invalid: invalid, res: r}
	f.findings = make([]check.Finding, len(r.Findings))
	for i, fd := range r.Findings {
		if fd.Pos.File == "" || fd.Pos.File == r.File {
			fd.Pos.File = f.path
		} else {
			fd.Pos.File = relPath(opts.BaseDir, fd.Pos.File)
		}
		fd.Clauses, fd.Targets = nonNil(fd.Clauses), nonNil(fd.Targets)
		f.findings[i] = fd
	}
	f.outcomes = make([]check.Outcome, len(r.Outcomes))
	for i, o := range r.Outcomes {
		o.Targets, o.Clauses, o.Fields, o.Findings = nonNil(o.Targets), nonNil(o.Clauses), nonNil(o.Fields), nonNil(o.Findings)
		f.outcomes[i] = o
	}
	return f
}

// ordered returns the indexes of the unwaived findings in result order,
// followed by the waived ones.
func (f *specFile) ordered() []int {
	out := make([]int, 0, len(f.findings))
	for _, waived := range []bool{false, true} {
		for i, fd := range f.findings {
			if fd.Waived == waived {
				out = append(out, i)
			}
		}
	}
	return out
}

// relPath returns p relative to base with forward slashes, or p itself
// (with forward slashes) when base is empty or p cannot be made relative.
func relPath(base, p string) string {
	if p == "" {
		return ""
	}
	if base != "" {
		b, q := base, p
		if filepath.IsAbs(b) != filepath.IsAbs(q) {
			b, _ = filepath.Abs(b)
			q, _ = filepath.Abs(q)
		}
		if r, err := filepath.Rel(b, q); err == nil {
			p = r
		}
	}
	return filepath.ToSlash(p)
}

// clauseList formats clauses as " [a; b]", or "" when there are none.
func clauseList(clauses []string) string {
	if len(clauses) == 0 {
		return ""
	}
	return " [" + strings.Join(clauses, "; ") + "]"
}

// totals sums the summaries of files.
func totals(files []*specFile) check.Summary {
	var t check.Summary
	for _, f := range files {
		s := f.res.Summary
		t.Errors += s.Errors
		t.Warnings += s.Warnings
		t.Notes += s.Notes
		t.Waived += s.Waived
		t.Applicable += s.Applicable
		t.Satisfied += s.Satisfied
		t.NotApplicable += s.NotApplicable
	}
	return t
}

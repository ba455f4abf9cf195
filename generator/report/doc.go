// Package report renders the results of docgen's check in the formats that
// people and CI systems read: compiler-style text, JSON, SARIF 2.1.0 (GitHub
// code scanning), JUnit XML (test dashboards), GitHub Actions workflow
// commands (inline annotations on pull requests) and GitLab Code Quality
// JSON (the merge request widget).
//
// Pass one [check.Result] per spec file and a format name from [Formats]:
//
//	res := check.Run(s, cats, check.Options{})
//	err := report.Write(os.Stdout, "sarif", []*check.Result{res}, report.Options{
//		BaseDir:     repoRoot, // positions become repo-relative paths
//		ToolVersion: version,
//	})
//
// When a spec cannot even be loaded, report its errors with
// [WriteLoadErrors] in the same format, so that CI shows them like any other
// finding (rule SPEC-INVALID, severity error):
//
//	s, err := spec.Load(path)
//	var errs yamlx.Errors
//	if errors.As(err, &errs) {
//		report.WriteLoadErrors(os.Stdout, format, path, errs, opts)
//	}
//
// Output is deterministic: the same input gives byte-identical output, with
// no timestamps or durations, so reports can be committed, diffed and
// compared with golden files. Every fixed user-visible text comes from the
// message catalog (templates/messages/en/report.yaml).
//
// The formats:
//
//   - text: one "file:line:col: severity ID: message [clauses]" line per
//     finding, waived findings last, then a summary line per file.
//   - json: every result with its findings, outcomes and summary, plus a
//     top-level findings array (each finding naming its file) and totals.
//   - sarif: one run whose rules are the catalog items and rules checked;
//     waived findings carry an accepted external suppression.
//   - junit: a test suite per file and a test case per item or rule: failed
//     (error findings), skipped (not applicable) or passed.
//   - github: an ::error, ::warning or ::notice command per unwaived
//     finding, then the summary lines.
//   - codequality: a GitLab Code Quality JSON array, one issue per unwaived
//     finding (error major, warning minor, note info), fingerprinted like
//     the SARIF results.
package report

package report

import (
	"bytes"
	"errors"
	"io"
	"slices"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
)

// Formats lists the names of the report formats, for flag help and
// validation.
var Formats = []string{"text", "json", "sarif", "junit", "github", "codequality"}

// Options adjust how a report is written.
type Options struct {
	// BaseDir is the directory positions are written relative to, with
	// forward slashes, in every format, e.g. "examples/x/device.yaml".
	// Empty: paths as given.
	BaseDir string
	// ToolVersion is the docgen version, written to the JSON report and to
	// SARIF tool.driver.version.
	ToolVersion string
}

// SpecInvalid is the rule id under which [WriteLoadErrors] reports the
// errors of a spec that could not be loaded.
const SpecInvalid = "SPEC-INVALID"

// Write renders results, one per spec file checked, in format to w. It
// writes nothing when format is unknown.
func Write(w io.Writer, format string, results []*check.Result, opts Options) error {
	files := make([]*specFile, 0, len(results))
	for _, r := range results {
		files = append(files, newFile(r, false, opts))
	}
	return render(w, format, files, opts)
}

// WriteLoadErrors renders the errors that prevented loading the spec file
// in format to w, as error findings of rule [SpecInvalid], so that CI
// annotations show them like other findings. Errors without a file name are
// placed in file.
func WriteLoadErrors(w io.Writer, format string, file string, errs yamlx.Errors, opts Options) error {
	return render(w, format, []*specFile{newFile(loadResult(file, errs), true, opts)}, opts)
}

// loadResult turns loading errors into a check result with one failed
// outcome.
func loadResult(path string, errs yamlx.Errors) *check.Result {
	title := msg.Get("report.spec_invalid.title")
	res := &check.Result{File: path, Profiles: []string{}, Findings: []check.Finding{}}
	o := check.Outcome{
		ID: SpecInvalid, Title: title, Kind: "rule", Profile: "docgen", Severity: catalog.Error,
		Targets: []string{"spec"}, Clauses: []string{}, Fields: []string{}, Status: check.Failed, Findings: []int{},
	}
	for _, e := range errs {
		if e == nil {
			continue
		}
		pos := e.Pos
		if pos.File == "" {
			pos.File = path
		}
		o.Findings = append(o.Findings, len(res.Findings))
		res.Findings = append(res.Findings, check.Finding{
			RuleID: SpecInvalid, Title: title, Severity: catalog.Error,
			Clauses: []string{}, Targets: []string{}, Pos: pos, Message: e.Msg,
		})
	}
	res.Outcomes = []check.Outcome{o}
	res.Summary = check.Summary{Errors: len(res.Findings), Applicable: 1}
	return res
}

// writers maps format names to their writers, in the order of Formats.
var writers = []func(*bytes.Buffer, []*specFile, Options) error{writeText, writeJSON, writeSARIF, writeJUnit, writeGitHub, writeCodeQuality}

// render writes files in format, buffering the output so that w receives it
// in one piece or not at all.
func render(w io.Writer, format string, files []*specFile, opts Options) error {
	i := slices.Index(Formats, format)
	if i < 0 {
		return errors.New(msg.Format("report.unknown_format", format, yamlx.QuoteList(Formats)+yamlx.Suggest(format, Formats)))
	}
	var b bytes.Buffer
	if err := writers[i](&b, files, opts); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

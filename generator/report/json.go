package report

import (
	"bytes"
	"encoding/json"

	"github.com/docgen/docgen/generator/check"
)

// jsonReport is the JSON report.
type jsonReport struct {
	Tool    string       `json:"tool"`
	Version string       `json:"version"`
	Results []jsonResult `json:"results"`
	// Findings are the findings of every result, for consumers that only
	// want the list.
	Findings []jsonFinding `json:"findings"`
	Summary  jsonTotals    `json:"summary"`
}

// jsonResult is the result of one spec file.
type jsonResult struct {
	File string `json:"file"`
	// Invalid is set when the spec could not be loaded.
	Invalid  bool            `json:"invalid,omitempty"`
	Profiles []string        `json:"profiles"`
	Findings []jsonFinding   `json:"findings"`
	Outcomes []check.Outcome `json:"outcomes"`
	Summary  check.Summary   `json:"summary"`
}

// jsonFinding is a check.Finding that names its spec file.
type jsonFinding struct {
	File string `json:"file"`
	check.Finding
}

// jsonTotals sums the summaries of all files.
type jsonTotals struct {
	Files int `json:"files"`
	check.Summary
}

// writeJSON writes the JSON report, indented by two spaces.
func writeJSON(b *bytes.Buffer, files []*specFile, opts Options) error {
	rep := jsonReport{
		Tool: toolName, Version: opts.ToolVersion,
		Results: make([]jsonResult, 0, len(files)), Findings: []jsonFinding{},
		Summary: jsonTotals{Files: len(files), Summary: totals(files)},
	}
	for _, f := range files {
		r := jsonResult{
			File: f.path, Invalid: f.invalid, Profiles: nonNil(f.res.Profiles),
			Findings: make([]jsonFinding, 0, len(f.findings)), Outcomes: f.outcomes, Summary: f.res.Summary,
		}
		for _, fd := range f.findings {
			jf := jsonFinding{File: f.path, Finding: fd}
			r.Findings = append(r.Findings, jf)
			rep.Findings = append(rep.Findings, jf)
		}
		rep.Results = append(rep.Results, r)
	}
	return encodeJSON(b, rep)
}

// encodeJSON writes v indented by two spaces, without HTML escapes, with a
// trailing newline.
func encodeJSON(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// nonNil returns s, or an empty slice when s is nil, so that JSON shows []
// rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

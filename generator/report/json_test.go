package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/docgen/docgen/generator/check"
)

func TestJSON(t *testing.T) {
	var doc struct {
		Tool, Version string
		Results       []struct {
			File     string
			Findings []map[string]any
			Outcomes []check.Outcome
			Summary  check.Summary
		}
		Findings []struct {
			File     string
			Rule     string
			Position struct {
				File         string
				Line, Column int
			}
		}
		Summary *struct {
			Files int
			check.Summary
		}
	}
	out := renderFixture(t, "json", false)
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Tool != "docgen" || doc.Version != "v0.3.0" {
		t.Errorf("tool %q version %q", doc.Tool, doc.Version)
	}
	if doc.Summary == nil || doc.Findings == nil {
		t.Fatal("no top-level summary or findings")
	}
	var sum check.Summary
	n := 0
	for _, r := range doc.Results {
		s := r.Summary
		sum.Errors += s.Errors
		sum.Warnings += s.Warnings
		sum.Notes += s.Notes
		sum.Waived += s.Waived
		sum.Applicable += s.Applicable
		sum.Satisfied += s.Satisfied
		sum.NotApplicable += s.NotApplicable
		n += len(r.Findings)
	}
	if doc.Summary.Summary != sum || doc.Summary.Files != 2 {
		t.Errorf("totals %+v, results add up to %+v", *doc.Summary, sum)
	}
	if want := (check.Summary{Errors: 2, Warnings: 1, Notes: 1, Waived: 1, Applicable: 8, Satisfied: 5, NotApplicable: 1}); sum != want {
		t.Errorf("totals %+v, want %+v", sum, want)
	}
	if len(doc.Findings) != n || n != 5 {
		t.Errorf("%d top-level findings, %d in results, want 5", len(doc.Findings), n)
	}
	for _, f := range doc.Findings {
		if f.File != "examples/pump/device.yaml" || f.Position.File != f.File || f.Position.Line == 0 {
			t.Errorf("finding %s: file %q position %+v", f.Rule, f.File, f.Position)
		}
	}
	if got := doc.Results[0].Findings[1]["message"]; got != trickyMessage {
		t.Errorf("message %q, want %q", got, trickyMessage)
	}
	if len(doc.Results[0].Outcomes) != 7 {
		t.Errorf("%d outcomes, want 7", len(doc.Results[0].Outcomes))
	}
}

func TestJSONNilLists(t *testing.T) {
	res := &check.Result{File: "device.yaml", Findings: []check.Finding{{RuleID: "X"}}, Outcomes: []check.Outcome{{ID: "X"}}}
	var b bytes.Buffer
	if err := Write(&b, "json", []*check.Result{res}, Options{}); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b.Bytes(), []byte("null")) {
		t.Errorf("nil lists are written as null:\n%s", b.String())
	}
}

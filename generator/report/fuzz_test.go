package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/yamlx"
)

// FuzzReport feeds arbitrary finding texts to every reporter: none may
// panic, JSON, SARIF and Code Quality must stay valid JSON, JUnit valid XML, and GitHub
// annotations one line per unwaived finding.
func FuzzReport(f *testing.F) {
	f.Add("IFU-ENV", "Title", "message | <b>x</b>\nline 2 %0A ::", "MDCG 2019-16 §3.6", "why, because: yes", 3, 7, true)
	f.Add("", "", "", "", "", 0, 0, false)
	f.Add("A]]>B", "t\x00", "\r\n%", "§", "]]>", -1, 1<<30, false)
	f.Fuzz(func(t *testing.T, rule, title, message, clause, rationale string, line, col int, waived bool) {
		f := check.Finding{
			RuleID: rule, Title: title, Severity: catalog.Error, Clauses: []string{clause}, Targets: []string{"ifu"},
			Path: "x", Pos: yamlx.Pos{File: "device.yaml", Line: line, Col: col}, Message: message,
			Waived: waived, Rationale: rationale,
		}
		res := &check.Result{
			File: "device.yaml", Profiles: []string{"mdcg-2019-16"}, Findings: []check.Finding{f},
			Outcomes: []check.Outcome{{ID: rule, Title: title, Kind: "item", Severity: catalog.Error, Targets: []string{"ifu"},
				Clauses: []string{clause}, Fields: []string{}, Status: check.Failed, Findings: []int{0}}},
		}
		if !waived {
			res.Summary.Errors = 1
		} else {
			res.Summary.Waived = 1
		}
		for _, format := range Formats {
			var b bytes.Buffer
			if err := Write(&b, format, []*check.Result{res}, Options{ToolVersion: "fuzz"}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			out := b.Bytes()
			switch format {
			case "json", "sarif":
				if !json.Valid(out) {
					t.Fatalf("%s output is not valid JSON:\n%s", format, out)
				}
			case "codequality":
				var issues []codeQualityIssue
				if err := json.Unmarshal(out, &issues); err != nil {
					t.Fatalf("codequality output is not a JSON array of issues: %v\n%s", err, out)
				}
				if (len(issues) == 1) == waived {
					t.Fatalf("codequality: %d issues for waived=%v", len(issues), waived)
				}
			case "junit":
				d := xml.NewDecoder(bytes.NewReader(out))
				for {
					_, err := d.Token()
					if err != nil {
						if err.Error() != "EOF" {
							t.Fatalf("junit output is not valid XML: %v\n%s", err, out)
						}
						break
					}
				}
			case "github":
				if !utf8.Valid([]byte(message)) || !utf8.Valid([]byte(rule)) {
					continue
				}
				if n := strings.Count(string(out), "::error "); (n == 1) == waived {
					t.Fatalf("github: %d annotations for waived=%v:\n%s", n, waived, out)
				}
				for _, l := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
					if strings.HasPrefix(l, "::") && strings.Count(l, "\n") > 0 {
						t.Fatalf("annotation spans lines: %q", l)
					}
				}
			}
		}
	})
}

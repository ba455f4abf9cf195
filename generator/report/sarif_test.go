package report

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// TestSARIFSchema validates the SARIF output against the official SARIF
// 2.1.0 schema embedded in go-sarif, and checks that go-sarif's model kept
// everything docgen wrote, so that the validation covers all of it.
func TestSARIFSchema(t *testing.T) {
	for _, load := range []bool{false, true} {
		out := renderFixture(t, "sarif", load)
		rep, err := sarif.FromBytes(out)
		if err != nil {
			t.Fatalf("load errors %v: FromBytes: %v", load, err)
		}
		if err := rep.Validate(); err != nil {
			t.Errorf("load errors %v: invalid SARIF: %v", load, err)
		}
		var emitted, round any
		if err := json.Unmarshal(out, &emitted); err != nil {
			t.Fatal(err)
		}
		data, err := json.Marshal(rep)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &round); err != nil {
			t.Fatal(err)
		}
		for _, p := range subset(emitted, round, "$") {
			t.Errorf("load errors %v: go-sarif dropped or changed %s, so the schema validation did not see it", load, p)
		}
	}
}

// TestSARIFValidationFails makes sure that the schema validation can fail.
func TestSARIFValidationFails(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(renderFixture(t, "sarif", false), &doc); err != nil {
		t.Fatal(err)
	}
	result := doc["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
	result["level"] = "fatal"
	bad, _ := json.Marshal(doc)
	rep, err := sarif.FromBytes(bad)
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.Validate(); err == nil {
		t.Fatal(`a result with "level":"fatal" passed the schema validation`)
	}
}

func TestSubset(t *testing.T) {
	var a, b any
	json.Unmarshal([]byte(`{"x":[1,{"y":"z"}],"w":true}`), &a)
	json.Unmarshal([]byte(`{"x":[1,{"y":"z","extra":1}],"w":true,"v":null}`), &b)
	if d := subset(a, b, "$"); len(d) != 0 {
		t.Errorf("subset reports %v for a true subset", d)
	}
	if d := subset(b, a, "$"); len(d) != 2 {
		t.Errorf("subset(b, a) = %v, want the 2 missing keys", d)
	}
	json.Unmarshal([]byte(`{"x":[1,{"y":"Z"}],"w":true}`), &b)
	if d := subset(a, b, "$"); len(d) != 1 || !strings.Contains(d[0], "$.x[1].y") {
		t.Errorf("subset = %v, want a changed $.x[1].y", d)
	}
}

// subset returns the paths of the values in a that b lacks or has
// different; maps in b may have more keys than those in a.
func subset(a, b any, path string) []string {
	switch av := a.(type) {
	case map[string]any:
		bv, ok := b.(map[string]any)
		if !ok {
			return []string{path + " (not an object)"}
		}
		var out []string
		for _, k := range sortedKeys(av) {
			if _, ok := bv[k]; !ok {
				out = append(out, path+"."+k+" (missing)")
				continue
			}
			out = append(out, subset(av[k], bv[k], path+"."+k)...)
		}
		return out
	case []any:
		bv, ok := b.([]any)
		if !ok || len(bv) != len(av) {
			return []string{path + " (array differs)"}
		}
		var out []string
		for i := range av {
			out = append(out, subset(av[i], bv[i], fmt.Sprintf("%s[%d]", path, i))...)
		}
		return out
	}
	if !reflect.DeepEqual(a, b) {
		return []string{fmt.Sprintf("%s (%v, now %v)", path, a, b)}
	}
	return nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestSARIFContent(t *testing.T) {
	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version, SemanticVersion string
					Rules                    []struct{ ID string }
				}
			}
			Results []struct {
				RuleID       string
				RuleIndex    int
				Level        string
				Suppressions []struct{ Kind, Status, Justification string }
				Locations    []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
				PartialFingerprints map[string]string
			}
		}
	}
	if err := json.Unmarshal(renderFixture(t, "sarif", false), &doc); err != nil {
		t.Fatal(err)
	}
	run := doc.Runs[0]
	if run.Tool.Driver.Version != "v0.3.0" || run.Tool.Driver.SemanticVersion != "0.3.0" {
		t.Errorf("driver version %q, semanticVersion %q", run.Tool.Driver.Version, run.Tool.Driver.SemanticVersion)
	}
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
	}
	want := "IFU-ENV IFU-MIN-PLATFORM IFU-BACKUP IFU-FAILSAFE IFU-CLOUD NET-FIREWALL SBOM-LICENSES FDA-SBOM"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("rules %s, want %s", got, want)
	}
	if len(run.Results) != 5 {
		t.Fatalf("%d results, want 5", len(run.Results))
	}
	prints := map[string]bool{}
	for _, r := range run.Results {
		if ids[r.RuleIndex] != r.RuleID {
			t.Errorf("result %s has ruleIndex %d (%s)", r.RuleID, r.RuleIndex, ids[r.RuleIndex])
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != "examples/pump/device.yaml" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine < 1 {
			t.Errorf("result %s location %+v", r.RuleID, loc)
		}
		fp := r.PartialFingerprints["docgenFinding/v1"]
		if fp == "" || prints[fp] {
			t.Errorf("result %s fingerprint %q is empty or repeated", r.RuleID, fp)
		}
		prints[fp] = true
		if (r.RuleID == "IFU-FAILSAFE") != (len(r.Suppressions) == 1) {
			t.Errorf("result %s suppressions %+v", r.RuleID, r.Suppressions)
		}
	}
	s := run.Results[4].Suppressions
	if len(s) != 1 || s[0].Kind != "external" || s[0].Status != "accepted" || !strings.Contains(s[0].Justification, "chapter 7") {
		t.Errorf("waiver suppression %+v", s)
	}
}

func TestArtifactLocation(t *testing.T) {
	tests := []struct{ path, uri, base string }{
		{"examples/x/device.yaml", "examples/x/device.yaml", "%SRCROOT%"},
		{"my specs/device.yaml", "my%20specs/device.yaml", "%SRCROOT%"},
		{"/abs/device.yaml", "file:///abs/device.yaml", ""},
		{"C:/specs/device.yaml", "file:///C:/specs/device.yaml", ""},
	}
	for _, tt := range tests {
		got := artifactLocation(tt.path)
		if got.URI != tt.uri || got.URIBaseID != tt.base {
			t.Errorf("artifactLocation(%q) = %+v, want %q based on %q", tt.path, got, tt.uri, tt.base)
		}
	}
}

func TestSemanticVersion(t *testing.T) {
	tests := map[string]string{
		"v1.2.3": "1.2.3", "0.3.0": "0.3.0", "v1.0.0-rc.1+build.5": "1.0.0-rc.1+build.5",
		"dev": "", "": "", "(devel)": "", "v1.2": "",
	}
	for in, want := range tests {
		if got := semanticVersion(in); got != want {
			t.Errorf("semanticVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCamelCase(t *testing.T) {
	for in, want := range map[string]string{"IFU-ENV": "IfuEnv", "NET-CLEARTEXT": "NetCleartext", "SPEC-INVALID": "SpecInvalid", "X": "X"} {
		if got := camelCase(in); got != want {
			t.Errorf("camelCase(%q) = %q, want %q", in, got, want)
		}
	}
}

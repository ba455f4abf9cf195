package report

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/check"
)

type parsedSuites struct {
	Name     string `xml:"name,attr"`
	Tests    int    `xml:"tests,attr"`
	Failures int    `xml:"failures,attr"`
	Skipped  int    `xml:"skipped,attr"`
	Errors   int    `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Classname string `xml:"classname,attr"`
			Name      string `xml:"name,attr"`
			Failure   *struct {
				Type    string `xml:"type,attr"`
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
			SystemOut *string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func parseJUnit(t *testing.T, data []byte) parsedSuites {
	t.Helper()
	var p parsedSuites
	if err := xml.Unmarshal(data, &p); err != nil {
		t.Fatalf("invalid JUnit XML: %v", err)
	}
	return p
}

func TestJUnitCounts(t *testing.T) {
	p := parseJUnit(t, renderFixture(t, "junit", false))
	if p.Name != "docgen check" || p.Tests != 9 || p.Failures != 2 || p.Skipped != 1 || p.Errors != 0 {
		t.Errorf("testsuites %q tests=%d failures=%d skipped=%d errors=%d, want 9, 2, 1, 0", p.Name, p.Tests, p.Failures, p.Skipped, p.Errors)
	}
	if len(p.Suites) != 2 {
		t.Fatalf("%d test suites, want 2", len(p.Suites))
	}
	tests, failures, skipped := 0, 0, 0
	for _, s := range p.Suites {
		f, sk := 0, 0
		for _, c := range s.Cases {
			if c.Failure != nil {
				f++
			}
			if c.Skipped != nil {
				sk++
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != f || s.Skipped != sk {
			t.Errorf("suite %s says tests=%d failures=%d skipped=%d, has %d, %d, %d", s.Name, s.Tests, s.Failures, s.Skipped, len(s.Cases), f, sk)
		}
		tests, failures, skipped = tests+s.Tests, failures+s.Failures, skipped+s.Skipped
	}
	if tests != p.Tests || failures != p.Failures || skipped != p.Skipped {
		t.Errorf("suite counts add up to %d, %d, %d; testsuites says %d, %d, %d", tests, failures, skipped, p.Tests, p.Failures, p.Skipped)
	}
	pump := p.Suites[0]
	if pump.Name != "examples/pump/device.yaml" {
		t.Errorf("suite name %q", pump.Name)
	}
	fw := pump.Cases[5]
	if fw.Name != "NET-FIREWALL Every data stream has a firewall rule" || fw.Classname != "mdcg-2019-16.rules" || fw.Failure == nil {
		t.Fatalf("test case %+v", fw)
	}
	// The escaping round-trips.
	if fw.Failure.Message != trickyMessage || !strings.Contains(fw.Failure.Text, "<script>alert('x')</script>") {
		t.Errorf("failure message %q, text %q", fw.Failure.Message, fw.Failure.Text)
	}
	if c := pump.Cases[3]; c.SystemOut == nil || !strings.Contains(*c.SystemOut, "waived: Described in the clinical IFU") {
		t.Errorf("waived test case %+v", c)
	}
	if c := pump.Cases[2]; c.Failure != nil || c.SystemOut == nil || !strings.Contains(*c.SystemOut, "warning IFU-BACKUP") {
		t.Errorf("warned test case %+v", c)
	}
	if c := pump.Cases[4]; c.Skipped == nil || !strings.HasPrefix(c.Skipped.Message, "not applicable") {
		t.Errorf("not applicable test case %+v", c)
	}
}

func TestJUnitLoadErrors(t *testing.T) {
	p := parseJUnit(t, renderFixture(t, "junit", true))
	if p.Tests != 1 || p.Failures != 1 || len(p.Suites) != 1 || len(p.Suites[0].Cases) != 1 {
		t.Fatalf("load errors: %+v", p)
	}
	if f := p.Suites[0].Cases[0].Failure; f == nil || strings.Count(f.Text, "SPEC-INVALID") != 2 {
		t.Errorf("load errors failure %+v", f)
	}
}

// TestJUnitHostileText checks text that CDATA and XML cannot hold as is.
func TestJUnitHostileText(t *testing.T) {
	res := testResults()[0]
	res.Findings[0].Message = "ends CDATA ]]> early, has a \x01 control and a \xff byte"
	var b bytes.Buffer
	if err := Write(&b, "junit", []*check.Result{res}, Options{}); err != nil {
		t.Fatal(err)
	}
	p := parseJUnit(t, b.Bytes())
	f := p.Suites[0].Cases[0].Failure
	if f == nil || !strings.Contains(f.Text, "ends CDATA ]]> early, has a \uFFFD control and a \uFFFD byte") {
		t.Errorf("failure %+v", f)
	}
}

func TestJUnitOrphanFindings(t *testing.T) {
	res := testResults()[0]
	res.Outcomes = res.Outcomes[:1] // IFU-ENV only: the other findings have no outcome
	var b bytes.Buffer
	if err := Write(&b, "junit", []*check.Result{res}, Options{}); err != nil {
		t.Fatal(err)
	}
	p := parseJUnit(t, b.Bytes())
	var names []string
	for _, c := range p.Suites[0].Cases {
		names = append(names, strings.Fields(c.Name)[0])
	}
	if got := strings.Join(names, " "); got != "IFU-ENV NET-FIREWALL IFU-BACKUP SBOM-LICENSES IFU-FAILSAFE" {
		t.Errorf("test cases %s", got)
	}
	if p.Failures != 2 {
		t.Errorf("%d failures, want 2", p.Failures)
	}
}

package report

import (
	"bytes"
	"encoding/xml"
	"strings"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/msg"
)

// writeJUnit writes a JUnit XML report: a test suite per spec file and a
// test case per catalog item or rule. A failed item fails its test case,
// a not applicable one is skipped; warnings, notes and waivers of a passed
// item are listed in its system-out.
func writeJUnit(b *bytes.Buffer, files []*specFile, _ Options) error {
	all := junitSuites{Name: msg.Get("report.junit.name"), Suites: []junitSuite{}}
	for _, f := range files {
		s := junitSuite{Name: f.path, Cases: []junitCase{}}
		if len(f.res.Profiles) > 0 {
			s.Properties = &junitProperties{}
			for _, p := range f.res.Profiles {
				s.Properties.List = append(s.Properties.List, junitProperty{Name: "profile", Value: p})
			}
		}
		for _, o := range append(append([]check.Outcome{}, f.outcomes...), orphans(f)...) {
			c := junitTestCase(f, o)
			s.Tests++
			if c.Failure != nil {
				s.Failures++
			}
			if c.Skipped != nil {
				s.Skipped++
			}
			s.Cases = append(s.Cases, c)
		}
		all.Tests += s.Tests
		all.Failures += s.Failures
		all.Skipped += s.Skipped
		all.Suites = append(all.Suites, s)
	}
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(b)
	enc.Indent("", "  ")
	if err := enc.Encode(all); err != nil {
		return err
	}
	b.WriteString("\n")
	return nil
}

// junitTestCase converts the outcome of an item or rule.
func junitTestCase(f *specFile, o check.Outcome) junitCase {
	class := o.Kind + "s"
	if len(o.Targets) > 0 {
		class = o.Targets[0]
	}
	if o.Profile != "" {
		class = o.Profile + "." + class
	}
	c := junitCase{Classname: class, Name: strings.TrimSpace(o.ID + " " + o.Title)}
	var lines []string
	var errs []string
	for _, k := range o.Findings {
		if k < 0 || k >= len(f.findings) {
			continue
		}
		fd := f.findings[k]
		lines = append(lines, findingLine(fd))
		if !fd.Waived && fd.Severity == catalog.Error {
			errs = append(errs, fd.Message)
		}
	}
	switch {
	case o.Status == check.NotApplicable:
		c.Skipped = &junitSkipped{Message: msg.Get("report.junit.not_applicable")}
	case o.Status == check.Failed || len(errs) > 0:
		m := o.Title
		if len(errs) > 0 {
			m = errs[0]
			if len(errs) > 1 {
				m += msg.Format("report.junit.more", len(errs)-1)
			}
		}
		c.Failure = &junitFailure{Type: "error", Message: m, Text: xmlText(lines)}
	case len(lines) > 0:
		c.SystemOut = &junitOutput{Text: xmlText(lines)}
	}
	return c
}

// xmlText joins lines for a CDATA section, which keeps them readable,
// replacing characters that XML cannot represent with U+FFFD.
func xmlText(lines []string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
			return r
		}
		return '\uFFFD'
	}, strings.Join(lines, "\n"))
}

// orphans returns an outcome per rule id of the findings that no outcome
// lists, so that every finding shows in the JUnit report.
func orphans(f *specFile) []check.Outcome {
	listed := make([]bool, len(f.findings))
	for _, o := range f.outcomes {
		for _, k := range o.Findings {
			if k >= 0 && k < len(listed) {
				listed[k] = true
			}
		}
	}
	var out []check.Outcome
	for i, fd := range f.findings {
		if listed[i] {
			continue
		}
		j := len(out) - 1
		for j >= 0 && out[j].ID != fd.RuleID {
			j--
		}
		if j < 0 {
			out = append(out, check.Outcome{ID: fd.RuleID, Title: fd.Title, Kind: "rule", Severity: fd.Severity, Targets: fd.Targets, Clauses: fd.Clauses, Status: check.Passed})
			j = len(out) - 1
		}
		out[j].Findings = append(out[j].Findings, i)
	}
	return out
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Skipped    int              `xml:"skipped,attr"`
	Errors     int              `xml:"errors,attr"`
	Properties *junitProperties `xml:"properties,omitempty"`
	Cases      []junitCase      `xml:"testcase"`
}

type junitProperties struct {
	List []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Classname string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut *junitOutput  `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
	Text    string `xml:",cdata"`
}

type junitOutput struct {
	Text string `xml:",cdata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

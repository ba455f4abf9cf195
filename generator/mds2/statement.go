package mds2

import (
	"github.com/docgen/docgen/generator/spec"
)

// Statement is a filled-in MDS2: every question of the form with its
// answer, note and the spec paths the answer comes from. It is plain data,
// written as a workbook, CSV and JSON, printed by `docgen mds2`, and meant
// to be laid out as an appendix by the document model.
type Statement struct {
	// Form is the form's designation, e.g. ANSI/NEMA HN 1-2019.
	Form  string `json:"form"`
	Title string `json:"title"`
	Cover Cover  `json:"cover"`
	// Sections are in form order.
	Sections []SectionAnswers `json:"sections"`
}

// Cover is the identification of the device and the statement.
type Cover struct {
	Device       string `json:"device"`
	Model        string `json:"model"`
	Version      string `json:"software_version"`
	Manufacturer string `json:"manufacturer"`
	Document     string `json:"document_id"`
	Revision     string `json:"revision"`
	Date         string `json:"date"`
}

// SectionAnswers are the answers of one section.
type SectionAnswers struct {
	Code      string   `json:"code"`
	Title     string   `json:"title"`
	Questions []Result `json:"questions"`
}

// Result is the answer to one question.
type Result struct {
	ID       string `json:"id"`
	Section  string `json:"section"`
	Question string `json:"question"`
	// Answer is Yes, No, N/A or See note; for an information item (Value
	// set) the information itself; "" when the spec cannot answer.
	Answer string `json:"answer"`
	Value  bool   `json:"value,omitempty"`
	Note   string `json:"note"`
	// Paths are the spec paths the answer and note come from.
	Paths []string `json:"paths"`
	// Gap says why an unanswered question is unanswered; NewFact names
	// the kind of spec fact that would answer it.
	Gap     string `json:"gap,omitempty"`
	NewFact string `json:"new_fact,omitempty"`
}

// Answered reports whether the spec answers the question.
func (r *Result) Answered() bool { return r.Answer != "" }

// cover identifies the device and the statement from the spec.
func cover(s *spec.Spec) Cover {
	return Cover{
		Device: s.Device.Name, Model: s.Device.Model, Version: s.Device.Version,
		Manufacturer: s.Device.Manufacturer.Name, Document: statementID(s),
		Revision: s.Document.Revision, Date: s.Document.Date.String(),
	}
}

// Results returns every result in form order.
func (st *Statement) Results() []*Result {
	var out []*Result
	for i := range st.Sections {
		for j := range st.Sections[i].Questions {
			out = append(out, &st.Sections[i].Questions[j])
		}
	}
	return out
}

// Unanswered returns the results the spec cannot answer, in form order.
func (st *Statement) Unanswered() []*Result {
	var out []*Result
	for _, r := range st.Results() {
		if !r.Answered() {
			out = append(out, r)
		}
	}
	return out
}

// Summary counts the answers of a statement.
type Summary struct {
	Questions int `json:"questions"`
	Answered  int `json:"answered"`
	// Yes, No, NA, SeeNote and Values count the answers by kind; Values
	// are the information items.
	Yes     int `json:"yes"`
	No      int `json:"no"`
	NA      int `json:"not_applicable"`
	SeeNote int `json:"see_note"`
	Values  int `json:"information"`
}

// Summary counts the statement's answers.
func (st *Statement) Summary() Summary {
	var s Summary
	for _, r := range st.Results() {
		s.Questions++
		if !r.Answered() {
			continue
		}
		s.Answered++
		switch {
		case r.Value:
			s.Values++
		case r.Answer == string(Yes):
			s.Yes++
		case r.Answer == string(No):
			s.No++
		case r.Answer == string(NA):
			s.NA++
		default:
			s.SeeNote++
		}
	}
	return s
}

package mds2

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/docgen/docgen/generator/csvx"
	"github.com/docgen/docgen/generator/msg"
)

// File names of the statement's outputs in a build.
const (
	baseName = "mds2"
	XLSXFile = baseName + ".xlsx"
	CSVFile  = baseName + ".csv"
	JSONFile = baseName + ".json"
)

// jsonStatement is the layout of mds2.json: the statement and its summary.
type jsonStatement struct {
	*Statement
	Summary Summary `json:"summary"`
}

// JSON renders the statement and its summary as indented JSON.
func (st *Statement) JSON() ([]byte, error) {
	data, err := json.MarshalIndent(jsonStatement{st, st.Summary()}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// columns are the message keys of the columns of the CSV file and of the
// answers sheet of the workbook, in order.
var columns = []string{"mds2.col.section", "mds2.col.id", "mds2.col.question", "mds2.col.answer", "mds2.col.note", "mds2.col.paths"}

// row returns the cells of one result in the order of columns.
func (r *Result) row() []string {
	return []string{r.Section, r.ID, r.Question, r.Answer, r.Note, strings.Join(r.Paths, ", ")}
}

func header() []string {
	h := make([]string, len(columns))
	for i, k := range columns {
		h[i] = msg.Get(k)
	}
	return h
}

// CSV renders one row per question: section, id, question, answer, note
// and spec paths.
func (st *Statement) CSV() []byte {
	var rows [][]string
	for _, r := range st.Results() {
		rows = append(rows, r.row())
	}
	return csvx.Write(header(), rows)
}

// WriteText writes the statement for a terminal: one block per question
// with the answer, the note and the spec paths, then the questions the spec
// cannot answer with the reason.
func (st *Statement) WriteText(w io.Writer) error {
	var b strings.Builder
	sum := st.Summary()
	b.WriteString(msg.Format("mds2.text.head", strings.TrimSpace(st.Cover.Device+" "+st.Cover.Model+" "+st.Cover.Version), st.Form) + "\n")
	b.WriteString(summaryLine(sum) + "\n")
	for _, sec := range st.Sections {
		fmt.Fprintf(&b, "\n%s  %s\n", sec.Code, sec.Title)
		for _, r := range sec.Questions {
			fmt.Fprintf(&b, "  %-11s %s\n", r.ID, r.Question)
			answer := msg.Get("mds2.text.unanswered")
			if r.Answered() {
				answer = oneLine(r.Answer)
			}
			if r.Note != "" {
				answer += ": " + oneLine(r.Note)
			}
			fmt.Fprintf(&b, "              %s\n", answer)
			if len(r.Paths) > 0 {
				fmt.Fprintf(&b, "              %s\n", msg.Format("mds2.text.from", strings.Join(r.Paths, ", ")))
			}
		}
	}
	if un := st.Unanswered(); len(un) > 0 {
		b.WriteString("\n" + msg.Format("mds2.text.unanswered_head", len(un), sum.Questions) + "\n")
		for _, r := range un {
			fmt.Fprintf(&b, "  %-11s %s\n", r.ID, r.Gap)
			if r.NewFact != "" {
				fmt.Fprintf(&b, "              %s\n", msg.Format("mds2.text.new_fact", r.NewFact))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// summaryLine says how many questions the spec answers, by kind of answer.
func summaryLine(s Summary) string {
	return msg.Format("mds2.text.summary", s.Answered, s.Questions, s.Yes, s.No, s.NA, s.SeeNote, s.Values)
}

// oneLine folds line breaks of spec text into spaces for the terminal.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

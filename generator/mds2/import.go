package mds2

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/msg"
)

// Limits on workbooks read by ReadWorkbook, so that a hostile file (a zip
// bomb, a sheet of millions of cells) is refused instead of exhausting
// memory. The size of the .xlsx file itself is bounded by
// input.MaxWorkbookSize.
const (
	maxUnzipped    = 256 << 20 // bytes of all parts, unzipped
	maxUnzippedXML = 64 << 20  // bytes of one worksheet, unzipped
	maxRows        = 100000    // rows read per sheet
)

// FormAnswer is one answer read from a completed workbook.
type FormAnswer struct {
	ID string
	// Answer is Yes, No, N/A or See note as normalised from the cell, or
	// the cell's text for an information item; "" when the cell is empty
	// or holds no answer.
	Answer string
	// Raw is the answer cell as written.
	Raw string
	// Sheet and Cell locate the answer (or, when there is none, the
	// question id) in the workbook.
	Sheet, Cell string
}

// idCellRE finds a question id at the start of a cell ("NAUT-2.1", also
// "NAUT-2.1 Is the firewall ...").
var idCellRE = regexp.MustCompile(`^\s*([A-Z]{3,4}-[1-9][0-9]?(?:\.[1-9][0-9]?){0,2})(?:\s|$|[:,])`)

// answerRE recognises an answer at the start of a cell: "Yes", "Yes,
// optional", "N/A: no default accounts", "See Note 3".
var answerRE = regexp.MustCompile(`(?i)^\s*(yes|no|n/a|na|not applicable|see notes?)\b`)

// NormaliseAnswer returns the form answer a cell's text stands for, or "".
func NormaliseAnswer(s string) Answer {
	m := answerRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	switch strings.ToLower(m[1]) {
	case "yes":
		return Yes
	case "no":
		return No
	case "see note", "see notes":
		return SeeNote
	}
	return NA
}

// ReadWorkbook reads the answers of a completed HN 1-2019 workbook: the
// layout vendors publish (question id, question, answer, note, ...) as
// well as the one docgen writes. Every sheet is searched; a row is a
// question when one of its cells holds a question id of the form (or an
// alias such as SHAD-15). The answer is the first non-empty cell after the
// question text. The first occurrence of an id wins.
func (f *Form) ReadWorkbook(data []byte) (answers []FormAnswer, err error) {
	if int64(len(data)) > input.MaxWorkbookSize {
		return nil, errors.New(msg.Format("mds2.import.too_large", len(data)>>20, input.MaxWorkbookSize>>20))
	}
	defer func() {
		// excelize is not ours; a panic on a malformed file must not
		// take docgen down.
		if r := recover(); r != nil {
			answers, err = nil, errors.New(msg.Format("mds2.import.unreadable", fmt.Sprint(r)))
		}
	}()
	wb, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzippedXML})
	if err != nil {
		return nil, errors.New(msg.Format("mds2.import.unreadable", err.Error()))
	}
	defer wb.Close()
	seen := map[string]bool{}
	for _, sheet := range wb.GetSheetList() {
		rows, err := wb.Rows(sheet)
		if err != nil {
			return nil, errors.New(msg.Format("mds2.import.unreadable", err.Error()))
		}
		for n := 1; rows.Next(); n++ {
			if n > maxRows {
				rows.Close()
				return nil, errors.New(msg.Format("mds2.import.too_many_rows", sheet, maxRows))
			}
			cols, err := rows.Columns()
			if err != nil {
				rows.Close()
				return nil, errors.New(msg.Format("mds2.import.unreadable", err.Error()))
			}
			if a, ok := f.readRow(sheet, n, cols); ok && !seen[a.ID] {
				seen[a.ID] = true
				answers = append(answers, a)
			}
		}
		if err := rows.Close(); err != nil {
			return nil, errors.New(msg.Format("mds2.import.unreadable", err.Error()))
		}
	}
	if len(answers) == 0 {
		return nil, errors.New(msg.Get("mds2.import.no_questions"))
	}
	return answers, nil
}

// readRow reads the answer of one row, if the row is a question.
func (f *Form) readRow(sheet string, row int, cols []string) (FormAnswer, bool) {
	for i, c := range cols {
		m := idCellRE.FindStringSubmatch(c)
		if m == nil {
			continue
		}
		q := f.Question(m[1])
		if q == nil {
			continue
		}
		name, _ := excelize.CoordinatesToCellName(i+1, row)
		a := FormAnswer{ID: q.ID, Sheet: sheet, Cell: name}
		for j := i + 2; j < len(cols); j++ {
			if v := strings.TrimSpace(cols[j]); v != "" {
				a.Raw = v
				a.Cell, _ = excelize.CoordinatesToCellName(j+1, row)
				break
			}
		}
		if len(q.Value) > 0 {
			a.Answer = a.Raw
		} else {
			a.Answer = string(NormaliseAnswer(a.Raw))
		}
		return a, true
	}
	return FormAnswer{}, false
}

// Difference is a question where a workbook and the statement disagree.
type Difference struct {
	ID       string
	Question string
	// Form is the workbook's answer as written; Spec the statement's
	// answer, with its note and paths.
	Form, Spec string
	Note       string
	Paths      []string
	Sheet      string
	Cell       string
}

// Comparison is the outcome of comparing a workbook with a statement.
type Comparison struct {
	// Found counts the questions of the form found in the workbook.
	Found int
	// Differ are the questions both answer, differently.
	Differ []Difference
	// FormOnly are questions the workbook answers and the spec cannot:
	// facts to add to the spec.
	FormOnly []Difference
	// Missing are questions of the form the workbook does not have or
	// leaves blank although the spec answers them.
	Missing []string
}

// Compare compares the answers read from a workbook with the statement.
// Answers are compared as Yes, No, N/A and See note; information items
// (DOC-1 to DOC-7) as text, ignoring case and spacing.
func (st *Statement) Compare(answers []FormAnswer) Comparison {
	byID := make(map[string]FormAnswer, len(answers))
	for _, a := range answers {
		byID[a.ID] = a
	}
	var c Comparison
	for _, r := range st.Results() {
		a, ok := byID[r.ID]
		if ok {
			c.Found++
		}
		d := Difference{ID: r.ID, Question: r.Question, Form: a.Raw, Spec: r.Answer, Note: r.Note, Paths: r.Paths, Sheet: a.Sheet, Cell: a.Cell}
		switch {
		case a.Answer == "" && r.Answered():
			c.Missing = append(c.Missing, r.ID)
		case a.Answer == "":
		case !r.Answered():
			c.FormOnly = append(c.FormOnly, d)
		case !sameAnswer(a.Answer, r.Answer):
			c.Differ = append(c.Differ, d)
		}
	}
	return c
}

func sameAnswer(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// WriteText writes the comparison for a terminal: the disagreements with
// both answers, then the questions only the workbook answers, then those
// the workbook leaves blank although the spec answers them.
func (c Comparison) WriteText(w io.Writer, file string) error {
	var b strings.Builder
	b.WriteString(msg.Format("mds2.import.head", file, c.Found, len(c.Differ)) + "\n")
	for _, d := range c.Differ {
		fmt.Fprintf(&b, "  %-11s %s\n", d.ID, msg.Format("mds2.import.differs", oneLine(d.Form), d.Sheet, d.Cell, oneLine(d.Spec)))
		if d.Note != "" && d.Spec != d.Note {
			fmt.Fprintf(&b, "              %s\n", oneLine(d.Note))
		}
		if len(d.Paths) > 0 {
			fmt.Fprintf(&b, "              %s\n", msg.Format("mds2.text.from", strings.Join(d.Paths, ", ")))
		}
	}
	if len(c.FormOnly) > 0 {
		b.WriteString(msg.Format("mds2.import.form_only", len(c.FormOnly)) + "\n")
		for _, d := range c.FormOnly {
			fmt.Fprintf(&b, "  %-11s %s\n", d.ID, oneLine(d.Form))
		}
	}
	if len(c.Missing) > 0 {
		b.WriteString(msg.Format("mds2.import.missing", len(c.Missing), strings.Join(c.Missing, ", ")) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

package mds2

import (
	"strings"
	"time"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
)

// DocumentName is the file base name of the MDS2 appendix.
const DocumentName = baseName

// DocumentCode is appended to the spec's document id to identify the
// statement, as templates/docs/documents.yaml does for the other documents.
const DocumentCode = "MDS2"

// statementID is the statement's document id: the spec's document id with
// DocumentCode appended, or "" when the spec has none.
func statementID(s *spec.Spec) string {
	if spec.IsPlaceholder(s.Document.ID) {
		return ""
	}
	return s.Document.ID + "-" + DocumentCode
}

// AppendixOptions adjust the MDS2 appendix.
type AppendixOptions struct {
	// Language is the BCP 47 tag of the text; default en.
	Language string
	// Date is the issue date (zero when not known).
	Date time.Time
	// Draft marks the appendix of a spec with check errors, like the other
	// documents.
	Draft bool
}

// Appendix lays the statement out as a document of the document model, for
// every output format: an introduction, then one section per section of
// the form with a table of its questions (id, question, answer, note).
// Every row records the spec paths its answer comes from; a question the
// spec cannot answer shows why in its note.
func (st *Statement) Appendix(opts AppendixOptions) *docmodel.Document {
	c := st.Cover
	lang := opts.Language
	if lang == "" {
		lang = msg.DefaultLanguage
	}
	m := docmodel.Meta{
		Name: DocumentName, Title: strings.TrimSpace(c.Device + " – " + msg.Get("mds2.doc.title")),
		Subject: st.Title, Author: c.Manufacturer, ID: c.Document, Revision: c.Revision, Date: opts.Date,
		Language: lang, Audience: "operators", Keywords: []string{"MDS2", st.Form, c.Device},
	}
	if opts.Draft {
		m.Draft, m.DraftNotice = true, msg.Get("meta.draft_notice")
	}
	add := func(key, value string) {
		if strings.TrimSpace(value) != "" {
			m.Control = append(m.Control, docmodel.Field{Name: msg.Get(key), Value: value})
		}
	}
	add("control.device", c.Device)
	add("control.model", c.Model)
	add("control.version", c.Version)
	add("control.manufacturer", c.Manufacturer)
	add("mds2.cover.form", st.Form)
	add("control.document", c.Document)
	add("control.revision", c.Revision)
	add("control.date", c.Date)

	d := &docmodel.Document{Meta: m}
	intro := &docmodel.Paragraph{Content: docmodel.Plain(msg.Get("mds2.doc.intro"))}
	intro.Source.Text = "mds2.doc.intro"
	summary := &docmodel.Paragraph{Content: docmodel.Plain(summaryLine(st.Summary()) + ".")}
	summary.Source.Text = "mds2.text.summary"
	d.Body = append(d.Body, intro, summary)
	for _, sec := range st.Sections {
		d.Body = append(d.Body, sectionBlock(sec))
	}
	return d
}

// sectionBlock is the section of the appendix for one section of the form:
// a table of its questions, and the information items (DOC-1 to DOC-7),
// whose answers are longer texts, in a table of their own before it.
func sectionBlock(sec SectionAnswers) *docmodel.Section {
	var info, questions []Result
	for _, r := range sec.Questions {
		if r.Value {
			info = append(info, r)
		} else {
			questions = append(questions, r)
		}
	}
	s := &docmodel.Section{
		Level: 2, Anchor: "mds2-" + strings.ToLower(sec.Code),
		Title: docmodel.Plain(sec.Code + " – " + sec.Title),
	}
	var paths []string
	for _, part := range []struct {
		results []Result
		columns []string
	}{
		{info, []string{"mds2.col.id", "mds2.col.question", "mds2.col.information"}},
		{questions, []string{"mds2.col.id", "mds2.col.question", "mds2.col.answer", "mds2.col.note"}},
	} {
		if len(part.results) == 0 {
			continue
		}
		tab := answerTable(part.results, part.columns)
		paths = append(paths, tab.Source.Paths...)
		s.Blocks = append(s.Blocks, tab)
	}
	s.Source.Paths = dedupe(paths)
	return s
}

// answerTable lays results out in a table with the given columns (message
// keys): id, question, answer and, when there is a fourth, note.
func answerTable(results []Result, columns []string) *docmodel.Table {
	tab := &docmodel.Table{}
	for i, k := range columns {
		col := docmodel.Column{Header: docmodel.Plain(msg.Get(k))}
		if i == 0 {
			col.Kind = docmodel.CodeColumn
		}
		tab.Columns = append(tab.Columns, col)
	}
	cell := func(text string) *docmodel.Cell { return &docmodel.Cell{Content: docmodel.Plain(text)} }
	var paths []string
	for _, r := range results {
		answer, note := r.Answer, r.Note
		if !r.Answered() {
			note = msg.Format("mds2.doc.unanswered", r.Gap)
			if len(columns) == 3 {
				answer = note
			}
		}
		row := &docmodel.Row{Cells: []*docmodel.Cell{cell(r.ID), cell(r.Question), cell(answer)}}
		if len(columns) == 4 {
			row.Cells = append(row.Cells, cell(note))
		}
		row.Source.Paths = r.Paths
		paths = append(paths, r.Paths...)
		tab.Rows = append(tab.Rows, row)
	}
	tab.Source.Paths = dedupe(paths)
	return tab
}

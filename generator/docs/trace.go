package docs

import (
	"encoding/json"
	"strings"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/docmodel"
)

// TraceRow is one row of the traceability matrix: a catalog item that
// applies to the device and where the documents address it.
type TraceRow struct {
	ID      string
	Title   string
	Profile string
	Level   string
	Clauses []string
	// Places are the sections that address the item: document name and
	// anchor.
	Places []Place
	// Fields are the spec paths the item's content comes from.
	Fields []string
	// Status is the item's check status (passed, failed, waived, ...).
	Status string
	// Rationale is the waiver rationale when the item is waived.
	Rationale string
}

// Place is a section of a generated document.
type Place struct {
	Document, Anchor string
}

func (b *builder) trace(docs []Document) []TraceRow {
	var rows []TraceRow
	seen := map[string]bool{}
	for _, c := range b.in.Catalogs {
		for i := range c.Items {
			it := &c.Items[i]
			if seen[it.ID] || !catalog.Applies(it.When, b.in.Spec) {
				continue
			}
			seen[it.ID] = true
			row := TraceRow{
				ID: it.ID, Title: it.Title, Profile: c.Profile, Level: string(it.EffectiveLevel(b.in.Spec)),
				Clauses: catalog.Clauses(it.Clauses, b.in.Spec.Device.Regulation),
				Fields:  append(append([]string{}, it.Requires...), it.Optional...),
			}
			for _, d := range docs {
				for _, a := range it.SectionAnchors() {
					for _, have := range d.Anchors {
						if have == a {
							row.Places = append(row.Places, Place{Document: d.Name, Anchor: a})
						}
					}
				}
			}
			row.Status, row.Rationale = b.status(it.ID)
			rows = append(rows, row)
		}
	}
	return rows
}

// status returns the check status of an item and the waiver rationale.
func (b *builder) status(id string) (string, string) {
	res := b.in.Result
	if res == nil {
		return "", ""
	}
	for _, o := range res.Outcomes {
		if o.ID != id {
			continue
		}
		var why []string
		if o.Status == check.Waived {
			for _, k := range o.Findings {
				if f := res.Findings[k]; f.Waived && f.Rationale != "" {
					why = append(why, f.Rationale)
				}
			}
		}
		return string(o.Status), strings.Join(why, " ")
	}
	return "", ""
}

// traceDocument is the traceability matrix as a document: each requirement
// with its clauses, links to the sections that address it, the spec fields
// and the check status.
func (b *builder) traceDocument(rows []TraceRow) *docmodel.Document {
	s := b.in.Spec
	head := func(key string) docmodel.Column {
		return docmodel.Column{Header: docmodel.Plain(b.get("table.traceability." + key))}
	}
	tab := &docmodel.Table{ID: "traceability", Columns: []docmodel.Column{
		{Header: docmodel.Plain(b.get("table.traceability.id")), Kind: docmodel.CodeColumn}, head("title"), head("level"),
		head("clauses"), head("sections"), {Header: docmodel.Plain(b.get("table.traceability.fields")), Kind: docmodel.CodeColumn}, head("status"),
	}}
	for _, r := range rows {
		status := ""
		if r.Status != "" {
			status = b.get("status." + r.Status)
		}
		if r.Rationale != "" {
			status += ": " + r.Rationale
		}
		var places []docmodel.Inline
		for i, p := range r.Places {
			if i > 0 {
				places = append(places, &docmodel.Text{Text: ", "})
			}
			places = append(places, &docmodel.XRef{Document: p.Document, Anchor: p.Anchor, Content: docmodel.Plain(p.Document + "#" + p.Anchor)})
		}
		cell := func(text string) *docmodel.Cell { return &docmodel.Cell{Content: docmodel.Plain(text)} }
		tab.Rows = append(tab.Rows, &docmodel.Row{Cells: []*docmodel.Cell{
			cell(r.ID), cell(r.Title), cell(r.Level), cell(strings.Join(r.Clauses, "; ")), {Content: places},
			cell(strings.Join(r.Fields, ", ")), cell(status),
		}})
	}
	intro, _ := b.sentence("trace.intro", plainValue(s.Device.Name))
	d := &docmodel.Document{
		Meta: docmodel.Meta{Name: "traceability", Title: b.format("trace.title", s.Device.Name), Language: b.m.Lang()},
		Body: []docmodel.Block{paragraph("trace.intro", intro)},
	}
	if len(tab.Rows) > 0 {
		d.Body = append(d.Body, tab)
	}
	return d
}

// provenanceEntry is one block of provenance.json.
type provenanceEntry struct {
	Document string   `json:"document"`
	Section  string   `json:"section,omitempty"`
	Kind     string   `json:"kind"`
	Text     string   `json:"text"`
	Message  string   `json:"message,omitempty"`
	Paths    []string `json:"paths,omitempty"`
	Absent   []string `json:"absent,omitempty"`
}

// Provenance returns provenance.json: for every paragraph, list, table and
// figure of the documents, the section it is in, its text (for tables, the
// header), the message key of its fixed text and the spec paths it states,
// so that a reviewer can answer "why does the document say this?".
func (set *Set) Provenance() ([]byte, error) {
	entries := []provenanceEntry{}
	for _, d := range set.Documents {
		var visit func(blocks []docmodel.Block, section string)
		visit = func(blocks []docmodel.Block, section string) {
			for _, bl := range blocks {
				p := bl.Provenance()
				e := provenanceEntry{Document: d.Name, Section: section, Message: p.Text, Paths: p.Paths, Absent: p.Absent}
				switch x := bl.(type) {
				case *docmodel.Section:
					visit(x.Blocks, x.Anchor)
					continue
				case *docmodel.Paragraph:
					e.Kind, e.Text = "paragraph", docmodel.PlainText(x.Content)
				case *docmodel.List:
					e.Kind, e.Text = "list", docmodel.BlocksText([]docmodel.Block{x})
				case *docmodel.Table:
					e.Kind, e.Text = "table", x.ID
				case *docmodel.Figure:
					e.Kind, e.Text = "figure", x.Alt
				case *docmodel.Admonition:
					visit(x.Blocks, section)
					continue
				default:
					continue
				}
				entries = append(entries, e)
			}
		}
		visit(d.Model.Body, "")
	}
	data, err := json.MarshalIndent(entries, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

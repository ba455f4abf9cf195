package docs

import (
	"bytes"
	"strings"
	"text/template"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/msg"
)

// TraceRow is one row of the traceability matrix: a catalog item that
// applies to the device and where the documents address it.
type TraceRow struct {
	ID      string
	Title   string
	Profile string
	Level   string
	Clauses []string
	// Places are "document.md#anchor" links to the addressing sections.
	Places []string
	// Fields are the spec paths the item's content comes from.
	Fields []string
	// Status is the item's check status (passed, failed, waived, ...).
	Status string
	// Rationale is the waiver rationale when the item is waived.
	Rationale string
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
							row.Places = append(row.Places, d.Name+".md#"+a)
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

// traceMarkdown renders the matrix with the traceability template.
func (b *builder) traceMarkdown(t *template.Template, rows []TraceRow) ([]byte, error) {
	tab := newTable("traceability", "id*", "title", "level", "clauses", "sections", "fields*", "status")
	for _, r := range rows {
		status := ""
		if r.Status != "" {
			status = msg.Get("status." + r.Status)
		}
		if r.Rationale != "" {
			status += ": " + r.Rationale
		}
		tab.Add(r.ID, r.Title, r.Level, strings.Join(r.Clauses, "; "), strings.Join(r.Places, ", "), strings.Join(r.Fields, ", "), status)
	}
	v := &view{Spec: b.in.Spec, Tables: b.tables}
	c, err := t.Clone()
	if err != nil {
		return nil, err
	}
	c.Funcs(template.FuncMap{"matrix": func() string { return tab.Markdown() }})
	var out bytes.Buffer
	if err := c.ExecuteTemplate(&out, "traceability.md.tmpl", v); err != nil {
		return nil, err
	}
	return tidy(out.Bytes()), nil
}

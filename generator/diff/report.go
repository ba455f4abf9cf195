package diff

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render/markdown"
)

// Formats lists the output formats of Write.
var Formats = []string{"text", "markdown", "json"}

// Write writes the report in format: text, markdown or json.
func Write(w io.Writer, format string, r *Report) error {
	var data []byte
	var err error
	switch format {
	case "text":
		data, err = r.text()
	case "markdown":
		var doc *docmodel.Document
		if doc, err = r.Document(); err == nil {
			data = markdown.Bytes(doc)
		}
	case "json":
		data, err = json.MarshalIndent(r, "", "  ")
		data = append(data, '\n')
	default:
		return errors.New(msg.Format("cli.bad_format", format, strings.Join(Formats, ", ")))
	}
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// Describe says what happened to the element of a change: "added",
// "ports: 8443 → 9443", "renamed from fw-12".
func Describe(ch *Change) string {
	switch ch.Kind {
	case Changed:
		return msg.Format("diff.what.changed", FieldName(ch.Field), orUnstated(ch.Old), orUnstated(ch.New))
	case Renamed:
		return msg.Format("diff.what.renamed", ch.OldID)
	case Decision:
		switch {
		case ch.Field == DecidesField:
			return msg.Format("diff.what.decides", ch.New, ch.Old)
		case ch.New != "":
			return msg.Format("diff.what.shadowed", ch.New)
		}
		return msg.Format("diff.what.reached", ch.Old)
	}
	return msg.Get("diff.what." + string(ch.Kind))
}

// Who says who must act on a change: its class and, for an operator
// action, when.
func Who(ch *Change) string {
	s := msg.Get("diff.class." + ch.Class)
	if ch.Step != "" {
		s = msg.Format("diff.class_step", s, msg.Get("diff.step."+ch.Step))
	}
	return s
}

// FlagNames names the flags of a change.
func FlagNames(ch *Change) string {
	names := make([]string, len(ch.Flags))
	for i, f := range ch.Flags {
		names[i] = msg.Get("diff.flag." + f)
	}
	return strings.Join(names, ", ")
}

// orUnstated shows an empty value as not stated.
func orUnstated(v string) string {
	if v == "" {
		return msg.Get("diff.unstated")
	}
	return v
}

// describeSide describes one revision in a line.
func describeSide(i Info) string {
	return msg.Format("diff.side", i.Label, i.Device, orUnstated(i.Version), orUnstated(i.Revision), orUnstated(i.Date))
}

// classCounts lists the number of changes of each class.
func (r *Report) classCounts() string {
	var parts []string
	for _, cl := range r.config.Classes {
		parts = append(parts, msg.Format("diff.count", r.Summary.Classes[cl], msg.Get("diff.class."+cl)))
	}
	return strings.Join(parts, ", ")
}

// flagCounts lists the flags found, with their counts, or "".
func (r *Report) flagCounts() string {
	var parts []string
	for _, f := range r.config.Flags {
		if n := r.Summary.Flags[f]; n > 0 {
			parts = append(parts, msg.Format("diff.flag_count", msg.Get("diff.flag."+f), n))
		}
	}
	return strings.Join(parts, ", ")
}

// bySection groups the changes by section, in the order of facts.yaml.
func (r *Report) bySection() [][]*Change {
	var out [][]*Change
	for _, s := range r.config.Sections {
		var mine []*Change
		for _, ch := range r.Changes {
			if ch.Section == s.Section {
				mine = append(mine, ch)
			}
		}
		if len(mine) > 0 {
			out = append(out, mine)
		}
	}
	return out
}

// text writes the report as plain text.
func (r *Report) text() ([]byte, error) {
	var b bytes.Buffer
	line := func(indent int, s string) {
		b.WriteString(strings.Repeat("  ", indent))
		b.WriteString(s)
		b.WriteByte('\n')
	}
	line(0, msg.Format("diff.text.from", describeSide(r.Old)))
	line(0, msg.Format("diff.text.to", describeSide(r.New)))
	if len(r.Changes) == 0 {
		line(0, msg.Get("diff.none"))
		return b.Bytes(), nil
	}
	line(0, msg.Format("diff.text.summary", r.Summary.Changes, r.Summary.Relevant, r.classCounts()))
	if f := r.flagCounts(); f != "" {
		line(0, msg.Format("diff.text.flags", f))
	}
	for _, group := range r.bySection() {
		b.WriteByte('\n')
		line(0, SectionTitle(group[0].Section))
		for _, ch := range group {
			head := Describe(ch)
			if l := Label(ch); l != "" {
				head = l + ": " + head
			}
			line(1, head)
			who := Who(ch)
			if f := FlagNames(ch); f != "" {
				who = msg.Format("diff.text.with_flags", who, f)
			}
			line(2, msg.Format("diff.text.who", who, ch.Rule))
		}
	}
	if r.History != nil {
		entry, err := r.History.YAML()
		if err != nil {
			return nil, err
		}
		b.WriteByte('\n')
		line(0, msg.Format("diff.history.lead", orUnstated(r.History.Revision)))
		b.WriteString(entry)
		if r.History.SameRevision {
			line(0, msg.Format("diff.history.same_revision", r.History.Revision))
		}
	}
	return b.Bytes(), nil
}

// Document returns the report as a document, for Markdown.
func (r *Report) Document() (*docmodel.Document, error) {
	d := &docmodel.Document{Meta: docmodel.Meta{
		Name: "security-changes", Title: msg.Format("diff.report.title", r.New.Device), Language: msg.DefaultLanguage,
	}}
	para := func(key string, args ...any) *docmodel.Paragraph {
		return &docmodel.Paragraph{Node: docmodel.Node{Source: docmodel.Provenance{Text: key}}, Content: docmodel.Plain(msg.Format(key, args...))}
	}
	d.Body = append(d.Body, &docmodel.List{Items: []*docmodel.ListItem{
		{Blocks: []docmodel.Block{para("diff.text.from", describeSide(r.Old))}},
		{Blocks: []docmodel.Block{para("diff.text.to", describeSide(r.New))}},
	}})
	if len(r.Changes) == 0 {
		d.Body = append(d.Body, para("diff.none"))
		return d, nil
	}
	d.Body = append(d.Body, para("diff.text.summary", r.Summary.Changes, r.Summary.Relevant, r.classCounts()))
	if f := r.flagCounts(); f != "" {
		d.Body = append(d.Body, para("diff.text.flags", f))
	}
	for _, group := range r.bySection() {
		anchor := "changes-" + anchorRepl.Replace(group[0].Section)
		t := &docmodel.Table{ID: anchor, Columns: []docmodel.Column{
			{Header: docmodel.Plain(msg.Get("diff.col.element")), Kind: docmodel.CodeColumn},
			{Header: docmodel.Plain(msg.Get("diff.col.change"))},
			{Header: docmodel.Plain(msg.Get("diff.col.who"))},
			{Header: docmodel.Plain(msg.Get("diff.col.flags"))},
			{Header: docmodel.Plain(msg.Get("diff.col.rule")), Kind: docmodel.CodeColumn},
		}}
		for _, ch := range group {
			t.Rows = append(t.Rows, &docmodel.Row{Node: docmodel.Node{Source: docmodel.Provenance{Paths: ch.Paths()}}, Cells: []*docmodel.Cell{
				{Content: docmodel.Plain(Label(ch))}, {Content: docmodel.Plain(Describe(ch))}, {Content: docmodel.Plain(Who(ch))},
				{Content: docmodel.Plain(FlagNames(ch))}, {Content: docmodel.Plain(ch.Rule)},
			}})
		}
		d.Body = append(d.Body, &docmodel.Section{
			Level: 2, Anchor: anchor,
			Title: docmodel.Plain(SectionTitle(group[0].Section)), Blocks: []docmodel.Block{t},
		})
	}
	if r.History != nil {
		entry, err := r.History.YAML()
		if err != nil {
			return nil, err
		}
		blocks := []docmodel.Block{
			para("diff.history.lead", orUnstated(r.History.Revision)),
			&docmodel.CodeBlock{Language: "yaml", Text: strings.TrimRight(entry, "\n")},
		}
		if r.History.SameRevision {
			blocks = append(blocks, para("diff.history.same_revision", r.History.Revision))
		}
		d.Body = append(d.Body, &docmodel.Section{Level: 2, Anchor: "history-entry", Title: docmodel.Plain(msg.Get("diff.history.title")), Blocks: blocks})
	}
	if probs := docmodel.Problems(d); len(probs) > 0 {
		return nil, fmt.Errorf("diff: report: %v", probs)
	}
	return d, nil
}

// anchorRepl makes an anchor of a section name.
var anchorRepl = strings.NewReplacer(".", "-", "_", "-")

// Package notice builds the security change notice: the document that
// tells a device's operators what changed for security between two
// releases, what they must do before and after installing the new one, the
// firewall changes as a table, the component changes, the resolved
// vulnerabilities, and the revision-history entry of the new revision. It
// is built from a comparison (package diff) as a docmodel.Document, so it
// renders in every format of the document set; its fixed wording is in the
// message catalog (templates/messages/en/diff.yaml, keys notice.*).
//
//	r, _ := diff.Compare(old, cur, diff.Options{})
//	d, err := notice.Build(r, old.Spec, cur.Spec, notice.Options{})
//
// The notice is for the operator: changes that are the manufacturer's own
// business (renamed ids, check results) are left out of it, except that the
// firewall table lists every change of a firewall rule, so that it matches
// the rule changes one for one.
package notice

import (
	"fmt"
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/diff"
	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
)

// Name is the file base name of the notice.
const Name = "security-change-notice"

// Section anchors of the notice.
const (
	SummaryAnchor         = "notice-summary"
	BeforeAnchor          = "notice-before"
	AfterAnchor           = "notice-after"
	FirewallAnchor        = "notice-firewall"
	ComponentsAnchor      = "notice-components"
	VulnerabilitiesAnchor = "notice-vulnerabilities"
	OtherAnchor           = "notice-other"
	HistoryAnchor         = "notice-history"
)

// The facts sections the notice shows as tables.
const (
	firewallSection   = "firewall_rules"
	componentsSection = "sbom-components"
	vulnsSection      = "sbom-vulnerabilities"
)

// internal is the class of changes the notice leaves out.
const internal = "manufacturer-internal"

// Options adjust the notice.
type Options struct {
	// Draft marks the notice as a draft (the new spec has check errors).
	Draft bool
}

// Build builds the security change notice for report r, the comparison of
// old with cur.
func Build(r *diff.Report, old, cur *spec.Spec, opts Options) (*docmodel.Document, error) {
	b := &builder{r: r, old: old, cur: cur}
	d := &docmodel.Document{Meta: b.meta(opts)}
	d.Body = append(d.Body, b.summary())
	if s := b.steps("before", BeforeAnchor, "notice.before.title", "notice.before.intro"); s != nil {
		d.Body = append(d.Body, s)
	}
	if s := b.steps("after", AfterAnchor, "notice.after.title", "notice.after.intro"); s != nil {
		d.Body = append(d.Body, s)
	}
	for _, s := range []*docmodel.Section{b.firewall(), b.components(), b.vulnerabilities(), b.other(), b.history()} {
		if s != nil {
			d.Body = append(d.Body, s)
		}
	}
	if probs := docmodel.Problems(d); len(probs) > 0 {
		return nil, fmt.Errorf("notice: %v", probs)
	}
	return d, nil
}

// builder carries one notice.
type builder struct {
	r        *diff.Report
	old, cur *spec.Spec
}

func (b *builder) meta(opts Options) docmodel.Meta {
	dev := b.cur.Device
	m := docmodel.Meta{
		Name: Name, Title: msg.Format("notice.title", dev.Name), Subject: msg.Get("notice.subject"),
		Author: dev.Manufacturer.Name, Revision: b.cur.Document.Revision, Date: b.cur.Document.Date.Time,
		Language: b.cur.Language, Audience: "administrator",
		Keywords: []string{msg.Get("meta.keyword"), dev.Name},
	}
	if m.Language == "" {
		m.Language = msg.DefaultLanguage
	}
	if b.cur.Document.ID != "" {
		m.ID = b.cur.Document.ID + "-" + msg.Get("notice.code")
	}
	if opts.Draft {
		m.Draft, m.DraftNotice = true, msg.Get("meta.draft_notice")
	}
	add := func(key, value string) {
		if strings.TrimSpace(value) != "" {
			m.Control = append(m.Control, docmodel.Field{Name: msg.Get(key), Value: value})
		}
	}
	add("control.device", dev.Name)
	add("control.model", dev.Model)
	add("notice.control.versions", fromTo(b.old.Device.Version, dev.Version))
	add("notice.control.revisions", fromTo(b.old.Document.Revision, b.cur.Document.Revision))
	add("control.document", m.ID)
	add("control.date", b.cur.Document.Date.String())
	return m
}

// fromTo shows a value before and after, or the value alone when it is the
// same.
func fromTo(before, after string) string {
	if before == after {
		return after
	}
	return msg.Format("notice.from_to", orUnstated(before), orUnstated(after))
}

func orUnstated(v string) string {
	if strings.TrimSpace(v) == "" {
		return msg.Get("diff.unstated")
	}
	return v
}

// para is a paragraph of fixed text.
func para(key string, args ...any) *docmodel.Paragraph {
	return &docmodel.Paragraph{Node: node(nil, key), Content: docmodel.Plain(msg.Format(key, args...))}
}

// node is a provenance: the spec paths and the message key.
func node(paths []string, key string) docmodel.Node {
	return docmodel.Node{Source: docmodel.Provenance{Paths: paths, Text: key}}
}

// section makes a section of the notice.
func section(anchor, titleKey string, blocks ...docmodel.Block) *docmodel.Section {
	return &docmodel.Section{Level: 2, Anchor: anchor, Title: docmodel.Plain(msg.Get(titleKey)), Blocks: blocks}
}

// shown returns the changes of the notice: all but manufacturer-internal.
func (b *builder) shown() []*diff.Change {
	var out []*diff.Change
	for _, ch := range b.r.Changes {
		if ch.Class != internal {
			out = append(out, ch)
		}
	}
	return out
}

func (b *builder) summary() *docmodel.Section {
	o, c := b.old, b.cur
	blocks := []docmodel.Block{para("notice.summary.intro", c.Device.Name,
		orUnstated(o.Device.Version), orUnstated(o.Document.Revision), orUnstated(o.Document.Date.String()),
		orUnstated(c.Device.Version), orUnstated(c.Document.Revision), orUnstated(c.Document.Date.String()))}
	if !b.r.Relevant() {
		blocks = append(blocks, para("notice.summary.none"))
		return section(SummaryAnchor, "notice.summary.title", blocks...)
	}
	var action, info int
	for _, ch := range b.shown() {
		if ch.Class == "operator-action" {
			action++
		} else {
			info++
		}
	}
	blocks = append(blocks, para("notice.summary.counts", action, info), para("notice.summary.guidance"))
	return section(SummaryAnchor, "notice.summary.title", blocks...)
}

// Sentence says what changed, for the lists of the notice: "Support
// period: end of support: 2031-12-31 → 2032-12-31."
func Sentence(ch *diff.Change) string {
	subject := strings.TrimSpace(diff.ItemName(ch.Section) + " " + diff.Label(ch))
	s := msg.Format("notice.sentence", subject, diff.Describe(ch))
	return strings.ToUpper(s[:1]) + s[1:]
}

// Action says what the operator does about a change: the instruction of
// the message catalog for its section and kind (notice.action.SECTION.KIND)
// where there is one, else what changed.
func Action(ch *diff.Change) string {
	key := "notice.action." + ch.Section + "." + string(ch.Kind)
	if !msg.Has(key) {
		return Sentence(ch)
	}
	return msg.Format(key, diff.Label(ch), diff.Describe(ch))
}

// steps lists the operator actions of one step; firewall changes are one
// item that refers to the firewall table.
func (b *builder) steps(step, anchor, titleKey, introKey string) *docmodel.Section {
	list := &docmodel.List{Ordered: true, Start: 1}
	firewall := false
	for _, ch := range b.shown() {
		if ch.Class != "operator-action" || ch.Step != step {
			continue
		}
		if ch.Section == firewallSection {
			firewall = true
			continue
		}
		list.Items = append(list.Items, &docmodel.ListItem{Blocks: []docmodel.Block{
			&docmodel.Paragraph{Node: node(ch.Paths(), "notice.action."+ch.Section+"."+string(ch.Kind)), Content: docmodel.Plain(Action(ch))},
		}})
	}
	if firewall {
		item := &docmodel.Paragraph{Node: node(nil, "notice.firewall_step."+step), Content: []docmodel.Inline{
			&docmodel.Text{Text: msg.Format("notice.firewall_step."+step, msg.Get("diff.step."+step)) + " "},
			&docmodel.XRef{Anchor: FirewallAnchor, Content: docmodel.Plain(msg.Get("notice.firewall.title"))},
			&docmodel.Text{Text: "."},
		}}
		list.Items = append([]*docmodel.ListItem{{Blocks: []docmodel.Block{item}}}, list.Items...)
	}
	if len(list.Items) == 0 {
		return nil
	}
	return section(anchor, titleKey, para(introKey), list)
}

// FirewallRow is one row of the firewall table: one rule (or, for a change
// of order, one data stream) and what changed about it.
type FirewallRow struct {
	Kind diff.Kind
	// Rule is the rule's id (for an order change of a data stream: the
	// stream's id).
	Rule    string
	Changes []*diff.Change
}

// FirewallRows groups the firewall changes of r into the rows of the
// firewall table, in the order of the changes: one row per rule and kind.
func FirewallRows(r *diff.Report) []FirewallRow {
	var rows []FirewallRow
	for _, ch := range r.Changes {
		if ch.Section != firewallSection {
			continue
		}
		kind := ch.Kind
		i := slices.IndexFunc(rows, func(row FirewallRow) bool {
			return row.Rule == ch.ID && row.Kind == kind && kind != diff.Decision
		})
		if i < 0 {
			rows = append(rows, FirewallRow{Kind: kind, Rule: ch.ID})
			i = len(rows) - 1
		}
		rows[i].Changes = append(rows[i].Changes, ch)
	}
	return rows
}

func (b *builder) firewall() *docmodel.Section {
	rows := FirewallRows(b.r)
	if len(rows) == 0 {
		return nil
	}
	t := &docmodel.Table{ID: "firewall-changes", Columns: []docmodel.Column{
		{Header: header("notice.col.change")},
		{Header: header("notice.col.rule"), Kind: docmodel.CodeColumn},
		{Header: header("notice.col.direction")},
		{Header: header("notice.col.source"), Kind: docmodel.CodeColumn},
		{Header: header("notice.col.destination"), Kind: docmodel.CodeColumn},
		{Header: header("notice.col.protocol")},
		{Header: header("notice.col.ports"), Kind: docmodel.PortColumn},
		{Header: header("notice.col.action")},
		{Header: header("notice.col.details")},
		{Header: header("notice.col.when")},
	}}
	for _, row := range rows {
		ch := row.Changes[0]
		// A change of which rule decides a data stream shows the stream's
		// traffic; any other row the rule.
		stream := row.Kind == diff.Decision && ch.Field == diff.DecidesField
		value := func(f string) string {
			if stream {
				f = map[string]string{"source": "source", "destination": "destination", "protocol": "transport", "ports": "port"}[f]
			}
			v, _ := ch.Value(f)
			return v
		}
		var details []string
		switch row.Kind {
		case diff.Added:
			details = append(details, b.position(row.Rule))
		case diff.Changed, diff.Renamed, diff.Decision:
			for _, c := range row.Changes {
				details = append(details, diff.Describe(c))
			}
		}
		if stream {
			details[0] = msg.Format("notice.firewall.stream", ch.ID, details[0])
		}
		var paths []string
		for _, c := range row.Changes {
			paths = append(paths, c.Paths()...)
		}
		when := ""
		for _, c := range row.Changes {
			if c.Step != "" && when == "" {
				when = msg.Get("diff.step." + c.Step)
			}
		}
		rule := row.Rule
		if stream {
			rule = ""
		}
		t.Rows = append(t.Rows, &docmodel.Row{Node: node(paths, ""), Cells: []*docmodel.Cell{
			text(msg.Get("notice.firewall.kind." + string(row.Kind))), text(rule), text(value("direction")),
			text(value("source")), text(value("destination")), text(value("protocol")), text(value("ports")),
			text(value("action")), text(strings.Join(details, "; ")), text(when),
		}})
	}
	return section(FirewallAnchor, "notice.firewall.title", para("notice.firewall.intro"), t)
}

// position says where a new rule goes in the ordered rule set: after the
// rule before it, or first.
func (b *builder) position(id string) string {
	i := slices.IndexFunc(b.cur.FirewallRules, func(r spec.FirewallRule) bool { return strings.TrimSpace(r.ID) == id })
	if i <= 0 {
		return msg.Get("notice.firewall.first")
	}
	return msg.Format("notice.firewall.after", b.cur.FirewallRules[i-1].ID)
}

func (b *builder) components() *docmodel.Section {
	type row struct {
		id      string
		changes []*diff.Change
	}
	var rows []row
	for _, ch := range b.shown() {
		if ch.Section != componentsSection {
			continue
		}
		i := slices.IndexFunc(rows, func(r row) bool { return r.id == ch.ID && ch.Kind == diff.Changed && r.changes[0].Kind == diff.Changed })
		if i < 0 {
			rows = append(rows, row{id: ch.ID})
			i = len(rows) - 1
		}
		rows[i].changes = append(rows[i].changes, ch)
	}
	if len(rows) == 0 {
		return nil
	}
	t := &docmodel.Table{ID: "component-changes", Columns: []docmodel.Column{
		{Header: header("notice.col.component")},
		{Header: header("notice.col.change")},
		{Header: header("notice.col.version_before")},
		{Header: header("notice.col.version_after")},
		{Header: header("notice.col.licences")},
		{Header: header("notice.col.support")},
		{Header: header("notice.col.package"), Kind: docmodel.CodeColumn},
	}}
	for _, r := range rows {
		ch := r.changes[0]
		name, _ := ch.Value("name")
		before, after := "", ""
		switch ch.Kind {
		case diff.Added:
			after, _ = ch.Value("version")
		case diff.Removed:
			before, _ = ch.Value("version")
		default:
			before, _ = ch.OldValue("version")
			after, _ = ch.Value("version")
		}
		licences, _ := ch.Value("licenses")
		support := supportText(ch.Value)
		kind := "notice.component.kind." + string(ch.Kind)
		for _, c := range r.changes {
			switch {
			case c.Field == "version":
				kind = "notice.component.kind.updated"
			case c.Field == "licenses":
				licences = msg.Format("notice.from_to", orUnstated(c.Old), orUnstated(c.New))
			case c.Field == "support_level" || c.Field == "end_of_support":
				support = msg.Format("notice.from_to", orUnstated(supportText(c.OldValue)), orUnstated(support))
			}
		}
		t.Rows = append(t.Rows, &docmodel.Row{Cells: []*docmodel.Cell{
			text(name), text(msg.Get(kind)), text(before), text(after), text(licences), text(support), text(ch.ID),
		}})
	}
	return section(ComponentsAnchor, "notice.components.title", para("notice.components.intro"), t)
}

// supportText shows a component's support level and end of support.
func supportText(get func(string) (string, bool)) string {
	level, _ := get("support_level")
	end, _ := get("end_of_support")
	switch {
	case level != "" && end != "":
		return msg.Format("notice.support.until", level, end)
	case end != "":
		return msg.Format("notice.support.until", msg.Get("notice.support.supported"), end)
	}
	return level
}

// isResolution reports whether ch closes a vulnerability: its analysis
// state changed to one of the resolved states of classes.yaml (from an open
// state, or from not affected to resolved when the component was fixed
// anyway), or it is newly listed in one.
func (b *builder) isResolution(ch *diff.Change) bool {
	resolved := b.r.Config().Resolved
	switch ch.Kind {
	case diff.Added:
		state, _ := ch.Value("state")
		return slices.Contains(resolved, state)
	case diff.Changed:
		return ch.Field == "state" && slices.Contains(resolved, ch.New)
	}
	return false
}

func (b *builder) vulnerabilities() *docmodel.Section {
	t := &docmodel.Table{ID: "resolved-vulnerabilities", Columns: []docmodel.Column{
		{Header: header("notice.col.vulnerability"), Kind: docmodel.CodeColumn},
		{Header: header("notice.col.affects"), Kind: docmodel.CodeColumn},
		{Header: header("notice.col.state_before")},
		{Header: header("notice.col.state_after")},
		{Header: header("notice.col.analysis")},
	}}
	for _, ch := range b.shown() {
		if ch.Section != vulnsSection || !b.isResolution(ch) {
			continue
		}
		affects, _ := ch.Value("affects")
		state, _ := ch.Value("state")
		detail, _ := ch.Value("detail")
		before := ""
		if ch.Kind == diff.Changed {
			before = ch.Old
		}
		t.Rows = append(t.Rows, &docmodel.Row{Cells: []*docmodel.Cell{text(ch.ID), text(affects), text(before), text(state), text(detail)}})
	}
	if len(t.Rows) == 0 {
		return nil
	}
	return section(VulnerabilitiesAnchor, "notice.vulnerabilities.title", para("notice.vulnerabilities.intro"), t)
}

// other lists the changes for information that no table shows.
func (b *builder) other() *docmodel.Section {
	list := &docmodel.List{}
	for _, ch := range b.shown() {
		switch {
		case ch.Class == "operator-action", ch.Section == firewallSection, ch.Section == componentsSection,
			ch.Section == vulnsSection && b.isResolution(ch):
			continue
		}
		list.Items = append(list.Items, &docmodel.ListItem{Blocks: []docmodel.Block{
			&docmodel.Paragraph{Node: node(ch.Paths(), "notice.sentence"), Content: docmodel.Plain(Sentence(ch))},
		}})
	}
	if len(list.Items) == 0 {
		return nil
	}
	return section(OtherAnchor, "notice.other.title", para("notice.other.intro"), list)
}

func (b *builder) history() *docmodel.Section {
	h := b.r.History
	if h == nil {
		return nil
	}
	t := &docmodel.Table{ID: "revision-history-entry", Columns: []docmodel.Column{
		{Header: header("notice.col.revision")},
		{Header: header("notice.col.date"), Kind: docmodel.DateColumn},
		{Header: header("notice.col.changes")},
	}}
	t.Rows = append(t.Rows, &docmodel.Row{Cells: []*docmodel.Cell{text(h.Revision), text(h.Date), text(h.Changes)}})
	return section(HistoryAnchor, "notice.history.title", para("notice.history.intro"), t)
}

// header is a column header of fixed text.
func header(key string) []docmodel.Inline { return docmodel.Plain(msg.Get(key)) }

// text is a table cell of plain text, or an empty cell.
func text(s string) *docmodel.Cell { return &docmodel.Cell{Content: docmodel.Plain(s)} }

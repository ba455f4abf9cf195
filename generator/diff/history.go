package diff

import (
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/msg"
)

// maxListed is how many changes of one section the proposed history entry
// names one by one; more are counted.
const maxListed = 3

// maxValue is the longest value the history entry quotes; longer values
// (prose) are only said to have changed.
const maxValue = 40

// historyEntry proposes the revision-history entry of the new revision: its
// revision and date, and what changed, in the words of the change list
// (relevant changes only). It returns nil when nothing relevant changed.
func (r *Report) historyEntry(cur Side, opts Options) *HistoryEntry {
	if !r.Relevant() {
		return nil
	}
	date := cur.Spec.Document.Date.Time
	if date.IsZero() {
		date = opts.Today
	}
	day := ""
	if !date.IsZero() {
		day = date.Format(time.DateOnly)
	}
	var parts []string
	for _, s := range r.config.Sections {
		var mine []*Change
		for _, ch := range r.Changes {
			if ch.Section == s.Section && slices.Contains(r.config.Relevant, ch.Class) {
				mine = append(mine, ch)
			}
		}
		if len(mine) > maxListed {
			parts = append(parts, msg.Format("diff.phrase.many", len(mine), strings.ToLower(SectionTitle(s.Section))))
			continue
		}
		for _, ch := range mine {
			parts = append(parts, Phrase(ch))
		}
	}
	text := strings.Join(parts, "; ")
	if text != "" {
		text = strings.ToUpper(text[:1]) + text[1:] + "."
	}
	return &HistoryEntry{
		Revision: cur.Spec.Document.Revision, Date: day, Changes: text,
		SameRevision: strings.TrimSpace(cur.Spec.Document.Revision) != "" &&
			strings.EqualFold(strings.TrimSpace(cur.Spec.Document.Revision), strings.TrimSpace(r.Old.Revision)),
	}
}

// Phrase says in a few words what a change is, for the revision history:
// "firewall rule fw-12: ports changed from 8443 to 8443, 9443".
func Phrase(ch *Change) string {
	item := ItemName(ch.Section)
	subject := strings.TrimSpace(item + " " + Label(ch))
	switch ch.Kind {
	case Changed:
		if short(ch.Old) && short(ch.New) && ch.Old != "" && ch.New != "" {
			return msg.Format("diff.phrase.changed_values", subject, FieldName(ch.Field), ch.Old, ch.New)
		}
		return msg.Format("diff.phrase.changed", subject, FieldName(ch.Field))
	case Renamed:
		return msg.Format("diff.phrase.renamed", item, ch.OldID, ch.ID)
	case Decision:
		if ch.Field == DecidesField {
			return msg.Format("diff.phrase.decides", ch.ID)
		}
		return msg.Format("diff.phrase.shadowed", ch.ID)
	}
	return msg.Format("diff.phrase."+string(ch.Kind), subject)
}

// short reports whether a value is short enough to quote.
func short(v string) bool { return len([]rune(v)) <= maxValue }

// Label names the element of a change for people: a component by name and
// version, the data stream of a decision as one, a struct section by
// nothing, anything else by its key.
func Label(ch *Change) string {
	if ch.Kind == Decision && ch.Field == DecidesField {
		return msg.Format("diff.stream_label", ch.ID)
	}
	if ch.Section == componentsSection {
		name, _ := ch.Value("name")
		version, _ := ch.Value("version")
		if ch.Kind == Changed && ch.Field == "version" {
			version, _ = ch.OldValue("version")
		}
		return strings.TrimSpace(name + " " + version)
	}
	return ch.ID
}

// SectionTitle is the title of a facts section, such as "Firewall rules".
func SectionTitle(section string) string { return msg.Get("diff.section." + section) }

// ItemName names one element of a facts section, such as "firewall rule".
func ItemName(section string) string { return msg.Get("diff.item." + section) }

// FieldName shows a field's YAML key as words: "end_of_support" as "end of
// support", "wifi.security" as "wifi security".
func FieldName(field string) string {
	return strings.NewReplacer("_", " ", ".", " ").Replace(field)
}

// YAML returns the entry as an item of document.history, ready to paste
// (the date is left out when neither the spec nor the options give one).
func (h *HistoryEntry) YAML() (string, error) {
	scalar := func(v string, style yaml.Style) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Style: style}
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{scalar("revision", 0), scalar(h.Revision, yaml.DoubleQuotedStyle)}}
	if h.Date != "" {
		m.Content = append(m.Content, scalar("date", 0), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: h.Date})
	}
	m.Content = append(m.Content, scalar("changes", 0), scalar(h.Changes, yaml.DoubleQuotedStyle))
	out, err := yaml.Marshal(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{m}})
	return string(out), err
}

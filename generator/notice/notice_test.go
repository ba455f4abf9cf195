package notice_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/diff"
	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/internal/testspec"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/notice"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

var today = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// copyExample copies an example into a new folder, applying replacements
// (old text, new text, each found exactly once) to its device.yaml.
func copyExample(t *testing.T, name string, replace ...string) string {
	t.Helper()
	dir := t.TempDir()
	testspec.CopyExample(t, filepath.Join("..", ".."), name, dir, func(file string, data []byte) []byte {
		if file != "device.yaml" {
			return data
		}
		s := string(data)
		for i := 0; i+1 < len(replace); i += 2 {
			if strings.Count(s, replace[i]) != 1 {
				t.Fatalf("%q occurs %d times in %s", replace[i], strings.Count(s, replace[i]), name)
			}
			s = strings.Replace(s, replace[i], replace[i+1], 1)
		}
		return []byte(s)
	})
	return filepath.Join(dir, "device.yaml")
}

func compare(t *testing.T, oldPath, newPath string) (*diff.Report, *generator.Checked, *generator.Checked) {
	t.Helper()
	opts := generator.BuildOptions{Today: today}
	old, err := generator.LoadChecked(t.Context(), oldPath, opts)
	if err != nil {
		t.Fatal(err)
	}
	cur, err := generator.LoadChecked(t.Context(), newPath, opts)
	if err != nil {
		t.Fatal(err)
	}
	r, err := diff.Compare(old.Side("old"), cur.Side("new"), diff.Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	return r, old, cur
}

const fw17 = `  - id: fw-17
    direction: inbound
    source: any
    destination: any
    protocol: any
    action: deny
    rationale: Default deny for all other traffic into the reading-workstation VLAN; denied packets are logged.
`

// TestFirewallTableMatchesRuleChanges builds the notice for edits of the
// firewall rules and checks that its firewall table has one row per rule
// (and kind of change), with the rule's id, the kind, and the values of the
// new rule (of the old one when it was removed), and nothing else.
func TestFirewallTableMatchesRuleChanges(t *testing.T) {
	tests := []struct {
		name    string
		replace []string
	}{
		{"port change and removed rule", []string{
			"    ports: 8443\n    protocol: tcp", "    ports: 9443\n    protocol: tcp",
			"  - id: fw-10\n    direction: outbound\n    source: mvp-ws\n    destination: ntp\n    ports: 123\n    protocol: udp\n    action: allow\n    stateful: true\n    stream: ntp-sync\n", "",
		}},
		{"rule moved to the top", []string{fw17, "", "firewall_rules:\n", "firewall_rules:\n" + fw17}},
		{"added rule and renamed rule", []string{
			"firewall_rules:\n", "firewall_rules:\n  - {id: fw-new, direction: inbound, source: admin-ws, destination: mvp-ws, ports: 22, protocol: tcp, action: allow, rationale: Service shell.}\n",
			"  - id: fw-14\n", "  - id: fw-rs-agent\n",
		}},
	}
	base := filepath.Join("..", "..", "examples", "imaging-workstation", "device.yaml")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, old, cur := compare(t, base, copyExample(t, "imaging-workstation", tc.replace...))
			doc, err := notice.Build(r, old.Spec, cur.Spec, notice.Options{})
			if err != nil {
				t.Fatal(err)
			}
			sec := docmodel.FindSection(doc, notice.FirewallAnchor)
			if sec == nil {
				t.Fatal("no firewall section")
			}
			var table *docmodel.Table
			for _, b := range sec.Blocks {
				if tb, ok := b.(*docmodel.Table); ok {
					table = tb
				}
			}
			// The firewall changes of the report, by rule and kind.
			type key struct{ kind, rule string }
			var want []key
			for _, ch := range r.Changes {
				if ch.Section != "firewall_rules" {
					continue
				}
				k := key{string(ch.Kind), ch.ID}
				if ch.Kind == diff.Decision && ch.Field == diff.DecidesField {
					k.rule = ""
				}
				if ch.Kind == diff.Decision || !slices.Contains(want, k) {
					want = append(want, k)
				}
			}
			if len(want) == 0 {
				t.Fatal("the edits changed no firewall rule")
			}
			if len(table.Rows) != len(want) {
				t.Fatalf("firewall table has %d rows, the report %d rule changes:\n%s", len(table.Rows), len(want), docmodel.Dump(doc))
			}
			for i, row := range table.Rows {
				cells := make([]string, len(row.Cells))
				for j, c := range row.Cells {
					cells[j] = docmodel.PlainText(c.Content)
				}
				w := want[i]
				kind := map[string]string{"added": "Add", "removed": "Remove", "changed": "Change", "renamed": "Rename", "decision": "Order"}[w.kind]
				if cells[0] != kind || cells[1] != w.rule {
					t.Errorf("row %d is %q %q, want %q %q", i+1, cells[0], cells[1], kind, w.rule)
				}
				if w.kind == "decision" {
					continue
				}
				var rules []spec.FirewallRule
				rules = cur.Spec.FirewallRules
				if w.kind == "removed" {
					rules = old.Spec.FirewallRules
				}
				k := slices.IndexFunc(rules, func(fr spec.FirewallRule) bool { return fr.ID == w.rule })
				if k < 0 {
					t.Fatalf("row %d names rule %s, which the spec does not have", i+1, w.rule)
				}
				fr := rules[k]
				got := []string{cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]}
				exp := []string{string(fr.Direction), fr.Source, fr.Destination, string(fr.Protocol), fr.Ports.String(), string(fr.Action)}
				if !slices.Equal(got, exp) {
					t.Errorf("row %d (%s %s) shows %q, the rule is %q", i+1, kind, w.rule, got, exp)
				}
			}
		})
	}
}

// TestHistoryEntryAccepted checks that check accepts the proposed
// revision-history entry as the IVDR note of what changed: the IVDR
// example with a new revision and no history entry for it fails
// IFU-REVISION-HISTORY; with the proposed entry pasted into its history, it
// passes.
func TestHistoryEntryAccepted(t *testing.T) {
	base := filepath.Join("..", "..", "examples", "lab-analyzer", "device.yaml")
	bump := []string{"  revision: \"05\"\n  date: 2026-10-15\n", "  revision: \"06\"\n  date: 2026-11-01\n"}
	newPath := copyExample(t, "lab-analyzer", bump...)
	_, _, cur := compare(t, base, newPath)
	if cur.Spec.Device.Regulation != spec.IVDR {
		t.Fatal("the lab-analyzer example is no longer an IVDR device")
	}
	if status(cur.Result, "IFU-REVISION-HISTORY") != check.Failed {
		t.Fatalf("without the entry, IFU-REVISION-HISTORY is %s, want failed", status(cur.Result, "IFU-REVISION-HISTORY"))
	}
	// The edits changed no fact: add one, so that there is something to say.
	newPath = copyExample(t, "lab-analyzer", append(bump, "support:\n  end_of_support: 2034-12-31\n", "support:\n  end_of_support: 2035-12-31\n")...)
	r, _, cur := compare(t, base, newPath)
	if r.History == nil || r.History.Revision != "06" || r.History.Date != "2026-11-01" || r.History.SameRevision {
		t.Fatalf("proposed entry %+v, want revision 06 of 2026-11-01", r.History)
	}
	entry, err := r.History.YAML()
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		History []spec.Revision `yaml:"history"`
	}
	d := yamlx.NewDecoder("entry.yaml")
	d.Decode([]byte("history:\n"+indent(entry)), &wf)
	if err := d.Err(); err != nil {
		t.Fatalf("the entry does not load as a document.history item: %v\n%s", err, entry)
	}
	if len(wf.History) != 1 || spec.IsPlaceholder(wf.History[0].Changes.Value) {
		t.Fatalf("entry %+v says nothing", wf.History)
	}
	cur.Spec.Document.History = append(cur.Spec.Document.History, wf.History...)
	cats, err := generator.LoadCatalogs(cur.Spec, nil)
	if err != nil {
		t.Fatal(err)
	}
	res := generator.Check(cur.Spec, cats, check.Options{Today: today, BOM: cur.BOM})
	if got := status(res, "IFU-REVISION-HISTORY"); got != check.Passed {
		t.Errorf("with the proposed entry, IFU-REVISION-HISTORY is %s, want passed:\n%s", got, entry)
	}
}

func indent(s string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "  " + l
		}
	}
	return strings.Join(lines, "")
}

func status(res *check.Result, id string) check.Status {
	for _, o := range res.Outcomes {
		if o.ID == id {
			return o.Status
		}
	}
	return ""
}

// TestActionMessages checks that every instruction of the message catalog
// names a facts section and a kind of change.
func TestActionMessages(t *testing.T) {
	cfg, err := diff.LoadConfig()
	if err != nil {
		t.Fatal(err)
	}
	cat, _ := msg.Catalog()
	n := 0
	for k := range cat {
		rest, ok := strings.CutPrefix(k, "notice.action.")
		if !ok {
			continue
		}
		n++
		i := strings.LastIndex(rest, ".")
		section, kind := rest[:max(i, 0)], rest[i+1:]
		if !slices.ContainsFunc(cfg.Sections, func(s *diff.Section) bool { return s.Section == section }) || !slices.Contains(diff.Kinds, diff.Kind(kind)) {
			t.Errorf("message %s names no section and kind of change", k)
		}
	}
	if n == 0 {
		t.Error("no notice.action messages")
	}
}

package duties_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/duties"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
)

// TestDefaults checks the data file: unique ids, titles, clauses, and only
// known stakeholders, with an owner for every activity in both variants.
func TestDefaults(t *testing.T) {
	for _, lay := range []bool{false, true} {
		s := &spec.Spec{Device: spec.Device{LayUsers: lay}}
		m, err := duties.Matrix(s)
		if err != nil {
			t.Fatal(err)
		}
		if len(m) < 10 {
			t.Fatalf("only %d default activities", len(m))
		}
		var ids []string
		for _, d := range m {
			if slices.Contains(ids, d.ID) || d.Title == "" || len(d.Clauses) == 0 || len(d.Responsible) == 0 {
				t.Errorf("lay=%v: bad default %+v", lay, d)
			}
			ids = append(ids, d.ID)
			for _, st := range append(append([]spec.Stakeholder{}, d.Responsible...), d.Consulted...) {
				if !slices.Contains(spec.Stakeholder("").EnumValues(), string(st)) {
					t.Errorf("unknown stakeholder %q in %s", st, d.ID)
				}
			}
			if lay && slices.Contains(d.Responsible, "operator") {
				t.Errorf("lay default of %s is owned by the operator", d.ID)
			}
		}
	}
}

func TestOverridesAndAdditions(t *testing.T) {
	s := &spec.Spec{Responsibilities: []spec.Responsibility{
		{Activity: "backups", Responsible: []spec.Stakeholder{"manufacturer"}, Notes: spec.T("cloud")},
		{Activity: "new-duty", Title: spec.T("A new duty"), Responsible: []spec.Stakeholder{"user"}},
	}}
	m, err := duties.Matrix(s)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(m, func(d duties.Duty) bool { return d.ID == "backups" })
	if i < 0 || !slices.Equal(m[i].Responsible, []spec.Stakeholder{"manufacturer"}) || m[i].Notes != "cloud" ||
		len(m[i].Consulted) == 0 || m[i].Path != "responsibilities[0]" {
		t.Errorf("override not applied: %+v", m[i])
	}
	last := m[len(m)-1]
	if last.ID != "new-duty" || last.Title != "A new duty" || last.Path != "responsibilities[1]" {
		t.Errorf("addition not appended: %+v", last)
	}
}

// TestAbsencesRemoveActivities checks that an activity about something the
// spec states the device does not have does not arise.
func TestAbsencesRemoveActivities(t *testing.T) {
	tests := []struct {
		absent string
		gone   string
	}{
		{"accounts: The device has no login.", "account-management"},
		{"backup: The device keeps no data.", "backups"},
		{"logging: The device keeps no log.", "log-review"},
	}
	for _, tt := range tests {
		t.Run(tt.gone, func(t *testing.T) {
			ids := func(src string) []string {
				s, err := spec.Parse("d.yaml", []byte("spec_version: 2\n"+src))
				if err != nil {
					t.Fatal(err)
				}
				m, err := duties.Matrix(s)
				if err != nil {
					t.Fatal(err)
				}
				var out []string
				for _, d := range m {
					out = append(out, d.ID)
				}
				return out
			}
			if !slices.Contains(ids(""), tt.gone) {
				t.Fatalf("%s is no default", tt.gone)
			}
			if got := ids("absent: {" + tt.absent + "}\n"); slices.Contains(got, tt.gone) {
				t.Errorf("with absent.%s the matrix still has %s", tt.absent, tt.gone)
			}
		})
	}
}

// TestDutyTexts checks that every default activity has its title in the
// English message set and that duties.yaml holds no text of an activity
// that does not exist.
func TestDutyTexts(t *testing.T) {
	l, err := msg.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	en, err := l.For("en")
	if err != nil {
		t.Fatal(err)
	}
	ids := duties.DefaultIDs()
	for _, id := range ids {
		if _, ok := en.Own()["duty."+id+".title"]; !ok {
			t.Errorf("default activity %s has no duty.%s.title in templates/messages/en/duties.yaml", id, id)
		}
	}
	for k := range en.Own() {
		if !strings.HasPrefix(k, "duty.") {
			continue
		}
		id := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(k, "duty."), ".title"), ".notes")
		if !slices.Contains(ids, id) {
			t.Errorf("templates/messages/en/duties.yaml: %s names no default activity", k)
		}
	}
}

package migrate_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/migrate"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// TestMigrate rewrites small specs, one deprecated form or layout at a
// time, and compares the whole output: only the deprecated forms change,
// each in the quoting style it was written in, and everything around them
// (comments, blank lines, line ends, flow or block style) stays.
func TestMigrate(t *testing.T) {
	cases := []struct {
		name, in, want string
		changes        []string // "line:col old => new"
	}{
		{
			name:    "version only",
			in:      "# my device\nspec_version: 1   # format\n\ndevice: {name: X}\n",
			want:    "# my device\nspec_version: 2   # format\n\ndevice: {name: X}\n",
			changes: []string{"2:1 spec_version: 1 => spec_version: 2"},
		},
		{
			name:    "renamed field in a block mapping keeps its comment",
			in:      "spec_version: 1\nnetwork:\n  # Access\n  internet_required: true   # the cloud backend\n\n  segmentation: VLAN\n",
			want:    "spec_version: 2\nnetwork:\n  # Access\n  internet: required   # the cloud backend\n\n  segmentation: VLAN\n",
			changes: []string{"1:1 spec_version: 1 => spec_version: 2", "4:3 internet_required: true => internet: required"},
		},
		{
			name: "renamed field in a flow mapping",
			in:   "spec_version: 1\nnetwork: {segmentation: VLAN, internet_required: false}\n",
			want: "spec_version: 2\nnetwork: {segmentation: VLAN, internet: none}\n",
		},
		{
			name: "quoted key keeps its quotes",
			in:   "spec_version: 1\nnetwork:\n  \"internet_required\": false\n",
			want: "spec_version: 2\nnetwork:\n  \"internet\": none\n",
		},
		{
			name: "tagged value loses the tag of the old type",
			in:   "spec_version: 1\nnetwork:\n  internet_required: !!bool true\n",
			want: "spec_version: 2\nnetwork:\n  internet: required\n",
		},
		{
			name: "value given by an alias",
			in:   "spec_version: 1\ndevice: {networked: &yes true}\nnetwork:\n  internet_required: *yes\n",
			want: "spec_version: 2\ndevice: {networked: &yes true}\nnetwork:\n  internet: required\n",
		},
		{
			name:    "old field next to the current one is dropped",
			in:      "spec_version: 2\nnetwork:\n  internet: restricted\n  internet_required: false\n  segmentation: VLAN\n",
			want:    "spec_version: 2\nnetwork:\n  internet: restricted\n  segmentation: VLAN\n",
			changes: []string{"4:3 internet_required: false => internet: restricted"},
		},
		{
			name: "dropped field leaves its comment",
			in:   "spec_version: 2\nnetwork:\n  internet: none\n  internet_required: false   # kept for old docgen\n",
			want: "spec_version: 2\nnetwork:\n  internet: none\n  # kept for old docgen\n",
		},
		{
			name: "dropped field in a flow mapping, first",
			in:   "spec_version: 2\nnetwork: {internet_required: true, internet: required}\n",
			want: "spec_version: 2\nnetwork: {internet: required}\n",
		},
		{
			name: "dropped field in a flow mapping, last",
			in:   "spec_version: 2\nnetwork: {internet: required, internet_required: true}\n",
			want: "spec_version: 2\nnetwork: {internet: required}\n",
		},
		{
			name: "dropped field as the last line without a line end",
			in:   "spec_version: 2\nnetwork:\n  internet: required\n  internet_required: true",
			want: "spec_version: 2\nnetwork:\n  internet: required\n",
		},
		{
			name: "stakeholder of a professional device, every quoting style",
			in:   "spec_version: 1\nresponsibilities:\n  - {activity: backups, responsible: [user, 'user', \"user\"], consulted: [manufacturer]}\n",
			want: "spec_version: 2\nresponsibilities:\n  - {activity: backups, responsible: [professional-user, 'professional-user', \"professional-user\"], consulted: [manufacturer]}\n",
		},
		{
			name: "stakeholder of a lay-user device, block lists",
			in: "spec_version: 1\ndevice:\n  lay_users: true\nenvironment:\n  required_controls:\n    - id: env-lock\n      owner: user # the patient\n" +
				"responsibilities:\n  - activity: backups\n    consulted:\n      - manufacturer\n      - user\n",
			want: "spec_version: 2\ndevice:\n  lay_users: true\nenvironment:\n  required_controls:\n    - id: env-lock\n      owner: lay-user # the patient\n" +
				"responsibilities:\n  - activity: backups\n    consulted:\n      - manufacturer\n      - lay-user\n",
			changes: []string{"1:1 spec_version: 1 => spec_version: 2", "7:7 user => lay-user", "12:9 user => lay-user"},
		},
		{
			name: "one anchored list used twice is rewritten once",
			in:   "spec_version: 2\nresponsibilities:\n  - {activity: backups, responsible: &who [user]}\n  - {activity: patch-installation, responsible: *who}\n",
			want: "spec_version: 2\nresponsibilities:\n  - {activity: backups, responsible: &who [professional-user]}\n  - {activity: patch-installation, responsible: *who}\n",
		},
		{
			name: "CRLF line ends and a byte-order mark stay",
			in:   "\ufeffspec_version: 1\r\nnetwork:\r\n  internet: none\r\n  internet_required: false\r\n  segmentation: VLAN\r\n",
			want: "\ufeffspec_version: 2\r\nnetwork:\r\n  internet: none\r\n  segmentation: VLAN\r\n",
		},
		{
			name: "text that is not NFC is left as written, columns count characters",
			in:   "spec_version: 1\nresponsibilities: [{notes: \"Cafe\u0301 \u2014 \u00e9\", activity: backups, responsible: [user]}]\n",
			want: "spec_version: 2\nresponsibilities: [{notes: \"Cafe\u0301 \u2014 \u00e9\", activity: backups, responsible: [professional-user]}]\n",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := migrate.Migrate("device.yaml", []byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(res.Data); got != c.want {
				t.Errorf("migrated to\n%s\nwant\n%s", got, c.want)
			}
			if c.changes != nil {
				var got []string
				for _, ch := range res.Changes {
					got = append(got, strings.TrimPrefix(ch.Pos.String(), "device.yaml:")+" "+ch.Old+" => "+ch.New)
				}
				if strings.Join(got, "\n") != strings.Join(c.changes, "\n") {
					t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.changes, "\n"))
				}
			}
			again, err := migrate.Migrate("device.yaml", res.Data)
			if err != nil {
				t.Fatal(err)
			}
			if !again.Current() || string(again.Data) != string(res.Data) {
				t.Errorf("migrating the result again changes %v", again.Changes)
			}
		})
	}
}

// TestMigrateCurrent leaves a current spec alone: no changes, the very
// same bytes.
func TestMigrateCurrent(t *testing.T) {
	in := []byte("spec_version: 2\nnetwork: {internet: none}   # comment\n")
	res, err := migrate.Migrate("device.yaml", in)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Current() || string(res.Data) != string(in) || res.Version != spec.FormatVersion {
		t.Errorf("current spec: changes %v, data %q", res.Changes, res.Data)
	}
}

// TestMigrateRefuses checks the errors: a spec that does not load is
// refused with the loader's errors, and a deprecated form migrate cannot
// rewrite in place is named at its position with what to write instead.
func TestMigrateRefuses(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"does not load", "spec_version: 1\nnetwork: {internet_required: maybe}\n", "device.yaml:2:30: "},
		{"unknown version", "spec_version: 7\n", "device.yaml:1:1: spec_version 7 is not supported"},
		{"not YAML", "spec_version: [1\n", "device.yaml:"},
		{"contradiction", "spec_version: 1\nnetwork: {internet: none, internet_required: true}\n", "device.yaml:2:"},
		{
			"block scalar", "spec_version: 1\nnetwork:\n  internet_required: !!bool |-\n    true\n",
			"device.yaml:3:3: `internet_required: true` cannot be rewritten here automatically (the value is a block scalar (| or >)); write `internet: required` instead by hand",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := migrate.Migrate("device.yaml", []byte(c.in))
			if err == nil {
				t.Fatalf("migrated to %q, want an error", res.Data)
			}
			var errs yamlx.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error:\n%v\nwant it to start with\n%s", err, c.want)
			}
		})
	}
}

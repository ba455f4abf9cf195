package migrate

import (
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/spec"
)

// TestSameMeaningDetects makes sure the comparison behind every migration
// can fail: specs that read differently are told apart, with the path of
// the difference, and the deprecated forms count as their current forms.
func TestSameMeaningDetects(t *testing.T) {
	cases := []struct {
		name, a, b string
		want       string // path of the difference, "" when the same
	}{
		{"renamed field", "spec_version: 1\nnetwork: {internet_required: true}\n", "spec_version: 2\nnetwork: {internet: required}\n", ""},
		{"renamed field, other value", "spec_version: 1\nnetwork: {internet_required: false}\n", "spec_version: 2\nnetwork: {internet: restricted}\n", "network.internet"},
		{"stakeholder", "spec_version: 1\nresponsibilities: [{activity: backups, responsible: [user]}]\n", "spec_version: 2\nresponsibilities: [{activity: backups, responsible: [professional-user]}]\n", ""},
		{"stakeholder of a lay device", "spec_version: 1\ndevice: {lay_users: true}\nresponsibilities: [{activity: backups, responsible: [user]}]\n", "spec_version: 2\ndevice: {lay_users: true}\nresponsibilities: [{activity: backups, responsible: [professional-user]}]\n", "responsibilities[0].responsible[0]"},
		{"list length", "spec_version: 2\nstandards: [a, b]\n", "spec_version: 2\nstandards: [a]\n", "standards"},
		{"text", "spec_version: 2\ndevice: {name: A}\n", "spec_version: 2\ndevice: {name: B}\n", "device.name"},
		{"positions and comments do not count", "spec_version: 2\n\n# c\ndevice: {name: A}\n", "spec_version: 2\ndevice:\n  name: A\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := spec.Parse("a.yaml", []byte(c.a))
			if err != nil {
				t.Fatal(err)
			}
			b, err := spec.Parse("b.yaml", []byte(c.b))
			if err != nil {
				t.Fatal(err)
			}
			path, same, err := sameMeaning(a, b)
			if err != nil {
				t.Fatal(err)
			}
			if same != (c.want == "") || path != c.want && !same {
				t.Errorf("same = %v at %q, want difference at %q", same, path, c.want)
			}
		})
	}
}

// TestVerifyRejects checks the last guard of Migrate: a result that does
// not load, still has deprecated forms or an old version, or reads
// differently is refused as an internal error.
func TestVerifyRejects(t *testing.T) {
	orig := "spec_version: 1\nnetwork: {internet_required: true}\n"
	cases := []struct{ name, out, want string }{
		{"does not load", "spec_version: 2\nnetwork: {internet: yes}\n", "does not load"},
		{"still deprecated", "spec_version: 2\nnetwork: {internet_required: true}\n", "still uses the deprecated `internet_required: true`"},
		{"old version", "spec_version: 1\nnetwork: {internet: required}\n", "still has spec_version 1"},
		{"other meaning", "spec_version: 2\nnetwork: {internet: restricted}\n", "would be read differently at `network.internet`"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := spec.Parse("device.yaml", []byte(orig))
			if err != nil {
				t.Fatal(err)
			}
			err = verify("device.yaml", s, []byte(c.out))
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "left unchanged") {
				t.Errorf("verify: %v, want an error saying %q", err, c.want)
			}
		})
	}
	s, _ := spec.Parse("device.yaml", []byte(orig))
	if err := verify("device.yaml", s, []byte("spec_version: 2\nnetwork: {internet: required}\n")); err != nil {
		t.Errorf("verify refuses a right migration: %v", err)
	}
}

package diff

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
)

// TestConfig loads the embedded facts and classes and checks that every
// section has its titles in the message catalog.
func TestConfig(t *testing.T) {
	c, err := LoadConfig()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range c.Sections {
		for _, key := range []string{"diff.section." + s.Section, "diff.item." + s.Section} {
			if !msg.Has(key) {
				t.Errorf("message %s is missing", key)
			}
		}
		if len(s.leaves) == 0 {
			t.Errorf("section %s compares no field", s.Section)
		}
	}
	// Every diff.section and diff.item message names a section.
	cat, _ := msg.Catalog()
	for k := range cat {
		for _, prefix := range []string{"diff.section.", "diff.item."} {
			if name, ok := strings.CutPrefix(k, prefix); ok && c.section(name) == nil {
				t.Errorf("message %s names no section of facts.yaml", k)
			}
		}
	}
	for _, st := range c.Steps {
		if !msg.Has("diff.step." + st) {
			t.Errorf("message diff.step.%s is missing", st)
		}
	}
	for _, k := range Kinds {
		if !msg.Has("diff.what."+string(k)) && k != Changed && k != Decision && k != Renamed {
			t.Errorf("message diff.what.%s is missing", k)
		}
	}
}

// TestConfigErrors checks that mistakes in the data are reported with
// their position.
func TestConfigErrors(t *testing.T) {
	facts := "facts:\n  - section: firewall_rules\n    key: id\n"
	tests := []struct {
		name, facts, classes, want string
	}{
		{"unknown section", "facts:\n  - section: firewall_rulez\n    key: id\n", "", `facts.yaml:2:5: "firewall_rulez" is no list or struct of the spec`},
		{"list without key", "facts:\n  - section: accounts\n", "", `list "accounts" needs a key`},
		{"unknown field", "facts:\n  - section: accounts\n    key: name\n    fields: [passwort]\n", "", `"passwort" is no field of "accounts"`},
		{"reference to a later section", "facts:\n  - section: accounts\n    key: name\n    refs: {role: [roles]}\n  - section: roles\n    key: id\n", "", `names "roles", which is not listed before "accounts"`},
		{"unknown class", facts, "classes: [information]\nrules:\n  - {id: x, class: informaton}\n", `class "informaton" is none of information`},
		{"step without operator action", facts, "classes: [information]\nsteps: [before]\nrules:\n  - {id: x, class: information, step: before}\n", "an operator action, and only one, has a step"},
		{"no catch-all", facts, "classes: [information]\nrules:\n  - {id: x, sections: [firewall_rules], class: information}\n", "the last rule must match every change"},
		{"unknown rule field", facts, "classes: [information]\nrules:\n  - {id: x, sections: [firewall_rules], fields: [portz], class: information}\n  - {id: y, class: information}\n", `"portz" is no field of firewall_rules`},
		{"unknown trend", facts, "classes: [information]\nrules:\n  - {id: x, trend: [weakest], class: information}\n  - {id: y, class: information}\n", `trend "weakest" is none of`},
		{"unknown device condition", facts, "classes: [information]\nrules:\n  - {id: x, device: [wireless], class: information}\n  - {id: y, class: information}\n", `device condition "wireless"`},
		{"scale of an unknown field", facts, "classes: [information]\nscales:\n  - {fields: [firewall_rules.portz], values: [a]}\nrules:\n  - {id: y, class: information}\n", `"firewall_rules.portz" names no field`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			classes := tc.classes
			if classes == "" {
				classes = "classes: [information]\nrules:\n  - {id: y, class: information}\n"
			}
			_, err := ParseConfig([]byte(tc.facts), []byte(classes))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestTrends(t *testing.T) {
	c, err := LoadConfig()
	if err != nil {
		t.Fatal(err)
	}
	str := func(s string) leaf { return leaf{canon: s, value: reflect.ValueOf(s)} }
	ports := func(s ...int) leaf {
		var p spec.Ports
		for i := 0; i+1 < len(s); i += 2 {
			p = append(p, spec.PortRange{Lo: s[i], Hi: s[i+1]})
		}
		p = normalPorts(p)
		return leaf{canon: p.String(), value: reflect.ValueOf(p)}
	}
	tests := []struct {
		section, field string
		old, cur       leaf
		want           []Trend
	}{
		{"crypto", "tls_min", str("1.3"), str("1.2"), []Trend{Weaker}},
		{"crypto", "tls_min", str("1.2"), str("1.3"), []Trend{Stronger}},
		{"crypto", "tls_min", str(""), str("1.2"), []Trend{Stated}},
		{"network", "internet", str("none"), str("restricted"), []Trend{Weaker}},
		{"data_streams", "encryption", str("TLS 1.3"), str("TLS 1.2 or 1.3"), []Trend{Weaker}},
		{"data_streams", "encryption", str("TLS 1.2"), str("none"), []Trend{Weaker}},
		{"data_streams", "encryption", str("TLS (optional)"), str("TLS 1.2"), []Trend{Stronger}},
		{"data_streams", "encryption", str("TLS 1.2"), str("AES-256-GCM over TLS 1.2"), nil},
		{"device", "remote_service", str("false"), str("true"), []Trend{Enabled}},
		{"data_stores", "encrypted", str("true"), str("false"), []Trend{Disabled}},
		{"data_stores", "encrypted", str("true"), str(""), []Trend{Unstated}},
		{"remote_access", "default", str("disabled"), str("enabled"), []Trend{Enabled}},
		{"remote_access", "default", str(""), str("enabled"), []Trend{Stated, Enabled}},
		{"interfaces", "wifi.security", str("wpa3-personal"), str("wpa2-personal"), []Trend{Weaker}},
		{"firewall_rules", "ports", ports(8443, 8443), ports(8443, 8443, 9443, 9443), []Trend{Wider}},
		{"firewall_rules", "ports", ports(1000, 2000), ports(1500, 1600), []Trend{Narrower}},
		{"firewall_rules", "ports", ports(104, 104), ports(11112, 11112), []Trend{Wider}},
		{"catalog", "status", str("passed"), str("failed"), []Trend{Weaker}},
		{"catalog", "status", str("passed"), str("not-applicable"), nil},
	}
	for _, tc := range tests {
		got := c.trends(tc.section, tc.field, tc.old, tc.cur)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s.%s %q → %q: %v, want %v", tc.section, tc.field, tc.old.canon, tc.cur.canon, got, tc.want)
		}
	}
}

func TestNormalPorts(t *testing.T) {
	tests := []struct {
		in   spec.Ports
		want string
	}{
		{spec.Ports{{Lo: 443, Hi: 443}, {Lo: 80, Hi: 80}}, "80, 443"},
		{spec.Ports{{Lo: 100, Hi: 200}, {Lo: 150, Hi: 300}, {Lo: 301, Hi: 301}}, "100-301"},
		{spec.Ports{{Lo: 5, Hi: 5}, {Lo: 5, Hi: 5}}, "5"},
		{nil, ""},
	}
	for _, tc := range tests {
		if got := normalPorts(tc.in).String(); got != tc.want {
			t.Errorf("normalPorts(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestUnversioned(t *testing.T) {
	tests := map[string]string{
		"pkg:nuget/fo-dicom@5.2.1":                                     "pkg:nuget/fo-dicom",
		"pkg:maven/org.apache/log4j-core@2.17.1?type=jar":              "pkg:maven/org.apache/log4j-core?type=jar",
		"pkg:npm/%40angular/core@17.0.0#packages/core":                 "pkg:npm/%40angular/core#packages/core",
		"pkg:generic/openssl":                                          "pkg:generic/openssl",
		"ref-without-purl@1":                                           "ref-without-purl@1",
		"pkg:golang/github.com/x/y@v1.2.3?goos=linux&goarch=amd64":     "pkg:golang/github.com/x/y?goos=linux&goarch=amd64",
		"pkg:docker/library/nginx@sha256:abc?repository_url=docker.io": "pkg:docker/library/nginx?repository_url=docker.io",
	}
	for in, want := range tests {
		if got := unversioned(in); got != want {
			t.Errorf("unversioned(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMatch checks matching by key, repeated keys, and renames, which
// need content that is the same and found once on each side.
func TestMatch(t *testing.T) {
	s := &Section{Key: "id", leaves: []string{"id", "port"}, compared: map[string]bool{"id": true, "port": true}}
	el := func(i int, id, port string) *element {
		e := &element{key: id, index: i, leaves: []leaf{{name: "id", canon: id}, {name: "port", canon: port}}}
		e.fp = e.fingerprint(s)
		return e
	}
	tests := []struct {
		name     string
		old, cur []*element
		want     string
	}{
		{"reordered", []*element{el(0, "a", "1"), el(1, "b", "2")}, []*element{el(0, "b", "2"), el(1, "a", "1")}, "b=b a=a"},
		{"renamed", []*element{el(0, "a", "1"), el(1, "b", "2")}, []*element{el(0, "a", "1"), el(1, "c", "2")}, "a=a b>c"},
		{"renamed and changed", []*element{el(0, "b", "2")}, []*element{el(0, "c", "3")}, "-b +c"},
		{"ambiguous content", []*element{el(0, "a", "1"), el(1, "b", "1")}, []*element{el(0, "c", "1"), el(1, "d", "1")}, "-a -b +c +d"},
		{"repeated key, unchanged one first", []*element{el(0, "a", "1"), el(1, "a", "2")}, []*element{el(0, "a", "2"), el(1, "a", "3")}, "a=a a=a"},
		{"no content", []*element{el(0, "a", "")}, []*element{el(0, "b", "")}, "-a +b"},
	}
	for _, tc := range tests {
		pairs, removed, added := match(s, tc.old, tc.cur)
		var got []string
		for _, p := range pairs {
			sep := "="
			if p.renamed {
				sep = ">"
			}
			got = append(got, p.old.key+sep+p.new.key)
		}
		for _, e := range removed {
			got = append(got, "-"+e.key)
		}
		for _, e := range added {
			got = append(got, "+"+e.key)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, g, tc.want)
		}
	}
	// The repeated key pairs the unchanged element with its equal.
	pairs, _, _ := match(s, []*element{el(0, "a", "1"), el(1, "a", "2")}, []*element{el(0, "a", "2"), el(1, "a", "3")})
	if pairs[0].old.index != 1 {
		t.Error("the unchanged element of a repeated key is not paired with its equal")
	}
}

// TestSameSpecNoChange compares each example with itself.
func TestSameSpecNoChange(t *testing.T) {
	for _, name := range []string{"imaging-workstation", "lab-analyzer", "home-monitor"} {
		s, err := spec.Load("../../examples/" + name + "/device.yaml")
		if err != nil {
			t.Fatal(err)
		}
		r, err := Compare(Side{Label: "a", Spec: s}, Side{Label: "b", Spec: s}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Changes) != 0 || r.Relevant() || r.History != nil {
			t.Errorf("%s against itself: %d changes", name, len(r.Changes))
		}
	}
}

package spec_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
	"github.com/docgen/docgen/templates"
)

// base is a small valid spec; test cases append to it or replace it.
const base = `spec_version: 1
device:
  name: Test Device
  regulation: MDR
  class: IIa
network:
  zones:
    - {id: lan, name: LAN, cidrs: [10.0.0.0/24]}
  nodes:
    - {id: dev, name: Device, kind: device, zone: lan, addresses: [10.0.0.5]}
    - {id: srv, name: Server, kind: server, zone: lan, addresses: [srv.example.org]}
roles:
  - {id: admin, name: Administrator}
`

// streams is appended to base where a case needs a data stream and a rule.
const streams = `data_streams:
  - {id: s1, source: dev, destination: srv, protocol: HTTPS, port: 443, transport: tcp}
firewall_rules:
  - {id: r1, direction: outbound, source: dev, destination: srv, ports: 443, protocol: tcp, action: allow, stream: s1}
`

func TestParseValid(t *testing.T) {
	s, err := spec.Parse("device.yaml", []byte(base+streams))
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	if s.Device.Name != "Test Device" || s.Device.Regulation != spec.MDR {
		t.Errorf("device = %+v", s.Device)
	}
	if got := s.FirewallRules[0].Ports.String(); got != "443" {
		t.Errorf("ports = %q", got)
	}
	if got := s.Sources.Lookup("firewall_rules[0]"); got.Line != 17 || got.Col != 5 {
		t.Errorf("position of firewall_rules[0] = %v, want 17:5", got)
	}
	if got := s.Sources.Lookup("firewall_rules[0].rationale"); got.Line != 17 {
		t.Errorf("missing field should fall back to its parent, got %v", got)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string // appended to base unless it starts with "spec_version"
		want []string
	}{
		{"unknown field with suggestion", "firewal_rules: []\n", []string{"device.yaml:14:1: unknown field `firewal_rules`, did you mean `firewall_rules`?"}},
		{"unknown nested field", "document: {revison: '1'}\n", []string{"14:12: unknown field `revison`, did you mean `revision`?"}},
		{"duplicate key", "roles: []\n", []string{"14:1: duplicate key `roles` (first defined on line 12)"}},
		{"wrong type: list for text", "security_objectives: {a: b}\n", []string{"14:22: expected a list"}},
		{"wrong type: bool", "spec_version: 1\ndevice: {networked: yes}\n", []string{"2:21: expected true or false, found the text \"yes\""}},
		{"wrong type: int", "cvd: {ack_days: soon}\n", []string{"expected a whole number"}},
		{"bad enum with suggestion", "spec_version: 1\ndevice: {regulation: MRD}\n", []string{"`MRD` is not allowed here; use one of `MDR`, `IVDR`, did you mean `MDR`?"}},
		{"class with digits", "spec_version: 1\ndevice: {regulation: MDR, class: 2b}\n", []string{"`2b` is not allowed here; use one of `I`, `Is`, `Im`, `Ir`, `IIa`, `IIb`, `III`, `A`, `B`, `C`, `D`, did you mean `IIb`?"}},
		{"comma in a flow mapping value", "spec_version: 1\ndevice: {name: X, description: USB only, no network}\n", []string{"2:42: unknown field `no network`: in a `{...}` mapping a comma ends a value, so `description` ended at `USB only`; put the whole value in quotes: description: \"USB only, no network\""}},
		{"unknown key in a flow mapping stays unknown", "spec_version: 1\ndevice: {name: X, descripton: Y}\n", []string{"unknown field `descripton`, did you mean `description`?"}},
		{"unknown interface lists the declared ones", "interfaces: [{id: nic1}, {id: usb}]\nhardware: [{component: PC, interfaces: [eth0]}]\n", []string{"no interface with id `eth0` is declared; declared: `nic1`, `usb`"}},
		{"unknown interface with none declared", "hardware: [{component: PC, interfaces: [eth0]}]\n", []string{"no interface with id `eth0` is declared; none is declared yet"}},
		{"class not under regulation", "spec_version: 1\ndevice: {regulation: IVDR, class: IIa}\n", []string{"class `IIa` does not exist under the IVDR"}},
		{"port out of range", "interfaces:\n  - {id: i1, port: 70000}\n", []string{"invalid port \"70000\""}},
		{"port zero", "interfaces:\n  - {id: i1, port: 0}\n", []string{"invalid port \"0\""}},
		{"port range reversed", "interfaces:\n  - {id: i1, port: 200-100}\n", []string{"invalid port range \"200-100\""}},
		{"port list", "interfaces:\n  - {id: i1, port: [80, \"443\", 8000-8080, x]}\n", []string{"invalid port \"x\""}},
		{"bad ip", "spec_version: 1\nnetwork:\n  nodes:\n    - {id: n, addresses: [10.0.0.256]}\n", []string{"invalid IP address \"10.0.0.256\""}},
		{"bad ipv6", "spec_version: 1\nnetwork:\n  nodes:\n    - {id: n, addresses: ['fe80::1::2']}\n", []string{"invalid IP address"}},
		{"bad cidr", "spec_version: 1\nnetwork:\n  zones:\n    - {id: z, cidrs: [10.0.0.0/33]}\n", []string{"invalid CIDR prefix \"10.0.0.0/33\""}},
		{"cidr host bits", "spec_version: 1\nnetwork:\n  zones:\n    - {id: z, cidrs: [10.0.0.1/24]}\n", []string{"has host bits set; the network is 10.0.0.0/24"}},
		{"cidr without length", "spec_version: 1\nnetwork:\n  zones:\n    - {id: z, cidrs: [10.0.0.1]}\n", []string{"is a single address, not a range"}},
		{"bad hostname", "spec_version: 1\nnetwork:\n  nodes:\n    - {id: n, addresses: ['bad host!']}\n", []string{"invalid address \"bad host!\""}},
		{"bad date", "document: {date: 2026-02-30}\n", []string{"invalid date \"2026-02-30\""}},
		{"bad date format", "document: {date: 15.01.2026}\n", []string{"write dates as YYYY-MM-DD"}},
		{"bad email", "cvd: {contact: {email: nobody}}\n", []string{"invalid e-mail address \"nobody\""}},
		{"bad url", "advisories: {url: www.example.com}\n", []string{"invalid URL \"www.example.com\""}},
		{"missing version", "device: {name: x}\n", []string{"device.yaml:1:1: missing `spec_version`"}},
		{"wrong version", "spec_version: 3\n", []string{"spec_version 3 is not supported"}},
		{"unknown profile", "profiles: [mdcg-2019-61]\n", []string{"unknown profile `mdcg-2019-61`", "did you mean `mdcg-2019-16`?"}},
		{"stream names unknown node", "data_streams:\n  - {id: s2, source: dev, destination: pacs}\n", []string{"no node or zone with id `pacs` is declared"}},
		{"rule names unknown node with suggestion", "firewall_rules:\n  - {id: r2, source: srvv, destination: any}\n", []string{"no node or zone with id `srvv` is declared, did you mean `srv`?"}},
		{"rule names unknown stream", "firewall_rules:\n  - {id: r2, source: any, destination: dev, stream: s9}\n", []string{"no data stream with id `s9` is declared"}},
		{"account names unknown role", "accounts:\n  - {name: bob, role: admn}\n", []string{"no role with id `admn` is declared, did you mean `admin`?"}},
		{"node in unknown zone", "spec_version: 1\nnetwork:\n  zones: [{id: lan}]\n  nodes:\n    - {id: n, zone: wan}\n", []string{"no zone with id `wan` is declared"}},
		{"duplicate id", "data_streams:\n  - {id: s1, source: dev, destination: srv}\n  - {id: s1, source: dev, destination: srv}\n", []string{"duplicate id `s1`, already used on line 15"}},
		{"node and zone share a namespace", "spec_version: 1\nnetwork:\n  zones: [{id: x}]\n  nodes: [{id: x}]\n", []string{"duplicate id `x`, already used on line 3"}},
		{"missing id", "firewall_rules:\n  - {source: any, destination: dev}\n", []string{"this firewall_rules entry has no `id`"}},
		{"bad id", "controls:\n  - {id: 'a b'}\n", []string{"invalid id \"a b\""}},
		{"reserved id", "spec_version: 1\nnetwork:\n  nodes: [{id: any}]\n", []string{"`any` is reserved"}},
		{"port on a bluetooth stream", "data_streams:\n  - {id: b, source: dev, destination: srv, transport: bluetooth-le, port: 1}\n", []string{"a bluetooth-le link has no port"}},
		{"firewall rule for usb", "firewall_rules:\n  - {id: r2, source: any, destination: dev, protocol: usb}\n", []string{"firewall rules filter IP traffic"}},
		{"icmp with ports", "firewall_rules:\n  - {id: r2, source: any, destination: dev, protocol: icmp, ports: 8}\n", []string{"ICMP has no ports"}},
		{"waiver without rationale", "waivers:\n  - {rule: IFU-FAILSAFE, rationale: TBD}\n", []string{"a waiver needs a written `rationale`"}},
		{"component without key", "components:\n  - {support_level: abandoned}\n", []string{"needs a `purl` or a `bom_ref`"}},
		{"translation without source", "spec_version: 1\ndevice: {description: {fr: x, de: y}}\n", []string{"2:10: this text is written in several languages (`de`, `fr`) but not in the spec's language en"}},
		{"unquoted colon in text", "spec_version: 2\nenvironment:\n  assumptions:\n    - Scanner events: none\n", []string{`4:7: expected text, found a mapping: a colon followed by a space starts a mapping in YAML; put the text in quotes: "Scanner events: none"`}},
		{"merge key", "spec_version: 1\nx: &a {name: n}\ndevice:\n  <<: *a\n", []string{"unknown field `x`", "merge keys (`<<:`) are not supported"}},
		{"syntax error", "spec_version: 1\ndevice: [\n", []string{"YAML syntax error"}},
		{"two documents", "spec_version: 1\n---\nspec_version: 1\n", []string{"2:1: a second YAML document starts here"}},
		{"empty", "", []string{"1:1: the file is empty"}},
		{"not a mapping", "- a\n- b\n", []string{"expected a mapping"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := base + tc.yaml
			if strings.HasPrefix(tc.yaml, "spec_version") || strings.HasPrefix(tc.yaml, "device:") || tc.yaml == "" || strings.HasPrefix(tc.yaml, "- ") {
				src = tc.yaml
			}
			_, err := spec.Parse("device.yaml", []byte(src))
			if err == nil {
				t.Fatalf("no error; want %q", tc.want)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\ndoes not contain %q", err, w)
				}
			}
		})
	}
}

// TestAllErrorsInOrder checks that every problem of a file is reported, in
// file order, each with a position.
func TestAllErrorsInOrder(t *testing.T) {
	src := `spec_version: 1
device:
  regulaton: MDR
  networked: maybe
document:
  date: 2026-13-01
network:
  zones:
    - {id: lan, cidrs: [10.0.0.1/24]}
data_streams:
  - {id: s1, source: nowhere, destination: lan, port: 99999}
`
	_, err := spec.Parse("d.yaml", []byte(src))
	var errs yamlx.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error %T is not yamlx.Errors", err)
	}
	wantLines := []int{3, 4, 6, 9, 11, 11}
	if len(errs) != len(wantLines) {
		t.Fatalf("got %d errors, want %d:\n%v", len(errs), len(wantLines), err)
	}
	for i, e := range errs {
		if e.Pos.Line != wantLines[i] || e.Pos.Col == 0 || e.Pos.File != "d.yaml" {
			t.Errorf("error %d at %v, want line %d with a column", i, e.Pos, wantLines[i])
		}
	}
}

func TestAliasBombRejected(t *testing.T) {
	// 200 roles each referring to a list of 100 aliases: 20,000 expansions
	// from a file of a few kilobytes.
	var b strings.Builder
	b.WriteString("spec_version: 1\nlay_guidance: &p [&t lol")
	for i := 1; i < 100; i++ {
		b.WriteString(", *t")
	}
	b.WriteString("]\nroles:\n")
	for i := 0; i < 200; i++ {
		b.WriteString("  - {permissions: *p}\n")
	}
	_, err := spec.Parse("bomb.yaml", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "alias expansions") {
		t.Fatalf("alias bomb not rejected: %v", err)
	}
}

// TestAliasSize bounds the text aliases add, not only their number: one
// long anchored text used many times is refused at the alias that crosses
// the limit, while ordinary reuse passes.
func TestAliasSize(t *testing.T) {
	specText := func(textLen, uses int) string {
		var b strings.Builder
		b.WriteString("spec_version: 1\ndevice: {name: A, regulation: MDR, class: I}\nenvironment:\n  intended:\n")
		b.WriteString("    - &t \"" + strings.Repeat("x", textLen) + "\"\n")
		for range uses - 1 {
			b.WriteString("    - *t\n")
		}
		// An alias of a list of aliases repeats all of them.
		b.WriteString("  assumptions: &l [*t, *t]\n  out_of_scope_risks: *l\n")
		return b.String()
	}
	tests := []struct {
		name          string
		textLen, uses int
		wantLine      int // 0: accepted
	}{
		{"short text, many uses", 50, 5000, 0},
		{"long text, a few uses", 10000, 20, 0},
		{"10 KB text used 10,000 times", 10000, 10000, 5 + 1<<20/10001 + 1},
		{"nested aliases", 300000, 2, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := spec.Parse("a.yaml", []byte(specText(tt.textLen, tt.uses)))
			var errs yamlx.Errors
			errors.As(err, &errs)
			var sizeErr *yamlx.Error
			for _, e := range errs {
				if strings.Contains(e.Msg, "aliases here would repeat more than") {
					sizeErr = e
				}
			}
			switch {
			case tt.wantLine == 0 && sizeErr != nil:
				t.Fatalf("refused: %v", sizeErr)
			case tt.wantLine > 0 && sizeErr == nil:
				t.Fatalf("accepted: %v", err)
			case tt.wantLine > 0 && sizeErr.Pos.Line != tt.wantLine:
				t.Errorf("reported at %v, want line %d", sizeErr.Pos, tt.wantLine)
			}
		})
	}
}

func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := spec.Load(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
	var re *spec.ReadError
	if _, err := spec.Load(dir); !errors.As(err, &re) || !strings.Contains(err.Error(), "is a folder without a device.yaml") {
		t.Errorf("directory without a spec: %v", err)
	}
	p := filepath.Join(dir, "device.yaml")
	if err := os.WriteFile(p, []byte(base+streams), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := spec.Load(p)
	if err != nil || s.File != p {
		t.Errorf("Load(%s) = %v, %v", p, s, err)
	}
	// The folder `docgen init DIR` made stands for DIR/device.yaml.
	s, err = spec.Load(dir)
	if err != nil || s.File != p {
		t.Errorf("Load(%s) = %v, %v; want the spec %s", dir, s, err, p)
	}
}

// TestSkeletonLoads checks that the `docgen init` skeleton is a valid spec
// that names every field of the model, so it really shows every section.
func TestSkeletonLoads(t *testing.T) {
	data, err := templates.FS.ReadFile("init/device.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := spec.Parse("device.yaml", data); err != nil {
		t.Fatalf("skeleton does not load:\n%v", err)
	}
	text := string(data)
	for _, name := range yamlx.StructFields(reflectTypeOfSpec()).Names() {
		if !strings.Contains(text, "\n"+name+":") {
			t.Errorf("skeleton lacks top-level section %q", name)
		}
	}
	// Every field at any depth is shown, as a key or in a commented
	// example, except the deprecated ones.
	for path, name := range fieldNames(reflectTypeOfSpec(), "") {
		if !regexp.MustCompile(`[\s{,#]` + regexp.QuoteMeta(name) + `:`).MatchString(text) {
			t.Errorf("skeleton does not show the field %s", path)
		}
	}
}

// fieldNames returns the YAML field paths of t and below, with the field's
// own name, leaving out deprecated fields.
func fieldNames(t reflect.Type, prefix string) map[string]string {
	out := map[string]string{}
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return out
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" || !f.IsExported() || strings.HasPrefix(f.Tag.Get("doc"), "Deprecated") {
			continue
		}
		path := prefix + name
		out[path] = name
		for p, n := range fieldNames(f.Type, path+".") {
			out[p] = n
		}
	}
	return out
}

func TestPlaceholder(t *testing.T) {
	for s, want := range map[string]bool{
		"": true, "  ": true, "TODO": true, "todo: ask R&D": true, "TBD": true, "tbd.": true, "FIXME later": true, "...": true,
		"Todoist integration": false, "TBD-free text": false, "Windows": false,
		"N/A": true, "n/a": true, "NA": true, "Not applicable.": true, "To be defined": true, "to be determined": true,
		"-": true, "–": true, "?": true, "xxx": true, "None": false, "none": false, "Not applicable to the monitor, which has no network": false,
		"A - B": false, "Pending review by R&D": false,
	} {
		if got := spec.IsPlaceholder(s); got != want {
			t.Errorf("IsPlaceholder(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestPorts(t *testing.T) {
	s, err := spec.Parse("d.yaml", []byte("spec_version: 1\ninterfaces:\n  - {id: a, port: '80, 443'}\n  - {id: b, port: [1000-2000, 3000]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	a, b := s.Interfaces[0].Port, s.Interfaces[1].Port
	if a.String() != "80, 443" || b.String() != "1000-2000, 3000" {
		t.Errorf("ports = %q, %q", a, b)
	}
	if !b.Covers(spec.Ports{{Lo: 1500, Hi: 1600}}) || b.Covers(spec.Ports{{Lo: 1500, Hi: 2500}}) {
		t.Error("Covers is wrong")
	}
	if !a.Overlaps(spec.Ports{{Lo: 400, Hi: 500}}) || a.Overlaps(spec.Ports{{Lo: 81, Hi: 442}}) {
		t.Error("Overlaps is wrong")
	}
}

// TestTextEdgeCases covers the encodings people's editors produce: each is
// either accepted and read correctly, or refused with a clear message.
func TestTextEdgeCases(t *testing.T) {
	nfd := "Cafe\u0301 Me\u0301dical" // e + combining acute accent
	nfc := "Caf\u00e9 M\u00e9dical"   // precomposed é
	tests := []struct {
		name, src string
		wantName  string // "" means an error is expected
		wantErr   string
	}{
		{"byte-order mark", "\ufeffspec_version: 1\ndevice: {name: Monitor}\n", "Monitor", ""},
		{"CRLF line ends", "spec_version: 1\r\ndevice:\r\n  name: Monitor\r\n", "Monitor", ""},
		{"tab inside a value", "spec_version: 1\ndevice: {name: \"a\\tb\"}\n", "a\tb", ""},
		{"non-NFC text is normalised", "spec_version: 1\ndevice: {name: \"" + nfd + "\"}\n", nfc, ""},
		{"tab indentation", "spec_version: 1\ndevice:\n\tname: x\n", "", "d.yaml:3:1: YAML does not allow tabs for indentation"},
		{"invalid UTF-8", "spec_version: 1\ndevice: {name: \"a\xffb\"}\n", "", "d.yaml:2:18: the file is not valid UTF-8 (byte 0xFF here)"},
		{"Latin-1 file", "spec_version: 1\ndevice: {name: Caf\xe9}\n", "", "not valid UTF-8"},
		{"NUL byte", "spec_version: 1\ndevice: {name: \"a\x00b\"}\n", "", "YAML syntax error"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := spec.Parse("d.yaml", []byte(tc.src))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Device.Name != tc.wantName {
				t.Errorf("name %q, want %q", s.Device.Name, tc.wantName)
			}
		})
	}
}

// TestDeprecations checks the loader's table of deprecated forms: each is
// read with its current meaning and recorded with the rewrite docgen
// migrate applies.
func TestDeprecations(t *testing.T) {
	tests := []struct {
		name, src  string
		want       []spec.Deprecation
		internet   spec.InternetAccess
		internetAt string
	}{
		{"internet_required true", "spec_version: 1\nnetwork:\n  internet_required: true\n",
			[]spec.Deprecation{{Path: "network.internet_required", Old: "internet_required: true", New: "internet: required", Rewrite: spec.Rewrite{Key: "internet", Value: "required"}}}, spec.InternetRequired, "d.yaml:3:3"},
		{"internet_required false", "spec_version: 1\nnetwork: {internet_required: false}\n",
			[]spec.Deprecation{{Path: "network.internet_required", Old: "internet_required: false", New: "internet: none", Rewrite: spec.Rewrite{Key: "internet", Value: "none"}}}, spec.NoInternet, "d.yaml:2:11"},
		{"internet_required next to internet", "spec_version: 1\nnetwork: {internet: restricted, internet_required: false}\n",
			[]spec.Deprecation{{Path: "network.internet_required", Old: "internet_required: false", New: "internet: restricted", Rewrite: spec.Rewrite{Key: "internet", Value: "restricted", Drop: true}}}, spec.RestrictedInternet, "d.yaml:2:11"},
		{"user of a professional device", "spec_version: 1\nresponsibilities: [{activity: backups, responsible: [manufacturer, user], consulted: [user]}]\n",
			[]spec.Deprecation{
				{Path: "responsibilities[0].responsible[1]", Old: "user", New: "professional-user", Rewrite: spec.Rewrite{Value: "professional-user"}},
				{Path: "responsibilities[0].consulted[0]", Old: "user", New: "professional-user", Rewrite: spec.Rewrite{Value: "professional-user"}},
			}, "", ""},
		{"user of a lay device", "spec_version: 1\ndevice: {lay_users: true}\nenvironment: {required_controls: [{id: a, owner: user}]}\n",
			[]spec.Deprecation{{Path: "environment.required_controls[0].owner", Old: "user", New: "lay-user", Rewrite: spec.Rewrite{Value: "lay-user"}}}, "", ""},
		{"current forms", "spec_version: 2\nnetwork: {internet: none}\nresponsibilities: [{activity: backups, responsible: [lay-user]}]\n", nil, spec.NoInternet, "d.yaml:2:11"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := spec.Parse("d.yaml", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(s.Deprecations, tc.want) {
				t.Errorf("deprecations\n%+v\nwant\n%+v", s.Deprecations, tc.want)
			}
			if s.Network.Internet != tc.internet {
				t.Errorf("internet %q, want %q", s.Network.Internet, tc.internet)
			}
			// Findings about internet point at the line that states it.
			if p := s.Sources.Lookup("network.internet").String(); tc.internetAt != "" && p != tc.internetAt {
				t.Errorf("network.internet is at %s, want %s", p, tc.internetAt)
			}
		})
	}
}

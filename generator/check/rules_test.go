package check_test

import (
	"strings"
	"testing"
	"time"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/spec"
)

// net is the network part shared by the rule tests: a device in a clinical
// zone, a PACS server in a server zone, and a hospital workstation.
const net = `spec_version: 1
device: {name: T, regulation: MDR, class: IIa, networked: true}
document: {date: 2026-06-01}
network:
  zones:
    - {id: clinical, name: Clinical}
    - {id: servers, name: Servers}
  nodes:
    - {id: dev, name: Device, kind: device, zone: clinical}
    - {id: pacs, name: PACS, kind: server, zone: servers}
    - {id: ws, name: Workstation, kind: workstation, zone: clinical}
roles:
  - {id: admin, name: Admin}
`

var today = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// findings runs the default catalog on src and returns the unwaived
// findings of rule id.
func findings(t *testing.T, src, id string) []check.Finding {
	t.Helper()
	s, err := spec.Parse("device.yaml", []byte(src))
	if err != nil {
		t.Fatalf("spec does not load:\n%v", err)
	}
	c, err := catalog.Load(catalog.DefaultProfile)
	if err != nil {
		t.Fatal(err)
	}
	res := check.Run(s, []*catalog.Catalog{c}, check.Options{Today: today})
	var out []check.Finding
	for _, f := range res.Findings {
		if f.RuleID == id && !f.Waived {
			out = append(out, f)
		}
	}
	return out
}

func TestRules(t *testing.T) {
	tests := []struct {
		name string
		rule string
		yaml string
		want int    // number of findings of rule
		msg  string // substring of the first finding's message
	}{
		// NET-STREAM-RULE: every data stream has a firewall rule.
		{"stream with named rule", "NET-STREAM-RULE", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: DICOM-TLS, port: 2762, transport: tcp}]
firewall_rules: [{id: r1, direction: outbound, source: dev, destination: pacs, ports: 2762, protocol: tcp, action: allow, stream: s1}]
`, 0, ""},
		{"stream covered by zone rule and range", "NET-STREAM-RULE", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: DICOM-TLS, port: 2762, transport: tcp}]
firewall_rules: [{id: r1, direction: outbound, source: clinical, destination: servers, ports: 2700-2800, protocol: any, action: allow, rationale: zone policy}]
`, 0, ""},
		{"stream without rule", "NET-STREAM-RULE", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: DICOM-TLS, port: 2762, transport: tcp}]
`, 1, "data stream `s1` (DICOM-TLS, tcp/2762 from dev to pacs) has no firewall rule"},
		{"rule on wrong port", "NET-STREAM-RULE", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: DICOM-TLS, port: 2762, transport: tcp}]
firewall_rules: [{id: r1, direction: outbound, source: dev, destination: pacs, ports: 104, protocol: tcp, action: allow, stream: s1}]
`, 1, "`s1`"},
		{"rule with wrong transport", "NET-STREAM-RULE", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: syslog, port: 514, transport: udp}]
firewall_rules: [{id: r1, direction: outbound, source: dev, destination: pacs, ports: 514, protocol: tcp, action: allow, stream: s1}]
`, 1, ""},
		{"deny rule does not allow", "NET-STREAM-RULE", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: HTTPS, port: 443, transport: tcp}]
firewall_rules: [{id: r1, direction: outbound, source: dev, destination: pacs, ports: 443, protocol: tcp, action: deny, rationale: x}]
`, 1, ""},
		{"not networked", "NET-STREAM-RULE", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: HTTPS, port: 443, transport: tcp}]
device: {networked: false}
`, -1, ""},

		{"bluetooth stream needs no firewall rule", "NET-STREAM-RULE", `
data_streams: [{id: ble, source: dev, destination: ws, protocol: BLE GATT, transport: bluetooth-le, encryption: LE Secure Connections}]
`, 0, ""},

		// NET-STREAM-PORT: TCP and UDP streams name their port.
		{"tcp stream with port", "NET-STREAM-PORT", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: HTTPS, port: 443, transport: tcp}]
`, 0, ""},
		{"tcp stream without port", "NET-STREAM-PORT", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: HTTPS, transport: tcp}]
`, 1, "data stream `s1` uses tcp but names no port"},
		{"usb stream without port", "NET-STREAM-PORT", `
data_streams: [{id: s1, source: dev, destination: ws, protocol: Mass storage, transport: usb}]
`, 0, ""},

		// NET-RULE-PURPOSE: every rule serves a stream or says why.
		{"rule serves stream implicitly", "NET-RULE-PURPOSE", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: HTTPS, port: 443, transport: tcp}]
firewall_rules: [{id: r1, direction: inbound, source: ws, destination: dev, ports: 443, protocol: tcp, action: allow}]
`, 0, ""},
		{"deny-all with rationale", "NET-RULE-PURPOSE", `
firewall_rules: [{id: deny-all, direction: inbound, source: any, destination: dev, protocol: any, action: deny, rationale: Default deny}]
`, 0, ""},
		{"rule without purpose", "NET-RULE-PURPOSE", `
firewall_rules: [{id: r9, direction: inbound, source: ws, destination: dev, ports: 3389, protocol: tcp, action: allow}]
`, 1, "firewall rule `r9` serves no declared data stream"},
		{"rule names stream it does not match", "NET-RULE-PURPOSE", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: HTTPS, port: 443, transport: tcp}]
firewall_rules: [{id: r1, direction: inbound, source: ws, destination: dev, ports: 8443, protocol: tcp, action: allow, stream: s1}]
`, 1, "names data stream `s1` but does not match"},
		{"placeholder rationale does not count", "NET-RULE-PURPOSE", `
firewall_rules: [{id: r9, direction: inbound, source: ws, destination: dev, ports: 3389, protocol: tcp, action: allow, rationale: TODO}]
`, 1, ""},

		// NET-CLEARTEXT: cleartext protocols need a justification.
		{"dicom over tls", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: DICOM, port: 2762, transport: tcp, encryption: TLS 1.2}]
`, 0, ""},
		{"dicom cleartext", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: DICOM, port: 104, transport: tcp}]
`, 1, "data stream `s1` uses DICOM without encryption"},
		{"hl7 cleartext justified", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: HL7, port: 2575, transport: tcp, encryption: none, justification: Isolated VLAN; the RIS does not support TLS.}]
`, 0, ""},
		{"telnet", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: Telnet, port: 23, transport: tcp}]
`, 1, "Telnet"},
		{"snmpv2c", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: SNMPv2c, port: 161, transport: udp}]
`, 1, ""},
		{"snmpv3", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: SNMPv3, port: 161, transport: udp}]
`, 0, ""},
		{"http", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: HTTP, port: 80, transport: tcp}]
`, 1, ""},
		{"https", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: HTTPS, port: 443, transport: tcp}]
`, 0, ""},
		{"explicit none on any protocol", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: NTP, port: 123, transport: udp, encryption: none}]
`, 1, ""},
		{"ftp interface", "NET-CLEARTEXT", `
interfaces: [{id: ftp, name: FTP, kind: network, port: 21, transport: tcp, service: FTP, direction: in, default_enabled: true}]
`, 1, "interface `ftp` uses FTP"},
		{"disabled telnet interface", "NET-CLEARTEXT", `
interfaces: [{id: tn, name: Telnet, kind: network, port: 23, transport: tcp, service: Telnet, direction: in, default_enabled: false}]
`, 0, ""},

		// NET-INBOUND-ANY: inbound from any needs a justification.
		{"inbound from zone", "NET-INBOUND-ANY", `
firewall_rules: [{id: r1, direction: inbound, source: clinical, destination: dev, ports: 443, protocol: tcp, action: allow, rationale: x}]
`, 0, ""},
		{"inbound from any", "NET-INBOUND-ANY", `
firewall_rules: [{id: r1, direction: inbound, source: any, destination: dev, ports: 443, protocol: tcp, action: allow, rationale: x}]
`, 1, "allows inbound traffic from any source to dev (tcp/443)"},
		{"inbound from any justified", "NET-INBOUND-ANY", `
firewall_rules: [{id: r1, direction: inbound, source: any, destination: dev, ports: 443, protocol: tcp, action: allow, rationale: x, justification: Mobile clients roam across all hospital subnets.}]
`, 0, ""},
		{"inbound deny from any", "NET-INBOUND-ANY", `
firewall_rules: [{id: r1, direction: inbound, source: any, destination: dev, protocol: any, action: deny, rationale: default deny}]
`, 0, ""},
		{"outbound to any", "NET-INBOUND-ANY", `
firewall_rules: [{id: r1, direction: outbound, source: dev, destination: any, ports: 443, protocol: tcp, action: allow, rationale: x}]
`, 0, ""},

		// ADM-DEFAULT-ACCOUNT: default accounts change or are justified.
		{"default account must change", "ADM-DEFAULT-ACCOUNT", `
accounts: [{name: service, type: service, role: admin, default: true, must_change: true}]
`, 0, ""},
		{"default account not forced", "ADM-DEFAULT-ACCOUNT", `
accounts: [{name: service, type: service, role: admin, default: true}]
`, 1, "default account `service` is not forced to change"},
		{"default account must_change false", "ADM-DEFAULT-ACCOUNT", `
accounts: [{name: service, type: service, role: admin, default: true, must_change: false}]
`, 1, ""},
		{"default account justified", "ADM-DEFAULT-ACCOUNT", `
accounts: [{name: kiosk, type: interactive, role: admin, default: true, must_change: false, justification: Kiosk account without privileges; login only on the local console.}]
`, 0, ""},
		{"named account", "ADM-DEFAULT-ACCOUNT", `
accounts: [{name: alice, type: interactive, role: admin}]
`, 0, ""},

		// PLAT-EOS: platform not past end of support.
		{"supported os", "PLAT-EOS", `
platform: {os: [{name: Windows 11 IoT Enterprise LTSC 2024, versions: ["24H2"], end_of_support: 2034-10-10}]}
`, 0, ""},
		{"os past end of support", "PLAT-EOS", `
platform: {os: [{name: Windows 10 Enterprise, versions: ["22H2"], end_of_support: 2025-10-14}]}
`, 1, "operating system `Windows 10 Enterprise` reached end of support on 2025-10-14, before the document date 2026-06-01"},
		{"middleware past end of support", "PLAT-EOS", `
platform: {middleware: [{name: .NET 6, versions: ["6.0"], end_of_support: 2024-11-12}]}
`, 1, "middleware `.NET 6`"},
		{"admin workstation os past end of support", "PLAT-EOS", `
platform: {admin_workstation: {os: [{name: Windows 8.1, end_of_support: 2023-01-10}]}}
`, 1, "administration workstation operating system"},
		{"end of support on document date", "PLAT-EOS", `
platform: {os: [{name: X, end_of_support: 2026-06-01}]}
`, 0, ""},

		// NET-RULE-CONFLICT and NET-RULE-DUPLICATE.
		{"no conflict on other ports", "NET-RULE-CONFLICT", `
firewall_rules:
  - {id: a, direction: inbound, source: ws, destination: dev, ports: 443, protocol: tcp, action: allow, rationale: x}
  - {id: b, direction: inbound, source: ws, destination: dev, ports: 80, protocol: tcp, action: deny, rationale: x}
`, 0, ""},
		{"conflicting rules", "NET-RULE-CONFLICT", `
firewall_rules:
  - {id: a, direction: inbound, source: ws, destination: dev, ports: 443, protocol: tcp, action: allow, rationale: x}
  - {id: b, direction: inbound, source: ws, destination: dev, ports: 400-500, protocol: any, action: deny, rationale: x}
`, 1, "firewall rules `b` (deny) and `a` (allow) match the same inbound traffic from ws to dev"},
		{"broader deny-all is not a conflict", "NET-RULE-CONFLICT", `
firewall_rules:
  - {id: a, direction: inbound, source: ws, destination: dev, ports: 443, protocol: tcp, action: allow, rationale: x}
  - {id: b, direction: inbound, source: any, destination: dev, protocol: any, action: deny, rationale: default deny}
`, 0, ""},
		{"duplicate rules", "NET-RULE-DUPLICATE", `
firewall_rules:
  - {id: a, direction: inbound, source: ws, destination: dev, ports: 443, protocol: tcp, action: allow, rationale: x}
  - {id: b, direction: inbound, source: ws, destination: dev, ports: 443, protocol: tcp, action: allow, rationale: y}
`, 1, "firewall rule `b` repeats rule `a`"},
		{"distinct rules", "NET-RULE-DUPLICATE", `
firewall_rules:
  - {id: a, direction: inbound, source: ws, destination: dev, ports: 443, protocol: tcp, action: allow, rationale: x}
  - {id: b, direction: inbound, source: ws, destination: dev, ports: 8443, protocol: tcp, action: allow, rationale: y}
`, 0, ""},

		// NET-UNUSED-PORT: enabled ports are used.
		{"enabled port used", "NET-UNUSED-PORT", `
interfaces: [{id: https, name: HTTPS, kind: network, port: 443, transport: tcp, service: HTTPS, direction: in, default_enabled: true}]
data_streams: [{id: s1, source: ws, destination: dev, protocol: HTTPS, port: 443, transport: tcp}]
`, 0, ""},
		{"enabled port unused", "NET-UNUSED-PORT", `
interfaces: [{id: ssh, name: SSH, kind: network, port: 22, transport: tcp, service: SSH, direction: in, default_enabled: true}]
`, 1, "interface `ssh` (tcp/22) is enabled by default but no data stream uses it"},
		{"disabled port unused", "NET-UNUSED-PORT", `
interfaces: [{id: ssh, name: SSH, kind: network, port: 22, transport: tcp, service: SSH, direction: in, default_enabled: false}]
`, 0, ""},

		// ADM-SBOM-FILE: the SBOM file exists.
		{"sbom file missing", "ADM-SBOM-FILE", `
sbom: {path: no-such-sbom.json, format: CycloneDX 1.6 JSON}
`, 1, "the SBOM file no-such-sbom.json does not exist"},
		{"sbom file exists", "ADM-SBOM-FILE", `
sbom: {path: rules_test.go, format: CycloneDX 1.6 JSON}
`, 0, ""},

		// RESP-*: the responsibility matrix.
		{"known activity override", "RESP-ACTIVITY", `
responsibilities: [{activity: backups, responsible: [manufacturer]}]
`, 0, ""},
		{"typo in activity", "RESP-ACTIVITY", `
responsibilities: [{activity: bakups, responsible: [manufacturer]}]
`, 1, "responsibility entry `bakups` names no default activity, did you mean `backups`?"},
		{"new activity with title", "RESP-ACTIVITY", `
responsibilities: [{activity: key-rotation, title: Rotating certificates, responsible: [operator]}]
`, 0, ""},
		{"duty with owner", "RESP-OWNER", "", 0, ""},
		{"duty without owner", "RESP-OWNER", `
responsibilities: [{activity: backups, responsible: []}]
`, 1, "nobody is responsible for `backups`"},
		{"lay defaults have no operator duty", "RESP-LAY-OPERATOR", `
device: {lay_users: true}
`, 0, ""},
		{"lay device with operator duty", "RESP-LAY-OPERATOR", `
device: {lay_users: true}
responsibilities: [{activity: backups, responsible: [operator]}]
`, 1, "`backups` (Backing up data and configuration, and testing restores) is assigned to operator, but the device is used by lay persons"},
		{"professional device with operator duty", "RESP-LAY-OPERATOR", `
responsibilities: [{activity: backups, responsible: [operator]}]
`, 0, ""},

		// ENV-CONTROL-OWNER: relied-on environment controls have an owner.
		{"control with owner", "ENV-CONTROL-OWNER", `
environment: {required_controls: [{id: fw, description: Firewall, relied_on: true, owner: operator}]}
`, 0, ""},
		{"relied-on control without owner", "ENV-CONTROL-OWNER", `
environment: {required_controls: [{id: fw, description: Firewall, relied_on: true}]}
`, 1, "the device relies on environment control `fw`, but it has no `owner:`"},
		{"operator control on a lay device", "ENV-CONTROL-OWNER", `
device: {lay_users: true}
environment: {required_controls: [{id: wifi, description: Home Wi-Fi with WPA3, relied_on: true, owner: operator}]}
`, 1, "is owned by the operator, but the device is used by lay persons"},

		// SPEC-WAIVER: waivers name known rules, are used and current.
		{"waiver used", "SPEC-WAIVER", `
waivers: [{rule: IFU-FAILSAFE, rationale: No critical function.}]
`, 0, ""},
		{"waiver for unknown rule", "SPEC-WAIVER", `
waivers: [{rule: IFU-FAILSAF, rationale: typo}]
`, 1, "waiver names rule `IFU-FAILSAF`, which no active catalog defines, did you mean `IFU-FAILSAFE`?"},
		{"waiver expired", "SPEC-WAIVER", `
waivers: [{rule: IFU-FAILSAFE, rationale: No critical function., expires: 2026-01-01}]
`, 1, "expired on 2026-01-01"},
		{"waiver unused", "SPEC-WAIVER", `
waivers: [{rule: NET-CLEARTEXT, rationale: nothing to waive}]
`, 1, "matches no finding"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := net + tc.yaml
			switch {
			case strings.Contains(tc.yaml, "device: {networked: false}"):
				src = strings.Replace(net, "networked: true", "networked: false", 1) + strings.Replace(tc.yaml, "device: {networked: false}\n", "", 1)
			case strings.Contains(tc.yaml, "device: {lay_users: true}"):
				src = strings.Replace(net, "networked: true", "networked: true, lay_users: true", 1) + strings.Replace(tc.yaml, "device: {lay_users: true}\n", "", 1)
			}
			got := findings(t, src, tc.rule)
			if tc.want < 0 { // not applicable
				if len(got) != 0 {
					t.Errorf("rule should not apply, got %v", got)
				}
				return
			}
			if len(got) != tc.want {
				t.Fatalf("got %d findings of %s, want %d: %+v", len(got), tc.rule, tc.want, got)
			}
			if tc.want > 0 {
				f := got[0]
				if tc.msg != "" && !strings.Contains(f.Message, tc.msg) {
					t.Errorf("message %q does not contain %q", f.Message, tc.msg)
				}
				// SPEC-WAIVER is docgen's own rule: no regulation provides for
				// waivers, so it cites no clause.
				if f.Pos.Line == 0 || f.Pos.File != "device.yaml" || (len(f.Clauses) == 0) != (f.RuleID == "SPEC-WAIVER") || f.Severity == "" {
					t.Errorf("finding lacks position, clauses or severity: %+v", f)
				}
			}
		})
	}
}

func TestWaiverWaivesFinding(t *testing.T) {
	src := net + `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: DICOM, port: 104, transport: tcp}]
waivers: [{rule: NET-CLEARTEXT, path: "data_streams[0]", rationale: Legacy modality; isolated VLAN., approved_by: RA}]
`
	s, err := spec.Parse("device.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := catalog.Load(catalog.DefaultProfile)
	res := check.Run(s, []*catalog.Catalog{c}, check.Options{Today: today})
	var waived int
	for _, f := range res.Findings {
		if f.RuleID == "NET-CLEARTEXT" {
			if !f.Waived || f.Rationale != "Legacy modality; isolated VLAN." {
				t.Errorf("finding not waived: %+v", f)
			}
			waived++
		}
	}
	if waived != 1 || res.Summary.Waived < 1 {
		t.Errorf("waived findings = %d, summary %+v", waived, res.Summary)
	}
	for _, o := range res.Outcomes {
		if o.ID == "NET-CLEARTEXT" && o.Status != check.Waived {
			t.Errorf("outcome status %s, want waived", o.Status)
		}
	}
}

// TestRevisionInHistory: the revision history has an entry for the current
// revision, and for an IVDR device a revised issue says what changed.
func TestRevisionInHistory(t *testing.T) {
	const ivdrClass = "regulation: IVDR, class: B"
	tests := []struct {
		name     string
		device   string // regulation and class
		document string
		want     int
		msg      string
		line     int
	}{
		{"no history", "", `{revision: C, date: 2026-06-01}`, 0, "", 0},
		{"current revision in history", "", `
  revision: C
  history:
    - {revision: B, date: 2025-01-01, changes: First issue.}
    - {revision: c, date: 2026-06-01}`, 0, "", 0},
		{"current revision missing", "", `
  revision: C
  history:
    - {revision: A, date: 2024-01-01, changes: First issue.}
    - {revision: B, date: 2025-01-01, changes: New ports.}`, 1,
			"the revision history has no entry for the current revision `C`; add one to document.history", 4},
		{"IVDR: revised issue without changes", ivdrClass, `
  revision: "05"
  history:
    - {revision: "04", date: 2025-01-01, changes: First issue.}
    - {revision: "05", date: 2026-06-01, changes: TBD}`, 1,
			"the history entry for revision `05` does not say what changed", 7},
		{"IVDR: first issue needs no changes", ivdrClass, `
  revision: "01"
  history:
    - {revision: "01", date: 2026-06-01}`, 0, "", 0},
		{"MDR: revised issue without changes", "", `
  revision: "05"
  history:
    - {revision: "04", date: 2025-01-01, changes: First issue.}
    - {revision: "05", date: 2026-06-01}`, 0, "", 0},
		{"IVDR: current revision missing", ivdrClass, `
  revision: "06"
  history:
    - {revision: "05", date: 2026-06-01, changes: First issue.}`, 1, "no entry for the current revision `06`", 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dev := "regulation: MDR, class: IIa"
			if tc.device != "" {
				dev = tc.device
			}
			src := "spec_version: 1\ndevice: {name: T, " + dev + "}\ndocument: " + tc.document + "\n"
			got := findings(t, src, "IFU-REVISION-HISTORY")
			if len(got) != tc.want {
				t.Fatalf("got %d findings, want %d: %+v", len(got), tc.want, got)
			}
			if tc.want == 0 {
				return
			}
			f := got[0]
			if !strings.Contains(f.Message, tc.msg) || f.Pos.Line != tc.line || f.Severity != catalog.Error {
				t.Errorf("finding %s at line %d (%s), want %q at line %d", f.Message, f.Pos.Line, f.Severity, tc.msg, tc.line)
			}
			wantClause := "MDR Annex I 23.4(y)"
			if tc.device == ivdrClass {
				wantClause = "IVDR Annex I 20.4.1(ae)"
			}
			if len(f.Clauses) != 1 || f.Clauses[0] != wantClause {
				t.Errorf("clauses %v, want %s", f.Clauses, wantClause)
			}
		})
	}
}

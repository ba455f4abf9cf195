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
`, 1, "data stream `s1` carries DICOM in clear; use DICOM TLS on port 2762"},
		{"hl7 cleartext justified", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: HL7, port: 2575, transport: tcp, encryption: none, justification: Isolated VLAN; the RIS does not support TLS.}]
`, 0, ""},
		{"telnet", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: Telnet, port: 23, transport: tcp}]
`, 1, "Telnet"},
		{"snmpv2c", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: SNMPv2c, port: 161, transport: udp}]
`, 1, ""},
		{"snmpv3 without its security level", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: SNMPv3, port: 161, transport: udp}]
`, 1, "use the authPriv security level"},
		{"snmpv3 authPriv", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: SNMPv3, port: 161, transport: udp, snmp: {version: v3, security_level: authPriv}}]
`, 0, ""},
		{"snmpv3 authNoPriv", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: SNMP, port: 161, transport: udp, snmp: {version: v3, security_level: authNoPriv}}]
`, 1, "SNMP v3 authNoPriv in clear; use the authPriv security level"},
		{"snmpv2c", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: SNMP, port: 161, transport: udp, snmp: {version: v2c}}]
`, 1, ""},
		{"telnet with ssh", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: "Telnet, SSH", port: "22-23", transport: tcp, encryption: SSH}]
`, 1, "carries Telnet in clear"},
		{"optional tls is not encryption", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: HL7 MLLP, port: 2575, transport: tcp, encryption: TLS (optional)}]
`, 1, "HL7 v2 MLLP"},
		{"dicom c-store with tls", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: DICOM C-STORE, port: 104, transport: tcp, encryption: TLS 1.2}]
`, 0, ""},
		{"smb without encryption", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: SMB, port: 445, transport: tcp, encryption: none}]
`, 1, "SMB 3 with encryption"},
		{"weak tls", "NET-CLEARTEXT", `
data_streams: [{id: s1, source: ws, destination: dev, protocol: HTTPS, port: 443, transport: tcp, encryption: TLS 1.0}]
`, 1, "weak encryption (TLS 1.0)"},
		{"vnc inside an encrypted tunnel", "NET-CLEARTEXT", `
data_streams:
  - {id: tun, source: ws, destination: dev, protocol: HTTPS, port: 443, transport: tcp, encryption: TLS 1.3}
  - {id: vnc, source: ws, destination: dev, protocol: VNC, port: 5900, transport: tcp, tunnel: tun}
`, 0, ""},
		{"vnc inside a cleartext tunnel", "NET-CLEARTEXT", `
data_streams:
  - {id: tun, source: ws, destination: dev, protocol: HTTP, port: 80, transport: tcp, justification: isolated service LAN}
  - {id: vnc, source: ws, destination: dev, protocol: VNC, port: 5900, transport: tcp, tunnel: tun}
`, 1, "carries VNC in clear"},
		{"ntp over tcp", "NET-PROTOCOL-TRANSPORT", `
data_streams: [{id: s1, source: dev, destination: ws, protocol: NTP, port: 123, transport: tcp}]
`, 1, "NTP over tcp, but NTP runs over udp"},
		{"dicom over udp", "NET-PROTOCOL-TRANSPORT", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: DICOM, port: 104, transport: udp}]
`, 1, ""},
		{"atna syslog over udp", "NET-PROTOCOL-TRANSPORT", `
data_streams: [{id: s1, source: dev, destination: ws, protocol: ATNA syslog, port: 514, transport: udp}]
`, 1, "IHE ATNA audit syslog"},
		{"ntp over udp", "NET-PROTOCOL-TRANSPORT", `
data_streams: [{id: s1, source: dev, destination: ws, protocol: NTP, port: 123, transport: udp}]
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
`, 1, "interface `ftp` carries FTP in clear"},
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
		{"deny before the allow it covers", "NET-RULE-CONFLICT", `
firewall_rules:
  - {id: b, direction: inbound, source: ws, destination: dev, ports: 400-500, protocol: any, action: deny, rationale: x}
  - {id: a, direction: inbound, source: ws, destination: dev, ports: 443, protocol: tcp, action: allow, rationale: x}
`, 1, "firewall rule `a` (allow) never applies: `b` before it match all of its traffic and do the opposite"},
		{"specific allow before a broader deny is no conflict", "NET-RULE-CONFLICT", `
firewall_rules:
  - {id: a, direction: inbound, source: ws, destination: dev, ports: 443, protocol: tcp, action: allow, rationale: x}
  - {id: b, direction: inbound, source: ws, destination: dev, ports: 400-500, protocol: any, action: deny, rationale: x}
`, 0, ""},
		{"deny covered by two earlier allows", "NET-RULE-CONFLICT", `
firewall_rules:
  - {id: a, direction: inbound, source: ws, destination: dev, ports: 1-1000, protocol: tcp, action: allow, rationale: x}
  - {id: c, direction: inbound, source: clinical, destination: dev, ports: 1001-2000, protocol: tcp, action: allow, rationale: x}
  - {id: b, direction: inbound, source: ws, destination: dev, ports: 500-1500, protocol: tcp, action: deny, rationale: x}
`, 1, "`a`, `c` before it"},
		{"broader deny-all is not a conflict", "NET-RULE-CONFLICT", `
firewall_rules:
  - {id: a, direction: inbound, source: ws, destination: dev, ports: 443, protocol: tcp, action: allow, rationale: x}
  - {id: b, direction: inbound, source: any, destination: dev, protocol: any, action: deny, rationale: default deny}
`, 0, ""},
		{"duplicate rules", "NET-RULE-DUPLICATE", `
firewall_rules:
  - {id: a, direction: inbound, source: ws, destination: dev, ports: 443, protocol: tcp, action: allow, rationale: x}
  - {id: b, direction: inbound, source: ws, destination: dev, ports: 443, protocol: tcp, action: allow, rationale: y}
`, 1, "firewall rule `b` never applies: `a` before it already allow all of its traffic"},
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
		// Stream traffic against the ordered rule set.
		{"stream allowed before default deny", "NET-STREAM-RULE", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: DICOM TLS, port: 2762, transport: tcp}]
firewall_rules:
  - {id: a, direction: outbound, source: dev, destination: pacs, ports: 2762, protocol: tcp, action: allow, stream: s1}
  - {id: d, direction: outbound, source: any, destination: any, protocol: any, action: deny, rationale: default deny}
`, 0, ""},
		{"stream blocked by an earlier deny", "NET-STREAM-RULE", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: DICOM TLS, port: 2762, transport: tcp}]
firewall_rules:
  - {id: d, direction: outbound, source: any, destination: any, protocol: any, action: deny, rationale: default deny}
  - {id: a, direction: outbound, source: dev, destination: pacs, ports: 2762, protocol: tcp, action: allow, stream: s1}
`, 1, "is blocked at 2762 by `d`, which the firewall applies first"},
		{"stream off as delivered needs no rule", "NET-STREAM-RULE", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: DICOM, port: 104, transport: tcp, default_enabled: false, condition: only when query/retrieve is used, justification: x}]
`, 0, ""},
		{"both-way stream needs the way back", "NET-STREAM-RULE", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: DICOM TLS, port: 2762, source_port: 2762, transport: tcp, direction: both}]
firewall_rules:
  - {id: a, direction: outbound, source: dev, destination: pacs, ports: 2762, protocol: tcp, action: allow, stream: s1}
`, 1, "from pacs to dev) has no firewall rule that allows port 2762"},
		{"both-way stream with both rules", "NET-STREAM-RULE", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: DICOM TLS, port: 2762, source_port: 2762, transport: tcp, direction: both}]
firewall_rules:
  - {id: a, direction: outbound, source: dev, destination: pacs, ports: 2762, protocol: tcp, action: allow, stream: s1}
  - {id: b, direction: inbound, source: pacs, destination: dev, ports: 2762, protocol: tcp, action: allow, stream: s1}
`, 0, ""},
		{"both-way stream with ephemeral source ports on the rules", "NET-RULE-PURPOSE", `
data_streams: [{id: s1, source: dev, destination: pacs, protocol: DICOM TLS, port: 2762, source_port: 2762, transport: tcp, direction: both}]
firewall_rules:
  - {id: a, direction: outbound, source: dev, source_ports: 49152-65535, destination: pacs, ports: 2762, protocol: tcp, action: allow, stream: s1}
  - {id: b, direction: inbound, source: pacs, source_ports: 1024-65535, destination: dev, ports: 2762, protocol: tcp, action: allow, stream: s1}
`, 0, ""},
		{"stream inside a tunnel passes with it", "NET-STREAM-RULE", `
data_streams:
  - {id: tun, source: dev, destination: pacs, protocol: HTTPS, port: 443, transport: tcp, encryption: TLS 1.3}
  - {id: rdp, source: pacs, destination: dev, protocol: RDP, port: 3389, transport: tcp, tunnel: tun}
firewall_rules: [{id: a, direction: outbound, source: dev, destination: pacs, ports: 443, protocol: tcp, action: allow, stream: tun}]
`, 0, ""},
		{"icmp echo only", "NET-STREAM-RULE", `
data_streams: [{id: ping, source: ws, destination: dev, protocol: ICMP, transport: icmp}]
firewall_rules: [{id: e, direction: inbound, source: ws, destination: dev, protocol: icmp, icmp_types: [echo-request], action: allow, stream: ping}]
`, 1, "has no firewall rule that allows ICMP echo-reply"},
		{"source ports of the stream covered", "NET-STREAM-RULE", `
data_streams: [{id: snmp, source: dev, destination: pacs, protocol: SNMP, port: 161, source_port: 1024-65535, transport: udp, snmp: {version: v3, security_level: authPriv}}]
firewall_rules: [{id: s, direction: outbound, source: dev, destination: pacs, source_ports: 1024-65535, ports: 161, protocol: udp, action: allow, stream: snmp}]
`, 0, ""},
		{"source ports of the stream not covered", "NET-STREAM-RULE", `
data_streams: [{id: snmp, source: dev, destination: pacs, protocol: SNMP, port: 161, source_port: 161, transport: udp, snmp: {version: v3, security_level: authPriv}}]
firewall_rules: [{id: s, direction: outbound, source: dev, destination: pacs, source_ports: 1024-65535, ports: 161, protocol: udp, action: allow, stream: snmp}]
`, 1, ""},
		{"inbound icmp from anywhere", "NET-ICMP-ALL", `
firewall_rules: [{id: i, direction: inbound, source: any, destination: dev, protocol: icmp, action: allow, rationale: ping, justification: monitoring}]
`, 1, "every ICMP type"},
		{"inbound echo from anywhere", "NET-ICMP-ALL", `
firewall_rules: [{id: i, direction: inbound, source: any, destination: dev, protocol: icmp, icmp_types: [echo-request], action: allow, rationale: ping, justification: monitoring}]
`, 0, ""},

		// Crypto and links.
		{"tls none", "CRYPTO-TLS", "crypto: {tls_min: none}\n", 1, "must be 1.2 or 1.3"},
		{"tls 1.0", "CRYPTO-TLS", "crypto: {tls_min: \"1.0\"}\n", 1, ""},
		{"tls 1.2 with 1.2 suites", "CRYPTO-TLS", "crypto: {tls_min: \"1.2\", ciphers: [ECDHE-RSA-AES256-GCM-SHA384, TLS_AES_256_GCM_SHA384]}\n", 0, ""},
		{"tls 1.3 with 1.2 suites", "CRYPTO-TLS", "crypto: {tls_min: \"1.3\", ciphers: [TLS_AES_256_GCM_SHA384, ECDHE-RSA-AES256-GCM-SHA384]}\n", 1, "only TLS 1.2 and earlier use: ECDHE-RSA-AES256-GCM-SHA384"},
		{"weak suite", "CRYPTO-TLS", "crypto: {tls_min: \"1.2\", ciphers: [ECDHE-RSA-AES256-GCM-SHA384, TLS_RSA_WITH_3DES_EDE_CBC_SHA]}\n", 1, "weak cipher suites"},
		{"open wi-fi", "NET-WIFI", "interfaces: [{id: w, name: Wi-Fi, kind: wifi, wifi: {security: open}}]\n", 1, "uses open"},
		{"wpa3 wi-fi", "NET-WIFI", "interfaces: [{id: w, name: Wi-Fi, kind: wifi, wifi: {security: wpa3-enterprise, eap: [EAP-TLS]}}]\n", 0, ""},

		// Facts and free text.
		{"placeholder", "TEXT-PLACEHOLDER", "updates: {channel: TBD, integrity: N/A, notification: \"-\", steps: [To be defined]}\n", 4, "is only the placeholder"},
		{"none is content", "TEXT-PLACEHOLDER", "data_streams: [{id: s1, source: dev, destination: pacs, protocol: DICOM TLS, port: 2762, transport: tcp, authentication: None}]\n", 0, ""},
		{"support ends before end of life", "SUPPORT-EOL", "support: {end_of_support: 2033-12-31, end_of_life: 2040-12-31}\n", 1, "before the end of life on 2040-12-31"},
		{"support until end of life", "SUPPORT-EOL", "support: {end_of_support: 2033-12-31, end_of_life: 2033-12-31}\n", 0, ""},
		{"anti-malware list though unsupported", "ADM-ANTIMALWARE", "antimalware: {supported: false, approved: [Defender]}\n", 1, ""},
		{"text asks for anti-malware", "TEXT-ANTIMALWARE", "antimalware: {supported: false}\ninstallation: {steps: [Install the hospital anti-virus software.]}\n", 1, "says \"Install the hospital anti-virus\""},
		{"text asks for anti-malware, supported", "TEXT-ANTIMALWARE", "antimalware: {supported: true}\ninstallation: {steps: [Install the hospital anti-virus software.]}\n", 0, ""},
		{"text joins the domain", "TEXT-DOMAIN-JOIN", "authentication: {domain_join: false}\nresponsibilities: [{activity: secure-integration, notes: The integrator joins it to the domain.}]\n", 1, "joins it to the domain"},
		{"text updates from wsus", "TEXT-OS-UPDATES", "updates: {direct_os_updates: false}\nresponsibilities: [{activity: patch-installation, notes: Updates are installed through the hospital's WSUS.}]\n", 1, "through the hospital's WSUS"},
		{"signatures from wsus", "TEXT-OS-UPDATES", "updates: {direct_os_updates: false}\nresponsibilities: [{activity: anti-malware, notes: Defender signatures come through the hospital's WSUS.}]\n", 0, ""},
		{"text installs automatically", "TEXT-AUTO-UPDATE", "updates: {automatic: false}\nresponsibilities: [{activity: patch-installation, notes: Firmware installs automatically while charging.}]\n", 1, "installs automatically"},
		{"this document", "TEXT-THIS-DOCUMENT", "environment: {assumptions: [The firewall rules of this document are enforced.]}\n", 1, "says \"of this document\""},
		{"risk transfer", "TEXT-RISK-TRANSFER", "support: {post_eos: After end of support the operator takes over the residual risk.}\n", 1, "takes over the residual risk"},
		{"deprecated value", "SPEC-DEPRECATED", "responsibilities: [{activity: backups, responsible: [user]}]\n", 1, "`user` is deprecated and still read with the same meaning; write `professional-user`"},
		{"known ended platform", "PLAT-KNOWN-EOS", "platform: {os: [{name: Windows 10 Enterprise, versions: [22H2]}]}\n", 1, "whose security support by its supplier ended on 2025-10-14"},
		{"ltsc is not ended", "PLAT-KNOWN-EOS", "platform: {os: [{name: Windows 10 IoT Enterprise LTSC 2021, versions: [21H2]}]}\n", 0, ""},
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
				// SPEC-WAIVER and SPEC-DEPRECATED are docgen's own rules: no
				// regulation provides for waivers or spec formats, so they cite
				// no clause.
				toolRule := f.RuleID == "SPEC-WAIVER" || f.RuleID == "SPEC-DEPRECATED"
				if f.Pos.Line == 0 || f.Pos.File != "device.yaml" || (len(f.Clauses) == 0) != toolRule || f.Severity == "" {
					t.Errorf("finding lacks position, clauses or severity: %+v", f)
				}
			}
		})
	}
}

// TestLayDuties covers who can be responsible for what when lay users use
// the device, with and without a healthcare organisation in the system.
func TestLayDuties(t *testing.T) {
	for _, tc := range []struct {
		name, device, yaml, rule string
		want                     int
	}{
		{"operator duty, lay only", "lay_users: true", "responsibilities: [{activity: backups, responsible: [operator]}]", "RESP-LAY-OPERATOR", 1},
		{"operator duty, lay and clinic", "lay_users: true, professional_operator: true", "responsibilities: [{activity: backups, responsible: [operator]}]", "RESP-LAY-OPERATOR", 0},
		{"lay user firewalls", "lay_users: true, professional_operator: true", "responsibilities: [{activity: firewall-segmentation, responsible: [lay-user]}]", "RESP-LAY-OPERATOR", 1},
		{"format-1 user firewalls at home", "lay_users: true", "responsibilities: [{activity: firewall-segmentation, responsible: [user]}]", "RESP-LAY-OPERATOR", 1},
		{"defaults for lay and clinic", "lay_users: true, professional_operator: true", "", "RESP-LAY-OPERATOR", 0},
		{"operator control, lay only", "lay_users: true", "environment: {required_controls: [{id: c, description: x, owner: operator, relied_on: true}]}", "ENV-CONTROL-OWNER", 1},
		{"operator control, lay and clinic", "lay_users: true, professional_operator: true", "environment: {required_controls: [{id: c, description: x, owner: operator, relied_on: true}]}", "ENV-CONTROL-OWNER", 0},
		{"lay texts missing", "lay_users: true", "controls: [{id: c, capability: PAUT, description: x, default: enabled}]", "LAY-TEXTS", 2},
		{"lay texts given", "lay_users: true", "roles: [{id: p, name: Patient, held_by: lay-user}]\ncontrols: [{id: c, capability: PAUT, description: x, lay_description: y, default: enabled}]", "LAY-TEXTS", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(net, "networked: true", "networked: true, "+tc.device, 1)
			if strings.Contains(tc.yaml, "roles:") {
				src = strings.Replace(src, "roles:\n  - {id: admin, name: Admin}\n", "", 1)
			}
			src += tc.yaml + "\n"
			if got := findings(t, src, tc.rule); len(got) != tc.want {
				t.Errorf("got %d findings of %s, want %d: %+v", len(got), tc.rule, tc.want, got)
			}
		})
	}
}

// TestInternetAccess compares the stated internet access with the streams
// that reach internet zones.
func TestInternetAccess(t *testing.T) {
	for _, tc := range []struct {
		name, network string
		want          int
	}{
		{"none but streams reach it", "internet: none\n  zones: [{id: lan}, {id: inet, internet: true}]", 1},
		{"restricted", "internet: restricted\n  zones: [{id: lan}, {id: inet, internet: true}]", 0},
		{"required", "internet: required\n  zones: [{id: lan}, {id: inet, internet: true}]", 0},
		{"format 1 false with a zone named internet", "internet_required: false\n  zones: [{id: lan}, {id: internet}]", 1},
		{"none and no internet zone", "internet: none\n  zones: [{id: lan}, {id: inet}]", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			zone := "inet"
			if strings.Contains(tc.network, "id: internet") {
				zone = "internet"
			}
			src := "spec_version: 2\ndevice: {name: T, regulation: MDR, class: IIa, networked: true}\nnetwork:\n  " + tc.network +
				"\n  nodes: [{id: dev, kind: device, zone: lan}, {id: upd, kind: cloud, zone: " + zone + "}]\n" +
				"data_streams: [{id: u, source: dev, destination: upd, protocol: HTTPS, port: 443, transport: tcp}]\n"
			if got := findings(t, src, "NET-INTERNET"); len(got) != tc.want {
				t.Errorf("got %d findings, want %d: %+v", len(got), tc.want, got)
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

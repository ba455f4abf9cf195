package diff

import (
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/sbom"
	"github.com/docgen/docgen/generator/spec"
)

// classifyBase is a small networked device; the cases of TestClassify
// replace parts of it.
const classifyBase = `spec_version: 2
device: {name: X, regulation: MDR, class: IIa, networked: true, remote_service: false, manufacturer: {name: Maker GmbH}}
network:
  zone: ward
  internet: none
  zones: [{id: ward, name: Ward, cidrs: [10.1.0.0/16]}, {id: it, name: IT, cidrs: [10.2.0.0/16]}]
  nodes: [{id: dev, name: Device, kind: device, zone: ward, addresses: [10.1.0.5]}, {id: srv, name: Server, kind: server, zone: it, addresses: [10.2.0.5]}]
interfaces:
  - {id: eth, name: Ethernet, kind: network, direction: both, default_enabled: true}
  - {id: ssh, name: Service shell, kind: network, port: 22, transport: tcp, direction: in, default_enabled: false}
  - {id: wlan, name: Wi-Fi, kind: wifi, direction: both, wifi: {security: wpa3-personal}}
data_streams:
  - {id: s1, source: dev, destination: srv, protocol: HTTPS, port: 443, transport: tcp, encryption: TLS 1.3}
firewall_rules:
  - {id: r1, direction: outbound, source: dev, destination: srv, ports: 443, protocol: tcp, action: allow, stream: s1}
  - {id: r2, direction: inbound, source: any, destination: any, protocol: any, action: deny, rationale: Default deny.}
crypto: {tls_min: "1.2", disk_encryption: {algorithm: XTS-AES-256}}
roles: [{id: nurse, name: Nurse}]
accounts: [{name: nurse, type: interactive, role: nurse, default: false}]
authentication: {lockout: Five failures lock for 15 minutes.}
platform: {provided_by: manufacturer, os: [{name: Linux, versions: ["6.6"], end_of_support: 2030-12-31}]}
updates: {automatic: true}
environment: {required_controls: [{id: env-fw, description: A firewall, mandatory: true}]}
hardening: [{setting: SSH, recommended: "Off", default: "Off"}]
data_stores: [{data: Readings, location: Flash, encrypted: true}]
support: {end_of_support: 2031-12-31}
absent: {logging: The device keeps no log., remote_access: The device offers no remote access.}
`

var classifyCases = []struct {
	name    string
	edits   []string // old text, new text, ...
	bom     *sbom.BOM
	outcome check.Status
	want    string // "section id field: rule", one per change, joined by "; "
}{
	{"allow rule added", []string{"firewall_rules:\n", "firewall_rules:\n  - {id: r0, direction: inbound, source: srv, destination: dev, ports: 8443, protocol: tcp, action: allow, rationale: Console.}\n"},
		nil, "", "firewall_rules r0 : firewall-allow-added"},
	{"deny rule now allows", []string{"protocol: any, action: deny", "protocol: any, action: allow"}, nil, "", "firewall_rules r2 action: firewall-now-allows"},
	{"rule removed", []string{"  - {id: r2, direction: inbound, source: any, destination: any, protocol: any, action: deny, rationale: Default deny.}\n", ""}, nil, "", "firewall_rules r2 : firewall-removed"},
	{"rule reason reworded", []string{"rationale: Default deny.", "rationale: Deny the rest."}, nil, "", "firewall_rules r2 rationale: firewall-reasons"},
	{"rule port", []string{"ports: 443, protocol: tcp", "ports: 8443, protocol: tcp"}, nil, "", "firewall_rules r1 ports: firewall-changed"},
	{"rule renamed", []string{"id: r2,", "id: deny-rest,"}, nil, "", "firewall_rules deny-rest : renamed"},
	{"stream weaker", []string{"encryption: TLS 1.3", "encryption: TLS 1.2 or 1.3"}, nil, "", "data_streams s1 encryption: stream-encryption-weaker"},
	{"stream cleartext", []string{"encryption: TLS 1.3", "encryption: none"}, nil, "", "data_streams s1 encryption: stream-encryption-weaker"},
	{"stream stronger", []string{"encryption: TLS 1.3", "encryption: TLS 1.3 with mutual authentication"}, nil, "", "data_streams s1 encryption: stream-traffic-changed"},
	{"stream added", []string{"data_streams:\n", "data_streams:\n  - {id: s0, source: srv, destination: dev, protocol: SSH, port: 22, transport: tcp, encryption: SSH}\n"}, nil, "", "data_streams s0 : stream-added"},
	{"interface added", []string{"interfaces:\n", "interfaces:\n  - {id: wifi, name: Wi-Fi, kind: wifi, direction: both}\n"}, nil, "", "interfaces wifi : interface-added"},
	{"interface enabled", []string{"direction: in, default_enabled: false", "direction: in, default_enabled: true"}, nil, "", "interfaces ssh default_enabled: interface-enabled"},
	{"internet access", []string{"internet: none", "internet: restricted"}, nil, "", "network  internet: internet-access-more"},
	{"zone addresses", []string{"cidrs: [10.2.0.0/16]", "cidrs: [10.3.0.0/16]"}, nil, "", "network.zones it cidrs: addresses-changed"},
	{"remote service", []string{"remote_service: false", "remote_service: true"}, nil, "", "device  remote_service: device-remote-service"},
	{"cloud", []string{"networked: true,", "networked: true, cloud: true,"}, nil, "", "device  cloud: device-connected"},
	{"class", []string{"class: IIa", "class: IIb"}, nil, "", "device  class: device-regulatory"},
	{"tls weaker", []string{`tls_min: "1.2"`, `tls_min: "1.1"`}, nil, "", "crypto  tls_min: tls-weaker"},
	{"tls stronger", []string{`tls_min: "1.2"`, `tls_min: "1.3"`}, nil, "", "crypto  tls_min: tls-changed"},
	{"store no longer encrypted", []string{"encrypted: true", "encrypted: false"}, nil, "", "data_stores Readings encrypted: store-no-longer-encrypted"},
	{"account added", []string{"accounts: [", "accounts: [{name: svc, type: service, role: nurse, default: true}, "}, nil, "", "accounts svc : account-added-or-removed"},
	{"account default", []string{"role: nurse, default: false", "role: nurse, default: true"}, nil, "", "accounts nurse default: account-credentials"},
	{"role added", []string{"roles: [", "roles: [{id: admin, name: Admin}, "}, nil, "", "roles admin : role-added-or-removed"},
	{"lockout", []string{"Five failures", "Three failures"}, nil, "", "authentication  lockout: authentication-policy"},
	{"platform by the manufacturer", []string{"end_of_support: 2030-12-31", "end_of_support: 2032-12-31"}, nil, "", "platform.os Linux end_of_support: information"},
	{"platform by the operator", []string{"provided_by: manufacturer, os: [{name: Linux, versions: [\"6.6\"], end_of_support: 2030-12-31", "provided_by: operator, os: [{name: Linux, versions: [\"6.6\"], end_of_support: 2032-12-31"}, nil, "",
		"platform  provided_by: platform-operator-provided; platform.os Linux end_of_support: platform-operator-provided"},
	{"updates", []string{"automatic: true", "automatic: false"}, nil, "", "updates  automatic: update-handling"},
	{"environment control", []string{"required_controls: [", "required_controls: [{id: env-ntp, description: NTP}, "}, nil, "", "environment.required_controls env-ntp : environment-control-added"},
	{"hardening", []string{`recommended: "Off"`, `recommended: "On"`}, nil, "", "hardening SSH recommended: hardening-recommended-value"},
	{"support", []string{"end_of_support: 2031-12-31", "end_of_support: 2032-12-31"}, nil, "", "support  end_of_support: information"},
	{"component", nil, &sbom.BOM{Components: []sbom.Component{{Name: "zlib", Version: "1.3", Purl: "pkg:generic/zlib@1.3", Supplier: "zlib"}}}, "", "sbom-components pkg:generic/zlib : component-exposed"},
	{"own component", nil, &sbom.BOM{Components: []sbom.Component{{Name: "app", Version: "2", Purl: "pkg:generic/app@2", Supplier: "Maker GmbH"}}}, "", "sbom-components pkg:generic/app : information"},
	{"exploitable", nil, &sbom.BOM{Vulnerabilities: []sbom.Vulnerability{{ID: "CVE-1", State: "exploitable"}}}, "", "sbom-vulnerabilities CVE-1 : vulnerability-exploitable"},
	{"in triage", nil, &sbom.BOM{Vulnerabilities: []sbom.Vulnerability{{ID: "CVE-1", State: "in_triage"}}}, "", "sbom-vulnerabilities CVE-1 : information"},
	{"check status", nil, nil, check.Failed, "catalog IFU-X status: catalog-status"},

	{"remote access offered", []string{", remote_access: The device offers no remote access.}", "}\nremote_access: {method: VPN by the manufacturer}"}, nil, "",
		"remote_access  method: remote-access-new; absent  remote_access: remote-access-absence-withdrawn"},
	{"remote access enabled", []string{", remote_access: The device offers no remote access.}", "}\nremote_access: {default: enabled}"}, nil, "",
		"remote_access  default: remote-access-enabled; absent  remote_access: remote-access-absence-withdrawn"},
	{"absence withdrawn", []string{"logging: The device keeps no log., ", ""}, nil, "", "absent  logging: information"},
	{"disk encryption withdrawn", []string{", disk_encryption: {algorithm: XTS-AES-256}", ""}, nil, "", "crypto  disk_encryption.algorithm: disk-encryption-withdrawn"},
	{"wi-fi weaker", []string{"security: wpa3-personal", "security: wpa2-personal"}, nil, "", "interfaces wlan wifi.security: interface-wifi-weaker"},
	{"device zone", []string{"zone: ward\n  internet", "zone: it\n  internet"}, nil, "", "network  zone: network-zone"},
	{"environment control optional", []string{"mandatory: true", "mandatory: false"}, nil, "", "environment.required_controls env-fw mandatory: environment-control-required"},
	{"hardening added", []string{"hardening: [", "hardening: [{setting: USB storage, recommended: Blocked}, "}, nil, "", "hardening USB storage : hardening-recommendation"},
}

// TestClassify runs one edit per case and checks the classification rule
// that labels each change: the first rule of classes.yaml that matches.
func TestClassify(t *testing.T) {
	for _, tc := range classifyCases {
		t.Run(tc.name, func(t *testing.T) {
			old, err := spec.Parse("old.yaml", []byte(classifyBase))
			if err != nil {
				t.Fatal(err)
			}
			src := classifyBase
			for i := 0; i+1 < len(tc.edits); i += 2 {
				if strings.Count(src, tc.edits[i]) != 1 {
					t.Fatalf("%q is not in the base spec exactly once", tc.edits[i])
				}
				src = strings.Replace(src, tc.edits[i], tc.edits[i+1], 1)
			}
			cur, err := spec.Parse("new.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			oldSide, newSide := Side{Label: "old", Spec: old}, Side{Label: "new", Spec: cur, BOM: tc.bom}
			if tc.outcome != "" {
				oldSide.Result = &check.Result{Outcomes: []check.Outcome{{ID: "IFU-X", Status: check.Passed}}}
				newSide.Result = &check.Result{Outcomes: []check.Outcome{{ID: "IFU-X", Status: tc.outcome}}}
			}
			r, err := Compare(oldSide, newSide, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ch := range r.Changes {
				got = append(got, ch.Section+" "+ch.ID+" "+ch.Field+": "+ch.Rule)
			}
			if g := strings.Join(got, "; "); g != tc.want {
				t.Errorf("got  %s\nwant %s", g, tc.want)
			}
		})
	}
}

// TestRulesUsed checks that the cases of TestClassify reach every
// classification rule: a rule that no change reaches is dead, or shadowed
// by an earlier one.
func TestRulesUsed(t *testing.T) {
	c, err := LoadConfig()
	if err != nil {
		t.Fatal(err)
	}
	reached := map[string]bool{}
	for _, tc := range classifyCases {
		for _, ch := range strings.Split(tc.want, "; ") {
			_, rule, _ := strings.Cut(ch, ": ")
			reached[rule] = true
		}
	}
	for _, r := range c.Rules {
		if !reached[r.ID] {
			t.Errorf("rule %s is reached by no case of TestClassify", r.ID)
		}
	}
}

package diff

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/spec"
)

// FuzzCompare compares two arbitrary specs that load. It must never panic,
// a spec compared with itself must show no change, every change must be
// classified, and the report must write in every format. The seeds are the
// examples and small specs; run `make fuzz` to search further.
func FuzzCompare(f *testing.F) {
	small := "spec_version: 2\ndevice: {name: X, regulation: MDR, class: I, networked: true}\n"
	f.Add([]byte(small+"firewall_rules: [{id: a, ports: 80, protocol: tcp, source: any, destination: any, action: allow}]\n"),
		[]byte(small+"firewall_rules: [{id: b, ports: '80,443', protocol: tcp, source: any, destination: any, action: allow}]\n"))
	f.Add([]byte(small+"accounts: [{name: a, role: r}]\nroles: [{id: r, name: R}]\n"), []byte(small+"accounts: [{name: b, role: s}]\nroles: [{id: s, name: R}]\n"))
	net := small + `network:
  zones: [{id: z, name: Z, cidrs: [10.0.0.0/8]}, {id: w, name: W}]
  nodes: [{id: d, name: D, kind: device, zone: z, addresses: [10.0.0.1]}, {id: s, name: S, kind: server, zone: w, addresses: [dhcp]}]
data_streams: [{id: x, source: d, destination: s, protocol: HTTPS, port: 443, transport: tcp, encryption: TLS 1.3}]
firewall_rules:
  - {id: r1, direction: outbound, source: d, destination: s, ports: 443, protocol: tcp, action: allow, stream: x}
  - {id: r2, direction: outbound, source: any, destination: any, protocol: any, action: deny, rationale: default}
`
	f.Add([]byte(net), []byte(strings.Replace(strings.Replace(net, "r1", "r0", 1), "TLS 1.3", "none", 1)))
	f.Add([]byte(net), []byte(strings.Replace(net, "  - {id: r1", "  - {id: r9, direction: outbound, source: any, destination: any, protocol: tcp, action: deny, rationale: x}\n  - {id: r1", 1)))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		old, err := spec.Parse("old.yaml", a)
		if err != nil {
			return
		}
		cur, err := spec.Parse("new.yaml", b)
		if err != nil {
			return
		}
		same, err := Compare(Side{Label: "old", Spec: old}, Side{Label: "old", Spec: old}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(same.Changes) != 0 {
			t.Fatalf("a spec differs from itself: %+v", same.Changes[0])
		}
		r, err := Compare(Side{Label: "old", Spec: old}, Side{Label: "new", Spec: cur}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, ch := range r.Changes {
			if ch.Class == "" || ch.Rule == "" {
				t.Fatalf("change not classified: %+v", ch)
			}
		}
		for _, format := range Formats {
			var out bytes.Buffer
			if err := Write(&out, format, r); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if format == "json" && !json.Valid(out.Bytes()) {
				t.Fatal("invalid JSON")
			}
		}
	})
}

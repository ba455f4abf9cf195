// Package testspec generates device specs for benchmarks and tests.
package testspec

import (
	"fmt"
	"strings"
)

// Large generates a networked spec with the given numbers of firewall
// rules, data streams and roles: 100 nodes in 10 zones, every stream served
// by a rule, the remaining rules with a rationale.
func Large(rules, streams, roles int) []byte {
	var b strings.Builder
	b.WriteString("spec_version: 1\ndevice: {name: Large, regulation: MDR, class: IIb, networked: true}\ndocument: {date: 2026-06-01}\nnetwork:\n  zones:\n")
	for z := 0; z < 10; z++ {
		fmt.Fprintf(&b, "    - {id: z%d, name: Zone %d, cidrs: [10.%d.0.0/16]}\n", z, z, z)
	}
	b.WriteString("  nodes:\n")
	for n := 0; n < 100; n++ {
		fmt.Fprintf(&b, "    - {id: n%d, name: Node %d, kind: server, zone: z%d, addresses: [10.%d.0.%d]}\n", n, n, n%10, n%10, n+1)
	}
	b.WriteString("roles:\n")
	for r := 0; r < roles; r++ {
		fmt.Fprintf(&b, "  - {id: role%d, name: Role %d, permissions: [read, write], required_skills: Trained operator}\n", r, r)
	}
	b.WriteString("data_streams:\n")
	for s := 0; s < streams; s++ {
		fmt.Fprintf(&b, "  - {id: s%d, source: n%d, destination: n%d, protocol: HTTPS, port: %d, transport: tcp, encryption: TLS 1.3, addressing: DNS name, data: Records}\n",
			s, s%100, (s+1)%100, 1024+s)
	}
	b.WriteString("firewall_rules:\n")
	for r := 0; r < rules; r++ {
		if r < streams {
			fmt.Fprintf(&b, "  - {id: r%d, direction: outbound, source: n%d, destination: n%d, ports: %d, protocol: tcp, action: allow, stream: s%d}\n",
				r, r%100, (r+1)%100, 1024+r, r)
			continue
		}
		fmt.Fprintf(&b, "  - {id: r%d, direction: inbound, source: z%d, destination: n%d, ports: %d, protocol: udp, action: allow, rationale: Monitoring}\n",
			r, r%10, r%100, 30000+r)
	}
	return []byte(b.String())
}

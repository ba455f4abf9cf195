package check_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/spec"
)

// largeSpec generates a networked spec with the given numbers of firewall
// rules, data streams and roles: 100 nodes in 10 zones, every stream served
// by a rule, the remaining rules with a rationale.
func largeSpec(rules, streams, roles int) []byte {
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

// BenchmarkLargeSpec loads and checks a spec with 1,000 firewall rules,
// 1,000 data streams and 200 roles. Goal: under 100 ms on a 2-core machine.
func BenchmarkLargeSpec(b *testing.B) {
	data := largeSpec(1000, 1000, 200)
	c, err := catalog.Load(catalog.DefaultProfile)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		s, err := spec.Parse("large.yaml", data)
		if err != nil {
			b.Fatal(err)
		}
		check.Run(s, []*catalog.Catalog{c}, check.Options{Today: today})
	}
}

// BenchmarkLargeSpecCheckOnly measures check.Run alone on the large spec.
func BenchmarkLargeSpecCheckOnly(b *testing.B) {
	s, err := spec.Parse("large.yaml", largeSpec(1000, 1000, 200))
	if err != nil {
		b.Fatal(err)
	}
	c, _ := catalog.Load(catalog.DefaultProfile)
	b.ReportAllocs()
	for b.Loop() {
		check.Run(s, []*catalog.Catalog{c}, check.Options{Today: today})
	}
}

// BenchmarkExamples loads and checks each example spec.
func BenchmarkExamples(b *testing.B) {
	paths, _ := filepath.Glob("../../examples/*/device.yaml")
	if len(paths) == 0 {
		b.Skip("no examples")
	}
	cats := []*catalog.Catalog{}
	for _, p := range catalog.Profiles() {
		c, err := catalog.Load(p)
		if err != nil {
			b.Fatal(err)
		}
		cats = append(cats, c)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(filepath.Dir(p)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, err := spec.Parse(p, data)
				if err != nil {
					b.Fatal(err)
				}
				check.Run(s, cats, check.Options{Today: today})
			}
		})
	}
}

// TestLargeSpecIsClean makes sure the benchmark measures a realistic run:
// the generated spec loads and its network rules raise no findings.
func TestLargeSpecIsClean(t *testing.T) {
	s, err := spec.Parse("large.yaml", largeSpec(1000, 1000, 200))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := catalog.Load(catalog.DefaultProfile)
	res := check.Run(s, []*catalog.Catalog{c}, check.Options{Today: today})
	for _, f := range res.Findings {
		if strings.HasPrefix(f.RuleID, "NET-") && f.RuleID != "NET-PORTS" && f.RuleID != "NET-INFRA" &&
			f.RuleID != "NET-MIN-NETWORK" && f.RuleID != "NET-SEGMENTATION" && f.RuleID != "NET-SECURE-DEPLOY" && f.RuleID != "NET-MONITORING" {
			t.Errorf("unexpected finding: %s %s", f.RuleID, f.Message)
		}
	}
}

package firewall_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/docgen/docgen/generator/firewall"
	"github.com/docgen/docgen/generator/spec"
)

// net is a small network: nodes dev and pc in zone lan, srv in dmz.
func net(rules ...spec.FirewallRule) *spec.Spec {
	return &spec.Spec{
		Network: spec.Network{
			Zones: []spec.Zone{{ID: "lan"}, {ID: "dmz"}},
			Nodes: []spec.Node{{ID: "dev", Zone: "lan"}, {ID: "pc", Zone: "lan"}, {ID: "srv", Zone: "dmz"}},
		},
		FirewallRules: rules,
	}
}

func ports(rs ...int) spec.Ports {
	var p spec.Ports
	for i := 0; i+1 < len(rs); i += 2 {
		p = append(p, spec.PortRange{Lo: rs[i], Hi: rs[i+1]})
	}
	return p
}

func allow(id, src, dst string, p spec.Ports) spec.FirewallRule {
	return spec.FirewallRule{ID: id, Source: src, Destination: dst, Protocol: spec.TCP, Ports: p, Action: spec.Allow}
}

func deny(id, src, dst string, p spec.Ports) spec.FirewallRule {
	r := allow(id, src, dst, p)
	r.Action = spec.Deny
	return r
}

// decision formats Decide's segments as "lo-hi:rule".
func decision(fw *firewall.Set, leg firewall.Leg) string {
	var out string
	for _, s := range fw.Decide(leg) {
		id := "none"
		if s.Rule >= 0 {
			id = fw.Rule(s.Rule).ID
		}
		out += fmt.Sprintf("%d-%d:%s ", s.Lo, s.Hi, id)
	}
	return out
}

func TestDecide(t *testing.T) {
	leg := firewall.Leg{Source: "dev", Destination: "srv", Transport: spec.TCP, Ports: ports(443, 443)}
	for _, tc := range []struct {
		name  string
		rules []spec.FirewallRule
		leg   firewall.Leg
		want  string
	}{
		{"no rule", nil, leg, "443-443:none "},
		{"specific allow before default deny", []spec.FirewallRule{allow("a", "dev", "srv", ports(443, 443)), deny("d", "any", "any", nil)}, leg, "443-443:a "},
		{"default deny first blocks", []spec.FirewallRule{deny("d", "any", "any", nil), allow("a", "dev", "srv", ports(443, 443))}, leg, "443-443:d "},
		{"zone rule covers node", []spec.FirewallRule{allow("z", "lan", "dmz", ports(1, 1024))}, leg, "443-443:z "},
		{"node rule does not cover zone", []spec.FirewallRule{allow("n", "dev", "srv", ports(443, 443))},
			firewall.Leg{Source: "lan", Destination: "srv", Transport: spec.TCP, Ports: ports(443, 443)}, "443-443:none "},
		{"other protocol", []spec.FirewallRule{{ID: "u", Source: "dev", Destination: "srv", Protocol: spec.UDP, Ports: ports(443, 443), Action: spec.Allow}}, leg, "443-443:none "},
		{"protocol any", []spec.FirewallRule{{ID: "x", Source: "any", Destination: "any", Protocol: spec.AnyProtocol, Action: spec.Allow}}, leg, "443-443:x "},
		{"range split over two rules", []spec.FirewallRule{allow("lo", "dev", "srv", ports(100, 150)), allow("hi", "dev", "srv", ports(151, 200))},
			firewall.Leg{Source: "dev", Destination: "srv", Transport: spec.TCP, Ports: ports(100, 200)}, "100-150:lo 151-200:hi "},
		{"range partly covered", []spec.FirewallRule{allow("lo", "dev", "srv", ports(100, 150))},
			firewall.Leg{Source: "dev", Destination: "srv", Transport: spec.TCP, Ports: ports(100, 200)}, "100-150:lo 151-200:none "},
		{"earlier deny takes the middle", []spec.FirewallRule{deny("d", "dev", "srv", ports(120, 130)), allow("a", "lan", "any", ports(100, 200))},
			firewall.Leg{Source: "dev", Destination: "srv", Transport: spec.TCP, Ports: ports(100, 200)}, "100-119:a 120-130:d 131-200:a "},
		{"source ports covered", []spec.FirewallRule{{ID: "s", Source: "dev", Destination: "srv", Protocol: spec.UDP, SourcePorts: ports(1024, 65535), Ports: ports(161, 161), Action: spec.Allow}},
			firewall.Leg{Source: "dev", Destination: "srv", Transport: spec.UDP, SourcePorts: ports(50000, 50010), Ports: ports(161, 161)}, "161-161:s "},
		{"source ports not covered", []spec.FirewallRule{{ID: "s", Source: "dev", Destination: "srv", Protocol: spec.UDP, SourcePorts: ports(1024, 65535), Ports: ports(161, 161), Action: spec.Allow}},
			firewall.Leg{Source: "dev", Destination: "srv", Transport: spec.UDP, SourcePorts: ports(161, 161), Ports: ports(161, 161)}, "161-161:none "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := decision(firewall.New(net(tc.rules...)), tc.leg); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestICMP(t *testing.T) {
	echo := spec.FirewallRule{ID: "echo", Source: "pc", Destination: "dev", Protocol: spec.ICMP, ICMPTypes: []spec.ICMPType{"echo-request"}, Action: spec.Allow}
	fw := firewall.New(net(echo))
	ping := firewall.Legs(spec.DataStream{Source: "pc", Destination: "dev", Transport: spec.ICMP, ICMPTypes: []spec.ICMPType{"echo-request"}})
	if got := decision(fw, ping[0]); got != "0-0:echo " {
		t.Errorf("ping: %q", got)
	}
	all := firewall.Legs(spec.DataStream{Source: "pc", Destination: "dev", Transport: spec.ICMP})
	segs := fw.Decide(all[0])
	if len(segs) < 2 || segs[0].Rule != 0 || segs[1].Rule != -1 {
		t.Errorf("an echo-only rule allows all ICMP: %+v", segs)
	}
}

func TestLegs(t *testing.T) {
	both := spec.DataStream{Source: "dev", Destination: "srv", Transport: spec.TCP, Port: ports(104, 104), SourcePort: ports(11112, 11112), Direction: spec.BothWays}
	legs := firewall.Legs(both)
	// Each end listens on its port and opens connections from ports the
	// spec does not state.
	if len(legs) != 2 || legs[0].Ports.String() != "104" || len(legs[0].SourcePorts) != 0 ||
		legs[1].Source != "srv" || legs[1].Ports.String() != "11112" || len(legs[1].SourcePorts) != 0 {
		t.Errorf("both-way legs: %+v", legs)
	}
	// A rule with the ephemeral source ports the manufacturer publishes
	// admits the stream's opening connection.
	fw := firewall.New(&spec.Spec{FirewallRules: []spec.FirewallRule{{Source: "dev", Destination: "srv", Protocol: spec.TCP, Ports: ports(104, 104), SourcePorts: ports(49152, 65535), Action: spec.Allow}}})
	if segs := fw.Decide(legs[0]); len(segs) != 1 || segs[0].Rule != 0 {
		t.Errorf("a rule with published ephemeral source ports does not decide the stream: %+v", segs)
	}
	for name, ds := range map[string]spec.DataStream{
		"bluetooth":   {Source: "dev", Destination: "srv", Transport: "bluetooth-le"},
		"inside host": {Source: "dev", Destination: "dev", Transport: spec.TCP, Port: ports(5432, 5432)},
		"tunnelled":   {Source: "dev", Destination: "srv", Transport: spec.TCP, Port: ports(3389, 3389), Tunnel: "vpn"},
	} {
		if legs := firewall.Legs(ds); len(legs) != 0 {
			t.Errorf("%s: legs %+v, want none", name, legs)
		}
	}
}

func TestShadowed(t *testing.T) {
	for _, tc := range []struct {
		name  string
		rules []spec.FirewallRule
		rule  int
		want  []int
	}{
		{"allow before broader deny", []spec.FirewallRule{allow("a", "dev", "srv", ports(443, 443)), deny("d", "any", "any", nil)}, 1, nil},
		{"deny before allow", []spec.FirewallRule{deny("d", "any", "any", nil), allow("a", "dev", "srv", ports(443, 443))}, 1, []int{0}},
		{"duplicate", []spec.FirewallRule{allow("a", "dev", "srv", ports(443, 443)), allow("b", "dev", "srv", ports(443, 443))}, 1, []int{0}},
		{"covered by two", []spec.FirewallRule{allow("a", "dev", "srv", ports(1, 100)), allow("b", "lan", "srv", ports(101, 200)), allow("c", "dev", "srv", ports(50, 150))}, 2, []int{0, 1}},
		{"partly new", []spec.FirewallRule{allow("a", "dev", "srv", ports(1, 100)), allow("c", "dev", "srv", ports(50, 150))}, 1, nil},
		{"narrower source does not shadow", []spec.FirewallRule{allow("a", "dev", "srv", nil), allow("b", "lan", "srv", nil)}, 1, nil},
		{"first rule", []spec.FirewallRule{allow("a", "dev", "srv", nil)}, 0, nil},
		{"other direction does not shadow", []spec.FirewallRule{
			{ID: "in", Direction: spec.Inbound, Source: "any", Destination: "any", Protocol: spec.AnyProtocol, Action: spec.Deny},
			{ID: "out", Direction: spec.Outbound, Source: "any", Destination: "any", Protocol: spec.AnyProtocol, Action: spec.Deny},
		}, 1, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := firewall.New(net(tc.rules...)).Shadowed(tc.rule); !slices.Equal(got, tc.want) {
				t.Errorf("Shadowed(%d) = %v, want %v", tc.rule, got, tc.want)
			}
		})
	}
}

// large is a spec with n streams, each with its own rule, all between the
// same two nodes (the case that used to be quadratic), and a default deny.
func large(n int) *spec.Spec {
	s := net()
	for i := 0; i < n; i++ {
		p := 1 + i%65000
		s.DataStreams = append(s.DataStreams, spec.DataStream{ID: fmt.Sprint("s", i), Source: "dev", Destination: "srv", Transport: spec.TCP, Port: ports(p, p)})
		s.FirewallRules = append(s.FirewallRules, allow(fmt.Sprint("r", i), "dev", "srv", ports(p, p)))
	}
	s.FirewallRules = append(s.FirewallRules, deny("deny", "any", "any", nil))
	return s
}

func benchmarkCheck(b *testing.B, n int) {
	s := large(n)
	b.ResetTimer()
	for range b.N {
		fw := firewall.New(s)
		for _, ds := range s.DataStreams {
			for _, leg := range firewall.Legs(ds) {
				fw.Decide(leg)
			}
		}
		for i := range s.FirewallRules {
			fw.Shadowed(i)
		}
	}
}

func BenchmarkCheck1k(b *testing.B)   { benchmarkCheck(b, 1000) }
func BenchmarkCheck10k(b *testing.B)  { benchmarkCheck(b, 10000) }
func BenchmarkCheck100k(b *testing.B) { benchmarkCheck(b, 100000) }

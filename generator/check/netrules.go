package check

import (
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/firewall"
	"github.com/docgen/docgen/generator/knowledge"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// firewallSet returns the spec's ordered rule set, built once per run.
func (rr *ruleRun) firewallSet() *firewall.Set {
	if rr.fw == nil {
		rr.fw = firewall.New(rr.s)
	}
	return rr.fw
}

// ruleIDs names rules by id, for messages.
func (rr *ruleRun) ruleIDs(idx []int) string {
	ids := make([]string, len(idx))
	for i, k := range idx {
		ids[i] = "`" + rr.s.FirewallRules[k].ID + "`"
	}
	return strings.Join(ids, ", ")
}

// segmentPorts shows the ports of a segment of a leg ("104", "all types").
func segmentPorts(leg firewall.Leg, seg firewall.Segment) string {
	return firewall.SegmentPorts(leg, seg)
}

// streamHasRule evaluates every stream's traffic against the ordered rule
// set: each part of it must be decided by an allow rule. Streams that are off
// as delivered need no rule (they are enabled on demand, with their rule);
// streams inside a tunnel pass with it; non-IP links pass no firewall.
func streamHasRule(rr *ruleRun) {
	fw := rr.firewallSet()
	for i, ds := range rr.s.DataStreams {
		if ds.DefaultEnabled != nil && !*ds.DefaultEnabled {
			continue
		}
		for _, leg := range firewall.Legs(ds) {
			var none []string
			var blocked []string
			var by []int
			for _, seg := range fw.Decide(leg) {
				switch {
				case seg.Rule < 0:
					none = append(none, segmentPorts(leg, seg))
				case fw.Rule(seg.Rule).Action != spec.Allow:
					blocked = append(blocked, segmentPorts(leg, seg))
					if !slices.Contains(by, seg.Rule) {
						by = append(by, seg.Rule)
					}
				}
			}
			if len(none) == 0 && len(blocked) == 0 {
				continue
			}
			rr.report(yamlx.Index("data_streams", i), map[string]any{
				"Stream": ds.ID, "Protocol": orDash(ds.Protocol), "Transport": orDash(string(leg.Transport)),
				"Port": portsText(leg.Ports), "Source": leg.Source, "Destination": leg.Destination,
				"NoRule": strings.Join(none, ", "), "Blocked": strings.Join(blocked, ", "), "By": rr.ruleIDs(by),
				"ICMP": leg.Transport.IsICMP(),
			})
		}
	}
}

// ruleHasPurpose checks that a rule naming a stream matches the stream's
// traffic, and that a rule naming none says why it exists.
func ruleHasPurpose(rr *ruleRun) {
	streams := map[string]spec.DataStream{}
	for _, ds := range rr.s.DataStreams {
		streams[ds.ID] = ds
	}
	single := &spec.Spec{Network: rr.s.Network}
	for i, fr := range rr.s.FirewallRules {
		p := yamlx.Index("firewall_rules", i)
		if fr.Stream != "" {
			ds, ok := streams[fr.Stream]
			if !ok || (fr.Action == spec.Deny && !spec.IsPlaceholder(fr.Rationale.Value)) {
				continue // unknown ids are reported by the loader
			}
			// The rule alone must decide some leg of the stream entirely.
			single.FirewallRules = []spec.FirewallRule{fr}
			alone := firewall.New(single)
			serves := false
			for _, leg := range firewall.Legs(ds) {
				all := true
				for _, seg := range alone.Decide(leg) {
					all = all && seg.Rule == 0
				}
				serves = serves || all
			}
			if !serves && len(firewall.Legs(ds)) > 0 {
				rr.report(yamlx.Join(p, "stream"), map[string]any{"Rule": fr.ID, "Mismatch": true, "Stream": fr.Stream})
			}
			continue
		}
		if !spec.IsPlaceholder(fr.Rationale.Value) || (fr.Action == spec.Allow && rr.decidesStream(i)) {
			continue
		}
		rr.report(p, map[string]any{"Rule": fr.ID, "Mismatch": false, "Stream": ""})
	}
}

// decidesStream reports whether rule i first-matches some part of some data
// stream's traffic, so that it serves that stream without naming it.
func (rr *ruleRun) decidesStream(i int) bool {
	if rr.deciding == nil {
		rr.deciding = map[int]bool{}
		fw := rr.firewallSet()
		for _, ds := range rr.s.DataStreams {
			for _, leg := range firewall.Legs(ds) {
				for _, seg := range fw.Decide(leg) {
					if seg.Rule >= 0 {
						rr.deciding[seg.Rule] = true
					}
				}
			}
		}
	}
	return rr.deciding[i]
}

// rulesShadowed reports rules that are never reached because earlier rules
// match all of their traffic: with the opposite action (a contradiction,
// NET-RULE-CONFLICT) or the same (a repetition, NET-RULE-DUPLICATE).
func (rr *ruleRun) rulesShadowed(sameAction bool) {
	fw := rr.firewallSet()
	for i, fr := range rr.s.FirewallRules {
		by := fw.Shadowed(i)
		if len(by) == 0 {
			continue
		}
		opposite := slices.ContainsFunc(by, func(k int) bool { return rr.s.FirewallRules[k].Action != fr.Action })
		if opposite == sameAction {
			continue
		}
		rr.report(yamlx.Index("firewall_rules", i), map[string]any{
			"Rule": fr.ID, "Action": fr.Action, "Others": rr.ruleIDs(by),
		})
	}
}

func rulesConsistent(rr *ruleRun)    { rr.rulesShadowed(false) }
func rulesNotDuplicated(rr *ruleRun) { rr.rulesShadowed(true) }

// secureAlternative names what to use instead of cleartext protocols.
func secureAlternative(names []string) string {
	for _, n := range names {
		if p, ok := knowledge.Protocol(n); ok && p.Secure != "" {
			return p.Secure
		}
	}
	return msg.Get("check.secure_default")
}

func cleartextJustified(rr *ruleRun) {
	for i, ds := range rr.s.DataStreams {
		if !spec.IsPlaceholder(ds.Justification.Value) || knowledge.CarriedSecurely(rr.s, ds) {
			continue
		}
		plain := knowledge.Cleartext(ds)
		if !plain.Any() {
			continue
		}
		rr.report(yamlx.Index("data_streams", i), map[string]any{
			"Kind": msg.Get("check.kind.stream"), "Name": ds.ID, "Protocol": strings.Join(plain.Protocols, ", "),
			"Weak": plain.Weak && len(plain.Protocols) == 0, "Encryption": ds.Encryption, "Secure": secureAlternative(plain.Protocols),
		})
	}
	for i, it := range rr.s.Interfaces {
		enabled := it.DefaultEnabled == nil || *it.DefaultEnabled
		if it.Service == "" || !enabled || !spec.IsPlaceholder(it.Justification.Value) {
			continue
		}
		var plain []string
		for _, p := range knowledge.ProtocolsIn(it.Service) {
			if p.Encryption != knowledge.Always {
				plain = append(plain, p.Name)
			}
		}
		// An interface whose streams are all encrypted or justified is not
		// cleartext; nor is one no stream uses (NET-UNUSED-PORT says so).
		if len(plain) == 0 || rr.interfaceEncrypted(it) {
			continue
		}
		rr.report(yamlx.Index("interfaces", i), map[string]any{
			"Kind": msg.Get("check.kind.interface"), "Name": it.ID, "Protocol": strings.Join(plain, ", "),
			"Weak": false, "Encryption": "", "Secure": secureAlternative(plain),
		})
	}
}

// interfaceEncrypted reports whether the data streams through an interface's
// ports are all encrypted or justified.
func (rr *ruleRun) interfaceEncrypted(it spec.Interface) bool {
	used := false
	for _, ds := range rr.s.DataStreams {
		if len(it.Port) == 0 || !(it.Port.Overlaps(ds.Port) || (ds.Direction == spec.BothWays && it.Port.Overlaps(ds.SourcePort))) {
			continue
		}
		used = true
		if knowledge.Cleartext(ds).Any() && spec.IsPlaceholder(ds.Justification.Value) && !knowledge.CarriedSecurely(rr.s, ds) {
			return false
		}
	}
	return used
}

// protocolTransport reports streams whose transport their protocol never
// uses: NTP over TCP, DICOM over UDP, ATNA audit syslog over UDP.
func protocolTransport(rr *ruleRun) {
	for i, ds := range rr.s.DataStreams {
		if ds.Transport == "" || !ds.Transport.IsIP() {
			continue
		}
		for _, p := range knowledge.ProtocolsIn(ds.Protocol) {
			if slices.Contains(p.Transports, ds.Transport) {
				continue
			}
			names := make([]string, len(p.Transports))
			for k, t := range p.Transports {
				names[k] = string(t)
			}
			rr.report(yamlx.Join(yamlx.Index("data_streams", i), "transport"), map[string]any{
				"Stream": ds.ID, "Protocol": p.Name, "Transport": ds.Transport, "Transports": strings.Join(names, " or "),
			})
		}
	}
}

// icmpAll reports rules that let every ICMP type in from anywhere.
func icmpAll(rr *ruleRun) {
	for i, fr := range rr.s.FirewallRules {
		if fr.Action == spec.Allow && fr.Protocol.IsICMP() && len(fr.ICMPTypes) == 0 && fr.Direction == spec.Inbound && fr.Source == spec.AnyEndpoint {
			rr.report(yamlx.Index("firewall_rules", i), map[string]any{"Rule": fr.ID})
		}
	}
}

// wifiSecurity reports Wi-Fi interfaces without adequate security.
func wifiSecurity(rr *ruleRun) {
	for i, it := range rr.s.Interfaces {
		if it.WiFi == nil {
			continue
		}
		if slices.Contains(rr.rule.Param("weak"), string(it.WiFi.Security)) {
			rr.report(yamlx.Join(yamlx.Index("interfaces", i), "wifi.security"), map[string]any{"Interface": it.ID, "Security": it.WiFi.Security})
		}
	}
}

// tlsSettings checks the minimum TLS version and the cipher suites against
// each other and against what is still secure.
func tlsSettings(rr *ruleRun) {
	c := rr.s.Crypto
	v := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(c.TLSMin)), "tls ")
	v = strings.TrimPrefix(v, "tlsv")
	if c.TLSMin != "" && !slices.Contains([]string{"1.2", "1.3"}, v) {
		rr.report("crypto.tls_min", map[string]any{"Problem": msg.Format("check.tls.min", c.TLSMin)})
	}
	var weak, old []string
	for _, cipher := range c.Ciphers {
		up := strings.ToUpper(cipher)
		for _, w := range rr.rule.Param("weak_ciphers") {
			if strings.Contains(up, strings.ToUpper(w)) {
				weak = append(weak, cipher)
				break
			}
		}
		// TLS 1.3 suites are named TLS_AES_* and TLS_CHACHA20_*; every
		// other suite is for TLS 1.2 or earlier.
		if !strings.HasPrefix(up, "TLS_AES_") && !strings.HasPrefix(up, "TLS_CHACHA20_") {
			old = append(old, cipher)
		}
	}
	if len(weak) > 0 {
		rr.report("crypto.ciphers", map[string]any{"Problem": msg.Format("check.tls.weak", strings.Join(weak, ", "))})
	}
	if v == "1.3" && len(old) > 0 {
		rr.report("crypto.ciphers", map[string]any{"Problem": msg.Format("check.tls.old_suites", strings.Join(old, ", "))})
	}
	if v == "1.2" && len(c.Ciphers) > 0 && len(old) == 0 {
		rr.report("crypto.ciphers", map[string]any{"Problem": msg.Get("check.tls.only_13")})
	}
}

// internetAccess checks the stated internet access against the streams
// that reach internet zones.
func internetAccess(rr *ruleRun) {
	s := rr.s
	internet := map[string]bool{}
	for _, z := range s.Network.Zones {
		// A zone marked internet, or named so in a format-1 spec.
		if z.Internet || z.ID == "internet" {
			internet[z.ID] = true
		}
	}
	zoneOf := map[string]string{}
	for _, n := range s.Network.Nodes {
		zoneOf[n.ID] = n.Zone
	}
	inInternet := func(e string) bool { return internet[e] || internet[zoneOf[e]] }
	var reach []string
	for _, ds := range s.DataStreams {
		if inInternet(ds.Source) || inInternet(ds.Destination) {
			reach = append(reach, ds.ID)
		}
	}
	if s.Network.Internet == spec.NoInternet && len(reach) > 0 {
		rr.report("network.internet", map[string]any{"Streams": strings.Join(reach, ", ")})
	}
}

package check

import (
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// checks maps the `check` names used in catalogs to their implementations.
// Each reports problems through ruleRun.report; the wording comes from the
// rule's message template in the catalog.
var checks = map[string]func(*ruleRun){
	"stream-has-rule":         streamHasRule,
	"rule-has-purpose":        ruleHasPurpose,
	"cleartext-justified":     cleartextJustified,
	"inbound-any-justified":   inboundAnyJustified,
	"default-account-changed": defaultAccountChanged,
	"platform-supported":      platformSupported,
	"rules-consistent":        rulesConsistent,
	"rules-not-duplicated":    rulesNotDuplicated,
	"enabled-port-used":       enabledPortUsed,
	"sbom-valid":              sbomValid,
	"sbom-ntia":               sbomNTIA,
	"sbom-support":            sbomSupport,
	"sbom-vuln-analysis":      sbomVulnAnalysis,
	"sbom-past-eos":           sbomPastEOS,
	"ip-stream-has-port":      ipStreamHasPort,
	"duties-valid":            dutiesValid,
	"duty-has-owner":          dutyHasOwner,
	"lay-duties":              layDuties,
	"env-control-owner":       envControlOwner,
	"mds2-answered":           mds2Answered,
	"waivers-valid":           waiversValid,
}

// CheckNames lists the implemented consistency checks, sorted.
func CheckNames() []string {
	names := make([]string, 0, len(checks))
	for n := range checks {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// ruleRun is one consistency rule being evaluated.
type ruleRun struct {
	*run
	rule     *catalog.Rule
	clauses  []string
	severity catalog.Severity
}

// report records a finding of the rule at path with the rule's message
// filled from data.
func (rr *ruleRun) report(path string, data map[string]any) {
	rr.add(Finding{
		RuleID: rr.rule.ID, Title: rr.rule.Title, Severity: rr.severity,
		Clauses: rr.clauses, Path: path, Message: rr.rule.Format(data),
	})
}

// endpoints indexes the network model for matching streams and rules.
type endpoints struct {
	zoneOf map[string]string // node id -> zone id
	zones  map[string]bool
}

func newEndpoints(s *spec.Spec) endpoints {
	e := endpoints{zoneOf: map[string]string{}, zones: map[string]bool{}}
	for _, z := range s.Network.Zones {
		e.zones[z.ID] = true
	}
	for _, n := range s.Network.Nodes {
		e.zoneOf[n.ID] = n.Zone
	}
	return e
}

// covers reports whether a rule end-point (node, zone or any) includes the
// stream end-point (node or zone).
func (e endpoints) covers(ruleEnd, streamEnd string) bool {
	switch {
	case ruleEnd == spec.AnyEndpoint || ruleEnd == streamEnd:
		return true
	case e.zones[ruleEnd]:
		return e.zoneOf[streamEnd] == ruleEnd
	}
	return false
}

func protocolCovers(rule, stream spec.Transport) bool {
	return rule == spec.AnyProtocol || rule == "" || stream == "" || rule == stream
}

func portsCover(rule, stream spec.Ports) bool {
	return len(rule) == 0 || len(stream) == 0 || rule.Covers(stream)
}

// allows reports whether firewall rule fr lets data stream ds through.
func (e endpoints) allows(fr spec.FirewallRule, ds spec.DataStream) bool {
	return fr.Action == spec.Allow && e.covers(fr.Source, ds.Source) && e.covers(fr.Destination, ds.Destination) &&
		protocolCovers(fr.Protocol, ds.Transport) && portsCover(fr.Ports, ds.Port)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func portsText(p spec.Ports) string {
	if len(p) == 0 {
		return msg.Get("check.all_ports")
	}
	return p.String()
}

func streamHasRule(rr *ruleRun) {
	e := newEndpoints(rr.s)
	for i, ds := range rr.s.DataStreams {
		if !ds.Transport.IsIP() {
			continue // Bluetooth, USB and other links pass no firewall
		}
		if slices.ContainsFunc(rr.s.FirewallRules, func(fr spec.FirewallRule) bool { return e.allows(fr, ds) }) {
			continue
		}
		rr.report(yamlx.Index("data_streams", i), map[string]any{
			"Stream": ds.ID, "Protocol": orDash(ds.Protocol), "Transport": orDash(string(ds.Transport)),
			"Port": portsText(ds.Port), "Source": ds.Source, "Destination": ds.Destination,
		})
	}
}

func ruleHasPurpose(rr *ruleRun) {
	e := newEndpoints(rr.s)
	streams := map[string]spec.DataStream{}
	for _, ds := range rr.s.DataStreams {
		streams[ds.ID] = ds
	}
	for i, fr := range rr.s.FirewallRules {
		p := yamlx.Index("firewall_rules", i)
		if fr.Stream != "" {
			ds, ok := streams[fr.Stream]
			if !ok || e.allows(fr, ds) || (fr.Action == spec.Deny && !spec.IsPlaceholder(fr.Rationale.Value)) {
				continue // unknown ids are reported by the loader
			}
			rr.report(yamlx.Join(p, "stream"), map[string]any{"Rule": fr.ID, "Mismatch": true, "Stream": fr.Stream})
			continue
		}
		if !spec.IsPlaceholder(fr.Rationale.Value) {
			continue
		}
		if fr.Action == spec.Allow && slices.ContainsFunc(rr.s.DataStreams, func(ds spec.DataStream) bool { return e.allows(fr, ds) }) {
			continue
		}
		rr.report(p, map[string]any{"Rule": fr.ID, "Mismatch": false, "Stream": ""})
	}
}

func cleartextJustified(rr *ruleRun) {
	for i, ds := range rr.s.DataStreams {
		if ds.Protocol == "" || !rr.rule.Cleartext(ds.Protocol, ds.Encryption) || !spec.IsPlaceholder(ds.Justification.Value) {
			continue
		}
		rr.report(yamlx.Index("data_streams", i), map[string]any{
			"Kind": msg.Get("check.kind.stream"), "Name": ds.ID, "Protocol": ds.Protocol,
		})
	}
	for i, it := range rr.s.Interfaces {
		enabled := it.DefaultEnabled == nil || *it.DefaultEnabled
		if it.Service == "" || !enabled || !spec.IsPlaceholder(it.Justification.Value) {
			continue
		}
		p := strings.ToLower(it.Service)
		if slices.Contains(rr.rule.Param("encrypted_protocols"), p) || !slices.Contains(rr.rule.Param("cleartext_protocols"), p) {
			continue
		}
		// An interface whose streams are all encrypted is not cleartext.
		if rr.interfaceEncrypted(it) {
			continue
		}
		rr.report(yamlx.Index("interfaces", i), map[string]any{
			"Kind": msg.Get("check.kind.interface"), "Name": it.ID, "Protocol": it.Service,
		})
	}
}

// interfaceEncrypted reports whether the data streams through an interface's
// ports are all encrypted or justified.
func (rr *ruleRun) interfaceEncrypted(it spec.Interface) bool {
	used := false
	for _, ds := range rr.s.DataStreams {
		if len(it.Port) == 0 || !it.Port.Overlaps(ds.Port) {
			continue
		}
		used = true
		if rr.rule.Cleartext(ds.Protocol, ds.Encryption) && spec.IsPlaceholder(ds.Justification.Value) {
			return false
		}
	}
	return used
}

func inboundAnyJustified(rr *ruleRun) {
	for i, fr := range rr.s.FirewallRules {
		if fr.Direction != spec.Inbound || fr.Source != spec.AnyEndpoint || fr.Action != spec.Allow || !spec.IsPlaceholder(fr.Justification.Value) {
			continue
		}
		rr.report(yamlx.Index("firewall_rules", i), map[string]any{
			"Rule": fr.ID, "Destination": fr.Destination, "Protocol": orDash(string(fr.Protocol)), "Ports": portsText(fr.Ports),
		})
	}
}

func defaultAccountChanged(rr *ruleRun) {
	for i, a := range rr.s.Accounts {
		if !a.Default || (a.MustChange != nil && *a.MustChange) || !spec.IsPlaceholder(a.Justification.Value) {
			continue
		}
		rr.report(yamlx.Index("accounts", i), map[string]any{"Account": a.Name})
	}
}

func platformSupported(rr *ruleRun) {
	s := rr.s
	ref := s.Document.Date
	if ref.IsZero() {
		ref = spec.Date{Time: truncateDay(rr.opts.Today)}
	}
	check := func(list string, what string, items []spec.PlatformItem) {
		for i, it := range items {
			if it.EndOfSupport.IsZero() || !it.EndOfSupport.Before(ref.Time) {
				continue
			}
			rr.report(yamlx.Index(list, i), map[string]any{
				"What": msg.Get(what), "Name": it.Name, "EndOfSupport": it.EndOfSupport.String(), "DocumentDate": ref.String(),
			})
		}
	}
	check("platform.os", "check.kind.os", s.Platform.OS)
	check("platform.middleware", "check.kind.middleware", s.Platform.Middleware)
	if aw := s.Platform.AdminWorkstation; aw != nil {
		check("platform.admin_workstation.os", "check.kind.admin_os", aw.OS)
		check("platform.admin_workstation.software", "check.kind.admin_software", aw.Software)
	}
}

// sameTraffic reports whether two rules filter the same direction between
// the same end-points on the same interface, with overlapping protocols and
// ports.
func sameTraffic(a, b spec.FirewallRule) bool {
	protoOverlap := a.Protocol == b.Protocol || a.Protocol == spec.AnyProtocol || b.Protocol == spec.AnyProtocol
	portOverlap := len(a.Ports) == 0 || len(b.Ports) == 0 || a.Ports.Overlaps(b.Ports)
	return a.Direction == b.Direction && a.Source == b.Source && a.Destination == b.Destination &&
		a.Interface == b.Interface && protoOverlap && portOverlap
}

// ruleGroups groups firewall rule indexes by direction and end-points, the
// only rules that can overlap under sameTraffic, in first-appearance order.
func ruleGroups(rules []spec.FirewallRule) [][]int {
	index := map[string]int{}
	var groups [][]int
	for i, fr := range rules {
		key := string(fr.Direction) + "\x00" + fr.Source + "\x00" + fr.Destination + "\x00" + fr.Interface
		g, ok := index[key]
		if !ok {
			g = len(groups)
			index[key] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	return groups
}

func rulesConsistent(rr *ruleRun) {
	rules := rr.s.FirewallRules
	for _, g := range ruleGroups(rules) {
		for x, i := range g {
			for _, j := range g[x+1:] {
				a, b := rules[i], rules[j]
				if a.Action == "" || b.Action == "" || a.Action == b.Action || !sameTraffic(a, b) {
					continue
				}
				rr.report(yamlx.Index("firewall_rules", j), map[string]any{
					"Rule": b.ID, "Action": b.Action, "Other": a.ID, "OtherAction": a.Action,
					"Direction": b.Direction, "Source": b.Source, "Destination": b.Destination,
					"Protocol": orDash(string(b.Protocol)), "Ports": portsText(b.Ports),
				})
			}
		}
	}
}

func rulesNotDuplicated(rr *ruleRun) {
	rules := rr.s.FirewallRules
	for _, g := range ruleGroups(rules) {
		for x, i := range g {
			for _, j := range g[x+1:] {
				a, b := rules[i], rules[j]
				if a.Action != b.Action || a.Protocol != b.Protocol || a.Ports.String() != b.Ports.String() || a.Direction != b.Direction {
					continue
				}
				rr.report(yamlx.Index("firewall_rules", j), map[string]any{"Rule": b.ID, "Other": a.ID})
				break
			}
		}
	}
}

func enabledPortUsed(rr *ruleRun) {
	for i, it := range rr.s.Interfaces {
		if len(it.Port) == 0 || it.DefaultEnabled == nil || !*it.DefaultEnabled {
			continue
		}
		used := slices.ContainsFunc(rr.s.DataStreams, func(ds spec.DataStream) bool {
			return protocolCovers(it.Transport, ds.Transport) && it.Port.Overlaps(ds.Port)
		})
		if !used {
			rr.report(yamlx.Index("interfaces", i), map[string]any{
				"Interface": it.ID, "Transport": orDash(string(it.Transport)), "Port": it.Port.String(),
			})
		}
	}
}

func waiversValid(rr *ruleRun) {
	for i := range rr.waivers {
		w := &rr.waivers[i]
		var problem string
		switch {
		case !slices.Contains(rr.knownIDs, w.Rule):
			problem = msg.Format("check.waiver_unknown", w.Rule, yamlx.Suggest(w.Rule, rr.knownIDs))
		case rr.expired(w):
			problem = msg.Format("check.waiver_expired", w.Rule, w.Expires.String())
		case !w.used:
			problem = msg.Format("check.waiver_unused", w.Rule)
		default:
			continue
		}
		rr.add(Finding{
			RuleID: rr.rule.ID, Title: rr.rule.Title, Severity: rr.severity, Clauses: rr.clauses,
			Path: w.path, Pos: w.pos, Message: rr.rule.Format(map[string]any{"Problem": problem}),
		})
	}
}

func ipStreamHasPort(rr *ruleRun) {
	for i, ds := range rr.s.DataStreams {
		if (ds.Transport == spec.TCP || ds.Transport == spec.UDP) && len(ds.Port) == 0 {
			rr.report(yamlx.Index("data_streams", i), map[string]any{"Stream": ds.ID, "Transport": ds.Transport})
		}
	}
}

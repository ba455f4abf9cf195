package check

import (
	"slices"

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
	"revision-in-history":     revisionInHistory,
	"rules-consistent":        rulesConsistent,
	"rules-not-duplicated":    rulesNotDuplicated,
	"enabled-port-used":       enabledPortUsed,
	"sbom-valid":              sbomValid,
	"sbom-ntia":               sbomNTIA,
	"sbom-support":            sbomSupport,
	"sbom-vuln-analysis":      sbomVulnAnalysis,
	"sbom-past-eos":           sbomPastEOS,
	"sbom-override-matches":   sbomOverrideMatches,
	"sbom-control-chars":      sbomControlChars,
	"ip-stream-has-port":      ipStreamHasPort,
	"duties-valid":            dutiesValid,
	"duty-has-owner":          dutyHasOwner,
	"lay-duties":              layDuties,
	"env-control-owner":       envControlOwner,
	"mds2-answered":           mds2Answered,
	"waivers-valid":           waiversValid,
	"protocol-transport":      protocolTransport,
	"icmp-all":                icmpAll,
	"wifi-security":           wifiSecurity,
	"tls-settings":            tlsSettings,
	"internet-access":         internetAccess,
	"placeholders":            placeholders,
	"support-until-eol":       supportUntilEOL,
	"antimalware-consistent":  antimalwareConsistent,
	"text-contradicts":        textContradicts,
	"deprecations":            deprecations,
	"known-ended-support":     knownEndedSupport,
	"lay-texts":               layTexts,
	"lang-complete":           langComplete,
	"translations-complete":   translationsComplete,
	"translations-current":    translationsCurrent,
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
	ref, asOf := rr.endOfSupportReference()
	check := func(list string, what string, items []spec.PlatformItem) {
		for i, it := range items {
			if it.EndOfSupport.IsZero() || !it.EndOfSupport.Before(ref.Time) {
				continue
			}
			rr.report(yamlx.Index(list, i), map[string]any{
				"What": msg.Get(what), "Name": it.Name, "EndOfSupport": it.EndOfSupport.String(), "AsOf": asOf,
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

func enabledPortUsed(rr *ruleRun) {
	for i, it := range rr.s.Interfaces {
		if len(it.Port) == 0 || it.DefaultEnabled == nil || !*it.DefaultEnabled {
			continue
		}
		used := slices.ContainsFunc(rr.s.DataStreams, func(ds spec.DataStream) bool {
			sameTransport := it.Transport == "" || ds.Transport == "" || it.Transport == ds.Transport
			return sameTransport && (it.Port.Overlaps(ds.Port) || (ds.Direction == spec.BothWays && it.Port.Overlaps(ds.SourcePort)))
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

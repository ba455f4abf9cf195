package spec

import (
	"regexp"
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
)

// KnownProfiles lists the requirement catalogs a spec may name.
var KnownProfiles = []string{"mdcg-2019-16", "fda-premarket-2023"}

// AnyEndpoint is the keyword for "any source or destination" in rules.
const AnyEndpoint = "any"

var (
	idRE   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	langRE = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
)

// validator checks what the decoder cannot see field by field: versions,
// unique ids and references between sections.
type validator struct {
	d *yamlx.Decoder
	s *Spec
}

func validate(d *yamlx.Decoder, s *Spec) {
	v := &validator{d: d, s: s}
	v.header()
	v.device()
	v.ids()
	v.references()
	v.waivers()
}

// errorAt reports a problem at the position of path.
func (v *validator) report(path, key string, args ...any) {
	v.d.ReportAt(v.s.Sources.Lookup(path), key, args...)
}

func (v *validator) header() {
	s := v.s
	switch {
	case !s.Sources.Has("spec_version"):
		v.report("", "spec.missing_version", FormatVersion)
	case s.SpecVersion != FormatVersion:
		v.report("spec_version", "spec.bad_version", s.SpecVersion, FormatVersion)
	}
	for i, p := range s.Profiles {
		if !slices.Contains(KnownProfiles, p) {
			v.report(yamlx.Index("profiles", i), "spec.unknown_profile", p, yamlx.QuoteList(KnownProfiles)+yamlx.Suggest(p, KnownProfiles))
		}
	}
	if s.Language != "" && !langRE.MatchString(s.Language) {
		v.report("language", "spec.bad_language", s.Language)
	}
}

func (v *validator) device() {
	dev := v.s.Device
	if dev.Class == "" || dev.Regulation == "" {
		return
	}
	valid := MDRClasses
	if dev.Regulation == IVDR {
		valid = IVDRClasses
	}
	if !slices.Contains(valid, string(dev.Class)) {
		v.report("device.class", "spec.class_regulation", dev.Class, dev.Regulation, yamlx.QuoteList(valid))
	}
}

// unique reports duplicate or malformed ids in one list. ids[i] is the id of
// item i at path list[i].id; empty ids are reported when required.
func (v *validator) unique(list string, ids []string, required bool, seen map[string]string) {
	if seen == nil {
		seen = map[string]string{}
	}
	for i, id := range ids {
		p := yamlx.Join(yamlx.Index(list, i), "id")
		if id == "" {
			if required {
				v.report(yamlx.Index(list, i), "spec.missing_id", list)
			}
			continue
		}
		if !idRE.MatchString(id) {
			v.report(p, "spec.bad_id", id)
			continue
		}
		if id == AnyEndpoint && (list == "network.nodes" || list == "network.zones") {
			v.report(p, "spec.reserved_id", id)
			continue
		}
		if prev, dup := seen[id]; dup {
			v.report(p, "spec.duplicate_id", id, v.s.Sources.Lookup(prev).Line)
			continue
		}
		seen[id] = p
	}
}

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	return out
}

func (v *validator) ids() {
	s := v.s
	// Nodes and zones share one namespace: streams and rules may name either.
	shared := map[string]string{}
	v.unique("network.zones", ids(s.Network.Zones, func(z Zone) string { return z.ID }), true, shared)
	v.unique("network.nodes", ids(s.Network.Nodes, func(n Node) string { return n.ID }), true, shared)
	v.unique("data_streams", ids(s.DataStreams, func(x DataStream) string { return x.ID }), true, nil)
	v.unique("firewall_rules", ids(s.FirewallRules, func(x FirewallRule) string { return x.ID }), true, nil)
	v.unique("roles", ids(s.Roles, func(x Role) string { return x.ID }), true, nil)
	v.unique("interfaces", ids(s.Interfaces, func(x Interface) string { return x.ID }), true, nil)
	v.unique("controls", ids(s.Controls, func(x Control) string { return x.ID }), false, nil)
	v.unique("security_events", ids(s.SecurityEvents, func(x SecurityEvent) string { return x.ID }), false, nil)
	v.unique("environment.required_controls", ids(s.Environment.RequiredControls, func(x EnvironmentControl) string { return x.ID }), false, nil)
	v.unique("risks.residual", ids(s.Risks.Residual, func(x ResidualRisk) string { return x.ID }), false, nil)
}

// ref reports a reference at path that names none of the valid ids.
func (v *validator) ref(path, value, kind string, valid []string, allowAny bool) {
	if value == "" || slices.Contains(valid, value) || (allowAny && value == AnyEndpoint) {
		return
	}
	hint := yamlx.Suggest(value, valid)
	if allowAny && hint == "" {
		hint = yamlx.Suggest(value, []string{AnyEndpoint})
	}
	if hint == "" {
		hint = declared(valid)
	}
	v.report(path, "spec.unknown_ref", kind, value, hint)
}

// maxListed is how many declared ids an unknown reference lists.
const maxListed = 10

// declared lists the ids a reference may name, when no one is close enough
// to suggest: "; declared: `a`, `b`", or that none is declared.
func declared(ids []string) string {
	if len(ids) == 0 {
		return msg.Get("spec.none_declared")
	}
	list := yamlx.QuoteList(ids[:min(len(ids), maxListed)])
	if len(ids) > maxListed {
		list += msg.Format("check.and_more", len(ids)-maxListed)
	}
	return msg.Format("spec.declared_ids", list)
}

func (v *validator) references() {
	s := v.s
	zones := ids(s.Network.Zones, func(z Zone) string { return z.ID })
	endpoints := append(zones, ids(s.Network.Nodes, func(n Node) string { return n.ID })...)
	roles := ids(s.Roles, func(r Role) string { return r.ID })
	streams := ids(s.DataStreams, func(x DataStream) string { return x.ID })
	ifaces := ids(s.Interfaces, func(x Interface) string { return x.ID })

	v.ref("network.zone", s.Network.Zone, "zone", zones, false)
	for i, n := range s.Network.Nodes {
		v.ref(yamlx.Join(yamlx.Index("network.nodes", i), "zone"), n.Zone, "zone", zones, false)
	}
	for i, ds := range s.DataStreams {
		p := yamlx.Index("data_streams", i)
		v.ref(yamlx.Join(p, "source"), ds.Source, "node or zone", endpoints, false)
		v.ref(yamlx.Join(p, "destination"), ds.Destination, "node or zone", endpoints, false)
		if ds.Transport == ICMP || ds.Transport == AnyProtocol {
			v.report(yamlx.Join(p, "transport"), "spec.stream_transport", ds.Transport)
		}
		if !ds.Transport.IsIP() && len(ds.Port) > 0 {
			v.report(yamlx.Join(p, "port"), "spec.non_ip_port", ds.Transport)
		}
	}
	for i, r := range s.FirewallRules {
		p := yamlx.Index("firewall_rules", i)
		v.ref(yamlx.Join(p, "source"), r.Source, "node or zone", endpoints, true)
		v.ref(yamlx.Join(p, "destination"), r.Destination, "node or zone", endpoints, true)
		v.ref(yamlx.Join(p, "stream"), r.Stream, "data stream", streams, false)
		if !r.Protocol.IsIP() {
			v.report(yamlx.Join(p, "protocol"), "spec.rule_not_ip", r.Protocol)
		}
		if r.Protocol == ICMP && len(r.Ports) > 0 {
			v.report(yamlx.Join(p, "ports"), "spec.icmp_ports")
		}
	}
	for i, it := range s.Interfaces {
		p := yamlx.Index("interfaces", i)
		for j, e := range it.Endpoints {
			v.ref(yamlx.Index(yamlx.Join(p, "endpoints"), j), e, "node or zone", endpoints, true)
		}
	}
	for i, h := range s.Hardware {
		for j, name := range h.Interfaces {
			v.ref(yamlx.Index(yamlx.Join(yamlx.Index("hardware", i), "interfaces"), j), name, "interface", ifaces, false)
		}
	}
	for i, a := range s.Accounts {
		v.ref(yamlx.Join(yamlx.Index("accounts", i), "role"), a.Role, "role", roles, false)
	}
	v.ref("updates.installer_role", s.Updates.InstallerRole, "role", roles, false)
	v.ref("backup.configuration.who", s.Backup.Configuration.Who, "role", roles, false)
	for i, c := range s.Components {
		if c.Purl == "" && c.BOMRef == "" {
			v.report(yamlx.Index("components", i), "spec.component_key")
		}
	}
}

func (v *validator) waivers() {
	for i, w := range v.s.Waivers {
		p := yamlx.Index("waivers", i)
		if strings.TrimSpace(w.Rule) == "" {
			v.report(p, "spec.waiver_rule")
		}
		if IsPlaceholder(w.Rationale.Value) {
			v.report(p, "spec.waiver_rationale")
		}
	}
}

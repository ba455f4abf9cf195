package spec

import (
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
)

// KnownProfiles lists the requirement catalogs a spec may name: the
// embedded profiles, then the former names that still select them
// (fda-premarket-2023 selects fda-premarket-2026). The catalog tests keep it
// equal to the catalogs' profiles and aliases.
var KnownProfiles = []string{"mdcg-2019-16", "fda-premarket-2026", "fda-premarket-2023"}

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
	v.resolveTexts()
	v.device()
	v.deprecated()
	v.ids()
	v.references()
	v.streamsAndRules()
	v.absences()
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
	case !slices.Contains(FormatVersions, s.SpecVersion):
		v.report("spec_version", "spec.bad_version", s.SpecVersion, FormatVersion)
	}
	for i, p := range s.Profiles {
		if !slices.Contains(KnownProfiles, p) {
			v.report(yamlx.Index("profiles", i), "spec.unknown_profile", p, yamlx.QuoteList(KnownProfiles)+yamlx.Suggest(p, KnownProfiles))
		}
	}
	v.language("language", s.Language)
	for i, l := range s.Languages {
		v.language(yamlx.Index("languages", i), l)
	}
}

// language checks a language tag at path: well formed, and a language
// docgen has document texts in (a folder templates/messages/<tag>/).
func (v *validator) language(path, tag string) {
	switch {
	case tag == "":
	case !langRE.MatchString(tag):
		v.report(path, "spec.bad_language", tag)
	case !msg.HasLanguage(tag):
		v.report(path, "spec.no_language_set", tag, strings.Join(msg.Languages(), ", "))
	}
}

// deprecated records the deprecated forms a spec uses, each with the
// rewrite that gives its current form, and gives them their current
// meaning, so the rest of docgen sees only current forms. Every deprecated
// form of the format is recorded here and nowhere else.
func (v *validator) deprecated() {
	s := v.s
	if s.Network.InternetRequired != nil {
		access := NoInternet
		if *s.Network.InternetRequired {
			access = InternetRequired
		}
		old := "internet_required: " + strconv.FormatBool(*s.Network.InternetRequired)
		switch {
		case s.Network.Internet == "":
			// Findings about internet point at the line that states it.
			s.Network.Internet = access
			s.Sources.Set("network.internet", s.Sources.Lookup("network.internet_required"))
			v.deprecate("network.internet_required", old, Rewrite{Key: "internet", Value: string(access)})
		case s.Network.Internet != access && !(access == NoInternet && s.Network.Internet == RestrictedInternet):
			v.report("network.internet", "spec.internet_conflict", s.Network.Internet, *s.Network.InternetRequired)
		default: // internet says the same, or more precisely
			v.deprecate("network.internet_required", old, Rewrite{Key: "internet", Value: string(s.Network.Internet), Drop: true})
		}
	}
	for i, r := range s.Responsibilities {
		p := yamlx.Index("responsibilities", i)
		for _, list := range []struct {
			name string
			ss   []Stakeholder
		}{{"responsible", r.Responsible}, {"consulted", r.Consulted}} {
			for j, st := range list.ss {
				if st == AnyUser {
					v.deprecate(yamlx.Index(yamlx.Join(p, list.name), j), string(st), Rewrite{Value: string(s.Resolve(st))})
				}
			}
		}
	}
	for i, c := range s.Environment.RequiredControls {
		if c.Owner == AnyUser {
			v.deprecate(yamlx.Join(yamlx.Index("environment.required_controls", i), "owner"), string(c.Owner), Rewrite{Value: string(s.Resolve(c.Owner))})
		}
	}
}

// deprecate records a deprecated form, written old, at path, with the
// rewrite that gives its current form.
func (v *validator) deprecate(path, old string, r Rewrite) {
	v.s.Deprecations = append(v.s.Deprecations, Deprecation{Path: path, Old: old, New: r.Current(), Rewrite: r})
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
	v.unique("variants", ids(s.Variants, func(x Variant) string { return x.ID }), true, nil)
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
		if ds.Transport == AnyProtocol {
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
		if r.Protocol.IsICMP() && len(r.Ports) > 0 {
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
	nodes := ids(s.Network.Nodes, func(n Node) string { return n.ID })
	variants := ids(s.Variants, func(x Variant) string { return x.ID })
	for i, it := range s.Interfaces {
		p := yamlx.Index("interfaces", i)
		v.ref(yamlx.Join(p, "node"), it.Node, "node", nodes, false)
		v.variantRefs(yamlx.Join(p, "variants"), it.Variants, variants)
		if it.WiFi != nil && it.Kind != "" && it.Kind != "wifi" {
			v.report(yamlx.Join(p, "wifi"), "spec.wifi_kind", it.Kind)
		}
	}
	for i, a := range s.Accounts {
		v.ref(yamlx.Join(yamlx.Index("accounts", i), "node"), a.Node, "node", nodes, false)
	}
	for i, n := range s.Network.Nodes {
		v.variantRefs(yamlx.Join(yamlx.Index("network.nodes", i), "variants"), n.Variants, variants)
	}
	for i, ds := range s.DataStreams {
		p := yamlx.Index("data_streams", i)
		v.ref(yamlx.Join(p, "tunnel"), ds.Tunnel, "data stream", streams, false)
		v.variantRefs(yamlx.Join(p, "variants"), ds.Variants, variants)
	}
	for i, r := range s.FirewallRules {
		v.variantRefs(yamlx.Join(yamlx.Index("firewall_rules", i), "variants"), r.Variants, variants)
	}
	v.ref("updates.installer_role", s.Updates.InstallerRole, "role", roles, false)
	v.ref("backup.configuration.who", s.Backup.Configuration.Who, "role", roles, false)
	for i, c := range s.Components {
		if c.Purl == "" && c.BOMRef == "" {
			v.report(yamlx.Index("components", i), "spec.component_key")
		}
	}
}

// variantRefs reports variant ids in list that no variant declares.
func (v *validator) variantRefs(path string, list, declared []string) {
	for j, id := range list {
		v.ref(yamlx.Index(path, j), id, "variant", declared, false)
	}
}

// streamsAndRules checks the fields of data streams and firewall rules
// that only make sense together: ports and ICMP types with their transports,
// tunnels without loops.
func (v *validator) streamsAndRules() {
	s := v.s
	byID := map[string]int{}
	for i, ds := range s.DataStreams {
		byID[ds.ID] = i
	}
	for i, ds := range s.DataStreams {
		p := yamlx.Index("data_streams", i)
		if len(ds.SourcePort) > 0 && !ds.Transport.HasPorts() {
			v.report(yamlx.Join(p, "source_port"), "spec.ports_transport", ds.Transport)
		}
		if len(ds.ICMPTypes) > 0 && !ds.Transport.IsICMP() {
			v.report(yamlx.Join(p, "icmp_types"), "spec.icmp_types_transport", ds.Transport)
		}
		if ds.Transport.IsICMP() && len(ds.Port) > 0 {
			v.report(yamlx.Join(p, "port"), "spec.icmp_ports")
		}
		// A tunnel must lead, through its carriers, to a stream that is
		// carried by nothing.
		seen := map[string]bool{ds.ID: true}
		for t := ds.Tunnel; t != ""; {
			k, ok := byID[t]
			if !ok {
				break // reported as an unknown reference
			}
			if seen[t] {
				v.report(yamlx.Join(p, "tunnel"), "spec.tunnel_loop", ds.ID)
				break
			}
			seen[t] = true
			t = s.DataStreams[k].Tunnel
		}
	}
	for i, r := range s.FirewallRules {
		p := yamlx.Index("firewall_rules", i)
		if len(r.SourcePorts) > 0 && !r.Protocol.HasPorts() {
			v.report(yamlx.Join(p, "source_ports"), "spec.ports_transport", r.Protocol)
		}
		if len(r.ICMPTypes) > 0 && !r.Protocol.IsICMP() {
			v.report(yamlx.Join(p, "icmp_types"), "spec.icmp_types_transport", r.Protocol)
		}
	}
}

// absences reports stated absences that the spec contradicts by giving the
// very thing it says does not exist.
func (v *validator) absences() {
	s := v.s
	root := reflect.ValueOf(s).Elem()
	av := reflect.ValueOf(s.Absent)
	fields := yamlx.StructFields(av.Type())
	for _, name := range fields.Names() {
		f, _ := fields.Field(name)
		t := av.FieldByIndex(f.Index).Interface().(Text)
		if IsPlaceholder(t.Value) {
			if s.Sources.Has("absent." + name) {
				v.report("absent."+name, "spec.absent_reason", name)
			}
			continue
		}
		if HasContent(Field(root, name)) {
			v.report("absent."+name, "spec.absent_contradiction", name)
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

package docs

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/docgen/docgen/generator/duties"
	"github.com/docgen/docgen/generator/sbom"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// tableBuilders maps a table id to the function that builds it from the
// spec; templates show a table with {{table "id"}}.
var tableBuilders = map[string]func(*tableInput) *Table{
	"firewall-rules":       firewallTable,
	"data-streams":         streamTable,
	"interfaces":           interfaceTable,
	"roles":                roleTable,
	"user-roles":           userRoleTable,
	"accounts":             accountTable,
	"security-events":      eventTable,
	"capabilities":         capabilityTable,
	"hardening":            hardeningTable,
	"environment-controls": envControlTable,
	"residual-risks":       riskTable,
	"platform":             platformTable,
	"admin-platform":       adminPlatformTable,
	"nodes":                nodeTable,
	"zones":                zoneTable,
	"hardware":             hardwareTable,
	"data-stores":          dataStoreTable,
	"history":              historyTable,
	"approvals":            approvalTable,
	"log-exports":          logExportTable,
	"duties":               dutyTable,
	"duties-share":         dutyShareTable,
	"variants":             variantTable,
	"crypto-modules":       cryptoModuleTable,
	"components":           componentTable,
	"vulnerabilities":      vulnerabilityTable,
	"open-vulnerabilities": openVulnerabilityTable,
	"sbom-types":           componentTypeTable,
	"sbom-suppliers":       supplierTable,
	"sbom-support":         supportLevelTable,
	"sbom-attention":       attentionTable,
	"sbom-vuln-states":     vulnStateTable,
}

// CSVTables lists the tables also written as CSV files next to the
// documents, for import into firewalls and spreadsheets.
var CSVTables = []string{"firewall-rules", "data-streams", "interfaces"}

// ComponentsCSV is the table of every SBOM component, written as CSV when
// the spec has an SBOM, however large: the documents summarise a large one.
const ComponentsCSV = "components"

// tableInput is what tables are built from.
type tableInput struct {
	words
	s    *spec.Spec
	bom  *sbom.BOM
	lay  bool // the document is read by lay users
	duty []duties.Duty
	// asOf is the date end of support is judged at (check.Result.AsOf).
	asOf time.Time
	// summary is the SBOM's summary, made on first use.
	summary *sbom.Summary
}

func idx(list string, i int) string             { return yamlx.Index(list, i) }
func field(list string, i int, f string) string { return yamlx.Join(yamlx.Index(list, i), f) }

// stakeholderNames shows stakeholders in words.
func (w words) stakeholderNames(s *spec.Spec, ss []spec.Stakeholder) string {
	names := make([]string, len(ss))
	for i, st := range ss {
		names[i] = w.get("stakeholder." + string(s.Resolve(st)))
	}
	return strings.Join(names, ", ")
}

// variantNames shows the variants an element applies to; "" for all.
func variantNames(s *spec.Spec, ids []string) string {
	var out []string
	for _, id := range ids {
		name := id
		for _, v := range s.Variants {
			if v.ID == id && v.Name != "" {
				name = v.Name
			}
		}
		out = append(out, name)
	}
	return strings.Join(out, ", ")
}

// portText shows ports, marked when the site may change them.
func (w words) portText(p spec.Ports, configurable bool) string {
	s := p.String()
	if s != "" && configurable {
		s = w.format("port.configurable", s)
	}
	return s
}

// icmpText shows ICMP types, or "all types".
func (w words) icmpText(types []spec.ICMPType) string {
	if len(types) == 0 {
		return w.get("port.icmp_all")
	}
	out := make([]string, len(types))
	for i, t := range types {
		out[i] = string(t)
	}
	return strings.Join(out, ", ")
}

// rulePorts shows a rule's destination ports: all ports when none are
// given, ICMP types for ICMP.
func (w words) rulePorts(r spec.FirewallRule) string {
	switch {
	case r.Protocol.IsICMP():
		return w.icmpText(r.ICMPTypes)
	case len(r.Ports) == 0 && r.Protocol.HasPorts():
		return w.get("word.all_ports")
	}
	return w.portText(r.Ports, r.Configurable)
}

// stateText shows how a rule treats replies.
func (w words) stateText(stateful *bool) string {
	switch {
	case stateful == nil:
		return ""
	case *stateful:
		return w.get("rule.stateful")
	}
	return w.get("rule.stateless")
}

// withCondition appends a condition to a text: "text; only when ...".
func (w words) withCondition(text string, cond spec.Text) string {
	if spec.IsPlaceholder(cond.Value) {
		return text
	}
	c := w.format("word.condition", oneLine(w.tr(cond)))
	if text == "" {
		return c
	}
	return w.join([]string{text, c})
}

func firewallTable(in *tableInput) *Table {
	s := in.s
	t := in.newTable("firewall-rules", "order", "id*", "direction", "source", "source_ports#?", "destination", "ports#", "protocol", "action", "state?", "condition?", "stream*?", "variants?", "rationale")
	for i, r := range s.FirewallRules {
		p := idx("firewall_rules", i)
		why := oneLine(in.tr(r.Rationale))
		if j := oneLine(in.tr(r.Justification)); j != "" {
			why = strings.TrimSpace(why + " " + in.format("table.justification", j))
		}
		order := strconv.Itoa(i + 1)
		t.add(p, c(order, ""), c(r.ID, field("firewall_rules", i, "id")), c(in.enumWordsOf(r.Direction), field("firewall_rules", i, "direction")),
			c(in.endpointName(s, r.Source), field("firewall_rules", i, "source")), c(in.portText(r.SourcePorts, false), field("firewall_rules", i, "source_ports")),
			c(in.endpointName(s, r.Destination), field("firewall_rules", i, "destination")), c(in.rulePorts(r), portsPath(r, i)),
			c(string(r.Protocol), field("firewall_rules", i, "protocol")), c(in.enumWordsOf(r.Action), field("firewall_rules", i, "action")),
			c(in.stateText(r.Stateful), field("firewall_rules", i, "stateful")), c(oneLine(in.tr(r.Condition)), field("firewall_rules", i, "condition")),
			c(r.Stream, field("firewall_rules", i, "stream")), c(variantNames(s, r.Variants), field("firewall_rules", i, "variants")),
			c(why, when(!spec.IsPlaceholder(r.Rationale.Value), field("firewall_rules", i, "rationale")), when(!spec.IsPlaceholder(r.Justification.Value), field("firewall_rules", i, "justification"))))
		if r.Stateful != nil && !*r.Stateful && r.Action == spec.Allow && r.Protocol.HasPorts() {
			// A stateless firewall needs the replies as a rule of their own.
			back := spec.Outbound
			if r.Direction == spec.Outbound {
				back = spec.Inbound
			}
			src := in.get("word.all_ports")
			if len(r.SourcePorts) > 0 {
				src = r.SourcePorts.String()
			}
			t.add(p, c(order+in.get("rule.return_suffix"), ""), c(in.format("rule.return_id", r.ID), ""), c(in.enumWordsOf(back), ""),
				c(in.endpointName(s, r.Destination), field("firewall_rules", i, "destination")), c(in.rulePorts(r), portsPath(r, i)),
				c(in.endpointName(s, r.Source), field("firewall_rules", i, "source")), c(src, when(len(r.SourcePorts) > 0, field("firewall_rules", i, "source_ports")), p),
				c(string(r.Protocol), ""), c(in.enumWordsOf(r.Action), ""), c(in.get("rule.return_state"), field("firewall_rules", i, "stateful")),
				c(oneLine(in.tr(r.Condition)), ""), c(r.Stream, ""), c(variantNames(s, r.Variants), ""), c(in.format("rule.return_rationale", r.ID), ""))
		}
	}
	return t
}

// portsPath is what a rule's ports cell states: its ports or ICMP types
// when given, else the rule itself (which then matches all of them).
func portsPath(r spec.FirewallRule, i int) string {
	switch {
	case r.Protocol.IsICMP() && len(r.ICMPTypes) > 0:
		return field("firewall_rules", i, "icmp_types")
	case !r.Protocol.IsICMP() && len(r.Ports) > 0:
		return field("firewall_rules", i, "ports")
	}
	return idx("firewall_rules", i)
}

// enumWordsOf shows an enumeration value in words.
func (w words) enumWordsOf(v any) string { return w.enumWords(reflect.ValueOf(v)) }

func streamTable(in *tableInput) *Table {
	s := in.s
	t := in.newTable("data-streams", "id*", "name", "source", "source_port#?", "destination", "port#", "protocol", "transport", "direction?", "encryption", "authentication", "addressing", "data", "state?", "variants?")
	for i, d := range s.DataStreams {
		f := func(name string) string { return field("data_streams", i, name) }
		enc := d.Encryption
		if d.Tunnel != "" {
			enc = strings.TrimSpace(in.format("stream.in_tunnel", d.Tunnel) + " " + enc)
		}
		if d.SNMP != nil {
			enc = strings.TrimSpace(enc + " " + in.format("stream.snmp", d.SNMP.String()))
		}
		if j := oneLine(in.tr(d.Justification)); j != "" {
			enc = strings.TrimSpace(enc + " " + in.format("table.justification", j))
		}
		port, portPath := in.portText(d.Port, d.Configurable), f("port")
		if d.Transport.IsICMP() {
			port, portPath = in.icmpText(d.ICMPTypes), when(len(d.ICMPTypes) > 0, f("icmp_types"))
		}
		dir := ""
		if d.Direction == spec.BothWays {
			dir = in.get("stream.both")
		}
		state := ""
		if d.DefaultEnabled != nil {
			state = in.get("state.on")
			if !*d.DefaultEnabled {
				state = in.get("state.off")
			}
		}
		t.add(idx("data_streams", i), c(d.ID, f("id")), c(d.Name, f("name")), c(in.endpointName(s, d.Source), f("source")),
			c(in.portText(d.SourcePort, false), f("source_port")), c(in.endpointName(s, d.Destination), f("destination")), c(port, portPath, idx("data_streams", i)),
			c(d.Protocol, f("protocol")), c(string(d.Transport), f("transport")), c(dir, f("direction")),
			c(enc, when(d.Encryption != "", f("encryption")), when(d.Tunnel != "", f("tunnel")), when(d.SNMP != nil, f("snmp")), when(!spec.IsPlaceholder(d.Justification.Value), f("justification"))),
			c(oneLine(in.tr(d.Authentication)), f("authentication")), c(oneLine(in.tr(d.Addressing)), f("addressing")), c(oneLine(in.tr(d.Data)), f("data")),
			c(in.withCondition(state, d.Condition), when(d.DefaultEnabled != nil, f("default_enabled")), when(!spec.IsPlaceholder(d.Condition.Value), f("condition"))), c(variantNames(s, d.Variants), f("variants")))
	}
	return t
}

// multiComponent reports whether the spec describes a system of several
// components the manufacturer supplies.
func multiComponent(s *spec.Spec) bool {
	n := 0
	for i := range s.Network.Nodes {
		if s.IsSupplied(i) {
			n++
		}
	}
	return n > 1
}

// nodeName shows a node by its name, or its id.
func nodeName(s *spec.Spec, id string) string {
	for _, n := range s.Network.Nodes {
		if n.ID == id && n.Name != "" {
			return n.Name
		}
	}
	return id
}

func interfaceTable(in *tableInput) *Table {
	s := in.s
	t := in.newTable("interfaces", "id*", "name", "component?", "kind", "port#", "service", "direction", "purpose", "default", "endpoints", "wifi?", "variants?")
	for i, it := range s.Interfaces {
		f := func(name string) string { return field("interfaces", i, name) }
		port := in.portText(it.Port, it.Configurable)
		if port != "" && it.Transport != "" {
			port = string(it.Transport) + "/" + port
		}
		ends := make([]string, len(it.Endpoints))
		for j, e := range it.Endpoints {
			ends[j] = in.endpointName(s, e)
		}
		comp := ""
		if it.Node != "" {
			comp = nodeName(s, it.Node)
		}
		wifi := ""
		if it.WiFi != nil {
			wifi = in.enumWordsOf(it.WiFi.Security)
			if len(it.WiFi.EAP) > 0 {
				wifi = strings.TrimSpace(wifi + " (" + strings.Join(it.WiFi.EAP, ", ") + ")")
			}
			if n := oneLine(in.tr(it.WiFi.Notes)); n != "" {
				wifi = strings.TrimSpace(in.join([]string{wifi, n}))
			}
		}
		t.add(idx("interfaces", i), c(it.ID, f("id")), c(it.Name, f("name")), c(comp, f("node")), c(in.enumWordsOf(it.Kind), f("kind")),
			c(port, f("port")), c(it.Service, f("service")), c(in.enumWordsOf(it.Direction), f("direction")), c(oneLine(in.tr(it.Purpose)), f("purpose")),
			c(in.withCondition(in.enabled(it.DefaultEnabled), it.Condition), when(it.DefaultEnabled != nil, f("default_enabled")), when(!spec.IsPlaceholder(it.Condition.Value), f("condition"))), c(strings.Join(ends, ", "), f("endpoints")),
			c(wifi, f("wifi")), c(variantNames(s, it.Variants), f("variants")))
	}
	return t
}

func (w words) enabled(b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return w.get("word.enabled")
	}
	return w.get("word.disabled")
}

func (w words) yesNoPtr(b *bool) string {
	if b == nil {
		return ""
	}
	return w.yesNo(*b)
}

func roleTable(in *tableInput) *Table {
	t := in.newTable("roles", "name", "permissions", "credentials?", "skills")
	for i, r := range in.s.Roles {
		var creds []string
		for _, cr := range r.Credentials {
			x := in.enumWordsOf(cr.Kind)
			if d := oneLine(in.tr(cr.Detail)); d != "" {
				x += " (" + d + ")"
			}
			creds = append(creds, x)
		}
		t.add(idx("roles", i), c(r.Name, field("roles", i, "name")), c(in.joinTexts(r.Permissions), field("roles", i, "permissions")),
			c(in.join(creds), field("roles", i, "credentials")), c(oneLine(in.tr(r.RequiredSkills)), field("roles", i, "required_skills")))
	}
	return t
}

// userRoleTable holds the roles of the IfU's readers: the roles lay users
// hold in a document for lay users; else the roles of the operator and of
// professional and lay users. Roles that do not say who holds them are
// shown in both.
func userRoleTable(in *tableInput) *Table {
	all := roleTable(in)
	t := in.newTable("roles", "name", "permissions", "credentials?", "skills")
	t.ID = "user-roles"
	readers := []spec.Stakeholder{spec.ByOperator, spec.ProfessionalUser, spec.LayUser}
	if in.lay {
		readers = []spec.Stakeholder{spec.LayUser}
	}
	for i, r := range in.s.Roles {
		if r.HeldBy == "" || slices.Contains(readers, in.s.Resolve(r.HeldBy)) {
			t.Rows = append(t.Rows, all.Rows[i])
		}
	}
	return t
}

func roleName(s *spec.Spec, id string) string {
	for _, r := range s.Roles {
		if r.ID == id && r.Name != "" {
			return r.Name
		}
	}
	return id
}

func accountTable(in *tableInput) *Table {
	s := in.s
	t := in.newTable("accounts", "name*", "type", "role", "component?", "default", "must_change", "changeable", "notes")
	for i, a := range s.Accounts {
		f := func(name string) string { return field("accounts", i, name) }
		notes := strings.TrimSpace(oneLine(in.tr(a.DefaultCredential)) + " " + oneLine(in.tr(a.Justification)))
		comp := ""
		if a.Node != "" {
			comp = nodeName(s, a.Node)
		}
		t.add(idx("accounts", i), c(a.Name, f("name")), c(in.enumWordsOf(a.Type), f("type")), c(roleName(s, a.Role), f("role")), c(comp, f("node")),
			c(in.yesNo(a.Default), f("default")), c(in.yesNoPtr(a.MustChange), f("must_change")), c(in.yesNoPtr(a.Changeable), f("changeable")),
			c(notes, when(!spec.IsPlaceholder(a.DefaultCredential.Value), f("default_credential")), when(!spec.IsPlaceholder(a.Justification.Value), f("justification"))))
	}
	return t
}

func eventTable(in *tableInput) *Table {
	t := in.newTable("security-events", "event", "notification", "action", "logged?")
	for i, e := range in.s.SecurityEvents {
		f := func(name string) string { return field("security_events", i, name) }
		t.add(idx("security_events", i), c(oneLine(in.tr(e.Type)), f("type")), c(oneLine(in.tr(e.Notification)), f("notification")),
			c(oneLine(in.tr(e.UserAction)), f("user_action")), c(in.yesNoPtr(e.Logged), f("logged")))
	}
	return t
}

func capabilityTable(in *tableInput) *Table {
	t := in.newTable("capabilities", "code*", "capability", "control", "default", "configurable?")
	for _, code := range spec.Capabilities {
		for i, ctl := range in.s.Controls {
			if string(ctl.Capability) != code {
				continue
			}
			f := func(name string) string { return field("controls", i, name) }
			t.add(idx("controls", i), c(code, f("capability")), c(in.get("capability."+code), f("capability")), c(oneLine(in.tr(ctl.Description)), f("description")),
				c(in.enumWordsOf(ctl.Default), f("default")), c(in.yesNoPtr(ctl.Configurable), f("configurable")))
		}
	}
	return t
}

func hardeningTable(in *tableInput) *Table {
	t := in.newTable("hardening", "setting", "recommended", "default", "risk")
	for i, h := range in.s.Hardening {
		f := func(name string) string { return field("hardening", i, name) }
		t.add(idx("hardening", i), c(oneLine(in.tr(h.Setting)), f("setting")), c(oneLine(in.tr(h.Recommended)), f("recommended")),
			c(oneLine(in.tr(h.Default)), f("default")), c(oneLine(in.tr(h.RiskIfChanged)), f("risk_if_changed")))
	}
	return t
}

func envControlTable(in *tableInput) *Table {
	s := in.s
	t := in.newTable("environment-controls", "control", "mandatory", "relied_on?", "owner")
	for i, ctl := range s.Environment.RequiredControls {
		if in.lay && s.Resolve(ctl.Owner) != spec.LayUser {
			continue // a lay reader provides only their own controls
		}
		f := func(name string) string { return field("environment.required_controls", i, name) }
		owner := ""
		if ctl.Owner != "" {
			owner = in.stakeholderNames(s, []spec.Stakeholder{ctl.Owner})
		}
		t.add(idx("environment.required_controls", i), c(oneLine(in.tr(ctl.Description)), f("description")), c(in.yesNoPtr(ctl.Mandatory), f("mandatory")),
			c(in.yesNoPtr(ctl.ReliedOn), f("relied_on")), c(owner, f("owner")))
	}
	return t
}

func riskTable(in *tableInput) *Table {
	t := in.newTable("residual-risks", "risk", "action")
	for i, r := range in.s.Risks.Residual {
		t.add(idx("risks.residual", i), c(oneLine(in.tr(r.Description)), field("risks.residual", i, "description")),
			c(oneLine(in.tr(r.UserAction)), field("risks.residual", i, "user_action")))
	}
	return t
}

// addPlatformRows adds one row per platform item of list at path.
func (w words) addPlatformRows(t *Table, component, path string, items []spec.PlatformItem) {
	for i, p := range items {
		f := func(name string) string { return field(path, i, name) }
		cells := []Cell{c(p.Name, f("name")), c(strings.Join(p.Versions, ", "), f("versions")), c(p.EndOfSupport.String(), f("end_of_support")), c(oneLine(w.tr(p.Notes)), f("notes"))}
		if len(t.Columns) == 5 {
			cells = append([]Cell{c(component, "")}, cells...)
		}
		t.add(idx(path, i), cells...)
	}
}

// platformTable lists the platform: operating systems, middleware and the
// platforms of the other components. Lay readers see only the operating
// systems they install the device on.
func platformTable(in *tableInput) *Table {
	s := in.s
	t := in.newTable("platform", "component?", "name", "versions", "eos@", "notes")
	device := "" // the top-level platform is the device's own
	if i := s.DeviceNode(); i >= 0 && multiComponent(s) {
		device = nodeName(s, s.Network.Nodes[i].ID)
	}
	in.addPlatformRows(t, device, "platform.os", s.Platform.OS)
	if in.lay {
		return t
	}
	in.addPlatformRows(t, device, "platform.middleware", s.Platform.Middleware)
	for i, n := range s.Network.Nodes {
		if n.Platform == nil {
			continue
		}
		name := nodeName(s, n.ID)
		p := field("network.nodes", i, "platform")
		in.addPlatformRows(t, name, yamlx.Join(p, "os"), n.Platform.OS)
		in.addPlatformRows(t, name, yamlx.Join(p, "middleware"), n.Platform.Middleware)
	}
	return t
}

func adminPlatformTable(in *tableInput) *Table {
	t := in.newTable("admin-platform", "name", "versions", "eos@", "notes")
	if aw := in.s.Platform.AdminWorkstation; aw != nil {
		in.addPlatformRows(t, "", "platform.admin_workstation.os", aw.OS)
		in.addPlatformRows(t, "", "platform.admin_workstation.software", aw.Software)
	}
	return t
}

func nodeTable(in *tableInput) *Table {
	s := in.s
	t := in.newTable("nodes", "id*", "name", "kind", "zone", "addresses*?", "supplied?", "description", "variants?")
	for i, n := range s.Network.Nodes {
		f := func(name string) string { return field("network.nodes", i, name) }
		addrs := make([]string, len(n.Addresses))
		for j, a := range n.Addresses {
			addrs[j] = a.Text
		}
		supplied, suppliedPath := "", f("supplied")
		if s.IsSupplied(i) {
			supplied = in.get("word.yes")
		}
		if n.Supplied == nil {
			suppliedPath = f("kind") // supplied because it is the device
		}
		t.add(idx("network.nodes", i), c(n.ID, f("id")), c(n.Name, f("name")), c(in.nodeKind(n.Kind), f("kind")), c(in.endpointName(s, n.Zone), f("zone")),
			c(strings.Join(addrs, ", "), f("addresses")), c(supplied, suppliedPath), c(oneLine(in.tr(n.Description)), f("description")),
			c(variantNames(s, n.Variants), f("variants")))
	}
	return t
}

func zoneTable(in *tableInput) *Table {
	t := in.newTable("zones", "id*", "name", "cidrs*?", "description")
	for i, z := range in.s.Network.Zones {
		f := func(name string) string { return field("network.zones", i, name) }
		cidrs := make([]string, len(z.CIDRs))
		for j, cd := range z.CIDRs {
			cidrs[j] = cd.String()
		}
		t.add(idx("network.zones", i), c(z.ID, f("id")), c(z.Name, f("name")), c(strings.Join(cidrs, ", "), f("cidrs")), c(oneLine(in.tr(z.Description)), f("description")))
	}
	return t
}

func hardwareTable(in *tableInput) *Table {
	t := in.newTable("hardware", "component", "model", "interfaces*?", "properties")
	for i, h := range in.s.Hardware {
		f := func(name string) string { return field("hardware", i, name) }
		t.add(idx("hardware", i), c(oneLine(in.tr(h.Component)), f("component")), c(h.Model, f("model")), c(strings.Join(h.Interfaces, ", "), f("interfaces")),
			c(oneLine(in.tr(h.Properties)), f("properties")))
	}
	return t
}

func dataStoreTable(in *tableInput) *Table {
	t := in.newTable("data-stores", "data", "location", "personal", "encrypted", "protection")
	for i, d := range in.s.DataStores {
		f := func(name string) string { return field("data_stores", i, name) }
		t.add(idx("data_stores", i), c(oneLine(in.tr(d.Data)), f("data")), c(oneLine(in.tr(d.Location)), f("location")), c(in.yesNoPtr(d.PersonalData), f("personal_data")),
			c(in.yesNoPtr(d.Encrypted), f("encrypted")), c(oneLine(in.tr(d.Protection)), f("protection")))
	}
	return t
}

func historyTable(in *tableInput) *Table {
	t := in.newTable("history", "revision", "date@", "author", "changes")
	for i, h := range in.s.Document.History {
		f := func(name string) string { return field("document.history", i, name) }
		t.add(idx("document.history", i), c(h.Revision, f("revision")), c(h.Date.String(), f("date")), c(h.Author, f("author")), c(oneLine(in.tr(h.Changes)), f("changes")))
	}
	return t
}

func approvalTable(in *tableInput) *Table {
	t := in.newTable("approvals", "name", "role", "date@")
	for i, a := range in.s.Document.Approvals {
		f := func(name string) string { return field("document.approvals", i, name) }
		t.add(idx("document.approvals", i), c(a.Name, f("name")), c(a.Role, f("role")), c(a.Date.String(), f("date")))
	}
	return t
}

func logExportTable(in *tableInput) *Table {
	t := in.newTable("log-exports", "protocol", "destination", "format")
	for i, e := range in.s.Logging.Export {
		f := func(name string) string { return field("logging.export", i, name) }
		t.add(idx("logging.export", i), c(e.Protocol, f("protocol")), c(in.endpointName(in.s, e.Destination), f("destination")), c(oneLine(in.tr(e.Format)), f("format")))
	}
	return t
}

// dutyRow adds one duty to t.
func (w words) dutyRow(t *Table, s *spec.Spec, d duties.Duty) {
	p := d.Path
	t.add(p, c(d.Title, p), c(w.stakeholderNames(s, d.Responsible), p), c(w.stakeholderNames(s, d.Consulted), p), c(oneLine(d.Notes), p))
}

func dutyTable(in *tableInput) *Table {
	t := in.newTable("duties", "activity", "responsible", "consulted", "notes?")
	for _, d := range in.duty {
		in.dutyRow(t, in.s, d)
	}
	return t
}

// dutyShareTable holds the duties of the readers of the IfU: the lay user
// in a document for lay users, else the operator and professional users.
func dutyShareTable(in *tableInput) *Table {
	t := in.newTable("duties", "activity", "responsible", "consulted", "notes?")
	t.ID = "duties-share"
	for _, d := range in.duty {
		mine := d.Has(spec.LayUser)
		if !in.lay {
			mine = d.Has(spec.ByOperator) || d.Has(spec.ProfessionalUser)
		}
		if mine {
			in.dutyRow(t, in.s, d)
		}
	}
	return t
}

func variantTable(in *tableInput) *Table {
	t := in.newTable("variants", "id*", "name", "model", "description")
	for i, v := range in.s.Variants {
		f := func(name string) string { return field("variants", i, name) }
		t.add(idx("variants", i), c(v.ID, f("id")), c(v.Name, f("name")), c(v.Model, f("model")), c(oneLine(in.tr(v.Description)), f("description")))
	}
	return t
}

func cryptoModuleTable(in *tableInput) *Table {
	t := in.newTable("crypto-modules", "name", "version", "validation", "certificate", "notes?")
	for i, m := range in.s.Crypto.Modules {
		f := func(name string) string { return field("crypto.modules", i, name) }
		t.add(idx("crypto.modules", i), c(m.Name, f("name")), c(m.Version, f("version")), c(string(m.Validation), f("validation")), c(m.Certificate, f("certificate")),
			c(oneLine(in.tr(m.Notes)), f("notes")))
	}
	return t
}

func componentTable(in *tableInput) *Table {
	t := in.newTable("components", "name", "version", "supplier", "licence", "purl*", "support", "eos@")
	if in.bom == nil {
		return t
	}
	for i := range in.bom.Components {
		cm := &in.bom.Components[i]
		name := componentName(cm)
		support := ""
		if cm.SupportLevel != "" {
			support = in.get("support." + cm.SupportLevel)
		}
		t.add("sbom.path", c(name, ""), c(cm.Version, ""), c(cm.SupplierName(), ""), c(strings.Join(cm.Licenses, ", "), ""), c(cm.Purl, ""), c(support, ""), c(cm.EndOfSupport, ""))
	}
	return t
}

func vulnerabilityTable(in *tableInput) *Table {
	return vulnTable(in, "vulnerabilities", false)
}

// openVulnerabilityTable lists the vulnerabilities that are still open
// (see sbom.Vulnerability.Open).
func openVulnerabilityTable(in *tableInput) *Table {
	return vulnTable(in, "open-vulnerabilities", true)
}

func vulnTable(in *tableInput, id string, onlyOpen bool) *Table {
	t := in.newTable(id, "id*", "severity", "affects", "state", "justification", "response")
	if in.bom == nil {
		return t
	}
	names := map[string]string{} // bom-ref -> "name version", for lookups only
	for _, cm := range in.bom.Components {
		if cm.BOMRef != "" {
			names[cm.BOMRef] = strings.TrimSpace(cm.Name + " " + cm.Version)
		}
	}
	for _, v := range in.bom.Vulnerabilities {
		if onlyOpen && !v.Open() {
			continue
		}
		affects := make([]string, len(v.Affects))
		for i, ref := range v.Affects {
			if n, ok := names[ref]; ok {
				affects[i] = n
			} else {
				affects[i] = ref
			}
		}
		state := v.State
		if state == "" {
			state = in.get("word.not_analysed")
		}
		t.add("sbom.path", c(v.ID, ""), c(severity(v.Ratings), ""), c(strings.Join(affects, ", "), ""), c(state, ""), c(v.Justification, ""),
			c(strings.TrimSpace(strings.Join(v.Responses, ", ")+" "+v.Detail), ""))
	}
	return t
}

// severity shows the highest-scored rating as "high (7.5, CVSSv31)".
func severity(rs []sbom.Rating) string {
	best := -1
	for i, r := range rs {
		if best < 0 || r.Score > rs[best].Score {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	r := rs[best]
	var extra []string
	if r.Score > 0 {
		extra = append(extra, strconv.FormatFloat(r.Score, 'f', 1, 64))
	}
	if r.Method != "" {
		extra = append(extra, r.Method)
	}
	s := r.Severity
	if len(extra) > 0 {
		s = strings.TrimSpace(s + " (" + strings.Join(extra, ", ") + ")")
	}
	return s
}

// nodeKind names a node kind as the network diagram's boxes and legend do,
// so that the node table and the diagram say the same.
func (w words) nodeKind(k spec.NodeKind) string {
	if k == "" {
		return ""
	}
	return w.get("diagram.kind." + string(k))
}

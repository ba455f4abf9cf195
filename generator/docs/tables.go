package docs

import (
	"strings"

	"github.com/docgen/docgen/generator/duties"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
)

// Tables holds every table the documents show, built once from the spec.
// Templates reach them as .Tables.FirewallRules and so on.
type Tables struct {
	FirewallRules   *Table
	DataStreams     *Table
	Interfaces      *Table
	Roles           *Table
	Accounts        *Table
	SecurityEvents  *Table
	Capabilities    *Table
	Hardening       *Table
	EnvControls     *Table
	ResidualRisks   *Table
	Platform        *Table
	AdminPlatform   *Table
	Nodes           *Table
	Zones           *Table
	Hardware        *Table
	DataStores      *Table
	History         *Table
	Approvals       *Table
	LogExports      *Table
	Components      *Table
	Vulnerabilities *Table
	// Duties is the whole responsibility matrix; DutiesShare the rows that
	// involve the user or the operator, for the IfU.
	Duties      *Table
	DutiesShare *Table
}

// CSVTables lists the tables written as CSV files next to the documents.
func (t *Tables) CSVTables() []*Table { return []*Table{t.FirewallRules, t.DataStreams} }

func yesNo(b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return msg.Get("word.yes")
	}
	return msg.Get("word.no")
}

func yes(b bool) string {
	if b {
		return msg.Get("word.yes")
	}
	return msg.Get("word.no")
}

// texts joins list items into one table cell, separated by semicolons; a
// full stop ending an item is dropped so the cell does not read ".;".
func texts(ts []spec.Text) string {
	parts := make([]string, 0, len(ts))
	for i, t := range ts {
		s := strings.TrimSpace(t.Value)
		if i < len(ts)-1 {
			s = strings.TrimSuffix(s, ".")
		}
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "; ")
}

// endpointName shows a node or zone id with its display name.
func endpointName(s *spec.Spec, id string) string {
	if id == spec.AnyEndpoint {
		return msg.Get("word.any")
	}
	for _, n := range s.Network.Nodes {
		if n.ID == id && n.Name != "" {
			return n.Name + " (" + id + ")"
		}
	}
	for _, z := range s.Network.Zones {
		if z.ID == id && z.Name != "" {
			return z.Name + " (" + id + ")"
		}
	}
	return id
}

func buildTables(s *spec.Spec) *Tables {
	t := &Tables{}

	t.FirewallRules = newTable("firewall-rules", "id*", "direction", "source", "destination", "protocol*", "ports*", "interface", "action", "stream*", "rationale")
	for _, r := range s.FirewallRules {
		why := r.Rationale.Value
		if j := strings.TrimSpace(r.Justification.Value); j != "" {
			why = strings.TrimSpace(why + " " + msg.Format("table.justification", j))
		}
		t.FirewallRules.Add(r.ID, string(r.Direction), endpointName(s, r.Source), endpointName(s, r.Destination),
			string(r.Protocol), portsOrAll(r), r.Interface, string(r.Action), r.Stream, why)
	}

	t.DataStreams = newTable("data-streams", "id*", "name", "source", "destination", "protocol", "transport*", "port*", "encryption", "authentication", "addressing", "data")
	for _, d := range s.DataStreams {
		enc := d.Encryption
		if j := strings.TrimSpace(d.Justification.Value); j != "" {
			enc = strings.TrimSpace(enc + " " + msg.Format("table.justification", j))
		}
		t.DataStreams.Add(d.ID, d.Name, endpointName(s, d.Source), endpointName(s, d.Destination), d.Protocol,
			string(d.Transport), d.Port.String(), enc, d.Authentication.Value, d.Addressing.Value, d.Data.Value)
	}

	t.Interfaces = newTable("interfaces", "id*", "name", "kind", "port*", "service", "direction", "purpose", "default", "endpoints")
	for _, it := range s.Interfaces {
		port := it.Port.String()
		if port != "" && it.Transport != "" {
			port = string(it.Transport) + "/" + port
		}
		ends := make([]string, len(it.Endpoints))
		for i, e := range it.Endpoints {
			ends[i] = endpointName(s, e)
		}
		t.Interfaces.Add(it.ID, it.Name, string(it.Kind), port, it.Service, string(it.Direction), it.Purpose.Value,
			enabled(it.DefaultEnabled), strings.Join(ends, ", "))
	}

	t.Roles = newTable("roles", "name", "permissions", "skills")
	for _, r := range s.Roles {
		t.Roles.Add(r.Name, texts(r.Permissions), r.RequiredSkills.Value)
	}

	roleName := func(id string) string {
		for _, r := range s.Roles {
			if r.ID == id && r.Name != "" {
				return r.Name
			}
		}
		return id
	}
	t.Accounts = newTable("accounts", "name*", "type", "role", "default", "must_change", "changeable", "notes")
	for _, a := range s.Accounts {
		notes := strings.TrimSpace(a.DefaultCredential.Value + " " + a.Justification.Value)
		t.Accounts.Add(a.Name, string(a.Type), roleName(a.Role), yes(a.Default), yesNo(a.MustChange), yesNo(a.Changeable), notes)
	}

	t.SecurityEvents = newTable("security-events", "event", "notification", "action", "logged")
	for _, e := range s.SecurityEvents {
		t.SecurityEvents.Add(e.Type.Value, e.Notification.Value, e.UserAction.Value, yesNo(e.Logged))
	}

	t.Capabilities = newTable("capabilities", "code*", "capability", "control", "default", "configurable")
	for _, code := range spec.Capabilities {
		for _, c := range s.Controls {
			if string(c.Capability) == code {
				t.Capabilities.Add(code, msg.Get("capability."+code), c.Description.Value, string(c.Default), yesNo(c.Configurable))
			}
		}
	}

	t.Hardening = newTable("hardening", "setting", "recommended", "default", "risk")
	for _, h := range s.Hardening {
		t.Hardening.Add(h.Setting.Value, h.Recommended.Value, h.Default.Value, h.RiskIfChanged.Value)
	}

	t.EnvControls = newTable("environment-controls", "control", "mandatory", "relied_on", "owner")
	for _, c := range s.Environment.RequiredControls {
		t.EnvControls.Add(c.Description.Value, yesNo(c.Mandatory), yesNo(c.ReliedOn), string(c.Owner))
	}

	t.ResidualRisks = newTable("residual-risks", "risk", "action")
	for _, r := range s.Risks.Residual {
		t.ResidualRisks.Add(r.Description.Value, r.UserAction.Value)
	}

	t.Platform = platformTable("platform", s.Platform.OS, s.Platform.Middleware)
	if aw := s.Platform.AdminWorkstation; aw != nil {
		t.AdminPlatform = platformTable("admin-platform", aw.OS, aw.Software)
	} else {
		t.AdminPlatform = platformTable("admin-platform", nil, nil)
	}

	t.Nodes = newTable("nodes", "id*", "name", "kind", "zone", "addresses*", "description")
	for _, n := range s.Network.Nodes {
		addrs := make([]string, len(n.Addresses))
		for i, a := range n.Addresses {
			addrs[i] = a.Text
		}
		t.Nodes.Add(n.ID, n.Name, string(n.Kind), endpointName(s, n.Zone), strings.Join(addrs, ", "), n.Description.Value)
	}

	t.Zones = newTable("zones", "id*", "name", "cidrs*", "description")
	for _, z := range s.Network.Zones {
		cidrs := make([]string, len(z.CIDRs))
		for i, c := range z.CIDRs {
			cidrs[i] = c.String()
		}
		t.Zones.Add(z.ID, z.Name, strings.Join(cidrs, ", "), z.Description.Value)
	}

	t.Hardware = newTable("hardware", "component", "model", "interfaces", "properties")
	for _, h := range s.Hardware {
		t.Hardware.Add(h.Component.Value, h.Model, strings.Join(h.Interfaces, ", "), h.Properties.Value)
	}

	t.DataStores = newTable("data-stores", "data", "location", "personal", "encrypted", "protection")
	for _, d := range s.DataStores {
		t.DataStores.Add(d.Data.Value, d.Location.Value, yesNo(d.PersonalData), yesNo(d.Encrypted), d.Protection.Value)
	}

	t.History = newTable("history", "revision", "date", "author", "changes")
	for _, h := range s.Document.History {
		t.History.Add(h.Revision, h.Date.String(), h.Author, h.Changes.Value)
	}

	t.Approvals = newTable("approvals", "name", "role", "date")
	for _, a := range s.Document.Approvals {
		t.Approvals.Add(a.Name, a.Role, a.Date.String())
	}

	t.LogExports = newTable("log-exports", "protocol", "destination", "format")
	for _, e := range s.Logging.Export {
		t.LogExports.Add(e.Protocol, endpointName(s, e.Destination), e.Format.Value)
	}

	t.Duties = newTable("duties", "activity", "responsible", "consulted", "notes")
	t.DutiesShare = newTable("duties", "activity", "responsible", "consulted", "notes")
	if m, err := duties.Matrix(s); err == nil {
		for _, d := range m {
			row := []string{d.Title, stakeholderNames(d.Responsible), stakeholderNames(d.Consulted), d.Notes}
			t.Duties.Add(row...)
			if d.Has("user") || (!s.Device.LayUsers && d.Has("operator")) {
				t.DutiesShare.Add(row...)
			}
		}
	}

	t.Components = newTable("components", "name", "version", "supplier", "licence", "purl*", "support", "eos")
	t.Vulnerabilities = newTable("vulnerabilities", "id*", "severity", "affects", "state", "justification", "response")
	return t
}

func stakeholderNames(ss []spec.Stakeholder) string {
	names := make([]string, len(ss))
	for i, s := range ss {
		names[i] = msg.Get("stakeholder." + string(s))
	}
	return strings.Join(names, ", ")
}

func platformTable(id string, os, other []spec.PlatformItem) *Table {
	t := newTable(id, "name", "versions", "eos", "notes")
	for _, list := range [][]spec.PlatformItem{os, other} {
		for _, p := range list {
			t.Add(p.Name, strings.Join(p.Versions, ", "), p.EndOfSupport.String(), p.Notes.Value)
		}
	}
	return t
}

func portsOrAll(r spec.FirewallRule) string {
	if len(r.Ports) == 0 {
		if r.Protocol == spec.ICMP {
			return ""
		}
		return msg.Get("word.all_ports")
	}
	return r.Ports.String()
}

func enabled(b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return msg.Get("word.enabled")
	}
	return msg.Get("word.disabled")
}

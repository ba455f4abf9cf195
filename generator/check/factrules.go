package check

import (
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/knowledge"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// freeText calls fn for every free-text value of the spec (Text and plain
// string fields that are not ids, references or choices), with its path, in
// file order.
func freeText(s *spec.Spec, fn func(path, text string)) {
	s.Walk(func(v reflect.Value, path string) bool {
		switch {
		case v.Type() == textType:
			fn(path, v.Interface().(spec.Text).Value)
			return false
		case v.Kind() != reflect.String || v.Type() != reflect.TypeOf(""):
			return true // a typed string is an enumeration, e-mail or URL
		}
		name := path[strings.LastIndexByte(path, '.')+1:]
		if !slices.Contains(referenceFields, name) && !strings.HasSuffix(name, "]") {
			fn(path, v.String())
		}
		return false
	})
}

// textType is the type of the spec's free texts.
var textType = reflect.TypeOf(spec.Text{})

// referenceFields are string fields that hold ids or references, not prose.
var referenceFields = []string{
	"id", "source", "destination", "stream", "role", "zone", "node", "tunnel", "interface", "activity", "rule",
	"path", "vex", "installer_role", "who", "purl", "bom_ref", "spec_version", "language",
}

// placeholders reports free text whose whole value is a placeholder: text
// still to be written passes for content nowhere.
func placeholders(rr *ruleRun) {
	freeText(rr.s, func(path, text string) {
		if strings.TrimSpace(text) != "" && spec.IsPlaceholder(text) {
			rr.report(path, map[string]any{"Field": path, "Value": strings.TrimSpace(text)})
		}
	})
}

// supportUntilEOL reports an end of security support before the end of
// life: the device would be used for years without security updates.
func supportUntilEOL(rr *ruleRun) {
	sp := rr.s.Support
	if sp.EndOfSupport.IsZero() || sp.EndOfLife.IsZero() || !sp.EndOfSupport.Before(sp.EndOfLife.Time) {
		return
	}
	rr.report("support.end_of_support", map[string]any{"EOS": sp.EndOfSupport.String(), "EOL": sp.EndOfLife.String()})
}

// antimalwareConsistent reports validated anti-malware products for a
// device that must run none.
func antimalwareConsistent(rr *ruleRun) {
	a := rr.s.Antimalware
	if a.Supported != nil && !*a.Supported && len(a.Approved) > 0 {
		rr.report("antimalware.approved", map[string]any{})
	}
}

// textContradicts reports free text that contradicts a stated fact, or
// that says something no spec text should. The rule's params: fact, the
// fact as path=value (none: every spec); patterns, what contradicts it;
// except, fields not searched; unless, text that speaks of something else.
func textContradicts(rr *ruleRun) {
	if fact := rr.rule.Param("fact"); len(fact) > 0 {
		path, want, _ := strings.Cut(fact[0], "=")
		v, ok := rr.s.Lookup(path)
		if !ok || !v.IsValid() {
			return
		}
		got := ""
		switch x := v.Interface().(type) {
		case *bool:
			if x == nil {
				return
			}
			got = map[bool]string{true: "true", false: "false"}[*x]
		default:
			got = v.String()
		}
		if got != want {
			return
		}
	}
	var patterns []*regexp.Regexp
	for _, p := range rr.rule.Param("patterns") {
		patterns = append(patterns, regexp.MustCompile(p)) // the catalog tests compile them all
	}
	var unless []*regexp.Regexp
	for _, p := range rr.rule.Param("unless") {
		unless = append(unless, regexp.MustCompile(p))
	}
	skip := rr.rule.Param("except")
	freeText(rr.s, func(path, text string) {
		for _, x := range skip {
			if path == x || strings.HasPrefix(path, x+".") || strings.HasPrefix(path, x+"[") {
				return
			}
		}
		for _, re := range unless {
			if re.MatchString(text) {
				return // the text speaks of something the fact does not cover
			}
		}
		for _, re := range patterns {
			for _, loc := range re.FindAllStringIndex(text, -1) {
				if negated(text[:loc[0]]) {
					continue // "do not join the domain" agrees with the fact
				}
				rr.report(path, map[string]any{"Field": path, "Text": strings.TrimSpace(text[loc[0]:loc[1]])})
				return
			}
		}
	})
}

// layDuties reports duties that fall to an operator organisation when there
// is none (a device used by lay persons only), and duties given to a lay
// user that never fall to one (network firewalling, integration).
func layDuties(rr *ruleRun) {
	s := rr.s
	for _, d := range rr.matrix() {
		switch {
		case s.Device.LayUsers && !s.Device.HasOperator() && slices.Contains(d.Responsible, spec.ByOperator):
			rr.report(d.Path, map[string]any{"Activity": d.ID, "Title": d.Title, "Responsible": stakeholders(d.Responsible), "NotForLay": false})
		case d.NotForLay && slices.Contains(d.Responsible, spec.LayUser):
			rr.report(d.Path, map[string]any{"Activity": d.ID, "Title": d.Title, "Responsible": stakeholders(d.Responsible), "NotForLay": true})
		}
	}
}

// deprecations reports the deprecated forms a spec uses.
func deprecations(rr *ruleRun) {
	for _, d := range rr.s.Deprecations {
		rr.report(d.Path, map[string]any{"Old": d.Old, "New": d.New})
	}
}

// knownEndedSupport reports platform items and SBOM components of product
// lines whose supplier has ended security support, when the spec gives no
// date that says so already (PLAT-EOS and SBOM-EOS report those).
func knownEndedSupport(rr *ruleRun) {
	ref, _ := rr.endOfSupportReference()
	check := func(list string, items []spec.PlatformItem) {
		for i, it := range items {
			if !it.EndOfSupport.IsZero() {
				continue
			}
			if l, ok := knowledge.EndedLine(it); ok && l.Ended.Before(ref.Time) {
				rr.report(yamlx.Index(list, i), map[string]any{"Name": it.Name, "Product": l.Product, "Ended": l.Ended.Format("2006-01-02")})
			}
		}
	}
	s := rr.s
	check("platform.os", s.Platform.OS)
	check("platform.middleware", s.Platform.Middleware)
	if aw := s.Platform.AdminWorkstation; aw != nil {
		check("platform.admin_workstation.os", aw.OS)
		check("platform.admin_workstation.software", aw.Software)
	}
	for i, n := range s.Network.Nodes {
		if n.Platform != nil {
			p := yamlx.Join(yamlx.Index("network.nodes", i), "platform")
			check(yamlx.Join(p, "os"), n.Platform.OS)
			check(yamlx.Join(p, "middleware"), n.Platform.Middleware)
		}
	}
	if b := rr.opts.BOM; b != nil {
		var names []string
		for _, c := range b.Components {
			if c.EndOfSupport != "" {
				continue
			}
			typ, name := purlTypeName(c.Purl)
			if l, ok := knowledge.EndedComponent(typ, name, c.Version); ok && l.Ended.Before(ref.Time) {
				names = append(names, msg.Format("check.eos.component", componentName(c), l.Product, l.Ended.Format("2006-01-02")))
			}
		}
		if len(names) > 0 {
			rr.report("sbom.path", map[string]any{"Name": rr.s.SBOM.Path, "Product": examples(names), "Ended": ""})
		}
	}
}

// purlTypeName returns the type and name of a package URL
// (pkg:npm/angular@1.8.3 gives npm and angular).
func purlTypeName(purl string) (string, string) {
	rest, ok := strings.CutPrefix(purl, "pkg:")
	if !ok {
		return "", ""
	}
	typ, path, _ := strings.Cut(rest, "/")
	path, _, _ = strings.Cut(path, "@")
	path, _, _ = strings.Cut(path, "?")
	return strings.ToLower(typ), path[strings.LastIndexByte(path, '/')+1:]
}

// negationRE finds a negation at the end of the text before a match, in
// the same clause: "Do not", "is never", "must not be".
var negationRE = regexp.MustCompile(`(?i)\b(not|never|no|n't|nor|without)\b[^.;,:]{0,24}$`)

// negated reports whether the clause before a match negates it.
func negated(before string) bool { return negationRE.MatchString(before) }

// layTexts reports a device for lay users whose roles do not say who holds
// them, or whose controls have no plain description: the IfU for lay users
// shows only the roles of lay users and the plain descriptions.
func layTexts(rr *ruleRun) {
	s := rr.s
	if len(s.Roles) > 0 && !slices.ContainsFunc(s.Roles, func(r spec.Role) bool { return r.HeldBy != "" }) {
		rr.report("roles", map[string]any{"Controls": false})
	}
	if len(s.Controls) > 0 && !slices.ContainsFunc(s.Controls, func(c spec.Control) bool { return !spec.IsPlaceholder(c.ForLayUsers.Value) }) {
		rr.report("controls", map[string]any{"Controls": true})
	}
}

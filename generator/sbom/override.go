package sbom

import "strings"

// Override is support data for components given in the device spec, which
// takes precedence over what the SBOM says. It matches components by purl
// (exactly, or, if no component has that exact purl, ignoring the version,
// qualifiers and subpath on both sides) or by bom-ref; either may be empty.
type Override struct {
	Purl         string
	BOMRef       string
	SupportLevel string // as written; normalised like SBOM properties
	EndOfSupport string // YYYY-MM-DD or an RFC 3339 date-time
}

// ApplyOverrides sets the support data of the components (and of the
// Subject) that each override matches, and marks them with SupportSource
// "spec". Empty fields of an override leave the SBOM's value in place;
// values that do not normalise are stored as given. It returns the indexes
// of overrides that matched no component, in order.
func (b *BOM) ApplyOverrides(ovs []Override) (unmatched []int) {
	unmatched = []int{}
	targets := make([]*Component, 0, len(b.Components)+1)
	if b.Subject != nil {
		targets = append(targets, b.Subject)
	}
	for i := range b.Components {
		targets = append(targets, &b.Components[i])
	}
	for i, ov := range ovs {
		matched := matchOverride(targets, ov)
		if len(matched) == 0 {
			unmatched = append(unmatched, i)
			continue
		}
		for _, c := range matched {
			if ov.SupportLevel != "" {
				if lvl, ok := NormalizeSupportLevel(ov.SupportLevel); ok {
					c.SupportLevel = lvl
				} else {
					c.SupportLevel = ov.SupportLevel
				}
			}
			if ov.EndOfSupport != "" {
				if d, ok := NormalizeDate(ov.EndOfSupport); ok {
					c.EndOfSupport = d
				} else {
					c.EndOfSupport = ov.EndOfSupport
				}
			}
			c.SupportSource = SourceSpec
		}
	}
	return unmatched
}

// Matches reports whether ov applies to any component of b (or to its
// Subject), matched as [BOM.ApplyOverrides] does.
func (b *BOM) Matches(ov Override) bool {
	targets := make([]*Component, 0, len(b.Components)+1)
	if b.Subject != nil {
		targets = append(targets, b.Subject)
	}
	for i := range b.Components {
		targets = append(targets, &b.Components[i])
	}
	return len(matchOverride(targets, ov)) > 0
}

// matchOverride returns the components ov applies to.
func matchOverride(targets []*Component, ov Override) []*Component {
	var out []*Component
	if ov.BOMRef != "" {
		for _, c := range targets {
			if c.BOMRef == ov.BOMRef {
				out = append(out, c)
			}
		}
	}
	if ov.Purl == "" {
		return out
	}
	var exact, loose []*Component
	base := purlBase(ov.Purl)
	for _, c := range targets {
		switch {
		case c.Purl == "":
		case c.Purl == ov.Purl:
			exact = append(exact, c)
		case purlBase(c.Purl) == base:
			loose = append(loose, c)
		}
	}
	if len(exact) == 0 {
		exact = loose
	}
	for _, c := range exact {
		if !containsPtr(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// purlBase strips the version, qualifiers and subpath from a package URL:
// pkg:type/namespace/name@version?qualifiers#subpath -> pkg:type/namespace/name.
func purlBase(p string) string {
	p, _, _ = strings.Cut(p, "#")
	p, _, _ = strings.Cut(p, "?")
	slash := strings.LastIndexByte(p, '/')
	if at := strings.IndexByte(p[slash+1:], '@'); at >= 0 {
		p = p[:slash+1+at]
	}
	return p
}

func containsPtr(list []*Component, c *Component) bool {
	for _, x := range list {
		if x == c {
			return true
		}
	}
	return false
}

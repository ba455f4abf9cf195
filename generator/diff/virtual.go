package diff

import (
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/sbom"
	"github.com/docgen/docgen/generator/spec"
)

// component is the facts of an SBOM component that the comparison sees.
type component struct {
	// Identity is what matches a component across revisions: its package
	// URL without the version, else its bom-ref (without a version when it
	// is a package URL), else group and name.
	Identity     string   `yaml:"identity"`
	Name         string   `yaml:"name"`
	Version      string   `yaml:"version"`
	Type         string   `yaml:"type"`
	Supplier     string   `yaml:"supplier"`
	Licenses     []string `yaml:"licenses"`
	SupportLevel string   `yaml:"support_level"`
	EndOfSupport string   `yaml:"end_of_support"`
	Purl         string   `yaml:"purl"`
	BOMRef       string   `yaml:"bom_ref"`
	// ThirdParty is set when the component's supplier is not the device's
	// manufacturer (or not stated).
	ThirdParty bool `yaml:"third_party"`
}

// vulnerability is the facts of a vulnerability (with its VEX analysis).
type vulnerability struct {
	ID            string   `yaml:"id"`
	State         string   `yaml:"state"`
	Justification string   `yaml:"justification"`
	Severity      string   `yaml:"severity"`
	Affects       []string `yaml:"affects"`
	Detail        string   `yaml:"detail"`
}

// outcome is the status of a catalog item or rule in a check result.
type outcome struct {
	ID     string `yaml:"id"`
	Title  string `yaml:"title"`
	Status string `yaml:"status"`
}

// identity returns the identity of a component (see component.Identity).
func identity(c sbom.Component) string {
	if p := unversioned(c.Purl); p != "" {
		return p
	}
	if c.BOMRef != "" {
		return unversioned(c.BOMRef)
	}
	if c.Group != "" {
		return c.Group + "/" + c.Name
	}
	return c.Name
}

// unversioned removes the version from a package URL
// (pkg:type/ns/name@version?qualifiers#subpath keeps its qualifiers and
// subpath); other strings are returned as they are.
func unversioned(ref string) string {
	if !strings.HasPrefix(ref, "pkg:") {
		return ref
	}
	end := len(ref)
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		end = i
	}
	at := strings.LastIndexByte(ref[:end], '@')
	if at < 0 {
		return ref
	}
	return ref[:at] + ref[end:]
}

// components returns the components of bom as compared facts.
func components(bom *sbom.BOM, s *spec.Spec) []component {
	if bom == nil {
		return nil
	}
	maker := strings.ToLower(oneLine(s.Device.Manufacturer.Name))
	out := make([]component, 0, len(bom.Components))
	for _, c := range bom.Components {
		supplier := strings.ToLower(oneLine(c.Supplier))
		out = append(out, component{
			Identity: identity(c), Name: c.Name, Version: c.Version, Type: c.Type, Supplier: c.Supplier,
			Licenses: c.Licenses, SupportLevel: c.SupportLevel, EndOfSupport: c.EndOfSupport,
			Purl: c.Purl, BOMRef: c.BOMRef, ThirdParty: supplier == "" || maker == "" || supplier != maker,
		})
	}
	return out
}

// severityOrder ranks rating severities, highest first.
var severityOrder = []string{"critical", "high", "medium", "low", "info", "none", "unknown"}

// vulnerabilities returns the vulnerabilities of bom as compared facts. The
// components they affect are named by identity, so that a component update
// does not count as a change of what a vulnerability affects.
func vulnerabilities(bom *sbom.BOM) []vulnerability {
	if bom == nil {
		return nil
	}
	ids := map[string]string{}
	for _, c := range bom.Components {
		ids[c.BOMRef] = identity(c)
		if c.Purl != "" {
			ids[c.Purl] = identity(c)
		}
	}
	out := make([]vulnerability, 0, len(bom.Vulnerabilities))
	for _, v := range bom.Vulnerabilities {
		var affects []string
		for _, a := range v.Affects {
			if id, ok := ids[a]; ok {
				affects = append(affects, id)
			} else {
				affects = append(affects, unversioned(a))
			}
		}
		sev := ""
		for _, r := range v.Ratings {
			s := strings.ToLower(r.Severity)
			if i := slices.Index(severityOrder, s); i >= 0 && (sev == "" || i < slices.Index(severityOrder, sev)) {
				sev = s
			}
		}
		out = append(out, vulnerability{ID: v.ID, State: v.State, Justification: v.Justification, Severity: sev, Affects: affects, Detail: v.AnalysisDetail})
	}
	return out
}

// outcomes returns the statuses of a check result.
func outcomes(res *check.Result) []outcome {
	if res == nil {
		return nil
	}
	out := make([]outcome, len(res.Outcomes))
	for i, o := range res.Outcomes {
		out[i] = outcome{ID: o.ID, Title: o.Title, Status: string(o.Status)}
	}
	return out
}

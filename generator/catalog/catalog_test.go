package catalog_test

import (
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/spec"
)

// loadAll loads every embedded profile, failing the test on any error.
func loadAll(t *testing.T) []*catalog.Catalog {
	t.Helper()
	var cats []*catalog.Catalog
	for _, p := range catalog.Profiles() {
		c, err := catalog.Load(p)
		if err != nil {
			t.Errorf("catalog.Load(%q): %v", p, err)
			continue
		}
		if c.Profile != p {
			t.Errorf("%s: profile field is %q, want the file name %q", p, c.Profile, p)
		}
		cats = append(cats, c)
	}
	return cats
}

func TestProfilesLoad(t *testing.T) {
	loadAll(t)
}

func TestProfilesMatchSpec(t *testing.T) {
	got := catalog.Profiles()
	for alias, p := range catalog.Aliases() {
		if slices.Contains(catalog.Profiles(), alias) {
			t.Errorf("alias %s of %s is also a profile", alias, p)
		}
		got = append(got, alias)
	}
	slices.Sort(got)
	want := slices.Sorted(slices.Values(spec.KnownProfiles))
	if !slices.Equal(got, want) {
		t.Errorf("embedded profiles and aliases %v, but spec.KnownProfiles (what a spec may name) is %v", got, want)
	}
	if !slices.Contains(got, catalog.DefaultProfile) {
		t.Errorf("default profile %q is not embedded", catalog.DefaultProfile)
	}
}

func TestRuleChecksImplemented(t *testing.T) {
	names := check.CheckNames()
	for _, c := range loadAll(t) {
		for _, r := range c.Rules {
			if !slices.Contains(names, r.Check) {
				t.Errorf("%s: rule %s uses check %q, which is not implemented; known: %v", c.Profile, r.ID, r.Check, names)
			}
		}
	}
}

var anchorRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestItemAnchors(t *testing.T) {
	for _, c := range loadAll(t) {
		seen := map[string]string{}
		for _, it := range c.Items {
			switch {
			case it.Anchor == "":
				t.Errorf("%s: item %s has no anchor", c.Profile, it.ID)
			case !anchorRE.MatchString(it.Anchor):
				t.Errorf("%s: item %s: anchor %q is not a lower-case slug", c.Profile, it.ID, it.Anchor)
			case seen[it.Anchor] != "":
				t.Errorf("%s: items %s and %s share anchor %q", c.Profile, seen[it.Anchor], it.ID, it.Anchor)
			}
			seen[it.Anchor] = it.ID
			if len(it.Headings.In(catalog.Language)) == 0 {
				t.Errorf("%s: item %s has no headings", c.Profile, it.ID)
			}
		}
	}
}

// TestSharedRulesAgree makes sure a rule that several profiles define is
// the same rule everywhere: the engine runs it once, with the first
// profile's message and params, the clauses of all profiles and the most
// severe of their severities (SBOM support data is recommended under MDCG
// and required under the FDA profile).
func TestSharedRulesAgree(t *testing.T) {
	first := map[string]catalog.Rule{}
	from := map[string]string{}
	for _, c := range loadAll(t) {
		for _, r := range c.Rules {
			prev, ok := first[r.ID]
			if !ok {
				first[r.ID], from[r.ID] = r, c.Profile
				continue
			}
			if !sameRule(prev, r) {
				t.Errorf("rule %s differs between %s and %s in more than its clauses", r.ID, from[r.ID], c.Profile)
			}
		}
	}
}

func sameRule(a, b catalog.Rule) bool {
	return a.Title == b.Title && a.Check == b.Check &&
		slices.Equal(a.When, b.When) && a.Message == b.Message && a.Fix == b.Fix &&
		reflect.DeepEqual(a.Params, b.Params)
}

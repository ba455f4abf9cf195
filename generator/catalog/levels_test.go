package catalog_test

import (
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/spec"
)

func TestLevelSeverity(t *testing.T) {
	for level, want := range map[catalog.Level]catalog.Severity{
		catalog.Statute: catalog.Error, catalog.Required: catalog.Error,
		catalog.Recommended: catalog.Warning, catalog.IfKnown: catalog.Note,
	} {
		if got := level.Severity(); got != want {
			t.Errorf("%s: severity %s, want %s", level, got, want)
		}
	}
}

func TestFailOn(t *testing.T) {
	tests := []struct {
		value string
		want  catalog.Severity
		ok    bool
		fails []catalog.Severity // severities that fail at this threshold
	}{
		{"error", catalog.Error, true, []catalog.Severity{catalog.Error}},
		{"statute", catalog.Error, true, []catalog.Severity{catalog.Error}},
		{"Required", catalog.Error, true, []catalog.Severity{catalog.Error}},
		{"warning", catalog.Warning, true, []catalog.Severity{catalog.Error, catalog.Warning}},
		{"recommended", catalog.Warning, true, []catalog.Severity{catalog.Error, catalog.Warning}},
		{"if-known", catalog.Note, true, []catalog.Severity{catalog.Error, catalog.Warning, catalog.Note}},
		{"note", catalog.Note, true, []catalog.Severity{catalog.Error, catalog.Warning, catalog.Note}},
		{"optional", "", false, nil},
	}
	for _, tt := range tests {
		got, ok := catalog.FailOn(tt.value)
		if got != tt.want || ok != tt.ok {
			t.Errorf("FailOn(%q) = %q, %v; want %q, %v", tt.value, got, ok, tt.want, tt.ok)
			continue
		}
		for _, sev := range []catalog.Severity{catalog.Error, catalog.Warning, catalog.Note} {
			want := false
			for _, f := range tt.fails {
				want = want || f == sev
			}
			if ok && sev.Fails(got) != want {
				t.Errorf("--fail-on %s: a %s fails: %v, want %v", tt.value, sev, sev.Fails(got), want)
			}
		}
	}
}

func TestEffectiveLevel(t *testing.T) {
	it := catalog.Item{Level: catalog.Recommended, RequiredWhen: []catalog.Flag{"networked"}, StatuteWhen: []catalog.Flag{"us_market"}}
	tests := []struct {
		device spec.Device
		want   catalog.Level
	}{
		{spec.Device{}, catalog.Recommended},
		{spec.Device{Networked: true}, catalog.Required},
		{spec.Device{USMarket: true}, catalog.Statute},
		{spec.Device{USMarket: true, Networked: true}, catalog.Statute},
	}
	for _, tt := range tests {
		if got := it.EffectiveLevel(&spec.Spec{Device: tt.device}); got != tt.want {
			t.Errorf("%+v: level %s, want %s", tt.device, got, tt.want)
		}
	}
}

func TestMobileAppFlag(t *testing.T) {
	s := &spec.Spec{}
	s.Network.Nodes = []spec.Node{{ID: "dev", Kind: "device"}}
	if catalog.Flag("mobile_app").Holds(s) {
		t.Error("mobile_app holds without a mobile node")
	}
	s.Network.Nodes = append(s.Network.Nodes, spec.Node{ID: "app", Kind: "mobile"})
	if !catalog.Flag("mobile_app").Holds(s) {
		t.Error("mobile_app does not hold with a mobile node")
	}
}

func TestAliases(t *testing.T) {
	if p, ok := catalog.Resolve("fda-premarket-2023"); !ok || p != "fda-premarket-2026" {
		t.Errorf("Resolve(fda-premarket-2023) = %q, %v", p, ok)
	}
	if p, ok := catalog.Resolve("mdcg-2019-16"); !ok || p != "mdcg-2019-16" {
		t.Errorf("Resolve(mdcg-2019-16) = %q, %v", p, ok)
	}
	if _, ok := catalog.Resolve("fda-premarket-2019"); ok {
		t.Error("an unknown profile resolves")
	}
	c, err := catalog.Load("fda-premarket-2023")
	if err != nil || c.Profile != "fda-premarket-2026" {
		t.Fatalf("Load(fda-premarket-2023): %v, %v", c, err)
	}
	if _, err := catalog.Load("fda-premarket-2019"); err == nil {
		t.Error("Load of an unknown profile succeeds")
	}
}

func TestHeadingsByLanguage(t *testing.T) {
	const src = `profile: x
title: X
targets: [{id: ifu, title: IfU}]
items:
  - {id: A, title: A, targets: [ifu], level: required, requires: [document.id], headings: [Backup, Restore]}
  - {id: B, title: B, targets: [ifu], level: required, requires: [document.id], headings: {en: [Updates], de: [Aktualisierungen]}}
`
	c, err := catalog.Parse("x.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	a, b := c.Items[0].Headings, c.Items[1].Headings
	if got := a.In("en"); len(got) != 2 || got[0] != "Backup" {
		t.Errorf("list headings in en: %v", got)
	}
	if got := a.In("de"); got != nil {
		t.Errorf("list headings in de: %v", got)
	}
	if got := b.In("de-AT"); len(got) != 1 || got[0] != "Aktualisierungen" {
		t.Errorf("mapped headings in de-AT: %v", got)
	}
	_, err = catalog.Parse("x.yaml", []byte(strings.Replace(src, "headings: [Backup, Restore]", "headings: Backup", 1)))
	if err == nil || !strings.Contains(err.Error(), "`headings` must be a list") {
		t.Errorf("scalar headings: %v", err)
	}
}

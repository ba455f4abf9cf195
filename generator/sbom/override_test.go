package sbom

import (
	"slices"
	"testing"
)

func overrideBOM() *BOM {
	b := &BOM{
		Subject: &Component{BOMRef: "device", Name: "Pump", Purl: "pkg:generic/acme/pump@2.0"},
		Components: []Component{
			{BOMRef: "a", Name: "openssl", Version: "3.0.15", Purl: "pkg:deb/debian/openssl@3.0.15-1?arch=arm64", SupportLevel: SupportActive, SupportSource: "property:cdx:fda:supportLevel"},
			{BOMRef: "b", Name: "openssl", Version: "1.1.1w", Purl: "pkg:deb/debian/openssl@1.1.1w"},
			{BOMRef: "c", Name: "zlib", Version: "1.3.1", Purl: "pkg:generic/zlib@1.3.1"},
			{BOMRef: "d", Name: "angular", Version: "21.2.5", Purl: "pkg:npm/%40angular/core@21.2.5"},
			{BOMRef: "e", Name: "no purl"},
		},
	}
	b.Normalize()
	return b
}

func TestApplyOverrides(t *testing.T) {
	tests := []struct {
		name      string
		ov        Override
		changed   []string // bom-refs that get the override
		unmatched bool
	}{
		{"purl exact", Override{Purl: "pkg:generic/zlib@1.3.1", SupportLevel: "abandoned"}, []string{"c"}, false},
		{"purl exact wins over versionless", Override{Purl: "pkg:deb/debian/openssl@1.1.1w", SupportLevel: "EOL"}, []string{"b"}, false},
		{"purl without version matches all versions", Override{Purl: "pkg:deb/debian/openssl", EndOfSupport: "2026-04-07"}, []string{"a", "b"}, false},
		{"purl other version matches by base", Override{Purl: "pkg:deb/debian/openssl@3.0.16?arch=amd64", SupportLevel: "active"}, []string{"a", "b"}, false},
		{"scoped npm purl", Override{Purl: "pkg:npm/%40angular/core", SupportLevel: "active"}, []string{"d"}, false},
		{"bom-ref", Override{BOMRef: "e", SupportLevel: "unknown"}, []string{"e"}, false},
		{"subject", Override{BOMRef: "device", EndOfSupport: "2035-12-31T00:00:00Z"}, []string{"device"}, false},
		{"unmatched purl", Override{Purl: "pkg:generic/libpng@1.6.0", SupportLevel: "active"}, nil, true},
		{"unmatched bom-ref", Override{BOMRef: "zz", SupportLevel: "active"}, nil, true},
		{"empty override", Override{SupportLevel: "active"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := overrideBOM()
			unmatched := b.ApplyOverrides([]Override{tt.ov})
			if got := len(unmatched) == 1; got != tt.unmatched {
				t.Errorf("unmatched = %v", unmatched)
			}
			all := append([]*Component{b.Subject}, ptrs(b.Components)...)
			var changed []string
			for _, c := range all {
				if c.SupportSource == SourceSpec {
					changed = append(changed, c.BOMRef)
					if lvl, _ := NormalizeSupportLevel(tt.ov.SupportLevel); tt.ov.SupportLevel != "" && c.SupportLevel != lvl {
						t.Errorf("%s: level %q", c.BOMRef, c.SupportLevel)
					}
					if d, _ := NormalizeDate(tt.ov.EndOfSupport); tt.ov.EndOfSupport != "" && c.EndOfSupport != d {
						t.Errorf("%s: end %q", c.BOMRef, c.EndOfSupport)
					}
				}
			}
			if !slices.Equal(changed, tt.changed) {
				t.Errorf("changed %v, want %v", changed, tt.changed)
			}
		})
	}
}

func TestApplyOverridesKeepsOtherField(t *testing.T) {
	b := overrideBOM()
	if u := b.ApplyOverrides([]Override{{BOMRef: "a", EndOfSupport: "2030-01-01"}, {Purl: "pkg:x/y"}}); !slices.Equal(u, []int{1}) {
		t.Errorf("unmatched = %v, want [1]", u)
	}
	c := b.Components[0]
	if c.SupportLevel != SupportActive || c.EndOfSupport != "2030-01-01" || c.SupportSource != SourceSpec {
		t.Errorf("got %+v", c)
	}
	if u := b.ApplyOverrides(nil); u == nil || len(u) != 0 {
		t.Errorf("no overrides: unmatched = %#v, want empty non-nil", u)
	}
}

func TestPurlBase(t *testing.T) {
	for in, want := range map[string]string{
		"pkg:npm/%40angular/core@21.2.5":               "pkg:npm/%40angular/core",
		"pkg:npm/@angular/core@21.2.5":                 "pkg:npm/@angular/core",
		"pkg:deb/debian/openssl@3.0.15?arch=arm64#x/y": "pkg:deb/debian/openssl",
		"pkg:generic/zlib":                             "pkg:generic/zlib",
		"pkg:maven/org.a/b@1.0?type=jar":               "pkg:maven/org.a/b",
	} {
		if got := purlBase(in); got != want {
			t.Errorf("purlBase(%q) = %q, want %q", in, got, want)
		}
	}
}

func ptrs(cs []Component) []*Component {
	out := make([]*Component, len(cs))
	for i := range cs {
		out[i] = &cs[i]
	}
	return out
}

package sbom

import (
	"slices"
	"strings"
	"testing"
)

func TestNormalizeSupportLevel(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"actively-maintained", SupportActive, true},
		{"Actively Maintained", SupportActive, true},
		{"actively_maintained", SupportActive, true},
		{" ACTIVE ", SupportActive, true},
		{"no longer maintained", SupportNoLonger, true},
		{"No-Longer-Maintained", SupportNoLonger, true},
		{"unmaintained", SupportNoLonger, true},
		{"EOL", SupportNoLonger, true},
		{"end of life", SupportNoLonger, true},
		{"Abandoned", SupportAbandoned, true},
		{"unknown", SupportUnknown, true},
		{"", "", false},
		{"sometimes", "", false},
		{"actively-maintained-ish", "", false},
	}
	for _, tt := range tests {
		got, ok := NormalizeSupportLevel(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("NormalizeSupportLevel(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"2028-12-31", "2028-12-31", true},
		{" 2028-12-31 ", "2028-12-31", true},
		{"2028-12-31T23:59:59Z", "2028-12-31", true},
		{"2028-12-31T23:59:59.5+02:00", "2028-12-31", true},
		{"2028-12-31T00:00:00", "2028-12-31", true},
		{"2028-02-30", "", false},
		{"31.12.2028", "", false},
		{"2028-12", "", false},
		{"never", "", false},
	}
	for _, tt := range tests {
		got, ok := NormalizeDate(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestReadSupport checks which property wins and what is warned about.
func TestReadSupport(t *testing.T) {
	p := func(kv ...string) []Property {
		var ps []Property
		for i := 0; i < len(kv); i += 2 {
			ps = append(ps, Property{kv[i], kv[i+1]})
		}
		return ps
	}
	tests := []struct {
		name               string
		props              []Property
		level, end, source string
		warnings           []string // properties warned about
	}{
		{"none", nil, "", "", "", nil},
		{"fda proposal names", p("cdx:fda:level-of-support", "actively maintained", "cdx:fda:end-of-support-date", "2028-12-31"),
			SupportActive, "2028-12-31", "property:cdx:fda:level-of-support", nil},
		{"example names", p("cdx:fda:supportLevel", "actively-maintained", "cdx:fda:endOfSupport", "2032-12-31"),
			SupportActive, "2032-12-31", "property:cdx:fda:supportLevel", nil},
		{"aliases, any case", p("Support-Level", "EOL", "END-OF-SUPPORT", "2020-01-01T00:00:00Z"),
			SupportNoLonger, "2020-01-01", "property:Support-Level", nil},
		{"lifecycle milestone", p("cdx:lifecycle:milestone:endOfSupport", "2027-06-30"),
			"", "2027-06-30", "property:cdx:lifecycle:milestone:endOfSupport", nil},
		{"end of life is a fallback", p("cdx:lifecycle:milestone:endOfLife", "2030-01-01", "endOfSupport", "2029-01-01"),
			"", "2029-01-01", "property:endOfSupport", nil},
		{"end of life alone", p("cdx:lifecycle:milestone:endOfLife", "2030-01-01"),
			"", "2030-01-01", "property:cdx:lifecycle:milestone:endOfLife", nil},
		{"precedence", p("supportLevel", "abandoned", "cdx:fda:supportLevel", "active"),
			SupportActive, "", "property:cdx:fda:supportLevel", []string{"supportLevel"}},
		{"bad values fall through", p("cdx:fda:supportLevel", "sort of", "supportLevel", "abandoned", "cdx:fda:endOfSupport", "soon"),
			SupportAbandoned, "", "property:supportLevel", []string{"cdx:fda:supportLevel", "cdx:fda:endOfSupport"}},
		{"conflicting dates", p("cdx:fda:endOfSupport", "2028-01-01", "endOfSupport", "2029-01-01"),
			"", "2028-01-01", "property:cdx:fda:endOfSupport", []string{"endOfSupport"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := readSupport(tt.props)
			if d.level != tt.level || d.end != tt.end || d.source != tt.source {
				t.Errorf("got %q %q %q, want %q %q %q", d.level, d.end, d.source, tt.level, tt.end, tt.source)
			}
			var warned []string
			for _, w := range d.warnings {
				warned = append(warned, w.Property)
				if w.Message == "" || strings.HasPrefix(w.Message, "sbom.") {
					t.Errorf("warning without message: %+v", w)
				}
			}
			slices.Sort(warned)
			want := slices.Clone(tt.warnings)
			slices.Sort(want)
			if !slices.Equal(warned, want) {
				t.Errorf("warnings about %v, want %v", warned, want)
			}
		})
	}
}

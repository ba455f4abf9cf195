package check_test

import (
	"strings"
	"testing"
	"time"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/spec"
)

// TestEndOfSupportReference checks which date end of support is judged
// against: a date asked for (docgen check --date, for post-market CI) over
// the document date, the document date over the date of the check.
func TestEndOfSupportReference(t *testing.T) {
	withDate := net
	noDate := strings.Replace(net, "document: {date: 2026-06-01}\n", "", 1)
	platform := "platform: {os: [{name: Windows 11, versions: [\"24H2\"], end_of_support: 2026-09-01}]}\n"
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	tests := []struct {
		name      string
		src       string
		today     time.Time
		eos       time.Time
		want      int
		wantInMsg string
	}{
		{"document date before end of support", withDate, d("2026-11-01"), time.Time{}, 0, ""},
		{"a date asked for replaces the document date", withDate, d("2026-11-01"), d("2026-11-01"), 1, "before the reference date 2026-11-01"},
		{"an earlier date asked for clears it", strings.Replace(withDate, "2026-06-01", "2026-10-01", 1), d("2026-11-01"), d("2026-08-01"), 0, ""},
		{"the document date past end of support", strings.Replace(withDate, "2026-06-01", "2026-10-01", 1), d("2026-01-01"), time.Time{}, 1, "before the document date 2026-10-01"},
		{"no document date: the date of the check", noDate, d("2026-11-01"), time.Time{}, 1, "before the date of the check, 2026-11-01"},
	}
	c, err := catalog.Load(catalog.DefaultProfile)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		s, err := spec.Parse("device.yaml", []byte(tt.src+platform))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		res := check.Run(s, []*catalog.Catalog{c}, check.Options{Today: tt.today, EndOfSupportDate: tt.eos})
		var got []check.Finding
		for _, f := range res.Findings {
			if f.RuleID == "PLAT-EOS" {
				got = append(got, f)
			}
		}
		if len(got) != tt.want {
			t.Errorf("%s: %d PLAT-EOS findings, want %d", tt.name, len(got), tt.want)
			continue
		}
		if tt.want > 0 && !strings.Contains(got[0].Message, tt.wantInMsg) {
			t.Errorf("%s: message %q lacks %q", tt.name, got[0].Message, tt.wantInMsg)
		}
	}
}

package stamp_test

import (
	"testing"
	"time"

	"github.com/docgen/docgen/generator/stamp"
)

func TestDate(t *testing.T) {
	doc := time.Date(2026, 10, 15, 0, 0, 0, 0, time.FixedZone("CET", 3600))
	cases := []struct {
		name, epoch string
		in          time.Time
		want        time.Time
	}{
		{"document date wins", "1793491200", doc, doc.UTC()},
		{"SOURCE_DATE_EPOCH", "1793491200", time.Time{}, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)},
		{"bad epoch", "soon", time.Time{}, time.Unix(0, 0).UTC()},
		{"negative epoch", "-5", time.Time{}, time.Unix(0, 0).UTC()},
		{"no date at all", "", time.Time{}, time.Unix(0, 0).UTC()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", c.epoch)
			if got := stamp.Date(c.in); !got.Equal(c.want) || got.Location() != time.UTC {
				t.Errorf("Date(%v) = %v, want %v", c.in, got, c.want)
			}
		})
	}
}

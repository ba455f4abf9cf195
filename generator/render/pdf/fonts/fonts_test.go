package fonts

import "testing"

func TestMetrics(t *testing.T) {
	for _, f := range Faces {
		if !f.Has('A') || !f.Has('Ж') || !f.Has('Ω') || !f.Has('\uFFFD') {
			t.Errorf("%v lacks a basic glyph", f)
		}
		if f.Has('中') || f.Has(0x1F600) {
			t.Errorf("%v claims CJK or emoji", f)
		}
		if f.Ascent() < 0.7 || f.Ascent() > 1.1 || f.Descent() < 0.1 || f.Descent() > 0.4 {
			t.Errorf("%v: ascent %v descent %v", f, f.Ascent(), f.Descent())
		}
	}
	// DejaVu Sans advance widths, as the diagram package lists them.
	if got := Regular.Width("A", 1000); got < 683.5 || got > 684.5 {
		t.Errorf("width of A = %v, want 684", got)
	}
	if got := Bold.Width("A", 1000); got < 773.5 || got > 774.5 {
		t.Errorf("bold width of A = %v, want 774", got)
	}
	if a, b := Mono.Width("i", 10), Mono.Width("W", 10); a != b {
		t.Errorf("mono widths differ: %v %v", a, b)
	}
}

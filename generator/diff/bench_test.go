package diff

import (
	"fmt"
	"slices"
	"testing"

	"github.com/docgen/docgen/generator/internal/testspec"
	"github.com/docgen/docgen/generator/spec"
)

// benchSides returns a large spec (n rules and streams, n/10 roles) and a
// changed copy: every tenth rule with another port, every tenth stream
// renamed, and, when reorder is set, the rules in reverse order (so that
// which rule decides is evaluated for every stream).
func benchSides(b *testing.B, n int, reorder bool) (Side, Side) {
	b.Helper()
	data := testspec.Large(n, n, max(1, n/10))
	old, err := spec.Parse("old.yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	cur, err := spec.Parse("new.yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	for i := range cur.FirewallRules {
		if i%10 == 0 {
			cur.FirewallRules[i].Ports = spec.Ports{{Lo: 40000 + i, Hi: 40000 + i}}
		}
	}
	for i := range cur.DataStreams {
		if i%10 == 5 {
			old := cur.DataStreams[i].ID
			cur.DataStreams[i].ID = fmt.Sprintf("renamed-%d", i)
			for k := range cur.FirewallRules {
				if cur.FirewallRules[k].Stream == old {
					cur.FirewallRules[k].Stream = cur.DataStreams[i].ID
				}
			}
		}
	}
	if reorder {
		slices.Reverse(cur.FirewallRules)
	}
	return Side{Label: "old", Spec: old}, Side{Label: "new", Spec: cur}
}

// BenchmarkCompare compares large specs of 100, 1,000 and 10,000 firewall
// rules and data streams (1x, 10x, 100x a large real device), in the same
// order and with the rules reversed; the time should grow about linearly.
func BenchmarkCompare(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		for _, reorder := range []bool{false, true} {
			b.Run(fmt.Sprintf("rules=%d/reordered=%v", n, reorder), func(b *testing.B) {
				old, cur := benchSides(b, n, reorder)
				b.ReportAllocs()
				for b.Loop() {
					r, err := Compare(old, cur, Options{})
					if err != nil {
						b.Fatal(err)
					}
					if len(r.Changes) == 0 {
						b.Fatal("no changes")
					}
				}
			})
		}
	}
}

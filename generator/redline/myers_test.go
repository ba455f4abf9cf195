package redline

import (
	"math/rand/v2"
	"testing"
)

// lcs is the length of a longest common subsequence, by dynamic
// programming: the reference the edit script is measured against.
func lcs(a, b []int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// TestScriptMinimal checks on random sequences that the script turns a into
// b and is as short as the longest common subsequence allows.
func TestScriptMinimal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 3000; n++ {
		a := make([]int, r.IntN(30))
		b := make([]int, r.IntN(30))
		alpha := 1 + r.IntN(6)
		for i := range a {
			a[i] = r.IntN(alpha)
		}
		for i := range b {
			b[i] = r.IntN(alpha)
		}
		ops := Script(a, b)
		var gotA []int
		equal := 0
		for _, op := range ops {
			switch op.Kind {
			case Equal:
				if a[op.A] != b[op.B] {
					t.Fatalf("%v %v: equal op on different units", a, b)
				}
				gotA = append(gotA, op.A)
				equal++
			case Delete:
				gotA = append(gotA, op.A)
			}
		}
		for i, x := range gotA {
			if x != i {
				t.Fatalf("%v %v: old units out of order: %v", a, b, ops)
			}
		}
		if len(gotA) != len(a) {
			t.Fatalf("%v %v: script covers %d of %d old units", a, b, len(gotA), len(a))
		}
		// new indexes in order too
		last := -1
		for _, op := range ops {
			if op.B >= 0 {
				if op.B != last+1 {
					t.Fatalf("%v %v: new units out of order: %v", a, b, ops)
				}
				last = op.B
			}
		}
		if last != len(b)-1 {
			t.Fatalf("%v %v: script covers %d of %d new units", a, b, last+1, len(b))
		}
		if want := lcs(a, b); equal != want {
			t.Fatalf("%v %v: %d units kept, the longest common subsequence has %d", a, b, equal, want)
		}
	}
}

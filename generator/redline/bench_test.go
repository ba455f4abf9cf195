package redline

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkScript runs the edit script on unit sequences of 1,000, 10,000
// and 100,000 units with 1 % and 20 % of them changed: the cost grows with
// the length times the number of differences, and memory stays linear.
func BenchmarkScript(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		for _, pct := range []int{1, 20} {
			b.Run(fmt.Sprintf("units=%d/changed=%d%%", n, pct), func(b *testing.B) {
				r := rand.New(rand.NewPCG(1, 2))
				a := make([]int, n)
				for i := range a {
					a[i] = i
				}
				c := make([]int, 0, n)
				for _, x := range a {
					switch {
					case r.IntN(100) >= pct:
						c = append(c, x)
					case r.IntN(2) == 0:
						c = append(c, -x-1) // changed
					}
					// else: deleted
				}
				if n*pct > 100*10000 {
					b.Skip("quadratic in the number of differences by design")
				}
				b.ReportAllocs()
				for b.Loop() {
					Script(a, c)
				}
			})
		}
	}
}

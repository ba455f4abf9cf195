package redline

// Op is one step of an edit script: keep a unit of both sequences, delete
// one of the old sequence, or insert one of the new.
type Op struct {
	Kind OpKind
	// A and B are the indexes in the old and the new sequence (-1 where the
	// op has none).
	A, B int
}

// OpKind is the kind of an Op.
type OpKind int

// The op kinds.
const (
	Equal OpKind = iota
	Delete
	Insert
)

// Script returns a shortest edit script from a to b (Myers' algorithm in
// linear space: it finds the middle snake of each part and recurses), with
// deletions before insertions where both replace units. It takes
// O((N+M)·D) time for N+M units and D differences, and O(N+M) memory.
func Script(a, b []int) []Op {
	var ops []Op
	var rec func(a0, a1, b0, b1 int)
	rec = func(a0, a1, b0, b1 int) {
		// Common prefix and suffix need no search.
		for a0 < a1 && b0 < b1 && a[a0] == b[b0] {
			ops = append(ops, Op{Equal, a0, b0})
			a0, b0 = a0+1, b0+1
		}
		var tail []Op
		for a0 < a1 && b0 < b1 && a[a1-1] == b[b1-1] {
			a1, b1 = a1-1, b1-1
			tail = append(tail, Op{Equal, a1, b1})
		}
		switch {
		case a0 == a1:
			for j := b0; j < b1; j++ {
				ops = append(ops, Op{Insert, -1, j})
			}
		case b0 == b1:
			for i := a0; i < a1; i++ {
				ops = append(ops, Op{Delete, i, -1})
			}
		default:
			x, y := middleSnake(a[a0:a1], b[b0:b1])
			if (x == 0 && y == 0) || (x == a1-a0 && y == b1-b0) {
				// No split point: replace the part as a whole (valid,
				// if not minimal; the tests show it does not happen).
				for i := a0; i < a1; i++ {
					ops = append(ops, Op{Delete, i, -1})
				}
				for j := b0; j < b1; j++ {
					ops = append(ops, Op{Insert, -1, j})
				}
				break
			}
			rec(a0, a0+x, b0, b0+y)
			rec(a0+x, a1, b0+y, b1)
		}
		for k := len(tail) - 1; k >= 0; k-- {
			ops = append(ops, tail[k])
		}
	}
	rec(0, len(a), 0, len(b))
	return deletionsFirst(ops)
}

// deletionsFirst reorders each run of changes so that its deletions come
// before its insertions, as a reader expects a replacement.
func deletionsFirst(ops []Op) []Op {
	for i := 0; i < len(ops); {
		if ops[i].Kind == Equal {
			i++
			continue
		}
		j := i
		for j < len(ops) && ops[j].Kind != Equal {
			j++
		}
		run := ops[i:j]
		sorted := make([]Op, 0, len(run))
		for _, k := range []OpKind{Delete, Insert} {
			for _, op := range run {
				if op.Kind == k {
					sorted = append(sorted, op)
				}
			}
		}
		copy(run, sorted)
		i = j
	}
	return ops
}

// middleSnake returns a point (x, y) on an optimal path from (0, 0) to
// (len(a), len(b)) that splits the problem in two smaller ones, where the
// forward and the backward search meet. a and b are not empty and differ
// in their first and last elements.
func middleSnake(a, b []int) (int, int) {
	n, m := len(a), len(b)
	delta := n - m
	odd := delta%2 != 0
	off := 2*(n+m) + 2
	vf := make([]int, 2*off+1)
	vb := make([]int, 2*off+1)
	for i := range vb {
		vb[i] = n
	}
	vf[off+1] = 0
	vb[off+delta-1] = n
	for d := 0; d <= (n+m+1)/2; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && vf[off+k-1] < vf[off+k+1]) {
				x = vf[off+k+1]
			} else {
				x = vf[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			vf[off+k] = x
			if odd && k >= delta-(d-1) && k <= delta+(d-1) && vf[off+k] >= vb[off+k] {
				return x, y
			}
		}
		for k := -d; k <= d; k += 2 {
			kk := k + delta
			var x int
			if k == d || (k != -d && vb[off+kk-1] < vb[off+kk+1]) {
				x = vb[off+kk-1]
			} else {
				x = vb[off+kk+1] - 1
			}
			y := x - kk
			for x > 0 && y > 0 && a[x-1] == b[y-1] {
				x, y = x-1, y-1
			}
			vb[off+kk] = x
			if !odd && kk >= -d && kk <= d && vb[off+kk] <= vf[off+kk] {
				return x, y
			}
		}
	}
	return n, m // not reached: the searches always meet
}

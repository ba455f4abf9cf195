package diagram

import (
	"math"
	"slices"
)

// levels sorts the groups into levels: the device's zone first, every
// other zone one level after the nearest zone it exchanges data with (a
// breadth-first search over the zones, neighbours in spec order). Zones not
// connected to the device's zone start over at level 0. Every edge
// therefore joins neighbouring levels or stays in one.
func (l *layout) levels() {
	n := len(l.groups)
	adj := make([][]int, n)
	for _, e := range l.edges {
		a, b := l.groupOf(e.key.src), l.groupOf(e.key.dst)
		if a != b {
			adj[a] = append(adj[a], b)
			adj[b] = append(adj[b], a)
		}
	}
	for i := range adj {
		slices.Sort(adj[i])
		adj[i] = slices.Compact(adj[i])
	}
	root := -1
	if r, ok := l.ids[l.s.Network.Zone]; ok && r.zone {
		root = r.idx
	}
	if root < 0 {
		for _, nd := range l.nodes {
			if nd.box.Kind == "device" {
				root = nd.group
				break
			}
		}
	}
	l.level = make([]int, n)
	for i := range l.level {
		l.level[i] = -1
	}
	visit := func(r int) {
		l.level[r] = 0
		queue := []int{r}
		for len(queue) > 0 {
			g := queue[0]
			queue = queue[1:]
			l.order = append(l.order, g)
			l.nlevels = max(l.nlevels, l.level[g]+1)
			for _, h := range adj[g] {
				if l.level[h] < 0 {
					l.level[h] = l.level[g] + 1
					queue = append(queue, h)
				}
			}
		}
	}
	if root >= 0 {
		visit(root)
	}
	for g := range n {
		if l.level[g] < 0 {
			visit(g)
		}
	}
}

// columns puts the levels into n columns, neighbouring levels together, so
// that the columns hold about the same number of boxes. Within a column,
// zones keep the order in which the search reached them. An edge between
// two levels that share a column becomes a loop within the column.
func (l *layout) columns(n int) {
	weight := make([]int, l.nlevels)
	for g, lv := range l.level {
		weight[lv] += len(l.groups[g].nodes) + 1
	}
	colOf := partition(weight, n)
	l.cols = make([][]int, n)
	for _, g := range l.order {
		c := colOf[l.level[g]]
		l.cols[c] = append(l.cols[c], g)
		l.groups[g].col = c
	}
}

// partition splits weights into n contiguous runs with the smallest
// largest sum (n <= len(weights)) and returns the run of each weight.
func partition(weights []int, n int) []int {
	m := len(weights)
	prefix := make([]int, m+1)
	for i, w := range weights {
		prefix[i+1] = prefix[i] + w
	}
	// cost[k][i]: smallest largest run sum of weights[:i] in k runs.
	const inf = math.MaxInt
	cost := make([][]int, n+1)
	cut := make([][]int, n+1)
	for k := range cost {
		cost[k] = make([]int, m+1)
		cut[k] = make([]int, m+1)
		for i := range cost[k] {
			cost[k][i] = inf
		}
	}
	cost[0][0] = 0
	for k := 1; k <= n; k++ {
		for i := k; i <= m; i++ {
			for j := k - 1; j < i; j++ {
				if cost[k-1][j] == inf {
					continue
				}
				if c := max(cost[k-1][j], prefix[i]-prefix[j]); c < cost[k][i] {
					cost[k][i], cut[k][i] = c, j
				}
			}
		}
	}
	out := make([]int, m)
	for k, i := n, m; k > 0; k-- {
		j := cut[k][i]
		for x := j; x < i; x++ {
			out[x] = k - 1
		}
		i = j
	}
	return out
}

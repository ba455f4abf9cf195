package diff

import (
	"reflect"
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/firewall"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
)

// pair is an element matched across the revisions.
type pair struct {
	old, new *element
	renamed  bool
	// changed is set when a compared field differs.
	changed bool
}

// comparison carries one Compare.
type comparison struct {
	cfg      *Config
	old, new Side
	// renames maps, per section, the old key of a renamed element to its
	// new key.
	renames map[string]map[string]string
	// pairs are the matched elements of each list section.
	pairs   map[string][]pair
	changes []*Change
}

// Compare compares two revisions and classifies every change.
func Compare(old, cur Side, opts Options) (*Report, error) {
	cfg, err := LoadConfig()
	if err != nil {
		return nil, err
	}
	c := &comparison{cfg: cfg, old: old, new: cur, renames: map[string]map[string]string{}, pairs: map[string][]pair{}}
	for _, s := range cfg.Sections {
		c.section(s)
	}
	r := &Report{Old: info(old), New: info(cur), Changes: c.changes, config: cfg}
	if r.Changes == nil {
		r.Changes = []*Change{}
	}
	cfg.classify(r.Changes, cur)
	r.summarize()
	r.History = r.historyEntry(cur, opts)
	return r, nil
}

// values returns the elements of section s in a revision (one value for a
// struct section) with their spec paths.
func (c *comparison) values(sd Side, s *Section) ([]reflect.Value, []string) {
	var list reflect.Value
	switch s.Section {
	case componentsSection:
		v := components(sd.BOM, sd.Spec)
		list = reflect.ValueOf(v)
	case vulnsSection:
		list = reflect.ValueOf(vulnerabilities(sd.BOM))
	case catalogSection:
		list = reflect.ValueOf(outcomes(sd.Result))
	default:
		v, _ := sd.Spec.Lookup(s.Section)
		if !s.list {
			if !v.IsValid() {
				v = reflect.Zero(s.elem)
			}
			return []reflect.Value{v}, []string{s.Section}
		}
		list = v
	}
	if !list.IsValid() {
		return nil, nil
	}
	virtual := s.Section == componentsSection || s.Section == vulnsSection || s.Section == catalogSection
	vals := make([]reflect.Value, list.Len())
	paths := make([]string, list.Len())
	for i := range vals {
		vals[i] = list.Index(i)
		if !virtual {
			paths[i] = yamlx.Index(s.Section, i)
		}
	}
	return vals, paths
}

// elements flattens the elements of section s in a revision.
func (c *comparison) elements(sd Side, s *Section, rename renamer) ([]*element, []string) {
	vals, paths := c.values(sd, s)
	out := make([]*element, len(vals))
	for i, v := range vals {
		e := &element{index: i, leaves: flatten(v, rename)}
		if s.list {
			k, _ := e.get(s.Key)
			e.key = k.canon
		}
		e.fp = e.fingerprint(s)
		out[i] = e
	}
	return out, paths
}

// renamer follows the renames of the sections that the references of s
// name: an old reference to a renamed element names its new key.
func (c *comparison) renamer(s *Section) renamer {
	if len(s.Refs) == 0 {
		return nil
	}
	return func(field, value string) string {
		targets, ok := s.Refs.get(field)
		if !ok {
			return value
		}
		for _, t := range targets {
			if n, ok := c.renames[t][value]; ok {
				return n
			}
		}
		return value
	}
}

// section compares one section.
func (c *comparison) section(s *Section) {
	start := len(c.changes)
	olds, oldPaths := c.elements(c.old, s, c.renamer(s))
	news, newPaths := c.elements(c.new, s, nil)
	if !s.list {
		c.compareFields(s, pair{old: olds[0], new: news[0]}, newPaths[0])
		return
	}
	pairs, removed, added := match(s, olds, news)
	for _, e := range removed {
		c.add(&Change{Section: s.Section, Kind: Removed, ID: e.key, Path: oldPaths[e.index], oldElem: e, order: [3]int{0, e.index}})
	}
	for i := range pairs {
		p := &pairs[i]
		if p.renamed {
			if c.renames[s.Section] == nil {
				c.renames[s.Section] = map[string]string{}
			}
			c.renames[s.Section][p.old.key] = p.new.key
			c.add(&Change{Section: s.Section, Kind: Renamed, ID: p.new.key, OldID: p.old.key, Path: newPaths[p.new.index], oldElem: p.old, newElem: p.new, order: [3]int{1, p.new.index}})
		}
		p.changed = c.compareFields(s, *p, newPaths[p.new.index])
	}
	for _, e := range added {
		c.add(&Change{Section: s.Section, Kind: Added, ID: e.key, Path: newPaths[e.index], newElem: e, order: [3]int{2, e.index}})
	}
	c.pairs[s.Section] = pairs
	if s.Order == firstMatch {
		c.decisions(s, pairs)
	}
	mine := c.changes[start:]
	slices.SortStableFunc(mine, func(a, b *Change) int { return compareOrder(a.order, b.order) })
}

// compareOrder orders change positions.
func compareOrder(a, b [3]int) int {
	for i := range a {
		if a[i] != b[i] {
			return a[i] - b[i]
		}
	}
	return 0
}

// add records a change.
func (c *comparison) add(ch *Change) { c.changes = append(c.changes, ch) }

// compareFields records a change for each compared field of a matched
// element that differs, and reports whether one did.
func (c *comparison) compareFields(s *Section, p pair, path string) bool {
	// Both elements are of the section's type: their leaves are in the
	// same order.
	changed := false
	for i, lo := range p.old.leaves {
		ln := p.new.leaves[i]
		if lo.canon == ln.canon || !s.compared[lo.name] || (s.list && lo.name == s.Key) {
			continue
		}
		changed = true
		c.add(&Change{
			Section: s.Section, Kind: Changed, ID: p.new.key, Field: lo.name, Old: lo.show, New: ln.show,
			Trends: c.cfg.trends(s.Section, lo.name, lo, ln), Path: fieldPath(path, lo.name),
			oldElem: p.old, newElem: p.new, order: [3]int{1, p.new.index, i},
		})
	}
	return changed
}

// fieldPath joins an element path and a field; the SBOM and the check
// result have no spec paths.
func fieldPath(path, field string) string {
	if path == "" {
		return ""
	}
	return yamlx.Join(path, field)
}

// match pairs the elements of a list across the revisions: by key, an
// unchanged element first where keys repeat; then, among the elements left,
// an old and a new element whose content (every compared field but the key)
// is the same and found in no other element left on either side, as a
// rename. It returns the pairs in new order and the elements removed (in
// old order) and added (in new order).
func match(s *Section, olds, news []*element) (pairs []pair, removed, added []*element) {
	oldPair := make([]int, len(olds))
	newUsed := make([]bool, len(news))
	for i := range oldPair {
		oldPair[i] = -1
	}
	type kf struct{ key, fp string }
	exact := map[kf][]int{}
	byKey := map[string][]int{}
	for j, n := range news {
		exact[kf{n.key, n.fp}] = append(exact[kf{n.key, n.fp}], j)
		byKey[n.key] = append(byKey[n.key], j)
	}
	take := func(queue []int) (int, []int) {
		for len(queue) > 0 && newUsed[queue[0]] {
			queue = queue[1:]
		}
		if len(queue) == 0 {
			return -1, queue
		}
		return queue[0], queue[1:]
	}
	for i, o := range olds {
		var j int
		j, exact[kf{o.key, o.fp}] = take(exact[kf{o.key, o.fp}])
		if j >= 0 {
			oldPair[i], newUsed[j] = j, true
		}
	}
	for i, o := range olds {
		if oldPair[i] >= 0 {
			continue
		}
		var j int
		j, byKey[o.key] = take(byKey[o.key])
		if j >= 0 {
			oldPair[i], newUsed[j] = j, true
		}
	}
	renamed := make([]bool, len(olds))
	if s.Renames == nil || *s.Renames {
		oldByFP := map[string][]int{}
		newByFP := map[string][]int{}
		for i, o := range olds {
			if oldPair[i] < 0 && o.fp != "" {
				oldByFP[o.fp] = append(oldByFP[o.fp], i)
			}
		}
		for j, n := range news {
			if !newUsed[j] && n.fp != "" {
				newByFP[n.fp] = append(newByFP[n.fp], j)
			}
		}
		for fp, is := range oldByFP {
			if js := newByFP[fp]; len(is) == 1 && len(js) == 1 {
				oldPair[is[0]], newUsed[js[0]], renamed[is[0]] = js[0], true, true
			}
		}
	}
	newPair := make([]int, len(news))
	for j := range newPair {
		newPair[j] = -1
	}
	for i, j := range oldPair {
		if j >= 0 {
			newPair[j] = i
		} else {
			removed = append(removed, olds[i])
		}
	}
	for j, i := range newPair {
		if i < 0 {
			added = append(added, news[j])
			continue
		}
		pairs = append(pairs, pair{old: olds[i], new: news[j], renamed: renamed[i]})
	}
	return pairs, removed, added
}

// decisions compares an ordered rule set (the firewall rules) where the
// relative order of the rules both revisions have changed: it records the
// data streams whose traffic another rule now decides first, and the rules
// that earlier rules now reach before them (or no longer). Changes explained
// by a changed stream are left to that stream's own changes.
func (c *comparison) decisions(s *Section, rules []pair) {
	byOld := slices.Clone(rules)
	slices.SortFunc(byOld, func(a, b pair) int { return a.old.index - b.old.index })
	if slices.EqualFunc(byOld, rules, func(a, b pair) bool { return a.new == b.new }) {
		return
	}
	oldFW, newFW := firewall.New(c.old.Spec), firewall.New(c.new.Spec)
	oldName := func(i int) string {
		id := oneLine(c.old.Spec.FirewallRules[i].ID)
		if n, ok := c.renames[s.Section][id]; ok {
			return n
		}
		return id
	}
	newName := func(i int) string { return oneLine(c.new.Spec.FirewallRules[i].ID) }
	oldEnd := func(id string) string {
		for _, sec := range []string{"network.nodes", "network.zones"} {
			if n, ok := c.renames[sec][id]; ok {
				return n
			}
		}
		return id
	}
	newEnd := func(id string) string { return id }
	for _, p := range c.pairs["data_streams"] {
		if p.changed {
			continue
		}
		oldLegs := firewall.Legs(c.old.Spec.DataStreams[p.old.index])
		newLegs := firewall.Legs(c.new.Spec.DataStreams[p.new.index])
		before := decided(oldFW, oldLegs, oldName, oldEnd, c.old)
		after := decided(newFW, newLegs, newName, newEnd, c.new)
		if before != after {
			c.add(&Change{
				Section: s.Section, Kind: Decision, ID: p.new.key, Field: DecidesField, Old: before, New: after,
				Path: yamlx.Index("data_streams", p.new.index), oldElem: p.old, newElem: p.new, order: [3]int{3, 0, p.new.index},
			})
		}
	}
	for _, p := range rules {
		before := names(oldFW.Shadowed(p.old.index), oldName)
		after := names(newFW.Shadowed(p.new.index), newName)
		if before != after {
			c.add(&Change{
				Section: s.Section, Kind: Decision, ID: p.new.key, Field: ShadowedField, Old: before, New: after,
				Path: yamlx.Index(s.Section, p.new.index), oldElem: p.old, newElem: p.new, order: [3]int{3, 1, p.new.index},
			})
		}
	}
}

// decided describes which rules decide the traffic of a stream's legs:
// "fw-01 (allow)" when one rule decides all of it, else one part per leg
// and port range, "dev → srv tcp/104 by fw-01 (allow)".
func decided(fw *firewall.Set, legs []firewall.Leg, name func(int) string, end func(string) string, sd Side) string {
	var parts []string
	rules := map[string]bool{}
	for _, leg := range legs {
		for _, seg := range fw.Decide(leg) {
			what := string(leg.Transport)
			if ports := firewall.SegmentPorts(leg, seg); leg.Transport.HasPorts() || leg.Transport.IsICMP() {
				what += "/" + ports
			}
			rule := msg.Get("diff.no_rule")
			if seg.Rule >= 0 {
				rule = msg.Format("diff.rule_action", name(seg.Rule), sd.Spec.FirewallRules[seg.Rule].Action)
			}
			rules[rule] = true
			parts = append(parts, msg.Format("diff.segment", end(leg.Source), end(leg.Destination), what, rule))
		}
	}
	if len(rules) == 1 {
		for rule := range rules {
			return rule
		}
	}
	return strings.Join(parts, "; ")
}

// names joins the names of rules.
func names(idx []int, name func(int) string) string {
	out := make([]string, len(idx))
	for i, k := range idx {
		out[i] = name(k)
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

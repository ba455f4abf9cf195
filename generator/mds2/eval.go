package mds2

import (
	"reflect"
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/duties"
	"github.com/docgen/docgen/generator/knowledge"
	"github.com/docgen/docgen/generator/sbom"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// Input is what a statement is made from.
type Input struct {
	Spec *spec.Spec
	// BOM is the spec's SBOM as read by generator.LoadSBOM, or nil.
	BOM *sbom.BOM
	// AnswersOnly leaves the notes out (and the spec paths only a note
	// cites), for callers that need only the answers, such as check's
	// count of unanswered questions; the answers are the same.
	AnswersOnly bool
}

// env is the state of one evaluation.
type env struct {
	in      Input
	root    reflect.Value
	results map[string]*Result

	duties    []duties.Duty
	dutiesErr error
	dutiesOK  bool
	summary   *sbom.Summary
	data      map[elementKey]any
}

// ctx is where a condition or note is evaluated: the whole spec, or one
// element of a list, with the element's path.
type ctx struct {
	v    reflect.Value
	path string
}

// target is a value found at a path, with its concrete path.
type target struct {
	v    reflect.Value
	path string
}

// Evaluate answers every question of the form from the facts of in.Spec.
// Questions are answered in form order, so a rule may refer to the answer
// of an earlier question.
func (f *Form) Evaluate(in Input) *Statement {
	e := &env{in: in, root: reflect.ValueOf(in.Spec).Elem(), results: map[string]*Result{}, data: map[elementKey]any{}}
	st := &Statement{Form: f.Form, Title: f.Title, Cover: cover(in.Spec)}
	for i := range f.Sections {
		sec := &f.Sections[i]
		sa := SectionAnswers{Code: sec.Code, Title: sec.Title, Questions: make([]Result, 0, len(sec.Questions))}
		for j := range sec.Questions {
			q := &sec.Questions[j]
			r := e.answer(f, q)
			sa.Questions = append(sa.Questions, r)
			e.results[q.ID] = &sa.Questions[len(sa.Questions)-1]
		}
		st.Sections = append(st.Sections, sa)
	}
	// The pointers into sa.Questions are only used while answering.
	e.results = nil
	return st
}

func (e *env) answer(f *Form, q *Question) Result {
	r := Result{ID: q.ID, Section: q.section.Code, Question: q.Text, Paths: []string{}}
	if len(q.Value) > 0 {
		text, paths := e.render(ctx{v: e.root}, q.Value, false)
		if text != "" {
			r.Answer, r.Value, r.Paths = text, true, paths
			return r
		}
	}
	for rq := q; rq != nil; rq = f.Question(rq.Also) {
		for _, rule := range rq.Rules {
			ok, paths := e.cond(ctx{v: e.root}, &rule.If)
			if !ok {
				continue
			}
			r.Answer = string(rule.Answer)
			if e.in.AnswersOnly {
				r.Paths = dedupe(paths)
				return r
			}
			note, notePaths := e.render(ctx{v: e.root}, rule.Note, true)
			r.Note = note
			r.Paths = dedupe(append(paths, notePaths...))
			return r
		}
		if rq.Also == "" {
			break
		}
	}
	r.Gap, r.NewFact = q.Gap, q.NewFact
	return r
}

// cond evaluates c in x. It returns whether c holds and the concrete spec
// paths the outcome rests on.
func (e *env) cond(x ctx, c *Cond) (bool, []string) {
	switch {
	case c.Has != "":
		ts := resolve(x, c.Has)
		ok := len(ts) > 0
		for _, t := range ts {
			ok = ok && t.v.IsValid() && spec.HasContent(t.v)
		}
		return ok, targetPaths(ts)
	case c.IsTrue != "":
		b, set, p := e.boolAt(x, c.IsTrue)
		return set && b, []string{p}
	case c.IsFalse != "":
		b, set, p := e.boolAt(x, c.IsFalse)
		return set && !b, []string{p}
	case c.Is != nil:
		ts := resolve(x, c.Is.Path)
		for _, t := range ts {
			if t.v.IsValid() && slices.ContainsFunc(c.Is.In, func(w string) bool { return strings.EqualFold(w, textOf(t.v)) }) {
				return true, []string{t.path}
			}
		}
		return false, targetPaths(ts)
	case c.Any != nil:
		return e.any(x, c.Any)
	case c.None != nil:
		n, total, _, lp := e.count(x, c.None)
		return total > 0 && n == 0, lp
	case c.Every != nil:
		n, total, matched, lp := e.count(x, c.Every)
		return total > 0 && n == total, append(lp, matched...)
	case c.All != nil:
		var paths []string
		for i := range c.All {
			ok, p := e.cond(x, &c.All[i])
			if !ok {
				return false, p
			}
			paths = append(paths, p...)
		}
		return true, paths
	case c.Either != nil:
		var paths []string
		for i := range c.Either {
			ok, p := e.cond(x, &c.Either[i])
			if ok {
				return true, p
			}
			paths = append(paths, p...)
		}
		return false, paths
	case c.Not != nil:
		ok, p := e.cond(x, c.Not)
		return !ok, p
	case c.Answer != nil:
		r := e.results[c.Answer.Of]
		if r == nil {
			return false, nil
		}
		return slices.Contains(c.Answer.In, Answer(r.Answer)), r.Paths
	case c.Duty != nil:
		return e.duty(c.Duty)
	case c.Fact != "":
		return facts[c.Fact].eval(e)
	case c.Node != nil:
		return e.node(x, c.Node)
	case c.Cleartext != nil:
		ds, ok := x.v.Interface().(spec.DataStream)
		if !ok {
			return false, nil
		}
		clear := knowledge.Cleartext(ds).Any() && !knowledge.CarriedSecurely(e.in.Spec, ds)
		paths := []string{yamlx.Join(x.path, "protocol"), yamlx.Join(x.path, "encryption")}
		if ds.Tunnel != "" {
			paths = append(paths, yamlx.Join(x.path, "tunnel"))
		}
		return clear == *c.Cleartext, paths
	}
	return false, nil
}

// any holds when at least Min elements of the list match; the paths are
// those of the matching elements.
func (e *env) any(x ctx, lc *ListCond) (bool, []string) {
	n, _, matched, lp := e.count(x, lc)
	if n >= max(lc.Min, 1) {
		return true, matched
	}
	return false, lp
}

// count counts the elements of the list that match lc.Where. It returns
// the number of matches, the number of elements, the paths of the matches
// and the list's own path.
func (e *env) count(x ctx, lc *ListCond) (n, total int, matched, listPaths []string) {
	for _, t := range resolve(x, lc.List) {
		listPaths = append(listPaths, t.path)
		if !t.v.IsValid() || t.v.Kind() != reflect.Slice {
			continue
		}
		for i := 0; i < t.v.Len(); i++ {
			el := ctx{v: t.v.Index(i), path: yamlx.Index(t.path, i)}
			total++
			if lc.Where == nil {
				n++
				matched = append(matched, el.path)
				continue
			}
			if ok, p := e.cond(el, lc.Where); ok {
				n++
				matched = append(matched, p...)
			}
		}
	}
	return n, total, matched, listPaths
}

func (e *env) duty(dc *DutyCond) (bool, []string) {
	if !e.dutiesOK {
		e.duties, e.dutiesErr = duties.Matrix(e.in.Spec)
		e.dutiesOK = true
	}
	if e.dutiesErr != nil {
		return false, nil
	}
	for _, d := range e.duties {
		if d.ID != dc.Activity {
			continue
		}
		// Only what the spec itself says counts: docgen's default matrix
		// is an assumption the documents state, not a fact of the device.
		if d.Path == "" {
			return false, nil
		}
		for _, st := range dc.Responsible {
			if slices.Contains(d.Responsible, e.in.Spec.Resolve(st)) {
				return true, []string{d.Path}
			}
		}
		return false, []string{d.Path}
	}
	return false, nil
}

// node reports whether the node that the field at nc.Field names has one
// of the kinds nc.Kind; a node that is not found or has no kind has none, so
// that an unset kind never counts as a fact.
func (e *env) node(x ctx, nc *NodeCond) (bool, []string) {
	ts := resolve(x, nc.Field)
	if len(ts) != 1 || !ts[0].v.IsValid() {
		return false, targetPaths(ts)
	}
	id := ts[0].v.String()
	for i, n := range e.in.Spec.Network.Nodes {
		if n.ID == id {
			if n.Kind == "" {
				return false, []string{ts[0].path}
			}
			p := yamlx.Join(yamlx.Index("network.nodes", i), "kind")
			return slices.Contains(nc.Kind, string(n.Kind)), []string{ts[0].path, p}
		}
	}
	return false, []string{ts[0].path}
}

// resolve finds the values at path p below x. A segment "a[]" stands for
// every element of list a. A path through an unset pointer yields an
// invalid value at that path.
func resolve(x ctx, p string) []target {
	cur := []target{{x.v, x.path}}
	for _, seg := range strings.Split(p, ".") {
		name, each := strings.CutSuffix(seg, "[]")
		var next []target
		for _, t := range cur {
			v := t.v
			for v.IsValid() && v.Kind() == reflect.Pointer {
				if v.IsNil() {
					v = reflect.Value{}
					break
				}
				v = v.Elem()
			}
			fp := yamlx.Join(t.path, name)
			if !v.IsValid() || v.Kind() != reflect.Struct {
				next = append(next, target{reflect.Value{}, fp})
				continue
			}
			f := spec.Field(v, name)
			if !each {
				next = append(next, target{f, fp})
				continue
			}
			for i := 0; f.IsValid() && i < f.Len(); i++ {
				next = append(next, target{f.Index(i), yamlx.Index(fp, i)})
			}
		}
		cur = next
	}
	return cur
}

// boolAt reads a yes/no field: its value, whether it is set and its path.
// A *bool is set when it is not nil. A plain bool (the device flags) is set
// when the spec file writes it: an unwritten flag is false for the catalog,
// but it is no statement that the MDS2 could repeat as "No".
func (e *env) boolAt(x ctx, p string) (value, set bool, path string) {
	ts := resolve(x, p)
	if len(ts) != 1 {
		return false, false, p
	}
	v, path := ts[0].v, ts[0].path
	if v.IsValid() && v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return false, false, path
		}
		return v.Elem().Bool(), true, path
	}
	if !v.IsValid() || v.Kind() != reflect.Bool {
		return false, false, path
	}
	src := e.in.Spec.Sources
	return v.Bool(), src == nil || src.Has(path), path
}

func targetPaths(ts []target) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.path
	}
	return out
}

// dedupe removes empty and repeated paths, and paths below another path
// of the list (data_streams[2].data goes when data_streams[2] is there),
// keeping the order of the first of each.
func dedupe(paths []string) []string {
	seen := make(map[string]bool, len(paths))
	for _, p := range paths {
		seen[p] = true
	}
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		if p == "" || !seen[p] || covered(p, seen) {
			continue
		}
		seen[p] = false // written
		out = append(out, p)
	}
	return out
}

// covered reports whether an ancestor of path p is among the paths.
func covered(p string, paths map[string]bool) bool {
	for a := yamlx.Parent(p); a != ""; a = yamlx.Parent(a) {
		if _, ok := paths[a]; ok {
			return true
		}
	}
	return false
}

package docx

import (
	"bytes"
	"slices"
	"strconv"
)

// Indentation of list levels, in twentieths of a point: level k has its
// text at listIndent*(k+1) and its number or bullet listHanging before it.
const (
	listIndent  = 425
	listHanging = 283
	listLevels  = 9
)

// levelIndent returns the left indentation of the text of list level k.
func levelIndent(k int) int { return listIndent * (min(k, listLevels-1) + 1) }

// bullets are the bullet characters of the list levels, repeating.
var bullets = []string{"•", "–", "▪"}

// numbering collects the list definitions of a document. Every bullet
// list shares one numbering instance; every ordered list has its own, which
// starts at the list's first number, so that lists never continue one
// another's counting.
type numbering struct {
	// absBase and numBase are the first abstract numbering id and the
	// first numbering id docgen may use (after a template's).
	absBase, numBase int
	bulletID         int
	ordered          []orderedList
}

type orderedList struct {
	id, level, start int
}

// bullet returns the numbering id of bullet lists.
func (n *numbering) bullet() int {
	if n.bulletID == 0 {
		n.bulletID = n.next()
	}
	return n.bulletID
}

// newOrdered returns a new numbering id for an ordered list at level that
// starts at start.
func (n *numbering) newOrdered(level, start int) int {
	id := n.next()
	n.ordered = append(n.ordered, orderedList{id: id, level: level, start: start})
	return id
}

func (n *numbering) next() int {
	id := n.numBase + len(n.ordered)
	if n.bulletID != 0 {
		id++
	}
	return id
}

// used reports whether the document has lists.
func (n *numbering) used() bool { return n.bulletID != 0 || len(n.ordered) > 0 }

// abstracts returns the abstract numbering definitions: bullets, then
// numbers.
func (n *numbering) abstracts(e *escaper) []byte {
	w := newXW(e)
	for a, ordered := range []bool{false, true} {
		w.WriteByte('\n')
		w.open("w:abstractNum", "w:abstractNumId", strconv.Itoa(n.absBase+a))
		w.empty("w:multiLevelType", "w:val", "hybridMultilevel")
		for k := range listLevels {
			w.open("w:lvl", "w:ilvl", strconv.Itoa(k))
			w.empty("w:start", "w:val", "1")
			if ordered {
				w.empty("w:numFmt", "w:val", "decimal")
				w.empty("w:lvlText", "w:val", "%"+strconv.Itoa(k+1)+".")
			} else {
				w.empty("w:numFmt", "w:val", "bullet")
				w.empty("w:lvlText", "w:val", bullets[k%len(bullets)])
			}
			w.empty("w:lvlJc", "w:val", "left")
			w.open("w:pPr")
			w.empty("w:ind", "w:left", strconv.Itoa(levelIndent(k)), "w:hanging", strconv.Itoa(listHanging))
			w.close("w:pPr")
			w.close("w:lvl")
		}
		w.close("w:abstractNum")
	}
	return w.Bytes()
}

// instances returns the numbering instances.
func (n *numbering) instances(e *escaper) []byte {
	w := newXW(e)
	type inst struct {
		id  int
		ord *orderedList
	}
	var all []inst
	if n.bulletID != 0 {
		all = append(all, inst{id: n.bulletID})
	}
	for i := range n.ordered {
		all = append(all, inst{id: n.ordered[i].id, ord: &n.ordered[i]})
	}
	// In id order, which is the order of first use.
	slices.SortFunc(all, func(a, b inst) int { return a.id - b.id })
	for _, in := range all {
		w.WriteByte('\n')
		w.open("w:num", "w:numId", strconv.Itoa(in.id))
		if in.ord == nil {
			w.empty("w:abstractNumId", "w:val", strconv.Itoa(n.absBase))
		} else {
			w.empty("w:abstractNumId", "w:val", strconv.Itoa(n.absBase+1))
			w.open("w:lvlOverride", "w:ilvl", strconv.Itoa(min(in.ord.level, listLevels-1)))
			w.empty("w:startOverride", "w:val", strconv.Itoa(max(in.ord.start, 0)))
			w.close("w:lvlOverride")
		}
		w.close("w:num")
	}
	return w.Bytes()
}

// part returns the numbering part: the template's, when tpl is not
// nil, with docgen's definitions added, or docgen's alone.
func (n *numbering) part(tpl []byte, e *escaper) ([]byte, error) {
	if tpl == nil {
		var b bytes.Buffer
		b.WriteString(xmlHeader)
		b.WriteString(`<w:numbering xmlns:w="` + nsW + `">`)
		b.Write(n.abstracts(e))
		b.Write(n.instances(e))
		b.WriteString("\n</w:numbering>")
		return b.Bytes(), nil
	}
	root, err := scanXML(tpl)
	if err != nil {
		return nil, err
	}
	if !root.is("numbering") || root.InnerStart == root.End {
		return nil, errNotTransitional
	}
	decl := wPrefix(root)
	abs, err := declareW(n.abstracts(e), decl)
	if err != nil {
		return nil, err
	}
	nums, err := declareW(n.instances(e), decl)
	if err != nil {
		return nil, err
	}
	// Abstract definitions come before every instance, and instances
	// before w:numIdMacAtCleanup.
	absAt, numAt := root.InnerEnd, root.InnerEnd
	for i := len(root.Children) - 1; i >= 0; i-- {
		c := root.Children[i]
		switch {
		case c.is("num"):
			absAt = c.Start
		case c.is("numIdMacAtCleanup"):
			absAt, numAt = c.Start, c.Start
		}
	}
	return splice(tpl, []edit{{at: absAt, insert: abs}, {at: numAt, insert: nums}}), nil
}

// templateNumberingBase returns the first free abstract numbering id and
// numbering id after those of a template's numbering part.
func templateNumberingBase(tpl []byte) (absBase, numBase int, err error) {
	absBase, numBase = 0, 1
	if tpl == nil {
		return absBase, numBase, nil
	}
	root, err := scanXML(tpl)
	if err != nil {
		return 0, 0, err
	}
	for _, c := range root.Children {
		switch {
		case c.is("abstractNum"):
			if v, err := strconv.Atoi(c.attr(nsW, "abstractNumId")); err == nil && v >= absBase && v < 1<<30 {
				absBase = v + 1
			}
		case c.is("num"):
			if v, err := strconv.Atoi(c.attr(nsW, "numId")); err == nil && v >= numBase && v < 1<<30 {
				numBase = v + 1
			}
		}
	}
	return absBase, numBase, nil
}

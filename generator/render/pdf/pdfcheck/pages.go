package pdfcheck

import (
	"fmt"
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/docgen/docgen/generator/render/pdf/pdftext"
)

// pageContent is what a page's content and annotations hold, for the
// structure checks.
type pageContent struct {
	obj int
	// key is the page's /StructParents, -1 if none.
	key int
	// mcids are the marked-content identifiers of the page, in order.
	mcids []int
	// annots are the object numbers of the page's annotations that need a
	// structure element (all but popups and printer marks).
	annots []int
}

// operators are the operators of ISO 32000-1 (Annex A).
var operators = map[string]bool{}

func init() {
	for _, op := range []string{"b", "B", "b*", "B*", "BDC", "BI", "BMC", "BT", "BX", "c", "cm", "CS", "cs", "d", "d0", "d1",
		"Do", "DP", "EI", "EMC", "ET", "EX", "f", "F", "f*", "G", "g", "gs", "h", "i", "ID", "j", "J", "K", "k", "l", "m",
		"M", "MP", "n", "q", "Q", "re", "RG", "rg", "ri", "s", "S", "SC", "sc", "SCN", "scn", "sh", "T*", "Tc", "Td", "TD",
		"Tf", "Tj", "TJ", "TL", "Tm", "Tr", "Ts", "Tw", "Tz", "v", "w", "W", "W*", "y", "'", "\""} {
		operators[op] = true
	}
}

// painting are the operators that put marks on the page.
var painting = map[string]bool{
	"Tj": true, "TJ": true, "'": true, "\"": true, "Do": true, "f": true, "F": true, "f*": true, "B": true, "B*": true,
	"b": true, "b*": true, "S": true, "s": true, "sh": true, "EI": true,
}

// pages checks each page: its size, resources, content and annotations.
func (c *checker) pages() {
	c.contents = nil
	for n := 1; n <= c.ctx.PageCount; n++ {
		pd, ref, _, err := c.ctx.PageDict(n, false)
		if err != nil || pd == nil {
			c.fail(pdfua+"7.1", "page %d cannot be read: %v", n, err)
			continue
		}
		pc := &pageContent{key: -1}
		if ref != nil {
			pc.obj = ref.ObjectNumber.Value()
		}
		if k, ok := pd["StructParents"].(types.Integer); ok {
			pc.key = int(k)
		}
		where := fmt.Sprintf("page %d", n)
		if c.opts.PDFA {
			if mb, _ := c.ctx.DereferenceArray(pd["MediaBox"]); len(mb) == 4 {
				var v [4]float64
				for i := range v {
					v[i], _ = c.ctx.DereferenceNumber(mb[i])
				}
				if w, h := v[2]-v[0], v[3]-v[1]; w < 3 || h < 3 || w > 14400 || h > 14400 {
					c.fail(pdfa+"6.1.13", "%s: a page of %g x %g units", where, w, h)
				}
			}
			if pd["AA"] != nil {
				c.fail(pdfa+"6.5.2", "%s: additional actions (/AA)", where)
			}
		}
		res, _ := c.ctx.DereferenceDict(pd["Resources"])
		if pd["Resources"] == nil && c.opts.PDFA {
			c.fail(pdfa+"6.2.2", "%s: no resource dictionary of its own", where)
		}
		fonts := map[string]*fontInfo{}
		if res != nil {
			fd, _ := c.ctx.DereferenceDict(res["Font"])
			for name, o := range fd {
				fonts[name] = c.font(o, where)
			}
			c.xobjects(res, where)
		}
		r, err := pdfcpu.ExtractPageContent(c.ctx, n)
		if err == nil && r != nil {
			if data, err := io.ReadAll(r); err == nil {
				c.content(data, fonts, pc, where)
			}
		}
		c.annotations(pd, pc, where)
		c.contents = append(c.contents, pc)
	}
}

// xobjects checks the image and form XObjects of a resource dictionary.
func (c *checker) xobjects(res types.Dict, where string) {
	xd, _ := c.ctx.DereferenceDict(res["XObject"])
	for name, o := range xd {
		sd, _, err := c.ctx.DereferenceStreamDict(o)
		if err != nil || sd == nil {
			continue
		}
		at := fmt.Sprintf("%s XObject %s", where, name)
		if sd.Dict["Ref"] != nil {
			c.fail(pdfua+"7.20", "%s: a reference XObject", at)
		}
		if !c.opts.PDFA {
			continue
		}
		if sd.Dict["OPI"] != nil || sd.Dict["Alternates"] != nil {
			c.fail(pdfa+"6.2.8.1", "%s: /OPI or /Alternates", at)
		}
		if b := sd.Dict.BooleanEntry("Interpolate"); b != nil && *b {
			c.fail(pdfa+"6.2.8.1", "%s: /Interpolate true", at)
		}
		if st := sd.Dict.NameEntry("Subtype2"); st != nil && *st == "PS" || sd.Dict.NameEntry("Subtype") != nil && *sd.Dict.NameEntry("Subtype") == "PS" {
			c.fail(pdfa+"6.2.9.3", "%s: a PostScript XObject", at)
		}
		if cs := sd.Dict.NameEntry("ColorSpace"); cs != nil && *cs == "DeviceCMYK" {
			c.fail(pdfa+"6.2.4.3", "%s: DeviceCMYK with an RGB output intent", at)
		}
		if bpc, ok := sd.Dict["BitsPerComponent"].(types.Integer); ok {
			switch bpc {
			case 1, 2, 4, 8, 16:
			default:
				c.fail(pdfa+"6.2.8.1", "%s: %d bits per component", at, bpc)
			}
		}
		if m, _, _ := c.ctx.DereferenceStreamDict(sd.Dict["SMask"]); m != nil {
			if b := m.Dict.BooleanEntry("Interpolate"); b != nil && *b {
				c.fail(pdfa+"6.2.8.1", "%s: soft mask with /Interpolate true", at)
			}
		}
	}
}

// mark is an open marked-content sequence.
type mark struct {
	artifact bool
	mcid     int
}

// content checks a page's content stream: every painting operator inside
// marked content, tagged or artifact, neither inside the other; defined
// operators; no CMYK; q/Q nesting; the codes shown.
func (c *checker) content(data []byte, fonts map[string]*fontInfo, pc *pageContent, where string) {
	var stack []mark
	depth := 0
	var font *fontInfo
	seen := map[int]bool{}
	pdftext.Scan(data, func(op string, args []pdftext.Operand) {
		if !operators[op] {
			if c.opts.PDFA {
				c.fail(pdfa+"6.2.2", "%s: operator %q is not defined in ISO 32000-1", where, op)
			}
			return
		}
		switch op {
		case "BMC", "BDC":
			m := mark{mcid: -1}
			if len(args) > 0 && args[0].Name == "Artifact" {
				m.artifact = true
			}
			if op == "BDC" && len(args) > 1 && args[1].Dict != nil {
				if id, ok := args[1].Dict["MCID"]; ok && !id.IsStr && id.Name == "" {
					m.mcid = int(id.Num)
				}
			}
			inArtifact, inTagged := false, false
			for _, o := range stack {
				inArtifact = inArtifact || o.artifact
				inTagged = inTagged || o.mcid >= 0
			}
			if m.mcid >= 0 && inArtifact {
				c.fail(pdfua+"7.1", "%s: tagged content (MCID %d) inside an artifact", where, m.mcid)
			}
			if m.artifact && inTagged {
				c.fail(pdfua+"7.1", "%s: an artifact inside tagged content", where)
			}
			if m.mcid >= 0 {
				if seen[m.mcid] {
					c.fail(pdfua+"7.1", "%s: MCID %d is used twice", where, m.mcid)
				}
				seen[m.mcid] = true
				pc.mcids = append(pc.mcids, m.mcid)
			}
			stack = append(stack, m)
		case "EMC":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case "q":
			depth++
			if depth > 28 && c.opts.PDFA {
				c.fail(pdfa+"6.1.13", "%s: q/Q nested deeper than 28", where)
			}
		case "Q":
			depth--
		case "k", "K":
			if c.opts.PDFA {
				c.fail(pdfa+"6.2.4.3", "%s: DeviceCMYK colour (%s) with an RGB output intent", where, op)
			}
		case "cs", "CS":
			if c.opts.PDFA && len(args) > 0 && args[0].Name == "DeviceCMYK" {
				c.fail(pdfa+"6.2.4.3", "%s: DeviceCMYK colour space with an RGB output intent", where)
			}
		case "Tf":
			if len(args) > 0 {
				font = fonts[args[0].Name]
			}
		}
		if painting[op] {
			marked := false
			for _, o := range stack {
				marked = marked || o.artifact || o.mcid >= 0
			}
			if !marked {
				c.fail(pdfua+"7.1", "%s: content (%s) that is neither tagged nor an artifact", where, op)
			}
		}
		switch op {
		case "Tj", "'", "\"":
			if n := len(args); n > 0 && args[n-1].IsStr {
				c.shown(font, args[n-1].Str, where)
			}
		case "TJ":
			if n := len(args); n > 0 {
				for _, a := range args[n-1].Arr {
					if a.IsStr {
						c.shown(font, a.Str, where)
					}
				}
			}
		}
	})
	if len(stack) > 0 {
		c.fail(pdfua+"7.1", "%s: marked content left open", where)
	}
}

// forbiddenActions are the action types PDF/A does not permit (ISO
// 19005-3 6.5.1).
var forbiddenActions = map[string]bool{
	"Launch": true, "Sound": true, "Movie": true, "ResetForm": true, "ImportData": true, "Hide": true,
	"SetOCGState": true, "Rendition": true, "Trans": true, "GoTo3DView": true, "JavaScript": true,
}

// annotations checks the annotations of a page.
func (c *checker) annotations(pd types.Dict, pc *pageContent, where string) {
	annots, _ := c.ctx.DereferenceArray(pd["Annots"])
	if len(annots) > 0 {
		if t := pd.NameEntry("Tabs"); t == nil || *t != "S" {
			c.fail(pdfua+"7.18.3", "%s has annotations but no /Tabs /S", where)
		}
	}
	for i, o := range annots {
		a, err := c.ctx.DereferenceDict(o)
		if err != nil || a == nil {
			continue
		}
		at := fmt.Sprintf("%s annotation %d", where, i+1)
		st := ""
		if s := a.NameEntry("Subtype"); s != nil {
			st = *s
		}
		if st != "Popup" && st != "PrinterMark" {
			if r, ok := o.(types.IndirectRef); ok {
				pc.annots = append(pc.annots, r.ObjectNumber.Value())
			} else {
				c.fail(pdfua+"7.18.1", "%s: a direct annotation object, which no structure element can refer to", at)
			}
			if c.text(a["Contents"]) == "" {
				c.fail(pdfua+"7.18.1", "%s: no /Contents", at)
			}
		}
		if a["StructParent"] == nil && st != "Popup" && st != "PrinterMark" {
			c.fail(pdfua+"7.18.1", "%s: no /StructParent: not tagged", at)
		}
		if !c.opts.PDFA {
			continue
		}
		switch st {
		case "3D", "Sound", "Screen", "Movie":
			c.fail(pdfa+"6.3.1", "%s: annotation type %s", at, st)
		}
		if st != "Popup" {
			flags, ok := a["F"].(types.Integer)
			const print, hidden, invisible, noView, toggle = 4, 2, 1, 32, 256
			if !ok || flags&print == 0 || flags&(hidden|invisible|noView|toggle) != 0 {
				c.fail(pdfa+"6.3.2", "%s: the flags (/F %v) do not make it printed and visible", at, a["F"])
			}
		}
		if st != "Popup" && st != "Link" && a["AP"] == nil {
			c.fail(pdfa+"6.3.3", "%s: no appearance (/AP)", at)
		}
		if act, _ := c.ctx.DereferenceDict(a["A"]); act != nil {
			if s := act.NameEntry("S"); s != nil && forbiddenActions[*s] {
				c.fail(pdfa+"6.5.1", "%s: action %s", at, *s)
			}
		}
		if a["AA"] != nil {
			c.fail(pdfa+"6.5.2", "%s: additional actions (/AA)", at)
		}
	}
}

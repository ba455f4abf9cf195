// Package pdftext reads back what a PDF written by docgen shows, for tests
// and for review: the metadata, the outline, the named destinations, the
// attachments and, page by page, the lines of text and the links.
//
//	doc, err := pdftext.Read(data)
//	fmt.Print(doc.Dump())
//
// Golden tests store the [Document.Dump] of every generated PDF, so that a
// change to a PDF reads as a change of text rather than of a digest.
//
// It is a reader for the files docgen's PDF renderer writes, not for PDF in
// general: text is read from the TJ and Tj operators of the page contents,
// in the fonts of the page resources; two-byte codes of composite (Type0)
// fonts are read as UTF-16BE, as docgen's Unicode fonts encode them, and
// one-byte codes of simple fonts as Latin-1. The files are parsed and
// validated with pdfcpu.
package pdftext

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Document is what a PDF shows.
type Document struct {
	// Info holds the entries of the document information dictionary, such
	// as "Title" and "CreationDate".
	Info map[string]string
	// Lang is the document's language (/Lang).
	Lang string
	// Outline is the outline (bookmarks).
	Outline []Bookmark
	// Dests maps the named destinations to their pages (1-based).
	Dests map[string]int
	// Attachments are the embedded files.
	Attachments []Attachment
	Pages       []Page
}

// Bookmark is an outline entry: its title, page (1-based) and children.
type Bookmark struct {
	Title string
	Page  int
	Kids  []Bookmark
}

// Attachment is an embedded file.
type Attachment struct {
	Name, Description string
	Size              int
}

// Page is one page.
type Page struct {
	// Width and Height are the page size in points.
	Width, Height float64
	// Runs are the text runs in drawing order.
	Runs []Run
	// Links are the link annotations in order.
	Links []Link
}

// Run is a piece of text drawn by one operator.
type Run struct {
	// X is the left end and Y the baseline, in points from the top left
	// corner of the page; W is the width.
	X, Y, W float64
	// Size is the font size and Font the font's base name, such as
	// "ABCDEF+DejaVuSans-Bold".
	Size float64
	Font string
	Text string
}

// Link is a link annotation: its box (from the top left corner) and where
// it leads.
type Link struct {
	X, Y, W, H float64
	// Target is a web address, "page N" for a destination in this file,
	// or "FILE#NAME" for a named destination in another file.
	Target string
}

// Validate parses data and validates it with pdfcpu in the given mode. It
// turns off pdfcpu's configuration directory (see api.DisableConfigDir),
// so that reading never writes to the user's home.
//
// pdfcpu (0.15) refuses every catalog /AF array, the list of associated
// files that PDF/A-3 requires for embedded files ("PDF 2.0 associated
// files not supported"), in every mode, and accepts the /AFRelationship of
// a file specification only in a PDF 2.0 file, although PDF/A-3 defines
// both for its PDF 1.7 base. Validate therefore checks that array itself,
// each entry the specification of an embedded file with a relationship
// (package pdfcheck checks more), and lets pdfcpu validate the rest of the
// file without those keys; the context returned has them back.
func Validate(data []byte, mode int) (*model.Context, error) {
	api.DisableConfigDir()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = mode
	ctx, err := api.ReadContext(bytes.NewReader(data), conf)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if af, ok := ctx.RootDict["AF"]; ok {
		arr, err := ctx.DereferenceArray(af)
		if err != nil || len(arr) == 0 {
			return nil, fmt.Errorf("validate: catalog /AF is not a list of file specifications: %v", af)
		}
		for _, o := range arr {
			fs, err := ctx.DereferenceDict(o)
			if err != nil || fs == nil || fs["EF"] == nil {
				return nil, fmt.Errorf("validate: catalog /AF entry %v is not the specification of an embedded file", o)
			}
			if rel, ok := fs["AFRelationship"]; ok {
				delete(fs, "AFRelationship")
				defer func() { fs["AFRelationship"] = rel }()
			}
		}
		delete(ctx.RootDict, "AF")
		defer func() { ctx.RootDict["AF"] = af }()
	}
	if err := api.ValidateContext(ctx); err != nil {
		return nil, fmt.Errorf("validate: %w", err)
	}
	return ctx, nil
}

// Read parses data and returns what it shows. The file must pass pdfcpu's
// relaxed validation (see [Validate]).
func Read(data []byte) (*Document, error) {
	// Validation also sets up what pdfcpu reads the outline and the
	// attachments from.
	ctx, err := Validate(data, model.ValidationRelaxed)
	if err != nil {
		return nil, err
	}
	d := &Document{Info: map[string]string{}, Dests: map[string]int{}}
	if ctx.Info != nil {
		info, err := ctx.DereferenceDict(*ctx.Info)
		if err != nil {
			return nil, err
		}
		for k, v := range info {
			if s, err := types.StringOrHexLiteral(v); err == nil && s != nil {
				d.Info[k] = *s
			}
		}
	}
	if lang := ctx.RootDict.StringEntry("Lang"); lang != nil {
		d.Lang = *lang
	}
	bms, err := pdfcpu.Bookmarks(ctx)
	if err != nil {
		return nil, fmt.Errorf("outline: %w", err)
	}
	d.Outline = bookmarks(bms)
	if err := readDests(ctx, d.Dests); err != nil {
		return nil, err
	}
	atts, err := ctx.ListAttachments()
	if err != nil {
		return nil, err
	}
	for _, a := range atts {
		d.Attachments = append(d.Attachments, Attachment{Name: a.FileName, Description: a.Desc})
	}
	if len(atts) > 0 {
		ids := make([]string, len(atts))
		for i, a := range atts {
			ids[i] = a.ID
		}
		full, err := ctx.ExtractAttachments(ids)
		if err == nil && len(full) == len(atts) {
			for i, a := range full {
				if n, err := io.Copy(io.Discard, a); err == nil {
					d.Attachments[i].Size = int(n)
				}
			}
		}
	}
	dims, err := ctx.PageDims()
	if err != nil {
		return nil, err
	}
	for p := 1; p <= ctx.PageCount; p++ {
		page, err := readPage(ctx, p, dims[p-1])
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", p, err)
		}
		d.Pages = append(d.Pages, page)
	}
	return d, nil
}

func bookmarks(bms []pdfcpu.Bookmark) []Bookmark {
	var out []Bookmark
	for _, b := range bms {
		out = append(out, Bookmark{Title: b.Title, Page: b.PageFrom, Kids: bookmarks(b.Kids)})
	}
	return out
}

// readDests reads the name tree of named destinations (one level of kids
// deep, as docgen writes it in one node).
func readDests(ctx *model.Context, out map[string]int) error {
	names, err := ctx.DereferenceDict(ctx.RootDict["Names"])
	if err != nil || names == nil {
		return err
	}
	var walk func(o types.Object) error
	walk = func(o types.Object) error {
		node, err := ctx.DereferenceDict(o)
		if err != nil || node == nil {
			return err
		}
		arr, err := ctx.DereferenceArray(node["Names"])
		if err != nil {
			return err
		}
		for i := 0; i+1 < len(arr); i += 2 {
			key, err := types.StringOrHexLiteral(arr[i])
			if err != nil || key == nil {
				return fmt.Errorf("destination name %v: %v", arr[i], err)
			}
			page, err := pdfcpu.PageNrFromDestination(ctx, arr[i+1])
			if err != nil {
				return err
			}
			out[*key] = page
		}
		kids, err := ctx.DereferenceArray(node["Kids"])
		if err != nil {
			return err
		}
		for _, k := range kids {
			if err := walk(k); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(names["Dests"])
}

func readPage(ctx *model.Context, n int, dim types.Dim) (Page, error) {
	p := Page{Width: dim.Width, Height: dim.Height}
	pd, _, inh, err := ctx.PageDict(n, true)
	if err != nil {
		return p, err
	}
	fonts := map[string]*font{}
	var res types.Dict
	if inh != nil {
		res = inh.Resources
	}
	if r, err := ctx.DereferenceDict(pd["Resources"]); err == nil && r != nil {
		res = r
	}
	if res != nil {
		fd, err := ctx.DereferenceDict(res["Font"])
		if err != nil {
			return p, err
		}
		for name, o := range fd {
			f, err := readFont(ctx, o)
			if err != nil {
				return p, fmt.Errorf("font %s: %w", name, err)
			}
			fonts[name] = f
		}
	}
	r, err := pdfcpu.ExtractPageContent(ctx, n)
	if err != nil {
		return p, err
	}
	if r != nil {
		content, err := io.ReadAll(r)
		if err != nil {
			return p, err
		}
		p.Runs = textRuns(content, fonts, dim.Height)
	}
	links, err := readLinks(ctx, pd, dim.Height)
	if err != nil {
		return p, err
	}
	p.Links = links
	return p, nil
}

func readLinks(ctx *model.Context, pd types.Dict, height float64) ([]Link, error) {
	annots, err := ctx.DereferenceArray(pd["Annots"])
	if err != nil {
		return nil, err
	}
	var out []Link
	for _, o := range annots {
		a, err := ctx.DereferenceDict(o)
		if err != nil {
			return nil, err
		}
		if st := a.NameEntry("Subtype"); st == nil || *st != "Link" {
			continue
		}
		rect, err := ctx.DereferenceArray(a["Rect"])
		if err != nil || len(rect) != 4 {
			return nil, fmt.Errorf("link rectangle %v: %v", a["Rect"], err)
		}
		var v [4]float64
		for i := range v {
			if v[i], err = ctx.DereferenceNumber(rect[i]); err != nil {
				return nil, err
			}
		}
		l := Link{X: math.Min(v[0], v[2]), Y: height - math.Max(v[1], v[3]), W: math.Abs(v[2] - v[0]), H: math.Abs(v[3] - v[1])}
		l.Target, err = linkTarget(ctx, a)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

func linkTarget(ctx *model.Context, a types.Dict) (string, error) {
	if dest, ok := a.Find("Dest"); ok {
		n, err := pdfcpu.PageNrFromDestination(ctx, dest)
		return fmt.Sprintf("page %d", n), err
	}
	act, err := ctx.DereferenceDict(a["A"])
	if err != nil || act == nil {
		return "", err
	}
	str := func(o types.Object) string {
		o, _ = ctx.Dereference(o)
		if s, err := types.StringOrHexLiteral(o); err == nil && s != nil {
			return *s
		}
		return fmt.Sprint(o)
	}
	switch s := act.NameEntry("S"); {
	case s == nil:
		return "", fmt.Errorf("action without type: %v", act)
	case *s == "URI":
		return str(act["URI"]), nil
	case *s == "GoTo":
		n, err := pdfcpu.PageNrFromDestination(ctx, act["D"])
		return fmt.Sprintf("page %d", n), err
	case *s == "GoToR":
		file := act["F"]
		if fs, err := ctx.DereferenceDict(file); err == nil && fs != nil {
			file = fs["UF"]
			if file == nil {
				file = fs["F"]
			}
		}
		return str(file) + "#" + str(act["D"]), nil
	default:
		return *s, nil
	}
}

// Dump describes d as text: the metadata, the outline, the attachments and
// the named destinations, then for every page its size, its lines of text
// and its links. A line is made of the runs whose baselines lie within a
// few points of each other (a superscript joins its line), left to right;
// runs that do not touch are separated by two spaces, so that table cells
// and list markers stand apart. Each link shows the text under it.
func (d *Document) Dump() string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(d.Info)) {
		fmt.Fprintf(&b, "info %s: %s\n", k, d.Info[k])
	}
	fmt.Fprintf(&b, "lang: %s\npages: %d\n", d.Lang, len(d.Pages))
	var outline func(bs []Bookmark, depth int)
	outline = func(bs []Bookmark, depth int) {
		for _, bm := range bs {
			fmt.Fprintf(&b, "outline %s%s -> page %d\n", strings.Repeat("  ", depth), bm.Title, bm.Page)
			outline(bm.Kids, depth+1)
		}
	}
	outline(d.Outline, 0)
	for _, a := range d.Attachments {
		fmt.Fprintf(&b, "attachment %s (%s, %d bytes)\n", a.Name, a.Description, a.Size)
	}
	for _, n := range slices.Sorted(maps.Keys(d.Dests)) {
		fmt.Fprintf(&b, "destination %s -> page %d\n", n, d.Dests[n])
	}
	for i, p := range d.Pages {
		fmt.Fprintf(&b, "\npage %d (%.0f x %.0f)\n", i+1, p.Width, p.Height)
		for _, l := range p.Lines() {
			fmt.Fprintf(&b, "  %s\n", l)
		}
		for _, l := range p.Links {
			fmt.Fprintf(&b, "  link %q -> %s\n", p.textIn(l), l.Target)
		}
	}
	return b.String()
}

// lineTolerance is how far apart, in points, the baselines of runs on one
// line may be: a superscript is raised by about a third of the text size.
const lineTolerance = 4

// runGap is the distance from which two runs on a line are separate.
const runGap = 0.5

// Lines returns the text of p line by line, top to bottom (see Dump).
func (p *Page) Lines() []string {
	var out []string
	for _, line := range p.lines() {
		s := ""
		for i, r := range line {
			if i > 0 && r.X-(line[i-1].X+line[i-1].W) > runGap {
				// Runs apart: two spaces, whatever spaces the first ends
				// with.
				s = strings.TrimRight(s, " ") + "  "
			}
			s += r.Text
		}
		if s = strings.TrimRight(s, " "); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// lines groups the runs of p into lines, each sorted left to right.
func (p *Page) lines() [][]Run {
	runs := append([]Run(nil), p.Runs...)
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].Y < runs[j].Y })
	var out [][]Run
	for k := 0; k < len(runs); {
		// The line's baseline is that of its lowest run, so that a raised
		// run joins the line below it.
		j := k + 1
		for j < len(runs) && runs[j].Y-runs[k].Y <= lineTolerance {
			j++
		}
		line := runs[k:j]
		sort.SliceStable(line, func(a, b int) bool { return line[a].X < line[b].X })
		out = append(out, line)
		k = j
	}
	return out
}

// textIn returns the text of the runs whose middle lies in the box of l,
// line by line, runs that do not touch separated by a space.
func (p *Page) textIn(l Link) string {
	var b strings.Builder
	var prev *Run
	for _, line := range p.lines() {
		for i, r := range line {
			x := r.X + r.W/2
			y := r.Y - r.Size*0.3
			if x < l.X || x > l.X+l.W || y < l.Y || y > l.Y+l.H {
				continue
			}
			if prev != nil && (prev.Y != r.Y || r.X-(prev.X+prev.W) > runGap) {
				b.WriteByte(' ')
			}
			b.WriteString(r.Text)
			prev = &line[i]
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// font is what the reader needs of a font: how to decode and measure its
// codes.
type font struct {
	name string
	// twoByte is set for composite fonts, whose codes are two bytes.
	twoByte bool
	// widths are the glyph widths by code, in thousandths of the size;
	// missing ones are dw wide.
	widths map[int]float64
	dw     float64
	// unicode maps codes to text, from the font's ToUnicode map; codes it
	// lacks are read as UTF-16BE (composite fonts) or Latin-1.
	unicode map[int]string
}

func readFont(ctx *model.Context, o types.Object) (*font, error) {
	fd, err := ctx.DereferenceDict(o)
	if err != nil || fd == nil {
		return nil, err
	}
	f := &font{widths: map[int]float64{}, dw: 1000}
	if n := fd.NameEntry("BaseFont"); n != nil {
		f.name = *n
	}
	if st := fd.NameEntry("Subtype"); st == nil || *st != "Type0" {
		first := 0
		if fc, err := ctx.DereferenceNumber(fd["FirstChar"]); err == nil {
			first = int(fc)
		}
		ws, err := ctx.DereferenceArray(fd["Widths"])
		if err != nil {
			return nil, err
		}
		for i, w := range ws {
			if v, err := ctx.DereferenceNumber(w); err == nil {
				f.widths[first+i] = v
			}
		}
		f.dw = 0
		return f, nil
	}
	f.twoByte = true
	if tu, _, err := ctx.DereferenceStreamDict(fd["ToUnicode"]); err == nil && tu != nil {
		if err := tu.Decode(); err == nil {
			f.unicode = ToUnicode(tu.Content)
		}
	}
	desc, err := ctx.DereferenceArray(fd["DescendantFonts"])
	if err != nil || len(desc) == 0 {
		return nil, fmt.Errorf("no descendant font: %v", err)
	}
	cid, err := ctx.DereferenceDict(desc[0])
	if err != nil {
		return nil, err
	}
	if dw, err := ctx.DereferenceNumber(cid["DW"]); err == nil && cid["DW"] != nil {
		f.dw = dw
	}
	w, err := ctx.DereferenceArray(cid["W"])
	if err != nil {
		return nil, err
	}
	for i := 0; i < len(w); {
		start, err := ctx.DereferenceNumber(w[i])
		if err != nil || i+1 >= len(w) {
			break
		}
		if arr, err := ctx.DereferenceArray(w[i+1]); err == nil && arr != nil {
			for k, v := range arr {
				if n, err := ctx.DereferenceNumber(v); err == nil {
					f.widths[int(start)+k] = n
				}
			}
			i += 2
			continue
		}
		if i+2 >= len(w) {
			break
		}
		end, err1 := ctx.DereferenceNumber(w[i+1])
		width, err2 := ctx.DereferenceNumber(w[i+2])
		if err1 != nil || err2 != nil {
			break
		}
		for c := int(start); c <= int(end) && c-int(start) < 1<<16; c++ {
			f.widths[c] = width
		}
		i += 3
	}
	return f, nil
}

// decode returns the text of the string s and its width at size 1.
func (f *font) decode(s []byte) (string, float64) {
	var w float64
	if !f.twoByte {
		rs := make([]rune, len(s))
		for i, c := range s {
			rs[i] = rune(c)
			w += f.width(int(c))
		}
		return string(rs), w
	}
	u := make([]uint16, len(s)/2)
	for i := range u {
		u[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
		w += f.width(int(u[i]))
	}
	if f.unicode == nil {
		return string(utf16.Decode(u)), w
	}
	var b strings.Builder
	for _, c := range u {
		if t, ok := f.unicode[int(c)]; ok {
			b.WriteString(t)
		} else {
			b.WriteRune(rune(c))
		}
	}
	return b.String(), w
}

// ToUnicode reads the bfchar and bfrange mappings of a ToUnicode CMap
// with two-byte codes: the text of each code.
func ToUnicode(c []byte) map[int]string {
	m := map[int]string{}
	l := &lexer{c: c}
	var stack []operand
	mode := ""
	for {
		tok, op, ok := l.next()
		if !ok {
			break
		}
		if !op {
			stack = append(stack, tok)
			continue
		}
		switch tok.name {
		case "beginbfchar", "beginbfrange":
			mode = tok.name
		case "endbfchar":
			for i := 0; i+1 < len(stack); i += 2 {
				m[code(stack[i].str)] = utf16BE(stack[i+1].str)
			}
			mode = ""
		case "endbfrange":
			for i := 0; i+2 < len(stack); i += 3 {
				lo, hi := code(stack[i].str), code(stack[i+1].str)
				dst := stack[i+2]
				for c := lo; c <= hi && c-lo < 1<<16; c++ {
					if dst.isStr {
						u := []rune(utf16BE(dst.str))
						if len(u) > 0 {
							u[len(u)-1] += rune(c - lo)
						}
						m[c] = string(u)
					} else if c-lo < len(dst.arr) {
						m[c] = utf16BE(dst.arr[c-lo].str)
					}
				}
			}
			mode = ""
		}
		if mode == "" || tok.name == mode {
			stack = stack[:0]
		}
	}
	return m
}

// code reads a big-endian code.
func code(b []byte) int {
	c := 0
	for _, x := range b {
		c = c<<8 | int(x)
	}
	return c
}

// utf16BE decodes UTF-16BE text.
func utf16BE(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

func (f *font) width(code int) float64 {
	if w, ok := f.widths[code]; ok {
		return w / 1000
	}
	return f.dw / 1000
}

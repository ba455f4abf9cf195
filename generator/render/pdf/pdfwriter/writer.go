package pdfwriter

import (
	"crypto/md5"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// Backend writes PDF. The zero value writes PDF/A-3b; see Plain.
type Backend struct {
	// Plain writes a PDF without the PDF/A identification and the output
	// intent with its colour profile. The rest (tags, metadata, fonts) is
	// the same.
	Plain bool
}

var _ layout.Backend = Backend{}

// Write writes d to out as PDF. Text must hold only characters of the
// Basic Multilingual Plane that its face has; images that are not PNG or
// JPEG are left out.
func (b Backend) Write(out io.Writer, d *layout.Document) error {
	if len(d.Pages) == 0 {
		return errors.New("pdfwriter: the document has no pages")
	}
	w := &writer{d: d, plain: b.Plain, z: newDeflater(), out: make([]byte, 0, 64<<10+len(d.Pages)<<12)}
	w.write()
	_, err := out.Write(w.out)
	return err
}

// writer is the state of writing one document.
type writer struct {
	d     *layout.Document
	plain bool
	out   []byte
	// offsets holds the file offset of each object by number; 0 is unused.
	offsets []int
	z       *deflater

	catalog, pagesObj int
	pageObj           []int
	fonts             [len(faceNames)]*fontState
	images            map[string]*imageObj
	imageOrder        []string
	st                *structure
	marks             []markAt
	dests             []destAt
	destSet           map[string]bool
	// scratch is reused for the content of each page.
	scratch []byte
	// packed are the objects that go into object streams (see packed),
	// in order.
	packed []packedObj
	// inStream holds, for each object in an object stream, the stream's
	// number and the object's index in it.
	inStream map[int][2]int
}

// packedObj is an object waiting for its object stream.
type packedObj struct {
	num  int
	body string
}

// objectsPerStream is the number of objects in an object stream.
const objectsPerStream = 200

// faceNames are the resource names of the faces.
var faceNames = [...]string{"F0", "F1", "F2", "F3", "F4"}

// markAt is an outline entry with its page (0-based) and height from the
// top.
type markAt struct {
	title string
	level int
	page  int
	y     float64
}

// destAt is a named destination.
type destAt struct {
	name string
	page int
	y    float64
}

// alloc reserves the next object number.
func (w *writer) alloc() int {
	w.offsets = append(w.offsets, 0)
	return len(w.offsets) - 1
}

// begin starts object n.
func (w *writer) begin(n int) {
	w.offsets[n] = len(w.out)
	w.out = strconv.AppendInt(w.out, int64(n), 10)
	w.out = append(w.out, " 0 obj\n"...)
}

// end ends the object begun last.
func (w *writer) end() { w.out = append(w.out, "\nendobj\n"...) }

// object writes object n with the body s.
func (w *writer) object(n int, s string) {
	w.begin(n)
	w.out = append(w.out, s...)
	w.end()
}

// pack writes object n, which is no stream, into an object stream, where
// it is compressed with its neighbours: the many small objects of the
// structure tree and the outline would otherwise make most of the file.
func (w *writer) pack(n int, s string) {
	w.packed = append(w.packed, packedObj{n, s})
}

// writeObjectStreams writes the packed objects in object streams of up to
// objectsPerStream objects each.
func (w *writer) writeObjectStreams() {
	w.inStream = map[int][2]int{}
	for start := 0; start < len(w.packed); start += objectsPerStream {
		group := w.packed[start:min(start+objectsPerStream, len(w.packed))]
		n := w.alloc()
		var head, body []byte
		for k, o := range group {
			head = strconv.AppendInt(head, int64(o.num), 10)
			head = append(head, ' ')
			head = strconv.AppendInt(head, int64(len(body)), 10)
			head = append(head, ' ')
			body = append(body, o.body...)
			body = append(body, '\n')
			w.inStream[o.num] = [2]int{n, k}
		}
		w.stream(n, fmt.Sprintf("/Type /ObjStm /N %d /First %d", len(group), len(head)), append(head, body...), true)
	}
	w.packed = nil
}

// stream writes object n as a stream of data with the dictionary entries
// dict, compressed if compress is set.
func (w *writer) stream(n int, dict string, data []byte, compress bool) {
	if compress {
		data = w.z.deflate(data)
		dict += " /Filter /FlateDecode"
	}
	w.begin(n)
	w.out = append(w.out, "<<"...)
	w.out = append(w.out, dict...)
	w.out = append(w.out, " /Length "...)
	w.out = strconv.AppendInt(w.out, int64(len(data)), 10)
	w.out = append(w.out, ">>\nstream\n"...)
	w.out = append(w.out, data...)
	w.out = append(w.out, "\nendstream"...)
	w.end()
}

// ref returns the reference to object n.
func ref(n int) string { return strconv.Itoa(n) + " 0 R" }

func (w *writer) write() {
	d := w.d
	w.out = append(w.out[:0], "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"...)
	w.offsets = []int{0}
	w.catalog = w.alloc()
	w.pagesObj = w.alloc()
	w.pageObj = make([]int, len(d.Pages))
	for i := range d.Pages {
		w.pageObj[i] = w.alloc()
	}
	w.images = map[string]*imageObj{}
	w.destSet = map[string]bool{}
	w.st = newStructure(d.Structure, len(d.Pages))
	for i, p := range d.Pages {
		w.page(i, p)
	}
	kids := make([]byte, 0, 12*len(w.pageObj))
	for _, n := range w.pageObj {
		kids = append(kids, ref(n)+" "...)
	}
	w.object(w.pagesObj, fmt.Sprintf("<</Type /Pages /Kids [%s] /Count %d>>", kids[:len(kids)-1], len(w.pageObj)))
	w.writeFonts()
	w.writeImages()

	cat := "<</Type /Catalog /Pages " + ref(w.pagesObj)
	if outline := w.writeOutline(); outline != 0 {
		cat += " /Outlines " + ref(outline) + " /PageMode /UseOutlines"
	}
	names := ""
	if dests := w.writeDests(); dests != 0 {
		names += " /Dests " + ref(dests)
	}
	files, specs := w.writeAttachments()
	if files != 0 {
		names += " /EmbeddedFiles " + ref(files)
	}
	if names != "" {
		cat += " /Names <<" + names[1:] + ">>"
	}
	if len(specs) > 0 && !w.plain {
		// The associated files (/AF, /AFRelationship) that PDF/A-3 requires
		// for embedded files; PDF/A-3 defines them for its PDF 1.7 base, so
		// the file declares no other version.
		cat += " /AF ["
		for i, s := range specs {
			if i > 0 {
				cat += " "
			}
			cat += ref(s)
		}
		cat += "]"
	}
	cat += " /Metadata " + ref(w.writeMetadata())
	if !w.plain {
		cat += " /OutputIntents [" + ref(w.writeOutputIntent()) + "]"
	}
	if root := w.st.write(w); root != 0 {
		cat += " /MarkInfo <</Marked true>> /StructTreeRoot " + ref(root)
	}
	if lang := langTag(d.Info.Lang); lang != "" {
		cat += " /Lang " + literal([]byte(lang))
	}
	cat += " /ViewerPreferences <</DisplayDocTitle true>>>>"
	w.object(w.catalog, cat)
	info := w.alloc()
	w.object(info, w.infoDict())
	w.writeObjectStreams()
	w.writeXRef(info)
}

// writeXRef writes the cross-reference stream and the end of the file. The
// stream's dictionary is the trailer: its size, the catalog, the
// information dictionary and the file identifier, the MD5 digest of the
// file's body (the same for the same content).
func (w *writer) writeXRef(info int) {
	sum := md5.Sum(w.out)
	id := hexString(sum[:])
	n := w.alloc()
	w.offsets[n] = len(w.out)
	// Entries of 1 + 4 + 2 bytes: type, offset or object stream, index.
	table := make([]byte, 0, 7*len(w.offsets))
	entry := func(kind byte, a uint32, b uint16) {
		table = append(table, kind, byte(a>>24), byte(a>>16), byte(a>>8), byte(a), byte(b>>8), byte(b))
	}
	entry(0, 0, 0xffff)
	for num, off := range w.offsets[1:] {
		if at, ok := w.inStream[num+1]; ok {
			entry(2, uint32(at[0]), uint16(at[1]))
			continue
		}
		entry(1, uint32(off), 0)
	}
	xref := len(w.out)
	w.stream(n, fmt.Sprintf("/Type /XRef /Size %d /W [1 4 2] /Root %s /Info %s /ID [%s %s]",
		len(w.offsets), ref(w.catalog), ref(info), id, id), table, true)
	w.out = append(w.out, fmt.Sprintf("startxref\n%d\n%%%%EOF\n", xref)...)
}

// page writes page i: its content stream, its annotations and the page
// object.
func (w *writer) page(i int, p *layout.Page) {
	t := p.Template
	c := newContent(w, i, t.Height, w.scratch[:0])
	var annots []int
	for _, op := range p.Ops {
		switch o := op.(type) {
		case layout.Mark:
			w.marks = append(w.marks, markAt{title: o.Title, level: o.Level, page: i, y: o.Y})
		case layout.Anchor:
			if !w.destSet[o.Name] {
				w.destSet[o.Name] = true
				w.dests = append(w.dests, destAt{name: o.Name, page: i, y: o.Y})
			}
		case layout.Link:
			if a := w.link(i, t.Height, o); a != 0 {
				annots = append(annots, a)
			}
		default:
			c.op(op)
		}
	}
	data := c.finish()
	w.scratch = data
	contents := w.alloc()
	w.stream(contents, "", data, true)

	var b []byte
	b = append(b, "<</Type /Page /Parent "...)
	b = append(b, ref(w.pagesObj)...)
	b = append(b, " /MediaBox [0 0 "...)
	b = appendNum(b, t.Width, 2)
	b = append(b, ' ')
	b = appendNum(b, t.Height, 2)
	b = append(b, "] /Resources <<"...)
	if c.fonts != 0 {
		b = append(b, "/Font <<"...)
		for f := range faceNames {
			if c.fonts&(1<<f) != 0 {
				b = append(b, '/')
				b = append(b, faceNames[f]...)
				b = append(b, ' ')
				b = append(b, ref(w.fonts[f].obj)...)
			}
		}
		b = append(b, ">>"...)
	}
	if len(c.images) > 0 {
		b = append(b, " /XObject <<"...)
		for _, im := range c.images {
			b = append(b, '/')
			b = append(b, im.name...)
			b = append(b, ' ')
			b = append(b, ref(im.obj)...)
		}
		b = append(b, ">>"...)
	}
	b = append(b, ">> /Contents "...)
	b = append(b, ref(contents)...)
	if len(annots) > 0 {
		b = append(b, " /Annots ["...)
		for k, a := range annots {
			if k > 0 {
				b = append(b, ' ')
			}
			b = append(b, ref(a)...)
		}
		b = append(b, "] /Tabs /S"...)
	}
	if w.st.tagged() {
		b = append(b, " /StructParents "...)
		b = strconv.AppendInt(b, int64(i), 10)
	}
	b = append(b, ">>"...)
	w.object(w.pageObj[i], string(b))
}

// dest returns an explicit destination: page (0-based), y points from the
// top.
func (w *writer) dest(page int, y float64) string {
	h := w.d.Pages[page].Template.Height
	return "[" + ref(w.pageObj[page]) + " /XYZ 0 " + num(h-y) + " null]"
}

// link writes the annotation of a link on page i (height h) and returns
// its object number, or 0 if the link leads nowhere.
func (w *writer) link(i int, h float64, o layout.Link) int {
	if o.W <= 0 || o.H <= 0 {
		return 0
	}
	var action string
	switch {
	case o.URL != "":
		action = "/A <</S /URI /URI " + literal([]byte(uri(o.URL))) + ">>"
	case o.File != "":
		if o.Dest == "" {
			return 0
		}
		action = "/A <</S /GoToR /F <</Type /Filespec /F " + literal([]byte(asciiName(o.File))) + " /UF " + textString(o.File) +
			">> /D " + hexString([]byte(o.Dest)) + ">>"
	default:
		if o.Page < 1 || o.Page > len(w.d.Pages) {
			return 0
		}
		action = "/Dest " + w.dest(o.Page-1, o.DestY)
	}
	n := w.alloc()
	s := "<</Type /Annot /Subtype /Link /Rect [" + num(o.X) + " " + num(h-o.Y-o.H) + " " + num(o.X+o.W) + " " + num(h-o.Y) +
		"] /Border [0 0 0] /F 4 " + action
	if layout.IsContent(o.Tag) {
		if o.Tag.Contents != "" {
			s += " /Contents " + textString(o.Tag.Contents)
		}
		if key, ok := w.st.annot(o.Tag, i, n); ok {
			s += " /StructParent " + strconv.Itoa(key)
		}
	}
	w.object(n, s+">>")
	return n
}

// writeOutline writes the outline and returns the number of its root, 0
// when there is none. Top-level entries are open, the others closed.
func (w *writer) writeOutline() int {
	if len(w.marks) == 0 {
		return 0
	}
	root := w.alloc()
	objs := make([]int, len(w.marks))
	for i := range w.marks {
		objs[i] = w.alloc()
	}
	parent := make([]int, len(w.marks))
	var stack []int // indexes of the open ancestors
	for i, m := range w.marks {
		for len(stack) > 0 && w.marks[stack[len(stack)-1]].level >= m.level {
			stack = stack[:len(stack)-1]
		}
		parent[i] = -1
		if len(stack) > 0 {
			parent[i] = stack[len(stack)-1]
		}
		stack = append(stack, i)
	}
	kids := map[int][]int{} // parent index (-1 for the root) -> children
	for i := range w.marks {
		kids[parent[i]] = append(kids[parent[i]], i)
	}
	visible := len(kids[-1])
	for _, k := range kids[-1] {
		visible += len(kids[k])
	}
	for i, m := range w.marks {
		p := root
		if parent[i] >= 0 {
			p = objs[parent[i]]
		}
		sib := kids[parent[i]]
		pos := sort.SearchInts(sib, i)
		s := "<</Title " + textString(m.title) + " /Parent " + ref(p) + " /Dest " + w.dest(m.page, m.y)
		if pos > 0 {
			s += " /Prev " + ref(objs[sib[pos-1]])
		}
		if pos+1 < len(sib) {
			s += " /Next " + ref(objs[sib[pos+1]])
		}
		if ch := kids[i]; len(ch) > 0 {
			count := len(ch)
			if parent[i] >= 0 {
				count = -count
			}
			s += " /First " + ref(objs[ch[0]]) + " /Last " + ref(objs[ch[len(ch)-1]]) + " /Count " + strconv.Itoa(count)
		}
		w.pack(objs[i], s+">>")
	}
	top := kids[-1]
	w.pack(root, fmt.Sprintf("<</Type /Outlines /First %s /Last %s /Count %d>>", ref(objs[top[0]]), ref(objs[top[len(top)-1]]), visible))
	return root
}

// writeDests writes the name tree of the named destinations, sorted by
// name, and returns its number, 0 when there is none.
func (w *writer) writeDests() int {
	if len(w.dests) == 0 {
		return 0
	}
	ds := append([]destAt(nil), w.dests...)
	sort.Slice(ds, func(i, j int) bool { return ds[i].name < ds[j].name })
	b := []byte("<</Names [")
	for i, d := range ds {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, hexString([]byte(d.name))...)
		b = append(b, ' ')
		b = append(b, w.dest(d.page, d.y)...)
	}
	b = append(b, "]>>"...)
	n := w.alloc()
	w.object(n, string(b))
	return n
}

// fontOf returns the state of face f, creating it on first use.
func (w *writer) fontOf(f fonts.Face) *fontState {
	if w.fonts[f] == nil {
		w.fonts[f] = newFontState(f, w.alloc())
	}
	return w.fonts[f]
}

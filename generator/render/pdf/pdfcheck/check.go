package pdfcheck

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/docgen/docgen/generator/render/pdf/pdftext"
)

// The standards the clauses are from.
const (
	pdfa  = "ISO 19005-3 "
	pdfua = "ISO 14289-1 "
)

// Problem is a requirement a file does not meet.
type Problem struct {
	// Clause is the clause of the standard, such as "ISO 19005-3 6.6.2.1".
	Clause string
	// Message says what is wrong, and where.
	Message string
}

func (p Problem) String() string { return p.Clause + ": " + p.Message }

// Options choose the requirements checked.
type Options struct {
	// PDFA checks the requirements of PDF/A-3b besides those of PDF/UA-1.
	PDFA bool
}

// checker is the state of one check.
type checker struct {
	data     []byte
	ctx      *model.Context
	opts     Options
	problems []Problem
	seen     map[string]bool
	fonts    map[int]*fontInfo
	// contents are the pages' marked content and annotations.
	contents []*pageContent
}

func (c *checker) fail(clause, format string, args ...any) {
	p := Problem{Clause: clause, Message: fmt.Sprintf(format, args...)}
	if c.seen[p.String()] {
		return
	}
	c.seen[p.String()] = true
	c.problems = append(c.problems, p)
}

// Check reads data with pdfcpu and returns the requirements of PDF/UA-1,
// and of PDF/A-3b if opts.PDFA is set, that it does not meet (see the
// package documentation for the list). An error means the file could not
// be read at all.
func Check(data []byte, opts Options) ([]Problem, error) {
	ctx, err := pdftext.Validate(data, model.ValidationRelaxed)
	if err != nil {
		return nil, err
	}
	c := &checker{data: data, ctx: ctx, opts: opts, seen: map[string]bool{}, fonts: map[int]*fontInfo{}}
	if opts.PDFA {
		c.fileStructure()
		c.objects()
		c.outputIntent()
		c.embeddedFiles()
	}
	c.catalog()
	c.metadata()
	c.pages()
	c.structure()
	sort.SliceStable(c.problems, func(i, j int) bool { return c.problems[i].Clause < c.problems[j].Clause })
	return c.problems, nil
}

var (
	headerRE    = regexp.MustCompile(`^%PDF-1\.[0-7](\r\n|\r|\n)%`)
	versionRE   = regexp.MustCompile(`^1\.[0-7]$`)
	streamRE    = regexp.MustCompile(`>>\s*stream(\r\n|\n|\r)?`)
	endstreamRE = regexp.MustCompile(`(\r\n|\n|\r)?endstream`)
	objRE       = regexp.MustCompile(`^(\d+) (\d+) obj\s`)
)

// fileStructure checks the syntax of the file around the objects.
func (c *checker) fileStructure() {
	d := c.data
	if m := headerRE.FindIndex(d); m == nil || !binaryComment(d[m[1]:]) {
		c.fail(pdfa+"6.1.2", "the file does not start with %%PDF-1.n (n from 0 to 7) and a comment of four bytes above 127")
	}
	if v, ok := c.ctx.RootDict["Version"].(types.Name); ok && !versionRE.MatchString(string(v)) {
		// PDF/A-3 is based on PDF 1.7; a catalog /Version overrides the header.
		c.fail(pdfa+"6.1.2", "the catalog declares /Version /%s, above the PDF 1.7 that PDF/A-3 is based on", v)
	}
	end := bytes.TrimRight(d, "\r\n")
	if !bytes.HasSuffix(end, []byte("%%EOF")) {
		c.fail(pdfa+"6.1.3", "the file does not end with %%%%EOF and at most an end-of-line marker")
	}
	if c.ctx.Encrypt != nil {
		c.fail(pdfa+"6.1.3", "the trailer has /Encrypt")
	}
	if len(c.ctx.ID) != 2 {
		c.fail(pdfa+"6.1.3", "the trailer has no file identifier (/ID)")
	}
	// Streams: the keyword stream is followed by an end-of-line marker,
	// endstream is preceded by one, and /Length is the number of bytes
	// between them.
	for _, m := range streamRE.FindAllSubmatchIndex(d, -1) {
		if m[2] < 0 {
			c.fail(pdfa+"6.1.7.1", "the keyword stream at byte %d is not followed by an end-of-line marker", m[0])
		}
	}
	for _, m := range endstreamRE.FindAllSubmatchIndex(d, -1) {
		if m[2] < 0 {
			c.fail(pdfa+"6.1.7.1", "the keyword endstream at byte %d is not preceded by an end-of-line marker", m[0])
		}
	}
	// Cross-reference table: every entry in use points to its object.
	for n, e := range c.ctx.Table {
		if e == nil || e.Free || e.Compressed || e.Offset == nil {
			continue
		}
		off := int(*e.Offset)
		if off < 0 || off >= len(d) {
			c.fail(pdfa+"6.1.4", "object %d: offset %d outside the file", n, off)
			continue
		}
		m := objRE.FindSubmatch(d[off:min(len(d), off+40)])
		if m == nil || string(m[1]) != strconv.Itoa(n) {
			c.fail(pdfa+"6.1.4", "object %d: the cross-reference offset %d does not point to its \"%d 0 obj\"", n, off, n)
		}
	}
	if len(c.ctx.Table) > 8388607 {
		c.fail(pdfa+"6.1.13", "more than 8,388,607 indirect objects")
	}
}

// binaryComment reports whether b starts with four bytes above 127.
func binaryComment(b []byte) bool {
	if len(b) < 4 {
		return false
	}
	for _, c := range b[:4] {
		if c < 128 {
			return false
		}
	}
	return true
}

// objects checks every object for the limits of PDF/A and for the stream
// entries it forbids.
func (c *checker) objects() {
	nums := make([]int, 0, len(c.ctx.Table))
	for n := range c.ctx.Table {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		e := c.ctx.Table[n]
		if e == nil || e.Free || e.Object == nil {
			continue
		}
		where := fmt.Sprintf("object %d", n)
		if sd, ok := e.Object.(types.StreamDict); ok {
			for _, k := range []string{"F", "FFilter", "FDecodeParms"} {
				if _, has := sd.Dict[k]; has {
					c.fail(pdfa+"6.1.7.1", "%s: the stream refers to an external file (/%s)", where, k)
				}
			}
			for _, f := range sd.FilterPipeline {
				if f.Name == "LZWDecode" || f.Name == "JPXDecode" && sd.Dict.NameEntry("Subtype") == nil {
					c.fail(pdfa+"6.1.7.2", "%s: filter %s", where, f.Name)
				}
			}
			if l, ok := sd.Dict["Length"].(types.Integer); ok && sd.Raw != nil && int(l) != len(sd.Raw) {
				c.fail(pdfa+"6.1.7.1", "%s: /Length %d, but the stream has %d bytes", where, int(l), len(sd.Raw))
			}
			c.limits(sd.Dict, where, 0)
			continue
		}
		c.limits(e.Object, where, 0)
	}
}

// limits checks the implementation limits of PDF/A (ISO 19005-3 6.1.13)
// in o.
func (c *checker) limits(o types.Object, where string, depth int) {
	if depth > 100 {
		return
	}
	switch v := o.(type) {
	case types.Integer:
		if int64(v) > math.MaxInt32 || int64(v) < math.MinInt32 {
			c.fail(pdfa+"6.1.13", "%s: integer %d out of range", where, int64(v))
		}
	case types.Float:
		if a := math.Abs(float64(v)); a > 3.403e38 || a != 0 && a < 1.175e-38 {
			c.fail(pdfa+"6.1.13", "%s: real %g out of range", where, float64(v))
		}
	case types.Name:
		if len(v) > 127 {
			c.fail(pdfa+"6.1.13", "%s: a name of %d bytes", where, len(v))
		}
	case types.StringLiteral:
		if b, err := types.Unescape(string(v)); err == nil && len(b) > 32767 {
			c.fail(pdfa+"6.1.13", "%s: a string of %d bytes", where, len(b))
		}
	case types.HexLiteral:
		if len(v)%2 != 0 {
			c.fail(pdfa+"6.1.6", "%s: a hexadecimal string with an odd number of digits", where)
		}
		if len(v)/2 > 32767 {
			c.fail(pdfa+"6.1.13", "%s: a string of %d bytes", where, len(v)/2)
		}
	case types.Array:
		for _, x := range v {
			c.limits(x, where, depth+1)
		}
	case types.Dict:
		for k, x := range v {
			if len(k) > 127 {
				c.fail(pdfa+"6.1.13", "%s: a name of %d bytes", where, len(k))
			}
			c.limits(x, where, depth+1)
		}
	}
}

// outputIntent checks the PDF/A output intent and its ICC profile.
func (c *checker) outputIntent() {
	arr, _ := c.ctx.DereferenceArray(c.ctx.RootDict["OutputIntents"])
	found := 0
	var profile []byte
	for _, o := range arr {
		oi, err := c.ctx.DereferenceDict(o)
		if err != nil || oi == nil {
			continue
		}
		if s := oi.NameEntry("S"); s == nil || *s != "GTS_PDFA1" {
			continue
		}
		found++
		sd, _, err := c.ctx.DereferenceStreamDict(oi["DestOutputProfile"])
		if err != nil || sd == nil {
			c.fail(pdfa+"6.2.3", "the PDF/A output intent has no destination profile")
			continue
		}
		if err := sd.Decode(); err != nil {
			c.fail(pdfa+"6.2.3", "the output profile does not decode: %v", err)
			continue
		}
		if profile != nil && !bytes.Equal(profile, sd.Content) {
			c.fail(pdfa+"6.2.3", "output intents with different profiles")
		}
		profile = sd.Content
		if n, ok := sd.Dict["N"].(types.Integer); !ok || n != 3 {
			c.fail(pdfa+"6.2.3", "the output profile is not an RGB profile (/N %v)", sd.Dict["N"])
		}
		if msg := checkICC(sd.Content); msg != "" {
			c.fail(pdfa+"6.2.3", "the output profile %s", msg)
		}
		if oi["OutputConditionIdentifier"] == nil {
			c.fail(pdfa+"6.2.3", "the output intent has no /OutputConditionIdentifier")
		}
	}
	if found == 0 {
		c.fail(pdfa+"6.2.4.3", "no PDF/A output intent (/S /GTS_PDFA1), which device colours need")
	}
}

// checkICC checks the header of an ICC profile: size, signature, version
// (at most 4), class (display or output) and colour space RGB. It returns
// what is wrong, or "".
func checkICC(p []byte) string {
	if len(p) < 132 {
		return "is shorter than an ICC header"
	}
	size := int(p[0])<<24 | int(p[1])<<16 | int(p[2])<<8 | int(p[3])
	switch {
	case size != len(p):
		return fmt.Sprintf("says it is %d bytes long but has %d", size, len(p))
	case string(p[36:40]) != "acsp":
		return "lacks the ICC signature acsp"
	case p[8] < 2 || p[8] > 4:
		return fmt.Sprintf("has version %d", p[8])
	case string(p[12:16]) != "mntr" && string(p[12:16]) != "prtr":
		return fmt.Sprintf("is of class %q, not a display or output profile", p[12:16])
	case string(p[16:20]) != "RGB ":
		return fmt.Sprintf("is for colour space %q, not RGB", p[16:20])
	}
	tags := int(p[128])<<24 | int(p[129])<<16 | int(p[130])<<8 | int(p[131])
	if 132+12*tags > len(p) {
		return "has a tag table longer than the profile"
	}
	for i := 0; i < tags; i++ {
		e := p[132+12*i:]
		off := int(e[4])<<24 | int(e[5])<<16 | int(e[6])<<8 | int(e[7])
		n := int(e[8])<<24 | int(e[9])<<16 | int(e[10])<<8 | int(e[11])
		if off+n > len(p) {
			return fmt.Sprintf("has tag %q outside the profile", e[:4])
		}
	}
	return ""
}

// embeddedFiles checks the embedded files: each an associated file of the
// document with its relationship, MIME type and names.
func (c *checker) embeddedFiles() {
	names, _ := c.ctx.DereferenceDict(c.ctx.RootDict["Names"])
	if names == nil || names["EmbeddedFiles"] == nil {
		return
	}
	af := map[int]bool{}
	arr, _ := c.ctx.DereferenceArray(c.ctx.RootDict["AF"])
	for _, o := range arr {
		if r, ok := o.(types.IndirectRef); ok {
			af[r.ObjectNumber.Value()] = true
		}
	}
	c.nameTree(names["EmbeddedFiles"], 0, func(key string, v types.Object) {
		r, ok := v.(types.IndirectRef)
		fs, err := c.ctx.DereferenceDict(v)
		if err != nil || fs == nil {
			c.fail(pdfa+"6.8", "embedded file %q: no file specification", key)
			return
		}
		if !ok || !af[r.ObjectNumber.Value()] {
			c.fail(pdfa+"6.8", "embedded file %q is not an associated file of the document (catalog /AF)", key)
		}
		if c.text(fs["F"]) == "" || c.text(fs["UF"]) == "" {
			c.fail(pdfa+"6.8", "embedded file %q: the file specification lacks /F or /UF", key)
		}
		if fs.NameEntry("AFRelationship") == nil {
			c.fail(pdfa+"6.8", "embedded file %q: no /AFRelationship", key)
		}
		ef, _ := c.ctx.DereferenceDict(fs["EF"])
		sd, _, err := c.ctx.DereferenceStreamDict(ef["F"])
		if err != nil || sd == nil {
			c.fail(pdfa+"6.8", "embedded file %q: no embedded file stream", key)
			return
		}
		st := sd.Dict.NameEntry("Subtype")
		if st == nil || !mimeRE.MatchString(*st) {
			c.fail(pdfa+"6.8", "embedded file %q: no MIME type (/Subtype)", key)
		}
		params, _ := c.ctx.DereferenceDict(sd.Dict["Params"])
		if params == nil || params["ModDate"] == nil {
			c.fail(pdfa+"6.8", "embedded file %q: no modification date (/Params /ModDate)", key)
		}
	})
}

// mimeRE matches a MIME type: type/subtype.
var mimeRE = regexp.MustCompile(`^[a-zA-Z0-9][\w!#$&^.+-]*/[a-zA-Z0-9][\w!#$&^.+-]*$`)

// nameTree calls fn for every entry of the name tree at o.
func (c *checker) nameTree(o types.Object, depth int, fn func(key string, v types.Object)) {
	if depth > 20 {
		return
	}
	node, err := c.ctx.DereferenceDict(o)
	if err != nil || node == nil {
		return
	}
	arr, _ := c.ctx.DereferenceArray(node["Names"])
	for i := 0; i+1 < len(arr); i += 2 {
		key, _ := types.StringOrHexLiteral(arr[i])
		k := ""
		if key != nil {
			k = *key
		}
		fn(k, arr[i+1])
	}
	kids, _ := c.ctx.DereferenceArray(node["Kids"])
	for _, k := range kids {
		c.nameTree(k, depth+1, fn)
	}
}

// catalog checks the entries of the document catalog.
func (c *checker) catalog() {
	root := c.ctx.RootDict
	mi, _ := c.ctx.DereferenceDict(root["MarkInfo"])
	if mi == nil || mi.BooleanEntry("Marked") == nil || !*mi.BooleanEntry("Marked") {
		c.fail(pdfua+"7.1", "the catalog does not say the document is tagged (/MarkInfo /Marked true)")
	}
	if mi != nil && mi.BooleanEntry("Suspects") != nil && *mi.BooleanEntry("Suspects") {
		c.fail(pdfua+"7.1", "/MarkInfo /Suspects is true")
	}
	vp, _ := c.ctx.DereferenceDict(root["ViewerPreferences"])
	if vp == nil || vp.BooleanEntry("DisplayDocTitle") == nil || !*vp.BooleanEntry("DisplayDocTitle") {
		c.fail(pdfua+"7.1", "the viewer preferences do not show the document title (/DisplayDocTitle true)")
	}
	lang := ""
	if o, err := c.ctx.Dereference(root["Lang"]); err == nil && o != nil {
		if s, err := types.StringOrHexLiteral(o); err == nil && s != nil {
			lang = *s
		}
	}
	if !langRE.MatchString(lang) {
		c.fail(pdfua+"7.2", "the catalog gives no natural language (/Lang), or not a language tag: %q", lang)
	}
	if c.opts.PDFA {
		if root["AA"] != nil {
			c.fail(pdfa+"6.5.2", "the catalog has additional actions (/AA)")
		}
		if root["OCProperties"] != nil {
			c.fail(pdfa+"6.9", "the document has optional content")
		}
		if root["Requirements"] != nil {
			c.fail(pdfa+"6.11", "the catalog has /Requirements")
		}
		if root["AcroForm"] != nil {
			if f, _ := c.ctx.DereferenceDict(root["AcroForm"]); f != nil && f["XFA"] != nil {
				c.fail(pdfa+"6.4.2", "the form has XFA")
			}
		}
	}
	if c.ctx.Encrypt != nil {
		c.fail(pdfua+"7.16", "the file is encrypted")
	}
}

// langRE matches a BCP 47 language tag, loosely: a primary subtag and
// further subtags.
var langRE = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// text returns the text string o, or "".
func (c *checker) text(o types.Object) string {
	o, err := c.ctx.Dereference(o)
	if err != nil || o == nil {
		return ""
	}
	s, err := types.StringOrHexLiteral(o)
	if err != nil || s == nil {
		return ""
	}
	return *s
}

// trimDate removes the time zone of a PDF date for comparison.
func trimDate(s string) string { return strings.TrimPrefix(s, "D:") }

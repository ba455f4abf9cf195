package fpdfbackend

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
)

var (
	startxrefRE = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	xrefHeadRE  = regexp.MustCompile(`^xref\s+0 (\d+)\s+`)
	destRE      = regexp.MustCompile(`/Dest \[(\d+) 0 R`)
	trailerRE   = regexp.MustCompile(`(?s)trailer\s*<<(.*?)>>\s*startxref`)
	sizeRE      = regexp.MustCompile(`/Size \d+`)
	// plainStreamRE matches the start of an uncompressed stream object
	// whose dictionary holds nothing but its length.
	plainStreamRE = regexp.MustCompile(`^(\d+ 0 obj\n)<</Length (\d+)>>\nstream\n`)
	// remoteRE matches the action of a link annotation written for a
	// link to another file, with the link's number (see remoteMarker).
	remoteRE = regexp.MustCompile(`/A <</S /URI /URI \(` + remotePrefix + `(\d+)\)>>`)
	kidsRE   = regexp.MustCompile(`/Kids \[([0-9 R]*)\]`)
	refRE    = regexp.MustCompile(`(\d+) 0 R`)
)

// patch is what fixup adds to the file fpdf wrote.
type patch struct {
	// attachments is the number of embedded files.
	attachments int
	// outline are the /Count values of the outline items, in order.
	outline []int
	// remote are the targets of the links to other files, by the number
	// their marker carries.
	remote []remoteLink
	// dests are the named destinations, sorted by name.
	dests []namedDest
}

// remoteLink is the target of a link to another PDF file.
type remoteLink struct {
	file, dest string
}

// namedDest is a named destination: a position on a page (1-based), y
// points from the bottom.
type namedDest struct {
	name string
	page int
	y    float64
}

// remotePrefix starts the placeholder URI of a link to another file. fpdf
// writes link annotations with a URI action only; the space makes the
// placeholder differ from every real URI, in which uri escapes spaces.
const remotePrefix = "docgen remote "

// remoteMarker is the placeholder URI of the remote link number i.
func remoteMarker(i int) string { return remotePrefix + strconv.Itoa(i) }

// fixup rewrites the file fpdf wrote:
//
//   - The page object of every link and outline destination moves up by
//     two per attachment: fpdf writes two objects per attachment before
//     the pages but numbers destinations as if it had not.
//   - The header declares PDF 1.7, which attachments with Unicode names
//     (/UF) and everything else fpdf writes conform to, and is followed by
//     a comment of bytes above 127 that marks the file as binary.
//   - Uncompressed streams (the page contents: fpdf compresses them with
//     a new compressor per page, which costs a megabyte of memory each)
//     are compressed here with one compressor for the whole file.
//   - Outline items with children get the /Count PDF requires (fpdf
//     writes 0): top-level items open, the others closed. outline holds
//     the counts in the order of the items.
//   - Link annotations, which fpdf writes into the pages' /Annots arrays,
//     become objects of their own, referred to from the arrays, as PDF
//     requires.
//   - Links to other files, which fpdf cannot write, were written as web
//     links to a placeholder (see remoteMarker); their action becomes a
//     remote go-to (/GoToR) to the file and named destination of p.remote.
//   - The named destinations of p.dests are listed in a name tree that the
//     catalog's /Names dictionary refers to (/Dests), so that links from
//     other files find them.
//   - The trailer gets a file identifier (/ID), the MD5 digest of the body,
//     as PDF 1.7 recommends; it is the same for the same content.
//
// The objects keep their numbers, new ones are added at the end, and the
// cross-reference table is written anew.
func fixup(pdf []byte, p patch) ([]byte, error) {
	attachments, outline := p.attachments, p.outline
	m := startxrefRE.FindSubmatch(pdf)
	if m == nil {
		return nil, errors.New("no startxref")
	}
	xref, err := strconv.Atoi(string(m[1]))
	if err != nil || xref <= 0 || xref >= len(pdf) {
		return nil, errors.New("bad startxref")
	}
	xm := xrefHeadRE.FindSubmatchIndex(pdf[xref:])
	if xm == nil {
		return nil, errors.New("no xref table")
	}
	n, _ := strconv.Atoi(string(pdf[xref+xm[2] : xref+xm[3]]))
	table := pdf[xref+xm[1]:]
	if n < 1 || len(table) < 20*n {
		return nil, errors.New("short xref table")
	}
	// The objects in file order (fpdf writes some late, such as the page
	// tree, object 1).
	order := make([]int, 0, n-1)
	offsets := make([]int, n)
	for j := 1; j < n; j++ {
		off, err := strconv.Atoi(string(table[20*j : 20*j+10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, fmt.Errorf("bad xref entry %d", j)
		}
		offsets[j] = off
		order = append(order, j)
	}
	sort.Slice(order, func(a, b int) bool { return offsets[order[a]] < offsets[order[b]] })
	tm := trailerRE.FindSubmatch(pdf[xref:])
	if tm == nil {
		return nil, errors.New("no trailer")
	}

	z := newDeflater()
	var out bytes.Buffer
	out.Grow(len(pdf) + 256)
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	newOff := make([]int, n)
	var extra [][]byte // new objects, numbered from n on
	item := 0          // outline items seen
	var pageObjs []int // the page objects, in page order
	destsObj := 0      // the number of the name tree of the destinations
	if len(p.dests) > 0 {
		destsObj = n
		extra = append(extra, nil) // written at the end
	}
	for k, j := range order {
		end := xref
		if k+1 < len(order) {
			end = offsets[order[k+1]]
		}
		if end <= offsets[j] {
			return nil, fmt.Errorf("objects %d and %d share an offset", j, order[k+1])
		}
		obj := pdf[offsets[j]:end]
		newOff[j] = out.Len()
		dict, rest := obj, []byte(nil)
		if i := bytes.Index(obj, []byte("stream\n")); i >= 0 {
			dict, rest = obj[:i], obj[i:]
		}
		if m := plainStreamRE.FindSubmatchIndex(obj); m != nil {
			if length, err := strconv.Atoi(string(obj[m[4]:m[5]])); err == nil && m[1]+length <= len(obj) {
				data := z.deflate(obj[m[1] : m[1]+length])
				dict = append(append([]byte{}, obj[m[2]:m[3]]...), fmt.Sprintf("<</Filter /FlateDecode /Length %d>>\nstream\n", len(data))...)
				rest = append(append([]byte{}, data...), obj[m[1]+length:]...)
			}
		}
		if i := bytes.Index(dict, []byte("/Annots [")); i >= 0 {
			dict = indirectAnnots(dict, i+len("/Annots ["), func(annot []byte) int {
				extra = append(extra, remoteAction(annot, p.remote))
				return n + len(extra) - 1
			})
		}
		if bytes.Contains(dict, []byte("/Type /Pages")) {
			if km := kidsRE.FindSubmatch(dict); km != nil {
				for _, r := range refRE.FindAllSubmatch(km[1], -1) {
					num, _ := strconv.Atoi(string(r[1]))
					pageObjs = append(pageObjs, num)
				}
			}
		}
		if destsObj > 0 && bytes.Contains(dict, []byte("/Type /Catalog")) {
			dict = bytes.Replace(dict, []byte("/Names <<"), []byte("/Names <<\n/Dests "+strconv.Itoa(destsObj)+" 0 R"), 1)
		}
		if bytes.Contains(dict, []byte("\n<</Title ")) && bytes.Contains(dict, []byte("/Count 0>>")) && item < len(outline) {
			dict = bytes.Replace(dict, []byte("/Count 0>>"), []byte("/Count "+strconv.Itoa(outline[item])+">>"), 1)
			item++
		}
		if attachments > 0 && bytes.Contains(dict, []byte("/Dest [")) {
			dict = shiftDests(dict, attachments)
		}
		out.Write(dict)
		out.Write(rest)
	}
	if destsObj > 0 {
		tree, err := destTree(p.dests, pageObjs)
		if err != nil {
			return nil, err
		}
		extra[0] = tree
	}
	for k, obj := range extra {
		newOff = append(newOff, out.Len())
		fmt.Fprintf(&out, "%d 0 obj\n", n+k)
		if attachments > 0 {
			obj = shiftDests(obj, attachments)
		}
		out.Write(obj)
		out.WriteString("\nendobj\n")
	}
	size := n + len(extra)
	sum := md5.Sum(out.Bytes())
	id := fmt.Sprintf("<%x>", sum)
	start := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for j := 1; j < size; j++ {
		fmt.Fprintf(&out, "%010d 00000 n \n", newOff[j])
	}
	out.WriteString("trailer\n<<")
	out.Write(sizeRE.ReplaceAll(bytes.TrimRight(tm[1], "\n"), []byte("/Size "+strconv.Itoa(size))))
	fmt.Fprintf(&out, "\n/ID [%s %s]\n>>\nstartxref\n%d\n%%%%EOF\n", id, id, start)
	return out.Bytes(), nil
}

// shiftDests moves the page of every destination in b up by two objects
// per attachment.
func shiftDests(b []byte, attachments int) []byte {
	return destRE.ReplaceAllFunc(b, func(m []byte) []byte {
		num, _ := strconv.Atoi(string(destRE.FindSubmatch(m)[1]))
		return []byte("/Dest [" + strconv.Itoa(num+2*attachments) + " 0 R")
	})
}

// indirectAnnots replaces the annotation dictionaries of the array that
// starts at b[i:] (just after its "[") by references to new objects, which
// add numbers and stores.
func indirectAnnots(b []byte, i int, add func(annot []byte) int) []byte {
	out := append([]byte{}, b[:i]...)
	for i < len(b) {
		switch {
		case b[i] == ']':
			return append(out, b[i:]...)
		case bytes.HasPrefix(b[i:], []byte("<<")):
			end := dictEnd(b, i)
			if end < 0 {
				return b // not what fpdf writes: leave it alone
			}
			out = append(out, []byte(strconv.Itoa(add(b[i:end]))+" 0 R ")...)
			i = end
		default:
			out = append(out, b[i])
			i++
		}
	}
	return b
}

// dictEnd returns the index just after the dictionary that starts at
// b[i:], skipping nested dictionaries and strings, or -1.
func dictEnd(b []byte, i int) int {
	depth := 0
	for i < len(b) {
		switch {
		case bytes.HasPrefix(b[i:], []byte("<<")):
			depth++
			i += 2
		case bytes.HasPrefix(b[i:], []byte(">>")):
			depth--
			i += 2
			if depth == 0 {
				return i
			}
		case b[i] == '(':
			// A literal string: balanced parentheses, backslash escapes.
			nest := 0
			for ; i < len(b); i++ {
				if b[i] == '\\' {
					i++
					continue
				}
				if b[i] == '(' {
					nest++
				} else if b[i] == ')' {
					nest--
					if nest == 0 {
						break
					}
				}
			}
			i++
		default:
			i++
		}
	}
	return -1
}

// OutlineCounts returns the /Count of each outline item, given the levels
// of the items in document order (each at most one deeper than the one
// before): 0 for a leaf, the number of children for an open top-level
// item, and minus that for a closed item deeper down.
func OutlineCounts(levels []int) []int {
	counts := make([]int, len(levels))
	for i, l := range levels {
		n := 0
		for j := i + 1; j < len(levels) && levels[j] > l; j++ {
			if levels[j] == l+1 {
				n++
			}
		}
		if l > 0 {
			n = -n
		}
		counts[i] = n
	}
	return counts
}

// remoteAction replaces the placeholder action of a link to another file
// in annot by a remote go-to action.
func remoteAction(annot []byte, remote []remoteLink) []byte {
	m := remoteRE.FindSubmatchIndex(annot)
	if m == nil {
		return annot
	}
	i, err := strconv.Atoi(string(annot[m[2]:m[3]]))
	if err != nil || i < 0 || i >= len(remote) {
		return annot
	}
	r := remote[i]
	action := fmt.Sprintf("/A <</S /GoToR /F <</Type /Filespec /F %s /UF %s>> /D %s>>",
		hexString([]byte(asciiName(r.file))), textString(r.file), hexString([]byte(r.dest)))
	return append(append(append([]byte{}, annot[:m[0]]...), action...), annot[m[1]:]...)
}

// destTree writes the name tree of the named destinations: one node that
// lists every name, in sorted order, with its explicit destination.
func destTree(dests []namedDest, pageObjs []int) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("<</Names [")
	for i, d := range dests {
		if d.page < 1 || d.page > len(pageObjs) {
			return nil, fmt.Errorf("destination %q on page %d of %d", d.name, d.page, len(pageObjs))
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s [%d 0 R /XYZ 0 %.2f null]", hexString([]byte(d.name)), pageObjs[d.page-1], d.y)
	}
	b.WriteString("]>>")
	return b.Bytes(), nil
}

// hexString writes b as a PDF hexadecimal string.
func hexString(b []byte) string {
	return "<" + hex.EncodeToString(b) + ">"
}

// textString writes s as a PDF text string: UTF-16BE with a byte order
// mark, in hexadecimal.
func textString(s string) string {
	u := utf16.Encode([]rune(text(s)))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xfe, 0xff
	for _, c := range u {
		b = append(b, byte(c>>8), byte(c))
	}
	return hexString(b)
}

// asciiName replaces the characters of a file name outside printable ASCII
// by '_', for the /F entry of a file specification (the /UF entry keeps the
// name as it is).
func asciiName(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r > '~' {
			return '_'
		}
		return r
	}, s)
}

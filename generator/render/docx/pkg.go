package docx

import (
	"archive/zip"
	"io"
	"path"
	"strconv"
	"strings"
	"time"
)

// The content types of the parts.
const (
	ctDocument  = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	ctStyles    = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
	ctNumbering = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
	ctSettings  = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
	ctFootnotes = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
	ctHeader    = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
	ctFooter    = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	ctCore      = "application/vnd.openxmlformats-package.core-properties+xml"
	ctApp       = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
	ctCustom    = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
	ctRels      = "application/vnd.openxmlformats-package.relationships+xml"
)

// The relationship types.
const (
	relDoc       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	relOffice    = relDoc + "officeDocument"
	relCore      = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relApp       = relDoc + "extended-properties"
	relCustom    = relDoc + "custom-properties"
	relStyles    = relDoc + "styles"
	relNumbering = relDoc + "numbering"
	relSettings  = relDoc + "settings"
	relFootnotes = relDoc + "footnotes"
	relHeader    = relDoc + "header"
	relFooter    = relDoc + "footer"
	relHyperlink = relDoc + "hyperlink"
	relImage     = relDoc + "image"
	relTheme     = relDoc + "theme"
)

// defaultTypes are the content types by file extension.
var defaultTypes = [][2]string{
	{"rels", ctRels},
	{"xml", "application/xml"},
	{"png", "image/png"},
	{"jpeg", "image/jpeg"},
	{"jpg", "image/jpeg"},
	{"gif", "image/gif"},
	{"svg", "image/svg+xml"},
	{"emf", "image/x-emf"},
	{"wmf", "image/x-wmf"},
}

// zipTime is the modification time of every file in the package: the
// earliest a zip can hold, so that the output does not depend on the clock.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// part is one file of the package.
type part struct {
	name        string // without the leading slash: "word/document.xml"
	contentType string // "" for parts covered by defaultTypes
	data        []byte
}

// relationship is one relationship of a part.
type relationship struct {
	id, typ, target string
	external        bool
}

// rels is the relationships of one part, with ids rId1, rId2, ... in the
// order they are added.
type rels struct {
	list []relationship
	// ids finds the id of a relationship by type, target and mode.
	ids map[relationship]string
}

// add adds a relationship and returns its id; a relationship of the same
// type and target is added once.
func (r *rels) add(typ, target string, external bool) string {
	key := relationship{typ: typ, target: target, external: external}
	if id, ok := r.ids[key]; ok {
		return id
	}
	if r.ids == nil {
		r.ids = map[relationship]string{}
	}
	id := "rId" + strconv.Itoa(len(r.list)+1)
	r.ids[key] = id
	key.id = id
	r.list = append(r.list, key)
	return id
}

// xml returns the relationships part.
func (r *rels) xml(e *escaper) []byte {
	w := newXW(e)
	w.WriteString(xmlHeader)
	w.open("Relationships", "xmlns", nsRels)
	for _, x := range r.list {
		kv := []string{"Id", x.id, "Type", x.typ, "Target", x.target}
		if x.external {
			kv = append(kv, "TargetMode", "External")
		}
		w.empty("Relationship", kv...)
	}
	w.close("Relationships")
	return w.Bytes()
}

// relsName returns the name of the relationships part of the part name.
func relsName(name string) string {
	dir, file := path.Split(name)
	return dir + "_rels/" + file + ".rels"
}

// opc is an Open Packaging Conventions package being assembled.
type opc struct {
	parts []part
}

func (p *opc) add(name, contentType string, data []byte) {
	p.parts = append(p.parts, part{name: name, contentType: contentType, data: data})
}

// contentTypes returns [Content_Types].xml: a default for each extension
// in use that defaultTypes covers, and an override for every other part.
func (p *opc) contentTypes(e *escaper) []byte {
	used := map[string]bool{"rels": true}
	for _, x := range p.parts {
		if x.contentType == "" {
			used[strings.ToLower(path.Ext(x.name)[1:])] = true
		}
	}
	w := newXW(e)
	w.WriteString(xmlHeader)
	w.open("Types", "xmlns", nsTypes)
	for _, d := range defaultTypes {
		if used[d[0]] {
			w.empty("Default", "Extension", d[0], "ContentType", d[1])
		}
	}
	for _, x := range p.parts {
		if x.contentType != "" {
			w.empty("Override", "PartName", "/"+x.name, "ContentType", x.contentType)
		}
	}
	w.close("Types")
	return w.Bytes()
}

// write writes the package as a zip: [Content_Types].xml first, then the
// parts in the order they were added, all with the same fixed time.
func (p *opc) write(out io.Writer, e *escaper) error {
	z := zip.NewWriter(out)
	files := append([]part{{name: "[Content_Types].xml", data: p.contentTypes(e)}}, p.parts...)
	for _, f := range files {
		w, err := z.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := w.Write(f.data); err != nil {
			return err
		}
	}
	return z.Close()
}

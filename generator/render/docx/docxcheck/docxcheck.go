// Package docxcheck reads a Word document back, for tests: it checks that
// the package is consistent (every part well-formed XML with a content
// type, every relationship pointing to a part, every r:id and r:embed
// defined, every internal link pointing to a bookmark) and lists the
// headings, tables, bookmarks and links a reader would find.
//
//	d, err := docxcheck.Open(data)
//	for _, problem := range d.Problems() { t.Error(problem) }
//	o := d.Outline()
package docxcheck

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
)

// The namespaces the checks look at.
const (
	nsW    = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRels = "http://schemas.openxmlformats.org/package/2006/relationships"
	relDoc = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)

// Doc is an opened Word document.
type Doc struct {
	// Names are the zip entries in their order.
	Names []string
	// Parts are the entries' contents by name.
	Parts map[string][]byte
	// Main is the name of the main document part.
	Main string
	// zipProblems are found while opening.
	zipProblems []string
}

// Open reads a .docx file.
func Open(data []byte) (*Doc, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	d := &Doc{Parts: map[string][]byte{}}
	for _, f := range z.File {
		if _, dup := d.Parts[f.Name]; dup {
			d.zipProblems = append(d.zipProblems, "duplicate zip entry "+f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		d.Names = append(d.Names, f.Name)
		d.Parts[f.Name] = b
	}
	d.Main = "word/document.xml"
	for _, r := range d.Rels("") {
		if r.Type == relDoc {
			d.Main = Resolve("", r.Target)
		}
	}
	return d, nil
}

// Relationship is one relationship of a part.
type Relationship struct {
	ID, Type, Target string
	External         bool
}

// RelsName returns the name of the relationships part of a part ("" for
// the package).
func RelsName(name string) string {
	if name == "" {
		return "_rels/.rels"
	}
	dir, file := path.Split(name)
	return dir + "_rels/" + file + ".rels"
}

// Resolve returns the part a relationship target of the part from names.
func Resolve(from, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Join(path.Dir("/"+from), target), "/")
}

// Rels returns the relationships of a part ("" for the package).
func (d *Doc) Rels(name string) []Relationship {
	var out []Relationship
	each(d.Parts[RelsName(name)], func(e xml.StartElement) {
		if e.Name.Local != "Relationship" {
			return
		}
		r := Relationship{ID: attr(e, "", "Id"), Type: attr(e, "", "Type"), Target: attr(e, "", "Target"),
			External: attr(e, "", "TargetMode") == "External"}
		out = append(out, r)
	})
	return out
}

// each calls fn for every start element of an XML part.
func each(data []byte, fn func(xml.StartElement)) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		if e, ok := tok.(xml.StartElement); ok {
			fn(e)
		}
	}
}

func attr(e xml.StartElement, space, local string) string {
	for _, a := range e.Attr {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// Problems lists what makes the package inconsistent; none for a good one.
func (d *Doc) Problems() []string {
	out := slices.Clone(d.zipProblems)
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if len(d.Names) == 0 || d.Names[0] != "[Content_Types].xml" {
		add("[Content_Types].xml is not the first zip entry")
	}
	// Every part parses.
	for _, name := range d.Names {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			if err := wellFormed(d.Parts[name]); err != nil {
				add("%s: %v", name, err)
			}
		}
	}
	// Every part has a content type, every override names a part.
	defaults, overrides := map[string]string{}, map[string]string{}
	each(d.Parts["[Content_Types].xml"], func(e xml.StartElement) {
		switch e.Name.Local {
		case "Default":
			defaults[strings.ToLower(attr(e, "", "Extension"))] = attr(e, "", "ContentType")
		case "Override":
			overrides[strings.TrimPrefix(attr(e, "", "PartName"), "/")] = attr(e, "", "ContentType")
		}
	})
	for _, name := range d.Names {
		if name == "[Content_Types].xml" {
			continue
		}
		_, over := overrides[name]
		_, def := defaults[strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))]
		if !over && !def {
			add("%s has no content type", name)
		}
	}
	for name := range overrides {
		if _, ok := d.Parts[name]; !ok {
			add("[Content_Types].xml names the missing part %s", name)
		}
	}
	if overrides[d.Main] == "" || !strings.Contains(overrides[d.Main], "wordprocessingml") {
		add("the main part %s has no WordprocessingML content type", d.Main)
	}
	// Relationships point to parts; ids are unique and the ones used are
	// defined.
	for _, name := range d.Names {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		src := strings.TrimSuffix(strings.Replace(name, "_rels/", "", 1), ".rels")
		if name == "_rels/.rels" {
			src = ""
		} else if _, ok := d.Parts[src]; !ok {
			add("%s belongs to the missing part %s", name, src)
		}
		ids := map[string]bool{}
		for _, r := range d.Rels(src) {
			if ids[r.ID] {
				add("%s: relationship id %s is used twice", name, r.ID)
			}
			ids[r.ID] = true
			if r.External {
				continue
			}
			if _, ok := d.Parts[Resolve(src, r.Target)]; !ok {
				add("%s: %s points to the missing part %s", name, r.ID, Resolve(src, r.Target))
			}
		}
		if src == "" {
			continue
		}
		each(d.Parts[src], func(e xml.StartElement) {
			for _, a := range e.Attr {
				if a.Name.Space == nsR && !ids[a.Value] {
					add("%s: %s r:%s=%q has no relationship", src, e.Name.Local, a.Name.Local, a.Value)
				}
			}
		})
	}
	out = append(out, d.linkProblems()...)
	return out
}

// wellFormed reports whether data parses as XML.
func wellFormed(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// linkProblems checks the bookmarks and internal links of the text parts:
// bookmark ids unique and closed, names unique, and every w:anchor naming
// a bookmark of the document.
func (d *Doc) linkProblems() []string {
	var out []string
	names := map[string]bool{"_top": true}
	var anchors []string
	for _, name := range d.textParts() {
		started, ended := map[string]bool{}, map[string]bool{}
		each(d.Parts[name], func(e xml.StartElement) {
			if e.Name.Space != nsW {
				return
			}
			switch e.Name.Local {
			case "bookmarkStart":
				id, nm := attr(e, nsW, "id"), attr(e, nsW, "name")
				if started[id] {
					out = append(out, fmt.Sprintf("%s: bookmark id %s is used twice", name, id))
				}
				if names[strings.ToLower(nm)] {
					out = append(out, fmt.Sprintf("%s: bookmark name %s is used twice", name, nm))
				}
				if len(nm) > 40 {
					out = append(out, fmt.Sprintf("%s: bookmark name %s is longer than Word allows", name, nm))
				}
				started[id], names[strings.ToLower(nm)] = true, true
			case "bookmarkEnd":
				ended[attr(e, nsW, "id")] = true
			case "hyperlink":
				if attr(e, nsR, "id") == "" {
					anchors = append(anchors, attr(e, nsW, "anchor"))
				}
			}
		})
		for id := range started {
			if !ended[id] {
				out = append(out, fmt.Sprintf("%s: bookmark %s is never closed", name, id))
			}
		}
	}
	for _, a := range anchors {
		if !names[strings.ToLower(a)] {
			out = append(out, fmt.Sprintf("internal link to %q, which is no bookmark", a))
		}
	}
	return out
}

// textParts returns the main part and the footnotes, headers and footers
// it refers to.
func (d *Doc) textParts() []string {
	out := []string{d.Main}
	for _, r := range d.Rels(d.Main) {
		for _, kind := range []string{"/footnotes", "/header", "/footer", "/endnotes"} {
			if strings.HasSuffix(r.Type, kind) && !r.External {
				out = append(out, Resolve(d.Main, r.Target))
			}
		}
	}
	return out
}

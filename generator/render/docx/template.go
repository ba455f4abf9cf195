package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strings"

	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/msg"
)

// maxPart bounds the size of a part read from a template, so that a
// damaged or hostile file cannot exhaust memory.
const maxPart = 64 << 20

// errNotTransitional is the error for a part that is not transitional
// WordprocessingML (a Strict Open XML file, or not Word at all).
var errNotTransitional = errors.New(msg.Get("docx.template.not_transitional"))

// template is what docgen takes from a company's Word template: the style
// sheet, the list definitions (which numbered headings refer to) and the
// theme (the fonts and colours the styles refer to), with the files these
// parts refer to.
type template struct {
	// name is the file name, for the extended properties.
	name      string
	styles    []byte
	numbering []byte
	theme     []byte
	// parts are the files the numbering and theme refer to, with the
	// relationships parts that point to them, under their new names.
	parts []part
}

// readTemplate reads a .dotx or .docx file.
func readTemplate(file string) (*template, error) {
	t, err := loadTemplate(file)
	if err != nil {
		return nil, errors.New(msg.Format("docx.template.bad", file, err))
	}
	return t, nil
}

func loadTemplate(file string) (*template, error) {
	data, err := input.Read(file, input.WordTemplate)
	if err != nil {
		return nil, err
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	pk := &zipPackage{files: map[string]*zip.File{}}
	for _, f := range z.File {
		pk.files[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	main := "word/document.xml"
	if rs, err := pk.rels(""); err == nil {
		for _, r := range rs {
			if r.typ == relOffice || strings.HasSuffix(r.typ, "/officeDocument") {
				main = resolve("", r.target)
			}
		}
	}
	t := &template{name: filepath.Base(file)}
	targets := map[string]string{}
	rs, err := pk.rels(main)
	if err != nil {
		return nil, errors.New(msg.Get("docx.template.not_word"))
	}
	for _, r := range rs {
		if !r.external {
			targets[r.typ] = resolve(main, r.target)
		}
	}
	stylesName, ok := targets[relStyles]
	if !ok {
		return nil, errors.New(msg.Get("docx.template.no_styles"))
	}
	if t.styles, err = pk.read(stylesName); err != nil {
		return nil, err
	}
	if name, ok := targets[relNumbering]; ok {
		if t.numbering, err = pk.read(name); err != nil {
			return nil, err
		}
		if err := pk.copyRefs(t, name, "word/numbering.xml"); err != nil {
			return nil, err
		}
	}
	if name, ok := targets[relTheme]; ok {
		if t.theme, err = pk.read(name); err != nil {
			return nil, err
		}
		if err := pk.copyRefs(t, name, "word/theme/theme1.xml"); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// zipPackage is a package being read, its files by lower-case name.
type zipPackage struct {
	files map[string]*zip.File
	types []byte
}

// read returns a part's content.
func (pk *zipPackage) read(name string) ([]byte, error) {
	f, ok := pk.files[strings.ToLower(name)]
	if !ok {
		return nil, errors.New(msg.Format("docx.template.missing_part", name))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxPart+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxPart {
		return nil, errors.New(msg.Format("docx.template.too_large", name, maxPart>>20))
	}
	return data, nil
}

// rels returns the relationships of a part ("" for the package).
func (pk *zipPackage) rels(name string) ([]relationship, error) {
	rn := "_rels/.rels"
	if name != "" {
		rn = relsName(name)
	}
	data, err := pk.read(rn)
	if err != nil {
		return nil, err
	}
	root, err := scanXML(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rn, err)
	}
	var out []relationship
	for _, c := range root.Children {
		if c.Name.Local != "Relationship" {
			continue
		}
		out = append(out, relationship{id: c.attr("", "Id"), typ: c.attr("", "Type"), target: c.attr("", "Target"),
			external: strings.EqualFold(c.attr("", "TargetMode"), "External")})
	}
	return out, nil
}

// contentType returns the content type the template declares for a part.
func (pk *zipPackage) contentType(name string) string {
	if pk.types == nil {
		pk.types, _ = pk.read("[Content_Types].xml")
	}
	root, err := scanXML(pk.types)
	if err != nil {
		return "application/octet-stream"
	}
	ext := strings.TrimPrefix(path.Ext(name), ".")
	def := "application/octet-stream"
	for _, c := range root.Children {
		switch c.Name.Local {
		case "Override":
			if strings.EqualFold(strings.TrimPrefix(c.attr("", "PartName"), "/"), name) {
				return c.attr("", "ContentType")
			}
		case "Default":
			if strings.EqualFold(c.attr("", "Extension"), ext) {
				def = c.attr("", "ContentType")
			}
		}
	}
	return def
}

// copyRefs copies the files that the template part name refers to (the
// pictures of picture bullets, the images of a theme's fills) into t,
// renamed so that they cannot clash with docgen's, with a relationships
// part for the part's new name to.
func (pk *zipPackage) copyRefs(t *template, name, to string) error {
	if _, ok := pk.files[strings.ToLower(relsName(name))]; !ok {
		return nil // the part refers to nothing
	}
	rs, err := pk.rels(name)
	if err != nil {
		return err
	}
	var out rels
	for _, r := range rs {
		if r.external {
			out.list = append(out.list, r)
			continue
		}
		src := resolve(name, r.target)
		data, err := pk.read(src)
		if err != nil {
			return err
		}
		dst := fmt.Sprintf("word/media/template%d-%s", len(t.parts)+1, path.Base(src))
		ct := pk.contentType(src)
		if known(dst) {
			ct = ""
		}
		t.parts = append(t.parts, part{name: dst, contentType: ct, data: data})
		out.list = append(out.list, relationship{id: r.id, typ: r.typ, target: relative(to, dst)})
	}
	var e escaper
	t.parts = append(t.parts, part{name: relsName(to), data: out.xml(&e)})
	return nil
}

// known reports whether defaultTypes gives the content type of a part.
func known(name string) bool {
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))
	for _, d := range defaultTypes {
		if d[0] == ext {
			return true
		}
	}
	return false
}

// resolve returns the part name a relationship target of the part from
// refers to.
func resolve(from, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Join(path.Dir("/"+from), target), "/")
}

// relative returns the target by which the part from refers to the part to.
func relative(from, to string) string {
	dir := strings.Split(path.Dir(from), "/")
	parts := strings.Split(to, "/")
	i := 0
	for i < len(dir) && i < len(parts)-1 && dir[i] == parts[i] {
		i++
	}
	return strings.Repeat("../", len(dir)-i) + strings.Join(parts[i:], "/")
}

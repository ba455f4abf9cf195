// Package xliff writes and reads the XLIFF 2.0 files docgen exchanges with
// translators: one <unit> per free text of a spec, keyed by its spec path,
// with the source text, the fingerprint of the source (in the unit's
// metadata) and, for a text whose translation is stale, the old target and a
// note. XLIFF is the exchange format translation tools (CAT tools) import
// and export.
//
//	f := &xliff.File{SrcLang: "en", TrgLang: "de", Original: "device.yaml", Units: units}
//	err := f.Write(w)
//	g, err := xliff.Parse("device.de.xlf", data)
//
// Parse reads what Write writes and what common tools return: segments
// split into several, <ignorable> parts, and notes; inline markup in a
// target is an error, as docgen texts are plain text.
package xliff

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
)

// Namespaces of XLIFF 2.0 and its metadata module.
const (
	Namespace         = "urn:oasis:names:tc:xliff:document:2.0"
	MetadataNamespace = "urn:oasis:names:tc:xliff:metadata:2.0"
)

// File is the content of an XLIFF file: one <file> of units.
type File struct {
	SrcLang, TrgLang string
	// Original names the spec the units come from.
	Original string
	Units    []Unit
}

// Unit is one translatable text.
type Unit struct {
	// Path is the spec path of the text, e.g. updates.steps[2].
	Path string
	// Source is the text in the source language, Target its translation
	// ("" for none).
	Source, Target string
	// Fingerprint is that of the source text (see spec.Fingerprint).
	Fingerprint string
	// Notes are remarks for the translator, such as why a unit is listed.
	Notes []string
	// Pos is where the unit starts, for a parsed file.
	Pos yamlx.Pos
}

// UnitID returns the XLIFF id of a spec path. Ids are NMTOKENs, which
// cannot hold brackets, so list indexes become dotted numbers:
// updates.steps[2] is updates.steps.2 (no field name is a number, so the
// mapping is one to one). The unit's name attribute keeps the path as is.
func UnitID(path string) string {
	r := strings.NewReplacer("[", ".", "]", "")
	return r.Replace(path)
}

// Write writes f as an XLIFF 2.0 document, units in the order given.
func (f *File) Write(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<xliff xmlns="` + Namespace + `" xmlns:mda="` + MetadataNamespace + `" version="2.0" srcLang="` + attr(f.SrcLang) + `" trgLang="` + attr(f.TrgLang) + `">` + "\n")
	b.WriteString(`  <file id="f1" original="` + attr(f.Original) + `">` + "\n")
	for _, u := range f.Units {
		b.WriteString(`    <unit id="` + attr(UnitID(u.Path)) + `" name="` + attr(u.Path) + `">` + "\n")
		if u.Fingerprint != "" {
			b.WriteString(`      <mda:metadata><mda:metaGroup category="docgen"><mda:meta type="fingerprint">` + text(u.Fingerprint) + `</mda:meta></mda:metaGroup></mda:metadata>` + "\n")
		}
		if len(u.Notes) > 0 {
			b.WriteString("      <notes>\n")
			for _, n := range u.Notes {
				b.WriteString("        <note>" + text(n) + "</note>\n")
			}
			b.WriteString("      </notes>\n")
		}
		state := "initial"
		if u.Target != "" {
			state = "translated"
		}
		b.WriteString(`      <segment state="` + state + `">` + "\n")
		b.WriteString(`        <source xml:space="preserve">` + text(u.Source) + "</source>\n")
		if u.Target != "" {
			b.WriteString(`        <target xml:space="preserve">` + text(u.Target) + "</target>\n")
		}
		b.WriteString("      </segment>\n    </unit>\n")
	}
	b.WriteString("  </file>\n</xliff>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// text escapes s as XML character data. Characters XML 1.0 cannot carry
// (control characters other than tab and line feed) become U+FFFD;
// carriage returns are kept as &#xD;.
func text(s string) string {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return "" // EscapeText fails only if the builder does
	}
	return b.String()
}

// attr escapes s for an attribute value in double quotes.
func attr(s string) string {
	return strings.ReplaceAll(text(s), `"`, "&quot;")
}

// Parse reads an XLIFF 2.0 document; name is used in positions. The error
// is a yamlx.Errors, each with the line and column in the file.
func Parse(name string, data []byte) (*File, error) {
	p := &parser{name: name, dec: xml.NewDecoder(bytes.NewReader(data)), seen: map[string]int{}}
	p.dec.Strict = true
	f := p.parse()
	if len(p.errs) > 0 {
		p.errs.Sort()
		return nil, p.errs
	}
	return f, nil
}

type parser struct {
	name string
	dec  *xml.Decoder
	errs yamlx.Errors
	seen map[string]int // unit id -> line
	// line and col are the position before the last token read.
	line, col int
}

func (p *parser) pos() yamlx.Pos { return yamlx.Pos{File: p.name, Line: p.line, Col: p.col} }

func (p *parser) report(pos yamlx.Pos, key string, args ...any) {
	p.errs = append(p.errs, &yamlx.Error{Pos: pos, Msg: msg.Format(key, args...)})
}

// next returns the next token, or nil at the end or on an error, which it
// reports.
func (p *parser) next() xml.Token {
	p.line, p.col = p.dec.InputPos()
	tok, err := p.dec.Token()
	if err != nil {
		if !errors.Is(err, io.EOF) {
			var se *xml.SyntaxError
			line := p.line
			text := err.Error()
			if errors.As(err, &se) {
				line, text = se.Line, se.Msg
			}
			p.report(yamlx.Pos{File: p.name, Line: line}, "xliff.syntax", text)
		}
		return nil
	}
	return tok
}

func (p *parser) parse() *File {
	f := &File{}
	for {
		tok := p.next()
		if tok == nil {
			if len(p.errs) == 0 {
				p.report(yamlx.Pos{File: p.name, Line: 1, Col: 1}, "xliff.not_xliff", "", "")
			}
			return nil
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if se.Name.Space != Namespace || se.Name.Local != "xliff" {
			p.report(p.pos(), "xliff.not_xliff", se.Name.Local, se.Name.Space)
			return nil
		}
		at := p.pos()
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "srcLang":
				f.SrcLang = a.Value
			case "trgLang":
				f.TrgLang = a.Value
			case "version":
				if a.Value != "2.0" && a.Value != "2.1" {
					p.report(at, "xliff.bad_version", a.Value)
				}
			}
		}
		if f.SrcLang == "" {
			p.report(at, "xliff.no_lang", "srcLang")
		}
		if f.TrgLang == "" {
			p.report(at, "xliff.no_lang", "trgLang")
		}
		p.body(f)
		return f
	}
}

// body reads the content of <xliff> up to its end.
func (p *parser) body(f *File) {
	depth := 1
	for depth > 0 {
		tok := p.next()
		if tok == nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Space == Namespace && t.Name.Local == "file" && f.Original == "":
				f.Original = attrOf(t, "original")
				depth++
			case t.Name.Space == Namespace && t.Name.Local == "unit":
				if u, ok := p.unit(t); ok {
					f.Units = append(f.Units, u)
				}
			default:
				depth++
			}
		case xml.EndElement:
			depth--
		}
	}
}

func attrOf(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// unit reads a <unit> up to its end.
func (p *parser) unit(se xml.StartElement) (Unit, bool) {
	u := Unit{Pos: p.pos(), Path: attrOf(se, "name")}
	id := attrOf(se, "id")
	ok := true
	switch first, dup := p.seen[id]; {
	case id == "":
		p.report(u.Pos, "xliff.no_unit_id")
		ok = false
	case dup:
		p.report(u.Pos, "xliff.duplicate_unit", id, first)
		ok = false
	default:
		p.seen[id] = u.Pos.Line
	}
	if u.Path == "" || UnitID(u.Path) != id {
		u.Path = pathOf(id)
	}
	var src, trg strings.Builder
	depth := 1
	ignorable := 0 // the depth of the <ignorable> being read, or 0
	for depth > 0 {
		tok := p.next()
		if tok == nil {
			return u, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Space == Namespace && (t.Name.Local == "source" || t.Name.Local == "target"):
				s, good := p.plain(id, t.Name.Local)
				ok = ok && good
				switch {
				case t.Name.Local == "target":
					trg.WriteString(s)
				case ignorable > 0: // white space between segments belongs to both
					src.WriteString(s)
					trg.WriteString(s)
				default:
					src.WriteString(s)
				}
			case t.Name.Space == Namespace && t.Name.Local == "ignorable":
				depth++
				ignorable = depth
			case t.Name.Space == Namespace && t.Name.Local == "note":
				s, _ := p.plain(id, "note")
				u.Notes = append(u.Notes, s)
			case t.Name.Space == MetadataNamespace && t.Name.Local == "meta" && attrOf(t, "type") == "fingerprint":
				s, _ := p.plain(id, "meta")
				u.Fingerprint = strings.TrimSpace(s)
			default:
				depth++
			}
		case xml.EndElement:
			if depth == ignorable {
				ignorable = 0
			}
			depth--
		}
	}
	u.Source, u.Target = src.String(), trg.String()
	return u, ok
}

// plain reads the character data of the element just started, up to its
// end; markup inside it is reported.
func (p *parser) plain(id, what string) (string, bool) {
	var b strings.Builder
	ok := true
	depth := 1
	for depth > 0 {
		tok := p.next()
		if tok == nil {
			return b.String(), false
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if ok {
				p.report(p.pos(), "xliff.markup", id, what, t.Name.Local)
			}
			ok = false
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return b.String(), ok
}

// pathOf returns the spec path of a unit id (see UnitID): a segment that
// is a number is a list index.
func pathOf(id string) string {
	var b strings.Builder
	for i, seg := range strings.Split(id, ".") {
		switch {
		case seg != "" && strings.Trim(seg, "0123456789") == "":
			b.WriteString("[" + seg + "]")
		case i > 0:
			b.WriteString("." + seg)
		default:
			b.WriteString(seg)
		}
	}
	return b.String()
}

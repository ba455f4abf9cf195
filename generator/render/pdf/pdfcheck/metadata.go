package pdfcheck

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strings"
	"time"
)

// Namespaces of the XMP properties PDF/A knows without an extension
// schema (XMP 2004/2005 as ISO 19005-3 6.6.2.3.2 lists them, in part).
const (
	nsRDF        = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	nsDC         = "http://purl.org/dc/elements/1.1/"
	nsXMP        = "http://ns.adobe.com/xap/1.0/"
	nsPDF        = "http://ns.adobe.com/pdf/1.3/"
	nsPDFAID     = "http://www.aiim.org/pdfa/ns/id/"
	nsPDFUAID    = "http://www.aiim.org/pdfua/ns/id/"
	nsPDFAExt    = "http://www.aiim.org/pdfa/ns/extension/"
	nsPDFASchema = "http://www.aiim.org/pdfa/ns/schema#"
	nsPDFAProp   = "http://www.aiim.org/pdfa/ns/property#"
	nsPDFAType   = "http://www.aiim.org/pdfa/ns/type#"
	nsPDFAField  = "http://www.aiim.org/pdfa/ns/field#"
	nsXMPMM      = "http://ns.adobe.com/xap/1.0/mm/"
	nsXMPRights  = "http://ns.adobe.com/xap/1.0/rights/"
	nsXMPTPG     = "http://ns.adobe.com/xap/1.0/t/pg/"
	nsPhotoshop  = "http://ns.adobe.com/photoshop/1.0/"
	nsXMPIDQ     = "http://ns.adobe.com/xmp/Identifier/qual/1.0/"
	nsStRef      = "http://ns.adobe.com/xap/1.0/sType/ResourceRef#"
	nsStEvt      = "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"
	nsXML        = "http://www.w3.org/XML/1998/namespace"
	nsXMPMeta    = "adobe:ns:meta/"
)

var predefined = map[string]bool{
	nsRDF: true, nsDC: true, nsXMP: true, nsPDF: true, nsPDFAID: true, nsPDFAExt: true, nsPDFASchema: true,
	nsPDFAProp: true, nsPDFAType: true, nsPDFAField: true, nsXMPMM: true, nsXMPRights: true, nsXMPTPG: true,
	nsPhotoshop: true, nsXMPIDQ: true, nsStRef: true, nsStEvt: true, nsXML: true, nsXMPMeta: true,
}

// xmpProps are the properties of an XMP packet: the text of simple
// properties, and the items of arrays (for language alternatives, the
// x-default item first).
type xmpProps struct {
	values     map[xml.Name][]string
	namespaces map[string]bool
	// described are the namespaces an extension schema describes.
	described map[string]bool
}

// parseXMP reads the properties of the rdf:Description elements of an
// XMP packet.
func parseXMP(data []byte) (*xmpProps, error) {
	p := &xmpProps{values: map[xml.Name][]string{}, namespaces: map[string]bool{}, described: map[string]bool{}}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []xml.Name
	var prop xml.Name // the property being read, at depth 4
	var text strings.Builder
	xdefault := false
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return p, nil
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name)
			if t.Name.Space != "" {
				p.namespaces[t.Name.Space] = true
			}
			// x:xmpmeta / rdf:RDF / rdf:Description / property
			if len(stack) == 4 && stack[2].Local == "Description" {
				prop = t.Name
				text.Reset()
			}
			if t.Name.Space == nsRDF && t.Name.Local == "li" {
				text.Reset()
				xdefault = false
				for _, a := range t.Attr {
					if a.Name.Local == "lang" && a.Value == "x-default" {
						xdefault = true
					}
				}
			}
			for _, a := range t.Attr {
				if a.Name.Space != "" && a.Name.Space != "xmlns" && a.Name.Space != nsRDF && a.Name.Space != nsXML {
					p.namespaces[a.Name.Space] = true
				}
			}
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			if len(stack) == 0 {
				break
			}
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch {
			case top.Space == nsRDF && top.Local == "li" && len(stack) == 5:
				v := strings.TrimSpace(text.String())
				if xdefault {
					p.values[prop] = append([]string{v}, p.values[prop]...)
				} else {
					p.values[prop] = append(p.values[prop], v)
				}
			case len(stack) == 3 && top == prop:
				if _, ok := p.values[prop]; !ok {
					p.values[prop] = []string{strings.TrimSpace(text.String())}
				}
			case top.Space == nsPDFASchema && top.Local == "namespaceURI":
				p.described[strings.TrimSpace(text.String())] = true
			}
			text.Reset()
		}
	}
}

// first returns the first value of the property, or "".
func (p *xmpProps) first(space, local string) string {
	if v := p.values[xml.Name{Space: space, Local: local}]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// packetHeaderRE matches the XMP packet header, and captures its
// attributes.
var packetHeaderRE = regexp.MustCompile(`<\?xpacket begin=(?:"[^"]*"|'[^']*')([^?]*)\?>`)

// metadata checks the XMP metadata of the catalog: PDF/A and PDF/UA
// identification, the title, and that the information dictionary says the
// same.
func (c *checker) metadata() {
	sd, _, err := c.ctx.DereferenceStreamDict(c.ctx.RootDict["Metadata"])
	if err != nil || sd == nil {
		c.fail(pdfua+"7.1", "the catalog has no XMP metadata stream")
		if c.opts.PDFA {
			c.fail(pdfa+"6.6.2.1", "the catalog has no XMP metadata stream")
		}
		return
	}
	if t, st := sd.Dict.NameEntry("Type"), sd.Dict.NameEntry("Subtype"); t == nil || *t != "Metadata" || st == nil || *st != "XML" {
		c.fail(pdfua+"7.1", "the metadata stream is not of /Type /Metadata and /Subtype /XML")
		if c.opts.PDFA {
			c.fail(pdfa+"6.6.2.1", "the metadata stream is not of /Type /Metadata and /Subtype /XML")
		}
	}
	if err := sd.Decode(); err != nil {
		c.fail(pdfua+"5", "the metadata stream does not decode: %v", err)
		return
	}
	data := sd.Content
	if c.opts.PDFA {
		if m := packetHeaderRE.FindSubmatch(data); m == nil {
			c.fail(pdfa+"6.6.2.1", "the metadata has no XMP packet header")
		} else if a := string(m[1]); strings.Contains(a, "bytes=") || strings.Contains(a, "encoding=") {
			c.fail(pdfa+"6.6.2.1", "the XMP packet header has a bytes or encoding attribute")
		}
	}
	p, err := parseXMP(data)
	if err != nil {
		c.fail(pdfua+"5", "the XMP metadata is not well-formed XML: %v", err)
		return
	}
	if p.first(nsPDFUAID, "part") != "1" {
		c.fail(pdfua+"5", "the XMP metadata does not identify PDF/UA-1 (pdfuaid:part 1)")
	}
	if p.first(nsDC, "title") == "" {
		c.fail(pdfua+"7.1", "the XMP metadata has no title (dc:title)")
	}
	if !c.opts.PDFA {
		return
	}
	if p.first(nsPDFAID, "part") != "3" || !strings.EqualFold(p.first(nsPDFAID, "conformance"), "B") {
		c.fail(pdfa+"6.6.4", "the XMP metadata does not identify PDF/A-3b (pdfaid:part 3, pdfaid:conformance B)")
	}
	for ns := range p.namespaces {
		if !predefined[ns] && !p.described[ns] {
			c.fail(pdfa+"6.6.2.3.1", "XMP namespace %s is neither predefined nor described by an extension schema", ns)
		}
	}
	// The information dictionary and the XMP metadata say the same: PDF/A-1
	// requires it, and docgen keeps to it.
	if c.ctx.Info == nil {
		return
	}
	info, _ := c.ctx.DereferenceDict(*c.ctx.Info)
	for _, e := range []struct{ key, space, local string }{
		{"Title", nsDC, "title"}, {"Author", nsDC, "creator"}, {"Subject", nsDC, "description"},
		{"Keywords", nsPDF, "Keywords"}, {"Creator", nsXMP, "CreatorTool"}, {"Producer", nsPDF, "Producer"},
	} {
		iv, xv := c.text(info[e.key]), p.first(e.space, e.local)
		if info[e.key] != nil && iv != xv {
			c.fail(inStep, "/%s is %q in the information dictionary but %q in the XMP metadata", e.key, iv, xv)
		}
	}
	for _, e := range []struct{ key, local string }{{"CreationDate", "CreateDate"}, {"ModDate", "ModifyDate"}} {
		if info[e.key] == nil {
			continue
		}
		a, errA := parsePDFDate(c.text(info[e.key]))
		b, errB := time.Parse(time.RFC3339, p.first(nsXMP, e.local))
		if errA != nil || errB != nil || !a.Equal(b) {
			c.fail(inStep, "/%s %q and xmp:%s %q differ", e.key, c.text(info[e.key]), e.local, p.first(nsXMP, e.local))
		}
	}
}

// inStep is the clause of the equivalence of the information dictionary
// and the XMP metadata: a requirement of PDF/A-1 that docgen applies to
// PDF/A-3 by analogy.
const inStep = "ISO 19005-1 6.7.3 (by analogy)"

// parsePDFDate reads a PDF date with a time zone, as docgen writes it.
func parsePDFDate(s string) (time.Time, error) {
	s = trimDate(s)
	s = strings.ReplaceAll(strings.TrimSuffix(s, "'"), "'", ":")
	if strings.HasSuffix(s, "Z") {
		return time.Parse("20060102150405Z", s)
	}
	return time.Parse("20060102150405-07:00", s)
}

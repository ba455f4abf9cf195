package pdfwriter

import (
	"crypto/md5"
	"encoding/xml"
	"fmt"
	"mime"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// pdfDate formats t as a PDF date in UTC.
func pdfDate(t time.Time) string {
	return t.UTC().Format("D:20060102150405") + "+00'00'"
}

// xmpDate formats t as an XMP date in UTC.
func xmpDate(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05") + "+00:00"
}

// metaText returns s as the information dictionary and the XMP metadata
// both hold it: valid UTF-8, each run of white space and control
// characters one space, none at the ends.
func metaText(s string) string { return strings.Join(strings.Fields(cleanText(s)), " ") }

// info returns the document information with its texts as metaText gives
// them.
func (w *writer) info() layout.Info {
	in := w.d.Info
	for _, s := range []*string{&in.Title, &in.Subject, &in.Author, &in.Keywords, &in.Creator, &in.Producer} {
		*s = metaText(*s)
	}
	return in
}

// infoDict returns the document information dictionary. Its entries are
// the ones the XMP metadata repeats (see writeMetadata), as PDF/A requires.
func (w *writer) infoDict() string {
	in := w.info()
	var b strings.Builder
	b.WriteString("<<")
	entry := func(key, value string) {
		if value != "" {
			b.WriteString("/" + key + " " + textString(value) + " ")
		}
	}
	entry("Title", in.Title)
	entry("Author", in.Author)
	entry("Subject", in.Subject)
	entry("Keywords", in.Keywords)
	entry("Creator", in.Creator)
	entry("Producer", in.Producer)
	b.WriteString("/CreationDate " + literal([]byte(pdfDate(in.Created))))
	b.WriteString(" /ModDate " + literal([]byte(pdfDate(in.Modified))) + ">>")
	return b.String()
}

// xmlText escapes s for XML character data and attribute values; the
// characters XML cannot hold become U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(cleanText(s))) // a strings.Builder does not fail
	return b.String()
}

// pdfuaExtension describes the pdfuaid schema for PDF/A, whose XMP may use
// only predefined schemas and those it describes (ISO 19005-3 clause
// 6.6.2.3.3).
const pdfuaExtension = `  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
`

// writeMetadata writes the XMP metadata of the document and returns its
// number: the Dublin Core, XMP basic and Adobe PDF properties that match
// the information dictionary, the PDF/A identification (part 3, level B)
// unless the writer is plain, and the PDF/UA identification (part 1) of a
// tagged document. The stream is not compressed, as PDF/A requires.
func (w *writer) writeMetadata() int {
	in := w.info()
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	b.WriteString("  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n   <dc:format>application/pdf</dc:format>\n")
	alt := func(tag, value string) {
		if value != "" {
			fmt.Fprintf(&b, "   <dc:%s><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:%s>\n", tag, xmlText(value), tag)
		}
	}
	alt("title", in.Title)
	if in.Author != "" {
		fmt.Fprintf(&b, "   <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", xmlText(in.Author))
	}
	alt("description", in.Subject)
	if lang := langTag(in.Lang); lang != "" {
		fmt.Fprintf(&b, "   <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", lang)
	}
	b.WriteString("  </rdf:Description>\n")
	b.WriteString("  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n")
	if in.Creator != "" {
		fmt.Fprintf(&b, "   <xmp:CreatorTool>%s</xmp:CreatorTool>\n", xmlText(in.Creator))
	}
	fmt.Fprintf(&b, "   <xmp:CreateDate>%s</xmp:CreateDate>\n   <xmp:ModifyDate>%s</xmp:ModifyDate>\n   <xmp:MetadataDate>%s</xmp:MetadataDate>\n",
		xmpDate(in.Created), xmpDate(in.Modified), xmpDate(in.Modified))
	b.WriteString("  </rdf:Description>\n")
	b.WriteString("  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n")
	if in.Producer != "" {
		fmt.Fprintf(&b, "   <pdf:Producer>%s</pdf:Producer>\n", xmlText(in.Producer))
	}
	if in.Keywords != "" {
		fmt.Fprintf(&b, "   <pdf:Keywords>%s</pdf:Keywords>\n", xmlText(in.Keywords))
	}
	b.WriteString("  </rdf:Description>\n")
	if !w.plain {
		b.WriteString("  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n" +
			"   <pdfaid:part>3</pdfaid:part>\n   <pdfaid:conformance>B</pdfaid:conformance>\n  </rdf:Description>\n")
	}
	if w.st.tagged() {
		b.WriteString("  <rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n" +
			"   <pdfuaid:part>1</pdfuaid:part>\n  </rdf:Description>\n")
		if !w.plain {
			b.WriteString(pdfuaExtension)
		}
	}
	b.WriteString(" </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	n := w.alloc()
	w.stream(n, "/Type /Metadata /Subtype /XML", []byte(b.String()), false)
	return n
}

// writeOutputIntent writes the PDF/A output intent, sRGB with its
// profile, and returns its number.
func (w *writer) writeOutputIntent() int {
	profile := w.alloc()
	w.stream(profile, "/N 3", SRGBProfile(), true)
	n := w.alloc()
	w.object(n, "<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) /DestOutputProfile "+ref(profile)+">>")
	return n
}

// mediaType returns the MIME type of an attachment: its own, else the one
// its extension implies, else application/octet-stream.
func mediaType(given, file string) string {
	if t := strings.TrimSpace(given); t != "" {
		if mt, _, err := mime.ParseMediaType(t); err == nil {
			return mt
		}
	}
	switch strings.ToLower(path.Ext(file)) {
	case ".json":
		return "application/json"
	case ".xml":
		return "application/xml"
	case ".csv":
		return "text/csv"
	case ".txt":
		return "text/plain"
	}
	return "application/octet-stream"
}

// writeAttachments writes the embedded files as associated files of the
// document (PDF/A-3): each an embedded file stream with its MIME type,
// size, date and checksum, and a file specification with /F, /UF, a
// description and, unless the writer is plain, the relationship /Data. It
// returns the name tree that lists them and the file specifications, for
// the catalog's /AF (not written by a plain writer).
func (w *writer) writeAttachments() (tree int, specs []int) {
	as := w.d.Attachments
	if len(as) == 0 {
		return 0, nil
	}
	type entry struct {
		key  string
		spec int
	}
	var entries []entry
	used := map[string]bool{}
	for _, a := range as {
		fname := cleanText(a.Name)
		if fname == "" {
			fname = "attachment"
		}
		key := fname
		for k := 2; used[key]; k++ {
			key = fname + " (" + strconv.Itoa(k) + ")"
		}
		used[key] = true
		sum := md5.Sum(a.Data)
		file, spec := w.alloc(), w.alloc()
		w.stream(file, fmt.Sprintf("/Type /EmbeddedFile /Subtype %s /Params <</Size %d /ModDate %s /CheckSum %s>>",
			name(mediaType(a.MediaType, fname)), len(a.Data), literal([]byte(pdfDate(w.d.Info.Modified))), hexString(sum[:])), a.Data, true)
		s := "<</Type /Filespec /F " + literal([]byte(asciiName(fname))) + " /UF " + textString(fname)
		if a.Description != "" {
			s += " /Desc " + textString(a.Description)
		}
		if !w.plain {
			// An associated file of the document (PDF/A-3).
			s += " /AFRelationship /Data"
		}
		s += " /EF <</F " + ref(file) + " /UF " + ref(file) + ">>>>"
		w.object(spec, s)
		specs = append(specs, spec)
		entries = append(entries, entry{key, spec})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
	var b strings.Builder
	b.WriteString("<</Names [")
	for i, e := range entries {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(hexString([]byte(e.key)) + " " + ref(e.spec))
	}
	b.WriteString("]>>")
	tree = w.alloc()
	w.object(tree, b.String())
	return tree, specs
}

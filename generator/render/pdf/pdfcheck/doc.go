// Package pdfcheck checks a PDF file against the machine-checkable
// requirements of PDF/A-3b (ISO 19005-3, level B) and PDF/UA-1 (ISO
// 14289-1) that apply to what docgen writes. The tests of the PDF renderer
// and of the build run it on every PDF they produce; no veraPDF is needed.
//
//	problems, err := pdfcheck.Check(data, pdfcheck.Options{PDFA: true})
//	for _, p := range problems {
//		fmt.Println(p) // "ISO 14289-1 7.3: structure element 41 (Figure) has no alternative text (/Alt)"
//	}
//
// It reads the objects with pdfcpu (through [pdftext.Validate], so the file
// also passes pdfcpu's validation) and the content streams with
// [pdftext.Scan]; the embedded font programs are read with
// golang.org/x/image/font/sfnt. The clause numbers follow the standards'
// numbering as the veraPDF validation profiles cite it.
//
// # What it checks
//
// PDF/A-3b (with Options.PDFA):
//
//   - 6.1.2 file header: %PDF-1.n (n at most 7) and a binary comment; no
//     catalog /Version above 1.7 (PDF/A-3 is based on PDF 1.7).
//   - 6.1.3 trailer: a file identifier, no encryption, nothing after %%EOF
//     but an end-of-line marker.
//   - 6.1.4 cross-reference table: every offset points to its object.
//   - 6.1.6 hexadecimal strings of an even number of digits.
//   - 6.1.7.1 streams: end-of-line markers around the data, /Length, no
//     external data (/F, /FFilter, /FDecodeParms); 6.1.7.2 no LZW.
//   - 6.1.13 implementation limits: integers, reals, strings, names, the
//     number of objects, q/Q nesting, page sizes.
//   - 6.2.2 only operators of ISO 32000-1 in content streams; pages with
//     their own resource dictionary.
//   - 6.2.3 output intent: a GTS_PDFA1 intent, one profile, an RGB
//     display or output ICC profile of version 2 to 4 whose header and tag
//     table are sound; 6.2.4.3 device colours: no DeviceCMYK (operators,
//     colour spaces, images) with the RGB intent, and device colours only
//     with an intent.
//   - 6.2.8.1 images: no /Interpolate true, /OPI, /Alternates; valid bits
//     per component; 6.2.9 no PostScript or reference XObjects.
//   - 6.2.11.3.2 CIDToGIDMap of TrueType CIDFonts; 6.2.11.4.1 embedded
//     font programs; 6.2.11.5 widths of the font dictionary equal to those
//     of the font program for every code shown; 6.2.11.8 no .notdef glyph
//     shown.
//   - 6.3.1 annotation types; 6.3.2 annotation flags (printed, not
//     hidden); 6.3.3 appearance streams for annotations other than links.
//   - 6.4.2 no XFA; 6.5.1 no forbidden actions; 6.5.2 no additional
//     actions on the catalog, pages and annotations; 6.9 no optional
//     content; 6.11 no /Requirements.
//   - 6.6.2.1 the catalog's metadata stream (/Type /Metadata /Subtype
//     /XML), a packet header without bytes and encoding attributes,
//     well-formed XML; 6.6.2.3.1 every XMP namespace predefined or
//     described by an extension schema; 6.6.4 pdfaid:part 3 and
//     pdfaid:conformance B.
//   - 6.8 embedded files: each an associated file of the document
//     (catalog /AF) with /AFRelationship, /F and /UF, a MIME type
//     (/Subtype) and a modification date.
//   - The information dictionary in step with the XMP metadata (title,
//     author, subject, keywords, creator, producer, dates): required by
//     PDF/A-1 (ISO 19005-1 6.7.3), applied by analogy.
//
// PDF/UA-1, always:
//
//   - 5 pdfuaid:part 1 in the XMP metadata.
//   - 7.1 /MarkInfo /Marked true and no /Suspects; a structure tree with a
//     parent tree; every painting operator in marked content, tagged or
//     artifact, never one inside the other; every marked-content
//     identifier of a page claimed by exactly one element of the tree, and
//     the parent tree agreeing; no element of the tree pointing to content
//     that does not exist; standard structure types (or role-mapped ones,
//     with no standard type remapped); a /P entry in every element;
//     dc:title in the metadata; /DisplayDocTitle true.
//   - 7.2 a natural language for the document (/Lang, a language tag), and
//     valid /Lang on elements; the nesting rules for tables (Table, TR,
//     TH, TD and row groups), lists (L, LI, Lbl, LBody, Caption first) and
//     tables of contents (TOC, TOCI); rows of a table with the same number
//     of cells.
//   - 7.3 alternative text for every Figure (and Formula).
//   - 7.4.2 and 7.4.4 headings: the first H1, no level skipped, not H and
//     H1-H6 mixed.
//   - 7.5 a /Scope on every header cell (TH) of a table without /Headers.
//   - 7.9 an /ID, unique, on every Note.
//   - 7.11 /F and /UF in the specification of an embedded file (with the
//     PDF/A checks).
//   - 7.16 no encryption.
//   - 7.18.1 every annotation (but popups and printer marks) in the
//     structure tree through /StructParent and an object reference, with
//     /Contents; 7.18.3 /Tabs /S on pages with annotations; 7.18.5 links in
//     Link elements.
//   - 7.20 no reference XObjects.
//   - 7.21.3.2 CIDToGIDMap; 7.21.3.3 only predefined or embedded CMaps;
//     7.21.4.1 embedded fonts that have every glyph shown; 7.21.5 widths;
//     7.21.7 a ToUnicode map giving every code shown a value other than
//     U+0000, U+FEFF and U+FFFE; 7.21.8 no .notdef glyph.
//   - Subset fonts named with a subset tag (ISO 32000-1 9.6.4).
//
// # What it cannot check
//
// Whatever needs a person or a full renderer: that the reading order of
// the structure tree is the logical order of the text, that the tags say
// what the content is (a heading tagged as a heading), that alternative
// texts and link descriptions are meaningful, that artifacts really are
// decoration, colour contrast and the use of colour alone to carry
// meaning, the language of passages in another language, and that the
// document is usable with assistive technology (PDF/UA-1 7.1 and 7.2 in
// large part, and the Matterhorn protocol's human checks). Among the
// machine-checkable requirements it leaves out those docgen has no use
// for, and would need a parser it does not have: the full XMP data model
// (value types of properties, the structure of extension schemas beyond
// the namespaces they declare), ICC profiles beyond their header and tag
// table (6.2.3, 6.2.4.2), Type 1, CFF and Type 3 font programs, CIDSet
// and CharSet (6.2.11.4.2), separation and DeviceN colour spaces
// (6.2.4.4), transparency groups and blend modes (6.2.10), forms and
// signatures (6.4, 7.18.4), optional content (7.10), media clips and
// mathematical expressions (7.7, 7.18.6), and the byte-level syntax rules
// pdfcpu does not expose (6.1.8 name encoding, 6.1.9 spacing around
// obj and endobj).
package pdfcheck

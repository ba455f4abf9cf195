package docxcheck

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
)

// Outline is what a reader finds in the main part of a document.
type Outline struct {
	// Title is the text of the paragraph in the Title style.
	Title string
	// Headings are the paragraphs in heading styles, in order.
	Headings []Heading
	// Tables are the tables, in order.
	Tables []Table
	// Paragraphs are the other paragraphs outside tables: their style
	// name and text.
	Paragraphs []Paragraph
	// TOC is the instruction of the table-of-contents field, "" when there
	// is none; TOCDirty says whether Word is asked to update it.
	TOC      string
	TOCDirty bool
	// Links are the hyperlinks.
	Links []Link
	// FootnoteRefs counts the footnote references; Drawings the pictures.
	FootnoteRefs, Drawings int
}

// Heading is a heading paragraph.
type Heading struct {
	// Level is 1-9 from the style's name "heading N".
	Level int
	// Style is the style id.
	Style string
	Text  string
	// Bookmarks are the names of the bookmarks in the heading.
	Bookmarks []string
}

// Table is a table: its rows of cell texts, and whether the first row is
// a header row that repeats on every page.
type Table struct {
	Header bool
	Rows   [][]string
}

// Paragraph is a paragraph outside tables that is not a heading.
type Paragraph struct {
	// Style is the style's name ("" for Normal).
	Style string
	Text  string
	// Numbered says whether the paragraph has list numbering.
	Numbered bool
}

// Link is a hyperlink: to a bookmark (Anchor) or to an address (Target).
type Link struct {
	Anchor, Target, Text string
}

// StyleNames maps the style ids of the document to their names.
func (d *Doc) StyleNames() map[string]string {
	out := map[string]string{}
	for _, r := range d.Rels(d.Main) {
		if !strings.HasSuffix(r.Type, "/styles") {
			continue
		}
		var id string
		each(d.Parts[Resolve(d.Main, r.Target)], func(e xml.StartElement) {
			switch {
			case e.Name.Space == nsW && e.Name.Local == "style":
				id = attr(e, nsW, "styleId")
				out[id] = id
			case e.Name.Space == nsW && e.Name.Local == "name" && id != "":
				out[id] = attr(e, nsW, "val")
				id = ""
			}
		})
	}
	return out
}

// Outline reads the main part.
func (d *Doc) Outline() *Outline {
	names := d.StyleNames()
	targets := map[string]string{}
	for _, r := range d.Rels(d.Main) {
		targets[r.ID] = r.Target
	}
	o := &Outline{}
	dec := xml.NewDecoder(bytes.NewReader(d.Parts[d.Main]))
	var (
		text              strings.Builder
		style             string
		numbered          bool
		marks             []string
		tableDepth        int
		table             *Table
		row               []string
		cell              strings.Builder
		inInstr, inT      bool
		link              *Link
		linkText          strings.Builder
		firstRow, tblHead bool
	)
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != nsW {
				if t.Name.Local == "inline" || t.Name.Local == "anchor" {
					o.Drawings++
				}
				continue
			}
			switch t.Name.Local {
			case "p":
				text.Reset()
				style, numbered, marks = "", false, nil
			case "pStyle":
				style = attr(t, nsW, "val")
			case "numPr":
				numbered = true
			case "bookmarkStart":
				marks = append(marks, attr(t, nsW, "name"))
			case "t":
				inT = true
			case "instrText":
				inInstr = true
			case "tab":
				text.WriteByte('\t')
			case "br":
				text.WriteByte('\n')
			case "fldChar":
				if attr(t, nsW, "fldCharType") == "begin" && attr(t, nsW, "dirty") == "true" {
					o.TOCDirty = true
				}
			case "hyperlink":
				link = &Link{Anchor: attr(t, nsW, "anchor"), Target: targets[attr(t, nsR, "id")]}
				linkText.Reset()
			case "footnoteReference":
				o.FootnoteRefs++
			case "tbl":
				tableDepth++
				if tableDepth == 1 {
					table = &Table{}
					firstRow = true
				}
			case "tr":
				row, tblHead = nil, false
			case "tblHeader":
				tblHead = true
			case "tc":
				cell.Reset()
			}
		case xml.CharData:
			switch {
			case inInstr:
				if strings.Contains(string(t), "TOC") {
					o.TOC = strings.TrimSpace(string(t))
				}
			case inT:
				text.Write(t)
				if link != nil {
					linkText.Write(t)
				}
			}
		case xml.EndElement:
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "t":
				inT = false
			case "instrText":
				inInstr = false
			case "hyperlink":
				if link != nil {
					link.Text = linkText.String()
					o.Links = append(o.Links, *link)
					link = nil
				}
			case "p":
				name := names[style]
				s := text.String()
				switch {
				case tableDepth > 0:
					if cell.Len() > 0 {
						cell.WriteByte('\n')
					}
					cell.WriteString(s)
				case strings.EqualFold(name, "title"):
					o.Title = s
				case headingLevel(name) > 0:
					o.Headings = append(o.Headings, Heading{Level: headingLevel(name), Style: style, Text: s, Bookmarks: marks})
				default:
					if strings.EqualFold(name, "normal") {
						name = ""
					}
					o.Paragraphs = append(o.Paragraphs, Paragraph{Style: name, Text: s, Numbered: numbered})
				}
			case "tc":
				if tableDepth == 1 {
					row = append(row, cell.String())
				}
			case "tr":
				if tableDepth == 1 {
					if firstRow {
						table.Header = tblHead
						firstRow = false
					}
					table.Rows = append(table.Rows, row)
				}
			case "tbl":
				if tableDepth == 1 {
					o.Tables = append(o.Tables, *table)
				}
				tableDepth--
			}
		}
	}
	return o
}

// headingLevel returns N for a style named "heading N", else 0.
func headingLevel(name string) int {
	rest, ok := strings.CutPrefix(strings.ToLower(name), "heading ")
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < 1 || n > 9 {
		return 0
	}
	return n
}

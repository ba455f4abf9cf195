package docx

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// stylesXML is docgen's style sheet; see parts/styles.xml.
//
//go:embed parts/styles.xml
var stylesXML []byte

// The style ids of parts/styles.xml that the renderer uses. With a
// template, [sheet.id] maps them to the template's ids.
const (
	sNormal        = "Normal"
	sTitle         = "Title"
	sSubtitle      = "Subtitle"
	sTOCHeading    = "TOCHeading"
	sHeader        = "Header"
	sFooter        = "Footer"
	sListParagraph = "ListParagraph"
	sQuote         = "Quote"
	sCaption       = "Caption"
	sFootnoteText  = "FootnoteText"
	sFootnoteRef   = "FootnoteReference"
	sHyperlink     = "Hyperlink"
	sTableGrid     = "TableGrid"
	sTableText     = "TableText"
	sSourceCode    = "SourceCode"
	sVerbatim      = "VerbatimChar"
	sFigure        = "Figure"
	sDefTerm       = "DefinitionTerm"
	sDefinition    = "Definition"
	sRule          = "HorizontalRule"
)

// headingStyle returns the id of the style of a heading of Word level 1-6.
func headingStyle(level int) string { return "Heading" + strconv.Itoa(level) }

// tocStyle returns the id of the style of a table-of-contents entry.
func tocStyle(level int) string { return "TOC" + strconv.Itoa(level) }

// admonitionStyle returns the id of the paragraph style of an admonition
// kind; unknown kinds look like notes.
func admonitionStyle(kind string) string {
	switch kind {
	case "tip", "important", "warning", "caution":
		return "Admonition" + strings.ToUpper(kind[:1]) + kind[1:]
	}
	return "AdmonitionNote"
}

// styleDef is one style of a style sheet.
type styleDef struct {
	n              *node
	id, name, typ  string
	basedOn, next  *node
	link           *node
	defaultOfItsTy bool
}

// key identifies a style across style sheets: Word matches built-in styles
// by name, whatever their id (a German template calls heading 1
// "berschrift1").
func (s styleDef) key() string { return s.typ + "/" + strings.ToLower(s.name) }

// readStyles lists the styles of a styles part.
func readStyles(root *node) []styleDef {
	var out []styleDef
	for _, c := range root.Children {
		if !c.is("style") {
			continue
		}
		s := styleDef{n: c, id: c.attr(nsW, "styleId"), typ: c.attr(nsW, "type"), defaultOfItsTy: c.attr(nsW, "default") == "1"}
		if s.typ == "" {
			s.typ = "paragraph"
		}
		if nm := c.child("name"); nm != nil {
			s.name = nm.attr(nsW, "val")
		}
		if s.name == "" {
			s.name = s.id
		}
		s.basedOn, s.next, s.link = c.child("basedOn"), c.child("next"), c.child("link")
		out = append(out, s)
	}
	return out
}

var (
	ownOnce   sync.Once
	ownRoot   *node
	ownStyles []styleDef
	ownErr    error
)

// own returns docgen's style sheet, read once.
func own() (*node, []styleDef, error) {
	ownOnce.Do(func() {
		ownRoot, ownErr = scanXML(stylesXML)
		if ownErr == nil {
			ownStyles = readStyles(ownRoot)
		}
	})
	return ownRoot, ownStyles, ownErr
}

// sheet is the style sheet of one document: the styles part and the ids
// that docgen's style ids stand for in it.
type sheet struct {
	ids  map[string]string
	data []byte
	// tabs are the tab stops each style of the output sets, by id.
	tabs map[string][]int
}

// id returns the id in the output of docgen's style id.
func (s *sheet) id(own string) string {
	if id, ok := s.ids[own]; ok {
		return id
	}
	return own
}

// buildStyles returns the styles part: the template's styles part when
// tpl is not nil, with docgen's styles that it lacks added, else docgen's
// own; either way with the document language lang (when given) as the
// default language of the text.
func buildStyles(tpl []byte, lang string) (*sheet, error) {
	ownR, ours, err := own()
	if err != nil {
		return nil, fmt.Errorf("internal style sheet: %w", err)
	}
	base := stylesXML[ownR.Start:]
	if tpl != nil {
		base = tpl
	}
	root, err := scanXML(base)
	if err != nil {
		return nil, err
	}
	if root.Name.Space != nsW || root.Name.Local != "styles" {
		return nil, errNotTransitional
	}
	theirs := map[string]string{}
	used := map[string]bool{}
	for _, s := range readStyles(root) {
		if _, dup := theirs[s.key()]; !dup {
			theirs[s.key()] = s.id
		}
		used[s.id] = true
	}
	sh := &sheet{ids: map[string]string{}, tabs: map[string][]int{}}
	for _, s := range readStyles(root) {
		sh.tabs[s.id] = tabStops(s.n)
	}
	var missing []styleDef
	for _, s := range ours {
		if id, ok := theirs[s.key()]; ok {
			sh.ids[s.id] = id
			continue
		}
		id := s.id
		for n := 1; used[id]; n++ {
			id = s.id + "Docgen" + strconv.Itoa(n)
		}
		used[id] = true
		sh.ids[s.id] = id
		sh.tabs[id] = tabStops(s.n)
		missing = append(missing, s)
	}
	var add []byte
	for _, s := range missing {
		add = append(add, sh.restyle(s, tpl != nil)...)
	}
	decl := wPrefix(root)
	if add, err = declareW(add, decl); err != nil {
		return nil, err
	}
	edits := []edit{{at: root.InnerEnd, insert: add}}
	if lang != "" {
		edits = append(edits, langEdits(root, lang, decl)...)
	}
	if tpl == nil {
		base = append([]byte(xmlHeader), base...)
		for i := range edits {
			edits[i].at += len(xmlHeader)
		}
	}
	sh.data = splice(base, edits)
	return sh, nil
}

// tabStops returns the positions of the tab stops a style sets.
func tabStops(style *node) []int {
	var out []int
	if ppr := style.child("pPr"); ppr != nil {
		if tabs := ppr.child("tabs"); tabs != nil {
			for _, t := range tabs.Children {
				if pos, err := strconv.Atoi(t.attr(nsW, "pos")); err == nil && t.is("tab") && t.attr(nsW, "val") != "clear" {
					out = append(out, pos)
				}
			}
		}
	}
	return out
}

// restyle returns docgen's style s as it is added to the output: with the
// output's ids for itself and the styles it refers to, and, in a template,
// without the claim to be the default style of its type.
func (sh *sheet) restyle(s styleDef, inTemplate bool) []byte {
	at := s.n.Start
	start := string(stylesXML[s.n.Start:s.n.InnerStart])
	start = strings.Replace(start, `w:styleId="`+s.id+`"`, `w:styleId="`+sh.id(s.id)+`"`, 1)
	if inTemplate {
		start = strings.Replace(start, ` w:default="1"`, "", 1)
	}
	edits := []edit{{at: 0, del: s.n.InnerStart - at, insert: []byte(start)}}
	for _, ref := range []*node{s.basedOn, s.next, s.link} {
		if ref != nil {
			tag := "w:" + ref.Name.Local
			edits = append(edits, edit{at: ref.Start - at, del: ref.End - ref.Start, insert: []byte(`<` + tag + ` w:val="` + sh.id(ref.attr(nsW, "val")) + `"/>`)})
		}
	}
	return append([]byte("\n"), splice(stylesXML[at:s.n.End], edits)...)
}

// rPrAfterLang are the run properties that follow w:lang in CT_RPr.
var rPrAfterLang = []string{"eastAsianLayout", "specVanish", "oMath", "rPrChange"}

// langEdits sets w:lang in the default run properties of the styles part
// root: it replaces the language of an existing w:lang, keeping its East
// Asian and bidirectional languages, or adds the element, and the
// docDefaults, rPrDefault and rPr around it where they are missing.
func langEdits(root *node, lang, decl string) []edit {
	langEl := func(old *node) string {
		s := `<w:lang w:val="` + xmlReplacer.Replace(lang) + `"`
		if old != nil {
			for _, a := range []string{"eastAsia", "bidi"} {
				if v := old.attr(nsW, a); v != "" {
					s += ` w:` + a + `="` + xmlReplacer.Replace(v) + `"`
				}
			}
		}
		return s + "/>"
	}
	wrap := func(inner string, tags ...string) string {
		for i := len(tags) - 1; i >= 0; i-- {
			inner = "<w:" + tags[i] + ">" + inner + "</w:" + tags[i] + ">"
		}
		return inner
	}
	// into puts inner into n, as its first child, or after its children
	// when last is set; a self-closing element is rewritten whole.
	// first adds decl to the outermost element of an insertion.
	first := func(s string) string {
		i := strings.IndexAny(s[1:], " >/") + 1
		return s[:i] + decl + s[i:]
	}
	into := func(n *node, inner string, last bool) edit {
		if n.InnerStart == n.End {
			return edit{at: n.Start, del: n.End - n.Start, insert: []byte(first(wrap(inner, n.Name.Local)))}
		}
		if last {
			return edit{at: n.InnerEnd, insert: []byte(first(inner))}
		}
		return edit{at: n.InnerStart, insert: []byte(first(inner))}
	}
	dd := root.child("docDefaults")
	if dd == nil {
		return []edit{{at: root.InnerStart, insert: []byte(first(wrap(langEl(nil), "docDefaults", "rPrDefault", "rPr")))}}
	}
	rd := dd.child("rPrDefault")
	if rd == nil {
		return []edit{into(dd, wrap(langEl(nil), "rPrDefault", "rPr"), false)}
	}
	rp := rd.child("rPr")
	if rp == nil {
		return []edit{into(rd, wrap(langEl(nil), "rPr"), false)}
	}
	if old := rp.child("lang"); old != nil {
		return []edit{{at: old.Start, del: old.End - old.Start, insert: []byte(first(langEl(old)))}}
	}
	for _, c := range rp.Children {
		for _, after := range rPrAfterLang {
			if c.is(after) {
				return []edit{{at: c.Start, insert: []byte(first(langEl(nil)))}}
			}
		}
	}
	return []edit{into(rp, langEl(nil), true)}
}

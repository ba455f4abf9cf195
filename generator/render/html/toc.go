package html

import "github.com/docgen/docgen/generator/docmodel"

// tocID is the id of the table of contents' heading; docmodel reserves it,
// so no section has it.
const tocID = "page-toc"

// tocItem is an entry of the table of contents: a level-2 section with its
// level-3 sections, or a level-3 section that comes before the first
// level-2 one.
type tocItem struct {
	Text, ID string
	Children []tocItem
}

// buildTOC lists the level-2 and level-3 sections of d that have an anchor,
// wherever they are in the document.
func buildTOC(d *docmodel.Document) []tocItem {
	var toc []tocItem
	sawH2 := false
	for _, s := range docmodel.Sections(d) {
		if s.Anchor == "" {
			continue
		}
		item := tocItem{Text: docmodel.PlainText(s.Title), ID: s.Anchor}
		switch {
		case s.Level == 2:
			toc = append(toc, item)
			sawH2 = true
		case s.Level == 3 && sawH2:
			last := &toc[len(toc)-1]
			last.Children = append(last.Children, item)
		case s.Level == 3:
			toc = append(toc, item)
		}
	}
	return toc
}

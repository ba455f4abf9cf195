package docx

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgen/docgen/generator/docmodel"
)

// Estimates for sizing table columns, in twentieths of a point at the
// table text size: the width of a character of code (monospace), the cell
// margins (left and right together), and the widest a column's longest
// word may claim (a longer token is broken rather than squeezing the other
// columns).
const (
	// tableTextSize and smallTextSize are the sizes of table text, in
	// half-points: the Table Text style's, and the smaller one of tables
	// too wide for the page.
	tableTextSize = 19
	smallTextSize = 16
	codeCharWidth = 110
	cellPadding   = 2 * 85
	longestWord   = 2400
)

// charWidth estimates the width of a character of table text, generously
// enough for Calibri and for the fonts other word processors put in its
// place: capitals and digits are wider than small letters, punctuation
// narrower, East Asian characters an em.
func charWidth(r rune) int {
	switch {
	case r >= 'A' && r <= 'Z', r == 'm', r == 'w', r == 'M', r == 'W', r == '@', r == '%':
		return 130
	case r >= '0' && r <= '9':
		return 112
	case strings.ContainsRune(" .,;:'|!ilj()[]/-", r):
		return 60
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hangul, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
		return 190
	}
	return 102
}

// textWidth estimates the width of s in a table cell.
func textWidth(s string, code bool) int {
	if code {
		return utf8.RuneCountInString(s) * codeCharWidth
	}
	w := 0
	for _, r := range s {
		w += charWidth(r)
	}
	return w
}

// columnWidths sizes the columns of a table to fill width, the way browsers
// lay out tables: every column gets at least the width of its longest word
// (all of its text in date and port columns, which never break), and the
// rest of the width goes to the columns in proportion to how much wider
// their widest cell is.
//
// The estimates are for text of size (in half-points) against the table
// text's 9.5 pt; fits reports whether every word fits.
func columnWidths(t *docmodel.Table, width, size int) (widths []int, fits bool) {
	n := len(t.Columns)
	lo, hi := make([]float64, n), make([]float64, n)
	for i, col := range t.Columns {
		code := col.Kind == docmodel.CodeColumn
		// Headers are bold: a tenth wider.
		longest, word := measure(docmodel.PlainText(col.Header), false)
		longest, word = longest*11/10, word*11/10
		for _, r := range t.Rows {
			if i < len(r.Cells) {
				l, wd := measure(docmodel.PlainText(r.Cells[i].Content), code)
				longest, word = max(longest, l), max(word, wd)
			}
		}
		if noWrap(col.Kind) {
			word = longest
		}
		scale := float64(size) / tableTextSize
		hi[i] = float64(max(longest, codeCharWidth))*scale + cellPadding
		lo[i] = min(float64(min(max(word, codeCharWidth), longestWord))*scale+cellPadding, hi[i])
	}
	var sumLo, sumHi, fixedLo float64
	for i, col := range t.Columns {
		sumLo += lo[i]
		sumHi += hi[i]
		if noWrap(col.Kind) {
			fixedLo += lo[i]
		}
	}
	out := make([]int, n)
	w := float64(width)
	for i, col := range t.Columns {
		var x float64
		switch {
		case sumHi <= w:
			x = hi[i] * w / sumHi
		case sumLo < w:
			x = lo[i] + (hi[i]-lo[i])*(w-sumLo)/(sumHi-sumLo)
		case fixedLo < w/2 && sumLo > fixedLo:
			// Too narrow for every word: dates and ports keep their width,
			// the other columns break their words alike.
			x = lo[i]
			if !noWrap(col.Kind) {
				x = lo[i] * (w - fixedLo) / (sumLo - fixedLo)
			}
		default:
			x = lo[i] * w / sumLo
		}
		out[i] = int(x)
	}
	return out, sumLo <= w
}

// measure returns the estimated width of s and of its widest word.
func measure(s string, code bool) (all, word int) {
	for _, f := range strings.Fields(s) {
		word = max(word, textWidth(f, code))
	}
	return textWidth(s, code), word
}

// noWrap reports whether cells of a column kind must stay on one line.
func noWrap(k docmodel.ColumnKind) bool {
	return k == docmodel.DateColumn || k == docmodel.PortColumn
}

// cellAlign returns the paragraph alignment of a column.
func cellAlign(col docmodel.Column) string {
	switch col.Align {
	case docmodel.AlignCenter:
		return "center"
	case docmodel.AlignRight:
		return "right"
	case docmodel.AlignLeft:
		return ""
	}
	if col.Kind == docmodel.NumberColumn {
		return "right"
	}
	return ""
}

// table writes a table with its header row, which Word repeats at the top
// of every page the table runs onto. Rows do not break across pages.
func (b *builder) table(w *xw, t *docmodel.Table, c ctx) {
	b.grid(w, t, c, true)
}

// grid writes a table; header says whether the columns' headers form a
// header row, else the first column is marked as the row labels (the
// document-control block).
func (b *builder) grid(w *xw, t *docmodel.Table, c ctx, header bool) {
	n := len(t.Columns)
	if n == 0 {
		return
	}
	width := b.textWidth() - c.indent
	widths, fits := columnWidths(t, width, tableTextSize)
	size := 0
	if !fits {
		// A table whose words do not fit is set smaller, as a reviewer
		// would in Word, rather than breaking its words.
		widths, _ = columnWidths(t, width, smallTextSize)
		size = smallTextSize
	}
	// tblLook says which conditional formats of the table style apply:
	// the header row (0x0020) or the first column (0x0080); no banding
	// (0x0200, 0x0400).
	look, firstRow, firstCol := "0620", "1", "0"
	if !header {
		look, firstRow, firstCol = "0680", "0", "1"
	}
	w.open("w:tbl")
	w.open("w:tblPr")
	w.empty("w:tblStyle", "w:val", b.sh.id(sTableGrid))
	w.empty("w:tblW", "w:w", strconv.Itoa(width), "w:type", "dxa")
	if c.indent > 0 {
		w.empty("w:tblInd", "w:w", strconv.Itoa(c.indent), "w:type", "dxa")
	}
	w.empty("w:tblLayout", "w:type", "fixed")
	w.empty("w:tblLook", "w:val", look, "w:firstRow", firstRow, "w:lastRow", "0",
		"w:firstColumn", firstCol, "w:lastColumn", "0", "w:noHBand", "1", "w:noVBand", "1")
	w.close("w:tblPr")
	w.open("w:tblGrid")
	for _, wd := range widths {
		w.empty("w:gridCol", "w:w", strconv.Itoa(wd))
	}
	w.close("w:tblGrid")
	if header {
		w.open("w:tr")
		w.WriteString("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
		for i, col := range t.Columns {
			b.cell(w, col, widths[i], col.Header, true, false, size)
		}
		w.close("w:tr")
	}
	for _, r := range t.Rows {
		if r.Source.Line > 0 {
			b.line = r.Source.Line
		}
		w.open("w:tr")
		w.WriteString("<w:trPr><w:cantSplit/></w:trPr>")
		for i, col := range t.Columns {
			var content []docmodel.Inline
			if i < len(r.Cells) {
				content = r.Cells[i].Content
			}
			b.cell(w, col, widths[i], content, false, !header && i == 0, size)
		}
		w.close("w:tr")
	}
	w.close("w:tbl")
	// Word needs a paragraph between two tables, or they merge; one after
	// every table also keeps the next heading off the table's last row.
	w.WriteString("<w:p/>")
}

// cell writes one table cell. Cells of code columns that hold plain text
// are shown as code; empty cells show docmodel.EmptyCell. A size other
// than 0 sets the text size in half-points.
func (b *builder) cell(w *xw, col docmodel.Column, width int, content []docmodel.Inline, head, label bool, size int) {
	w.open("w:tc")
	w.open("w:tcPr")
	w.empty("w:tcW", "w:w", strconv.Itoa(width), "w:type", "dxa")
	if noWrap(col.Kind) {
		w.empty("w:noWrap")
	}
	w.close("w:tcPr")
	f := runFmt{bold: head || label, size: size}
	if len(content) == 0 {
		content = docmodel.Plain(docmodel.EmptyCell)
	} else if col.Kind == docmodel.CodeColumn && !head {
		if len(content) == 1 {
			if t, ok := content[0].(*docmodel.Text); ok {
				content = []docmodel.Inline{&docmodel.Code{Text: t.Text}}
			}
		}
	}
	b.paragraph(w, para{style: sTableText, jc: cellAlign(col)}, content, f)
	w.close("w:tc")
}

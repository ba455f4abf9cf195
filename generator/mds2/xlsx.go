package mds2

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render"
)

// Sheet names of the workbook.
const (
	CoverSheet   = "Cover"
	AnswersSheet = "MDS2"
)

// maxCell is the longest text docgen writes into one cell; spreadsheet
// programs hold at most 32767 characters. Longer notes are shortened with
// a pointer to mds2.json, which has them in full.
const maxCell = 32000

// XLSX renders the statement as a workbook: a cover sheet identifying the
// device and the statement, and a sheet laid out like the published form
// (section, question id, question, answer, note, spec paths), one row per
// question under a heading row per section. The workbook is deterministic:
// its document properties carry the date (render.DocumentDate, else the
// Unix epoch) and the parts
// are written in a fixed order, so the same statement gives the same bytes.
// Text is stored as text, never as formulas.
// Printed, each sheet fits the width of one page (A4, or US Letter when
// paper is "Letter"), landscape, with the header row repeated.
func (st *Statement) XLSX(date time.Time, paper string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", CoverSheet); err != nil {
		return nil, err
	}
	if _, err := f.NewSheet(AnswersSheet); err != nil {
		return nil, err
	}
	w := &sheetWriter{f: f}
	w.styles()
	w.cover(st)
	w.answers(st)
	w.page(CoverSheet, paper)
	w.page(AnswersSheet, paper)
	w.do(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: AnswersSheet + "!$1:$1", Scope: AnswersSheet}))
	dd := render.DocumentDate(date)
	if dd.IsZero() {
		dd = time.Unix(0, 0).UTC()
	}
	d := dd.Format(time.RFC3339)
	w.do(f.SetDocProps(&excelize.DocProperties{
		Title: clip(st.Title), Subject: clip(st.Cover.Device), Creator: clip(st.Cover.Manufacturer),
		Identifier: clip(st.Cover.Document), Revision: clip(st.Cover.Revision), Created: d, Modified: d,
		Description: msg.Get("mds2.xlsx.paraphrase"), Language: "en",
	}))
	idx, _ := f.GetSheetIndex(AnswersSheet)
	f.SetActiveSheet(idx)
	if w.err != nil {
		return nil, w.err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sheetWriter keeps the first error of a sequence of workbook calls.
type sheetWriter struct {
	f                       *excelize.File
	err                     error
	bold, head, wrap, title int
}

func (w *sheetWriter) do(err error) {
	if w.err == nil {
		w.err = err
	}
}

func (w *sheetWriter) style(s *excelize.Style) int {
	id, err := w.f.NewStyle(s)
	w.do(err)
	return id
}

func (w *sheetWriter) styles() {
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	w.wrap = w.style(&excelize.Style{Alignment: top})
	w.bold = w.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top})
	w.head = w.style(&excelize.Style{
		Font: &excelize.Font{Bold: true}, Alignment: top,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
	})
	w.title = w.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
}

// cell writes text into a cell as a string (never as a formula).
func (w *sheetWriter) cell(sheet string, col, row int, text string, style int) {
	name, err := excelize.CoordinatesToCellName(col, row)
	w.do(err)
	w.do(w.f.SetCellStr(sheet, name, cellText(text)))
	if style != 0 {
		w.do(w.f.SetCellStyle(sheet, name, name, style))
	}
}

func (w *sheetWriter) cover(st *Statement) {
	c := st.Cover
	sum := st.Summary()
	w.cell(CoverSheet, 1, 1, st.Title, w.title)
	rows := [][2]string{
		{msg.Get("mds2.cover.form"), st.Form},
		{msg.Get("control.device"), c.Device},
		{msg.Get("control.manufacturer"), c.Manufacturer},
		{msg.Get("control.model"), c.Model},
		{msg.Get("control.version"), c.Version},
		{msg.Get("control.document"), c.Document},
		{msg.Get("control.revision"), c.Revision},
		{msg.Get("control.date"), c.Date},
		{msg.Get("mds2.cover.answered"), summaryLine(sum)},
		{msg.Get("mds2.cover.note"), msg.Get("mds2.xlsx.paraphrase")},
	}
	coverWidths := []float64{24, 90}
	for i, r := range rows {
		w.cell(CoverSheet, 1, i+3, r[0], w.bold)
		w.cell(CoverSheet, 2, i+3, r[1], w.wrap)
		w.do(w.f.SetRowHeight(CoverSheet, i+3, rowHeight(r[:], coverWidths)))
	}
	w.do(w.f.SetSheetDimension(CoverSheet, "A1:B"+strconv.Itoa(len(rows)+2)))
	w.do(w.f.SetColWidth(CoverSheet, "A", "B", coverWidths[0]))
	w.do(w.f.SetColWidth(CoverSheet, "B", "B", coverWidths[1]))
}

// page sets a sheet's print layout: landscape, one page wide.
func (w *sheetWriter) page(sheet, paper string) {
	size, landscape, one, any := 9, "landscape", 1, 0 // 9 is A4 in SpreadsheetML
	if strings.EqualFold(paper, "Letter") {
		size = 1
	}
	fit := true
	w.do(w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	w.do(w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}))
}

// widths are the widths of the answers sheet's columns, in characters.
var widths = []float64{8, 11, 45, 10, 70, 30}

func (w *sheetWriter) answers(st *Statement) {
	for i, h := range header() {
		w.cell(AnswersSheet, i+1, 1, h, w.head)
		col, _ := excelize.ColumnNumberToName(i + 1)
		w.do(w.f.SetColWidth(AnswersSheet, col, col, widths[i]))
	}
	row := 2
	for _, sec := range st.Sections {
		w.cell(AnswersSheet, 1, row, sec.Code, w.bold)
		w.cell(AnswersSheet, 3, row, sec.Title, w.bold)
		row++
		for _, r := range sec.Questions {
			cells := r.row()
			for i, text := range cells {
				w.cell(AnswersSheet, i+1, row, text, w.wrap)
			}
			ws := widths
			if r.Value {
				// An information item's text spans the answer and note
				// columns, which it has to itself.
				d, _ := excelize.CoordinatesToCellName(4, row)
				e, _ := excelize.CoordinatesToCellName(5, row)
				w.do(w.f.MergeCell(AnswersSheet, d, e))
				ws = []float64{widths[0], widths[1], widths[2], widths[3] + widths[4], widths[4], widths[5]}
			}
			w.do(w.f.SetRowHeight(AnswersSheet, row, rowHeight(cells, ws)))
			row++
		}
	}
	w.do(w.f.SetSheetDimension(AnswersSheet, "A1:F"+strconv.Itoa(row-1)))
	w.do(w.f.SetPanes(AnswersSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	w.do(w.f.AutoFilter(AnswersSheet, "A1:F"+strconv.Itoa(row-1), nil))
}

// Row heights, in points: one line of the default font, and the most a
// spreadsheet row may have.
const (
	lineHeight = 15
	maxHeight  = 409
)

// rowHeight estimates the height a row of wrapped cells needs, so that the
// workbook shows and prints every line without relying on the reading
// program to fit the rows (LibreOffice, for one, does not). A line holds
// about as many characters as the column is wide.
func rowHeight(cells []string, widths []float64) float64 {
	lines := 1
	for i, c := range cells {
		n := 0
		for _, para := range strings.Split(clip(c), "\n") {
			n += max(1, (utf8.RuneCountInString(para)+int(widths[i])-2)/max(int(widths[i])-1, 1))
		}
		lines = max(lines, n)
	}
	return min(float64(lines*lineHeight), maxHeight)
}

// escapeRE matches a literal that SpreadsheetML would read as an escaped
// character, such as _x0041_.
var escapeRE = regexp.MustCompile(`^_x[0-9A-Fa-f]{4}_`)

// cellText prepares text for a cell as SpreadsheetML's string escapes
// want: characters XML 1.0 cannot carry (control characters) are written
// _xHHHH_, and an underscore that would start such an escape is written
// _x005F_, so that spreadsheet programs show the text exactly. (excelize
// does this for inline strings but not for shared strings, which SetCellStr
// writes; its tests pin the behaviour.)
func cellText(s string) string {
	s = clip(s)
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '_' && escapeRE.MatchString(s[i:]):
			b.WriteString("_x005F_")
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			fmt.Fprintf(&b, "_x%04X_", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// clip shortens text that does not fit in a cell.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxCell {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:maxCell])) + " " + msg.Format("mds2.xlsx.clipped", JSONFile)
}

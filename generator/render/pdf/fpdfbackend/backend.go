package fpdfbackend

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/go-pdf/fpdf"

	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// Backend writes PDF with fpdf. The zero value is ready to use.
type Backend struct{}

var _ layout.Backend = Backend{}

// Write writes d to w as PDF. Text must hold only characters of the Basic
// Multilingual Plane that its face has; images that are not PNG or JPEG
// are left out.
func (Backend) Write(w io.Writer, d *layout.Document) error {
	if len(d.Pages) == 0 {
		return errors.New("fpdfbackend: the document has no pages")
	}
	first := d.Pages[0].Template
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: first.Width, Ht: first.Height}})
	s := &state{f: f, doc: d, lastH: d.Pages[len(d.Pages)-1].Template.Height}
	s.setup()
	s.addFonts()
	s.addImages()
	for n, p := range d.Pages {
		s.page(n+1, p)
	}
	if len(d.Attachments) > 0 {
		as := make([]fpdf.Attachment, len(d.Attachments))
		for i, a := range d.Attachments {
			as[i] = fpdf.Attachment{Content: a.Data, Filename: text(a.Name), Description: text(a.Description)}
		}
		f.SetAttachments(as)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return fmt.Errorf("fpdfbackend: %w", err)
	}
	out, err := fixup(buf.Bytes(), patch{attachments: len(d.Attachments), outline: OutlineCounts(s.levels),
		remote: s.remote, dests: s.namedDests()})
	if err != nil {
		return fmt.Errorf("fpdfbackend: %w", err)
	}
	_, err = w.Write(out)
	return err
}

// state is the writer's state: fpdf and the graphics state last set, so
// that unchanged settings are not written again.
type state struct {
	f     *fpdf.Fpdf
	doc   *layout.Document
	lastH float64 // height of the last page, see mark
	links map[layout.Target]int
	// levels are the levels of the outline entries written.
	levels []int
	// remote are the targets of the links to other files, in the order
	// written; dests the named destinations, first of a name first.
	remote  []remoteLink
	dests   []namedDest
	destSet map[string]bool
	hasFont [len(faceKeys)]bool

	face      fonts.Face
	size      float64
	text      layout.Color
	fill      layout.Color
	draw      layout.Color
	lineWidth float64
	dashed    bool
	fontSet   bool
	images    map[string]string // key -> fpdf image type, for images that load
}

// faceKeys are the fpdf family names of the faces.
var faceKeys = [...]string{"dejavusans", "dejavusansbold", "dejavusansoblique", "dejavusansboldoblique", "dejavusansmono"}

func (s *state) setup() {
	f, info := s.f, &s.doc.Info
	// Page contents are compressed by fixup, with less memory.
	f.SetCompression(false)
	f.SetCatalogSort(true)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCellMargin(0)
	f.SetCreationDate(info.Created.UTC())
	f.SetModificationDate(info.Modified.UTC())
	if info.Producer != "" {
		f.SetProducer(text(info.Producer), true)
	}
	if info.Creator != "" {
		f.SetCreator(text(info.Creator), true)
	}
	if info.Title != "" {
		f.SetTitle(text(info.Title), true)
	}
	if info.Author != "" {
		f.SetAuthor(text(info.Author), true)
	}
	if info.Subject != "" {
		f.SetSubject(text(info.Subject), true)
	}
	if info.Keywords != "" {
		f.SetKeywords(text(info.Keywords), true)
	}
	if lang := langTag(info.Lang); lang != "" {
		f.SetLang(lang)
	}
	s.links = map[layout.Target]int{}
	s.destSet = map[string]bool{}
	s.text, s.fill, s.draw = layout.Black, layout.None, layout.None
	s.lineWidth = -1
}

// addFonts embeds the faces the document uses, and the regular face if the
// outline needs a font to encode its titles.
func (s *state) addFonts() {
	for _, p := range s.doc.Pages {
		for _, op := range p.Ops {
			switch o := op.(type) {
			case layout.Text:
				if int(o.Face) < len(faceKeys) {
					s.hasFont[o.Face] = true
				}
			case layout.Mark:
				s.hasFont[fonts.Regular] = true
			}
		}
	}
	for i, key := range faceKeys {
		if s.hasFont[i] {
			// fpdf writes into the font data it is given while it cuts the
			// subset (when it reads the metrics of glyphs past the last full
			// horizontal metric, it appends to a slice of the data), so it
			// gets a copy: the embedded fonts must stay as they are, or the
			// next document would come out different.
			s.f.AddUTF8FontFromBytes(key, "", bytes.Clone(fonts.Face(i).TTF()))
		}
	}
}

func (s *state) page(n int, p *layout.Page) {
	f := s.f
	f.AddPageFormat("P", fpdf.SizeType{Wd: p.Template.Width, Ht: p.Template.Height})
	// fpdf starts every page with its own defaults; forget ours.
	s.fontSet = false
	s.text, s.fill, s.draw = layout.Black, layout.None, layout.None
	s.lineWidth, s.dashed = -1, false
	f.SetTextColor(0, 0, 0)
	for _, op := range p.Ops {
		switch o := op.(type) {
		case layout.Text:
			s.drawText(o)
		case layout.Rect:
			s.drawRect(o)
		case layout.Path:
			s.drawPath(o)
		case layout.Image:
			s.drawImage(o)
		case layout.Link:
			s.drawLink(o)
		case layout.Mark:
			s.mark(p, o)
		case layout.Anchor:
			if !s.destSet[o.Name] {
				s.destSet[o.Name] = true
				s.dests = append(s.dests, namedDest{name: o.Name, page: n, y: p.Template.Height - o.Y})
			}
		}
	}
}

// namedDests returns the named destinations sorted by name, as a name tree
// lists them.
func (s *state) namedDests() []namedDest {
	out := append([]namedDest(nil), s.dests...)
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

func (s *state) drawText(o layout.Text) {
	if o.S == "" || int(o.Face) >= len(faceKeys) || !s.hasFont[o.Face] {
		return
	}
	if !s.fontSet || o.Face != s.face || o.Size != s.size {
		s.f.SetFont(faceKeys[o.Face], "", o.Size)
		s.face, s.size, s.fontSet = o.Face, o.Size, true
	}
	if o.Color != s.text {
		r, g, b := o.Color.RGB()
		s.f.SetTextColor(int(r), int(g), int(b))
		s.text = o.Color
	}
	s.f.Text(o.X, o.Y, o.S)
}

// style sets fill and stroke and returns fpdf's style string, or "" if
// there is nothing to draw.
func (s *state) style(fill, stroke layout.Color, width float64, dash []float64) string {
	st := ""
	if fill != layout.None {
		if fill != s.fill {
			r, g, b := fill.RGB()
			s.f.SetFillColor(int(r), int(g), int(b))
			s.fill = fill
		}
		st = "F"
	}
	if stroke != layout.None && width > 0 {
		if stroke != s.draw {
			r, g, b := stroke.RGB()
			s.f.SetDrawColor(int(r), int(g), int(b))
			s.draw = stroke
		}
		if width != s.lineWidth {
			s.f.SetLineWidth(width)
			s.lineWidth = width
		}
		if len(dash) > 0 {
			s.f.SetDashPattern(dash, 0)
			s.dashed = true
		} else if s.dashed {
			s.f.SetDashPattern([]float64{}, 0)
			s.dashed = false
		}
		st += "D"
	}
	return st
}

func (s *state) drawRect(o layout.Rect) {
	st := s.style(o.Fill, o.Stroke, o.LineWidth, o.Dash)
	if st == "" || o.W <= 0 || o.H <= 0 {
		return
	}
	if o.Radius > 0 {
		r := min(o.Radius, o.W/2, o.H/2)
		s.f.RoundedRect(o.X, o.Y, o.W, o.H, r, "1234", st)
		return
	}
	s.f.Rect(o.X, o.Y, o.W, o.H, st)
}

func (s *state) drawPath(o layout.Path) {
	if len(o.Points) < 2 {
		return
	}
	st := s.style(o.Fill, o.Stroke, o.LineWidth, o.Dash)
	if st == "" {
		return
	}
	if !o.Closed {
		st = strings.ReplaceAll(st, "F", "")
		if st == "" {
			return
		}
	}
	s.f.MoveTo(o.Points[0].X, o.Points[0].Y)
	for _, p := range o.Points[1:] {
		s.f.LineTo(p.X, p.Y)
	}
	if o.Closed {
		s.f.ClosePath()
	}
	s.f.DrawPath(st)
}

func (s *state) drawLink(o layout.Link) {
	if o.W <= 0 || o.H <= 0 {
		return
	}
	if o.URL != "" {
		s.f.LinkString(o.X, o.Y, o.W, o.H, uri(o.URL))
		return
	}
	if o.File != "" {
		if o.Dest == "" {
			return
		}
		s.f.LinkString(o.X, o.Y, o.W, o.H, remoteMarker(len(s.remote)))
		s.remote = append(s.remote, remoteLink{file: o.File, dest: o.Dest})
		return
	}
	if o.Page < 1 || o.Page > len(s.doc.Pages) {
		return
	}
	t := layout.Target{Page: o.Page, Y: o.DestY}
	id, ok := s.links[t]
	if !ok {
		id = s.f.AddLink()
		s.f.SetLink(id, o.DestY, o.Page)
		s.links[t] = id
	}
	s.f.Link(o.X, o.Y, o.W, o.H, id)
}

// mark adds an outline entry. fpdf computes the position of every entry
// with the height of the last page, so the height is corrected for pages of
// another size.
func (s *state) mark(p *layout.Page, o layout.Mark) {
	if !s.fontSet {
		s.f.SetFont(faceKeys[fonts.Regular], "", 10)
		s.face, s.size, s.fontSet = fonts.Regular, 10, true
	}
	s.f.Bookmark(text(o.Title), o.Level, o.Y+s.lastH-p.Template.Height)
	s.levels = append(s.levels, o.Level)
}

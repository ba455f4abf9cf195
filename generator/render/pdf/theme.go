package pdf

import (
	"strings"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// Paper sizes in points.
var (
	sizeA4     = [2]float64{595.28, 841.89}
	sizeLetter = [2]float64{612, 792}
)

// paper returns the page size for name: "A4" by default, or "Letter". A
// document keeps its paper size throughout; wide content goes on pages
// turned to landscape.
func paper(name string) [2]float64 {
	if strings.EqualFold(strings.TrimSpace(name), "letter") {
		return sizeLetter
	}
	return sizeA4
}

// Page margins in points. The running header sits in the top margin, the
// footer in the bottom one.
const (
	marginTop    = 74
	marginBottom = 66
	marginSide   = 64
	draftBase    = 28 // baseline of the draft notice
	headerBase   = 44 // baseline of the running header
	headerRule   = 51
	footerBase   = 38 // distance of the footer baseline from the bottom edge
)

// template returns a page template of size w × h with the standard margins.
func template(w, h float64) *layout.Template {
	return &layout.Template{Width: w, Height: h, Top: marginTop, Bottom: marginBottom, Left: marginSide, Right: marginSide}
}

// Colours.
var (
	colorText      = layout.RGB(0x1a, 0x1a, 0x1a)
	colorHeading   = layout.RGB(0x1f, 0x38, 0x64)
	colorMuted     = layout.RGB(0x5f, 0x63, 0x68)
	colorLink      = layout.RGB(0x1a, 0x5a, 0xa6)
	colorRule      = layout.RGB(0xc5, 0xcb, 0xd3)
	colorCodeBack  = layout.RGB(0xf3, 0xf4, 0xf6)
	colorCodeLine  = layout.RGB(0xdd, 0xe1, 0xe6)
	colorCodeText  = layout.RGB(0x24, 0x29, 0x2e)
	colorInline    = layout.RGB(0xee, 0xf0, 0xf3)
	colorTableHead = layout.RGB(0xdf, 0xe6, 0xef)
	colorStripe    = layout.RGB(0xf5, 0xf7, 0xfa)
	colorQuoteBack = layout.RGB(0xf6, 0xf7, 0xf9)
	colorQuoteBar  = layout.RGB(0x9a, 0xa1, 0xab)
)

// alertLook is how an admonition of one kind looks.
type alertLook struct {
	// color is that of the bar and the title, back the background, border
	// the outline (None for none).
	color, back, border layout.Color
	// symbol starts the title.
	symbol string
}

// alertLooks are the looks of the admonition kinds, in GitHub's colours.
// Warnings and cautions, which an IfU must not let a reader miss, have a
// border in their colour as well.
var alertLooks = map[docmodel.AdmonitionKind]alertLook{
	docmodel.Note:      {color: layout.RGB(0x1f, 0x6f, 0xc5), back: layout.RGB(0xed, 0xf4, 0xfb), border: layout.None, symbol: "ℹ"},
	docmodel.Tip:       {color: layout.RGB(0x1a, 0x7f, 0x37), back: layout.RGB(0xec, 0xf6, 0xee), border: layout.None, symbol: "★"},
	docmodel.Important: {color: layout.RGB(0x82, 0x50, 0xdf), back: layout.RGB(0xf4, 0xef, 0xfc), border: layout.None, symbol: "❢"},
	docmodel.Warning:   {color: layout.RGB(0x9a, 0x67, 0x00), back: layout.RGB(0xff, 0xf6, 0xdc), border: layout.RGB(0x9a, 0x67, 0x00), symbol: "⚠"},
	docmodel.Caution:   {color: layout.RGB(0xc4, 0x2b, 0x1c), back: layout.RGB(0xfd, 0xec, 0xea), border: layout.RGB(0xc4, 0x2b, 0x1c), symbol: "⚠"},
}

// colorDraft is the colour of the draft notice.
var colorDraft = layout.RGB(0xc4, 0x2b, 0x1c)

// Type sizes in points and line heights as multiples of the size.
const (
	sizeBody     = 9.5
	sizeSmall    = 8
	sizeCode     = 8.2
	sizeTable    = 8.2
	sizeFootnote = 8
	sizeHeader   = 7.5
	sizeDraft    = 8.5
	sizeCaption  = 8
	sizeTitle    = 24
	sizeSubtitle = 13
	leadBody     = 1.45
	leadCode     = 1.35
	leadTable    = 1.3
	leadHeading  = 1.25
)

// headingSizes are the sizes of h1 to h6.
var headingSizes = [7]float64{0, 17, 13.5, 11.2, 10, 9.5, 9.5}

// headingSpace is the space above a heading of each level.
var headingSpace = [7]float64{0, 20, 18, 13, 11, 9, 9}

// Vertical spacing between blocks.
const (
	spacePara     = 6.5
	spaceListItem = 2.5
	spaceBlock    = 9
	spaceFigure   = 12
	indentList    = 17
	indentQuote   = 12
	padCode       = 6
	padQuote      = 6
)

// tableScales are the sizes tried for the text of a table too wide for
// the column, as fractions of sizeTable: down to 6 pt.
var tableScales = []float64{1, 0.94, 0.88, 0.83, 0.78, 0.73}

// styles interns text styles so that equal styles share one pointer and
// merge into one text operation. Styles differ mostly in their structure
// element (every table cell has its own), so they are interned in two
// steps: the look, then the look with the element, keyed by two pointers.
type styles struct {
	looks  map[layout.Style]*layout.Style
	tagged map[taggedStyle]*layout.Style
}

type taggedStyle struct {
	look *layout.Style
	tag  *layout.Elem
}

func newStyles() *styles {
	return &styles{looks: map[layout.Style]*layout.Style{}, tagged: map[taggedStyle]*layout.Style{}}
}

func (s *styles) get(st layout.Style) *layout.Style {
	tag := st.Tag
	st.Tag = nil
	look, ok := s.looks[st]
	if !ok {
		look = &st
		s.looks[st] = look
	}
	if tag == nil {
		return look
	}
	k := taggedStyle{look, tag}
	if p, ok := s.tagged[k]; ok {
		return p
	}
	p := *look
	p.Tag = tag
	s.tagged[k] = &p
	return &p
}

// plain returns the style of ordinary text in face at size.
func plain(face fonts.Face, size float64, color layout.Color) layout.Style {
	return layout.Style{Face: face, Size: size, Color: color, Back: layout.None}
}

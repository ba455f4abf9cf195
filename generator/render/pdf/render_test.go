package pdf

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/docgen/docgen/generator/diagram"
	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/spec"
)

// exampleDiagram builds the network diagram of an example device.
func exampleDiagram(t testing.TB, name string) *diagram.Diagram {
	t.Helper()
	s, err := spec.Load("../../../examples/" + name + "/device.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := diagram.Build(s)
	if err != nil || d == nil {
		t.Fatalf("diagram: %v", err)
	}
	return d
}

// docgenMeta sets the metadata as docgen build does.
func docgenMeta(m *docmodel.Meta) {
	m.Name = "admin-guide"
	m.Subject = "Cybersecurity documentation"
	m.Author = "Meridian Imaging Systems GmbH"
	m.Keywords = []string{"cybersecurity", "MDR"}
	m.ID, m.Revision = "MIS-CYB-0412-ADM", "D"
	m.Date = time.Date(2026, 10, 15, 0, 0, 0, 0, time.UTC)
	m.Language = "en"
	m.Control = []docmodel.Field{
		{Name: "Device", Value: "Meridian ViewPoint RX"},
		{Name: "Document", Value: "MIS-CYB-0412-ADM"},
		{Name: "Revision", Value: "D"},
	}
}

// docgenOptions are options as docgen build passes them.
func docgenOptions(t testing.TB) render.Options {
	d := exampleDiagram(t, "imaging-workstation")
	var svg bytes.Buffer
	if err := d.WriteSVG(&svg); err != nil {
		t.Fatal(err)
	}
	return render.Options{
		TitlePage: true,
		Generator: "docgen test",
		Assets:    map[string]render.Asset{"network-diagram.svg": {Data: svg.Bytes(), Diagram: d}},
		Attachments: []render.Attachment{{Name: "sbom.cdx.json", Description: "Software bill of materials",
			MediaType: "application/json", Data: []byte(`{"bomFormat":"CycloneDX"}`)}},
	}
}

func readFixture(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestExamples renders docgen documents with every option set and checks
// the result as a reader would: valid, with metadata, attachment,
// bookmarks to the right pages, all text present and nothing reported.
func TestExamples(t *testing.T) {
	for _, name := range []string{"admin-guide.md", "network-admin-guide.md"} {
		t.Run(name, func(t *testing.T) {
			md := readFixture(t, name)
			d := readMD(t, md, docgenMeta)
			data, warns := renderDoc(t, d, docgenOptions(t))
			if len(warns) > 0 {
				t.Errorf("warnings: %v", warns)
			}
			ctx := readPDF(t, data)
			if ctx.PageCount < 8 {
				t.Errorf("%d pages", ctx.PageCount)
			}
			info := infoDict(t, ctx)
			title := strings.TrimPrefix(strings.SplitN(md, "\n", 2)[0], "# ")
			for key, want := range map[string]string{"Title": title, "Author": "Meridian Imaging Systems GmbH",
				"Subject": "Cybersecurity documentation", "Keywords": "cybersecurity, MDR", "CreationDate": "D:20261015000000+00'00'",
				"Creator": "docgen test"} {
				if got := infoString(t, info, key); got != want {
					t.Errorf("/%s = %q, want %q", key, got, want)
				}
			}
			if lang := ctx.RootDict.StringEntry("Lang"); lang == nil || *lang != "en" {
				t.Errorf("/Lang = %v", lang)
			}
			atts, err := ctx.ListAttachments()
			if err != nil || len(atts) != 1 || atts[0].FileName != "sbom.cdx.json" {
				t.Errorf("attachments %+v, %v", atts, err)
			}
			text := pageTexts(t, data)
			all := strings.Join(text, "\n")
			// A table row split across pages continues its cells on the
			// next page, after the row's other cells: the words are looked
			// for wherever they are.
			for _, line := range strings.Split(modelText(d), "\n") {
				if w := missingWords(line, all); w != "" {
					t.Errorf("%q is not in the PDF text", w)
				}
			}
			if !strings.Contains(text[len(text)-1], "Page "+strconv.Itoa(ctx.PageCount)+" of "+strconv.Itoa(ctx.PageCount)) {
				t.Errorf("last page footer missing: %q", text[len(text)-1])
			}
			checkBookmarks(t, ctx, text)
		})
	}
}

// checkBookmarks checks that every bookmark leads to the page that shows
// its title.
func checkBookmarks(t *testing.T, ctx *model.Context, text []string) {
	t.Helper()
	bms, err := pdfcpu.Bookmarks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	var walk func(bs []pdfcpu.Bookmark)
	walk = func(bs []pdfcpu.Bookmark) {
		for _, b := range bs {
			n++
			if b.PageFrom < 1 || b.PageFrom > len(text) || !strings.Contains(strings.Join(strings.Fields(text[b.PageFrom-1]), " "), b.Title) {
				t.Errorf("bookmark %q leads to page %d, which does not show it", b.Title, b.PageFrom)
			}
			walk(b.Kids)
		}
	}
	walk(bms)
	if n < 5 {
		t.Errorf("only %d bookmarks", n)
	}
}

func infoDict(t *testing.T, ctx *model.Context) types.Dict {
	t.Helper()
	d, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func infoString(t *testing.T, d types.Dict, key string) string {
	t.Helper()
	o, ok := d.Find(key)
	if !ok {
		return ""
	}
	s, err := types.StringOrHexLiteral(o)
	if err != nil || s == nil {
		t.Fatalf("/%s: %v", key, err)
	}
	return *s
}

// modelText returns the text of a document a reader expects to see in the
// PDF, in order: the body, then the footnotes. (BlocksText separates table
// cells by " | ", which the PDF does not show.)
func modelText(d *docmodel.Document) string {
	text := docmodel.BlocksText(d.Body)
	for _, fn := range d.Footnotes {
		text += "\n" + docmodel.BlocksText(fn.Blocks)
	}
	return strings.ReplaceAll(text, " | ", "\n")
}

// TestDeterminism renders the same document twice: the bytes must be
// the same.
func TestDeterminism(t *testing.T) {
	md := readFixture(t, "network-admin-guide.md")
	a, _ := renderMD(t, md, docgenOptions(t), docgenMeta)
	b, _ := renderMD(t, md, docgenOptions(t), docgenMeta)
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings differ")
	}
	if bytes.Contains(a, []byte("/ID [()()]")) || !bytes.Contains(a, []byte("/ID [<")) {
		t.Error("no file identifier, or an empty one")
	}
}

// TestDates checks where the document dates come from.
func TestDates(t *testing.T) {
	date := func(t *testing.T, when time.Time) string {
		data, _ := renderMD(t, "Text.\n", render.Options{}, func(m *docmodel.Meta) { m.Date = when })
		return infoString(t, infoDict(t, readPDF(t, data)), "ModDate")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	if got := date(t, time.Time{}); got != "D:19700101000000+00'00'" {
		t.Errorf("default date %q", got)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	if got := date(t, time.Time{}); got != "D:20231114221320+00'00'" {
		t.Errorf("SOURCE_DATE_EPOCH date %q", got)
	}
	if got := date(t, time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("CET", 3600))); got != "D:20260102020405+00'00'" {
		t.Errorf("document date %q", got)
	}
}

// TestPageSize checks A4 and Letter.
func TestPageSize(t *testing.T) {
	for size, want := range map[string][2]float64{"": {595.28, 841.89}, "A4": {595.28, 841.89}, "letter": {612, 792}} {
		data, _ := renderMD(t, "# T\n\nText.\n", render.Options{PageSize: size})
		ctx := readPDF(t, data)
		dims, err := ctx.PageDims()
		if err != nil {
			t.Fatal(err)
		}
		if d := dims[0]; d.Width != want[0] || d.Height != want[1] {
			t.Errorf("%q: %v x %v", size, d.Width, d.Height)
		}
	}
}

// TestEULanguages renders a sentence in each of the 24 official languages
// of the EU and reads it back from the PDF.
func TestEULanguages(t *testing.T) {
	sentences := map[string]string{
		"bg": "Устройството трябва да се актуализира редовно.",
		"cs": "Zařízení musí být pravidelně aktualizováno – příliš žluťoučký kůň.",
		"da": "Enheden skal opdateres regelmæssigt; blåbærsyltetøj og æbler.",
		"de": "Das Gerät muss regelmäßig aktualisiert werden; Größe, Übergänge.",
		"el": "Η συσκευή πρέπει να ενημερώνεται τακτικά· ψυχή, ξέφωτο.",
		"en": "The device must be updated regularly.",
		"es": "El dispositivo debe actualizarse con regularidad; ¿señal? ¡Sí!",
		"et": "Seadet tuleb regulaarselt uuendada; öö, õun, äär, üks.",
		"fi": "Laite on päivitettävä säännöllisesti; hääyö, öljy.",
		"fr": "L’appareil doit être mis à jour régulièrement ; Œuvre, garçon, « déjà ».",
		"ga": "Ní mór an gléas a nuashonrú go rialta; Éire, fáilte, dúnadh.",
		"hr": "Uređaj se mora redovito ažurirati; čćđšž ČĆĐŠŽ.",
		"hu": "Az eszközt rendszeresen frissíteni kell; árvíztűrő tükörfúrógép.",
		"it": "Il dispositivo deve essere aggiornato regolarmente; perché, città.",
		"lt": "Įrenginys turi būti reguliariai atnaujinamas; ąčęėįšųūž.",
		"lv": "Ierīce ir regulāri jāatjaunina; āčēģīķļņšūž.",
		"mt": "L-apparat għandu jiġi aġġornat regolarment; ċ, ġ, ħ, ż.",
		"nl": "Het apparaat moet regelmatig worden bijgewerkt; ĳs, café, reeën.",
		"pl": "Urządzenie musi być regularnie aktualizowane; zażółć gęślą jaźń.",
		"pt": "O dispositivo deve ser atualizado regularmente; ação, pão, você.",
		"ro": "Dispozitivul trebuie actualizat în mod regulat; științe, țară, ăâî.",
		"sk": "Zariadenie sa musí pravidelne aktualizovať; ďťňľŕĺô ä.",
		"sl": "Naprava mora biti redno posodobljena; čšž ČŠŽ.",
		"sv": "Enheten måste uppdateras regelbundet; räksmörgås, ÅÄÖ.",
	}
	if len(sentences) != 24 {
		t.Fatalf("%d languages", len(sentences))
	}
	for lang, s := range sentences {
		md := "# " + lang + "\n\n" + s + "\n\n**" + s + "**\n\n*" + s + "*\n\n***" + s + "***\n\n`" + s + "`\n"
		data, warns := renderMD(t, md, render.Options{}, func(m *docmodel.Meta) { m.Language = lang })
		if len(warns) > 0 {
			t.Errorf("%s: %v", lang, warns)
		}
		if got := readPDF(t, data).RootDict.StringEntry("Lang"); got == nil || *got != lang {
			t.Errorf("%s: /Lang = %v", lang, got)
		}
		text := allText(t, data)
		if n := strings.Count(strings.ReplaceAll(text, "\n", " "), s); n < 5 {
			t.Errorf("%s: %q found %d times in %q", lang, s, n, text)
		}
	}
}

// TestMissingGlyphs checks that characters the fonts lack are replaced
// visibly and reported with their line, never a crash.
func TestMissingGlyphs(t *testing.T) {
	md := "# Title\n\nChinese 中文 here.\n\nEmoji 😀 and `code 😀` and **bold 😀**.\n\n| a | b |\n| - | - |\n| 漢 | x |\n"
	data, warns := renderMD(t, md, render.Options{TitlePage: true}, func(m *docmodel.Meta) {
		m.Control = []docmodel.Field{{Name: "Name", Value: "値"}}
	})
	text := allText(t, data)
	if !strings.Contains(text, "Chinese \uFFFD\uFFFD here.") || !strings.Contains(text, "Emoji \uFFFD and ") {
		t.Errorf("not replaced: %q", text)
	}
	lines := map[int]bool{}
	for _, w := range warns {
		lines[w.Line] = true
		if !strings.Contains(w.Message, "U+") {
			t.Errorf("warning without the character: %v", w)
		}
	}
	for _, l := range []int{3, 5, 9, 0} {
		if !lines[l] {
			t.Errorf("no warning for line %d: %v", l, warns)
		}
	}
}

// TestInvalidUTF8 checks that text that is not valid UTF-8 (which
// markdown.Read refuses, but a document built in code may hold) gives a
// PDF and a warning with the block's line.
func TestInvalidUTF8(t *testing.T) {
	d := &docmodel.Document{Meta: docmodel.Meta{Title: "T\xff"}, Body: []docmodel.Block{
		&docmodel.Paragraph{Content: docmodel.Plain("ok")},
		&docmodel.Paragraph{Node: docmodel.Node{Source: docmodel.Provenance{Line: 3}}, Content: docmodel.Plain("bad \xff\xfe byte")},
	}}
	data, warns := renderDoc(t, d, render.Options{})
	if len(warns) != 2 || warns[0].Line != 3 || warns[1].Line != 0 {
		t.Errorf("warnings %v", warns)
	}
	if text := allText(t, data); !strings.Contains(text, "bad \uFFFD byte") {
		t.Errorf("text %q", text)
	}
}

// TestWriterError checks that a failing writer is reported.
func TestWriterError(t *testing.T) {
	want := errors.New("disk full")
	if _, err := Render(failWriter{want}, readMD(t, "x"), render.Options{}); !errors.Is(err, want) {
		t.Errorf("err = %v", err)
	}
}

type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }

// TestRightToLeft checks that right-to-left text, which the PDF shows left
// to right and unjoined, is reported once per line with its scripts, and
// that more missing characters than a warning lists are counted.
func TestRightToLeft(t *testing.T) {
	md := "# T\n\nمرحبا and שלום in one line.\n\nLatin only.\n\nשלום again.\n\n中文字符集合测试\n"
	_, warns := renderMD(t, md, render.Options{})
	var got []string
	for _, w := range warns {
		got = append(got, w.String())
	}
	want := []string{
		"line 3: right-to-left text (Arabic, Hebrew) is shown left to right, its letters not joined: the PDF renderer does not lay out right-to-left scripts",
		"line 7: right-to-left text (Hebrew) is shown left to right, its letters not joined: the PDF renderer does not lay out right-to-left scripts",
		`line 9: the PDF fonts have no glyph for U+4E2D "中", U+6587 "文", U+5B57 "字", U+7B26 "符", U+96C6 "集" and 3 more (Han); shown as "�". The fonts cover the Latin, Greek and Cyrillic scripts`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

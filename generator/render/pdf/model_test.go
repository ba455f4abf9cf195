package pdf

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// TestRegistered checks that the renderer is registered by name and by
// extension.
func TestRegistered(t *testing.T) {
	r, ok := render.Lookup("pdf")
	if !ok || r.Extension() != ".pdf" {
		t.Fatalf("Lookup(pdf) = %v, %v", r, ok)
	}
	if r2, ok := render.ForExtension(".PDF"); !ok || r2.Name() != "pdf" {
		t.Errorf("ForExtension(.PDF) = %v, %v", r2, ok)
	}
}

// TestNoOtherRenderer checks that the package and its subpackages read no
// Markdown and import no other renderer: they work from the document model
// alone.
func TestNoOtherRenderer(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	more, _ := filepath.Glob("*/*.go")
	files = append(files, more...)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		n++
		parsed, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range parsed.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(path, "github.com/yuin/goldmark") ||
				(strings.HasPrefix(path, "github.com/docgen/docgen/generator/render/") && !strings.HasPrefix(path, "github.com/docgen/docgen/generator/render/pdf")) {
				t.Errorf("%s imports %s", f, path)
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d files checked", n)
	}
}

// section returns a level-2 section.
func section(anchor, title string, blocks ...docmodel.Block) *docmodel.Section {
	return &docmodel.Section{Level: 2, Anchor: anchor, Title: docmodel.Plain(title), Blocks: blocks}
}

func para(in ...docmodel.Inline) *docmodel.Paragraph { return &docmodel.Paragraph{Content: in} }

// namedDests returns the named destinations of a PDF and the page each
// leads to.
func namedDests(t *testing.T, ctx *model.Context) map[string]int {
	t.Helper()
	names, err := ctx.DereferenceDict(ctx.RootDict["Names"])
	if err != nil {
		t.Fatal(err)
	}
	tree, err := ctx.DereferenceDict(names["Dests"])
	if err != nil || tree == nil {
		t.Fatalf("no /Dests name tree: %v", err)
	}
	arr, err := ctx.DereferenceArray(tree["Names"])
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for i := 0; i+1 < len(arr); i += 2 {
		key, err := types.StringOrHexLiteral(arr[i])
		if err != nil || key == nil {
			t.Fatalf("key %v: %v", arr[i], err)
		}
		page, err := pdfcpu.PageNrFromDestination(ctx, arr[i+1])
		if err != nil {
			t.Fatal(err)
		}
		out[*key] = page
	}
	return out
}

// remoteLinks returns the remote go-to links of a PDF as "file#dest".
func remoteLinks(t *testing.T, ctx *model.Context) []string {
	t.Helper()
	var out []string
	for p := 1; p <= ctx.PageCount; p++ {
		d, _, _, err := ctx.PageDict(p, false)
		if err != nil {
			t.Fatal(err)
		}
		annots, _ := ctx.DereferenceArray(d["Annots"])
		for _, o := range annots {
			a, _ := ctx.DereferenceDict(o)
			act := a.DictEntry("A")
			if act == nil || act.NameEntry("S") == nil || *act.NameEntry("S") != "GoToR" {
				continue
			}
			file, _ := types.StringOrHexLiteral(act.DictEntry("F")["UF"])
			dest, _ := types.StringOrHexLiteral(act["D"])
			if file == nil || dest == nil {
				t.Errorf("remote link %v", act)
				continue
			}
			out = append(out, *file+"#"+*dest)
		}
	}
	return out
}

// TestCrossReferences checks cross-references: to a section of the same
// document (with or without its name) they are internal links, to another
// document remote go-to links to a named destination of that document's
// PDF, which that PDF publishes; a link to an unknown section is reported
// with its line.
func TestCrossReferences(t *testing.T) {
	ifu := &docmodel.Document{Meta: docmodel.Meta{Name: "ifu-security", Title: "IfU"}, Body: []docmodel.Block{
		section("ifu-a", "First",
			&docmodel.Paragraph{Node: docmodel.Node{Source: docmodel.Provenance{Line: 7}}, Content: []docmodel.Inline{
				&docmodel.XRef{Document: "admin-guide", Anchor: "adm-sbom", Content: docmodel.Plain("the SBOM")},
				&docmodel.Text{Text: ", "},
				&docmodel.XRef{Document: "admin-guide", Content: docmodel.Plain("the guide")},
				&docmodel.Text{Text: ", "},
				&docmodel.XRef{Document: "ifu-security", Anchor: "ifu-b", Content: docmodel.Plain("below")},
				&docmodel.Text{Text: ", "},
				&docmodel.XRef{Anchor: "ifu-b", Content: docmodel.Plain("also below")},
				&docmodel.Text{Text: ", "},
				&docmodel.XRef{Anchor: "nowhere", Content: docmodel.Plain("nowhere")},
			}}),
		section("ifu-b", "Second", para(docmodel.Plain(strings.Repeat("Text. ", 900))...)),
	}}
	data, warns := renderDoc(t, ifu, render.Options{TitlePage: true})
	if len(warns) != 1 || warns[0].Line != 7 || !strings.Contains(warns[0].Message, "#nowhere") {
		t.Errorf("warnings %v", warns)
	}
	ctx := readPDF(t, data)
	if got := remoteLinks(t, ctx); !slices.Equal(got, []string{"admin-guide.pdf#adm-sbom", "admin-guide.pdf#doc:start"}) {
		t.Errorf("remote links %q", got)
	}
	links, _ := linkTargets(t, ctx)
	dests := namedDests(t, ctx)
	if want := []int{dests["ifu-b"], dests["ifu-b"]}; !slices.Equal(links[3], want) {
		t.Errorf("internal links on page 3 lead to %v, want %v", links[3], want)
	}
	if dests["doc:start"] != 1 || dests["ifu-a"] != 3 || dests["ifu-b"] < 3 {
		t.Errorf("named destinations %v", dests)
	}

	// The other document publishes the destination the links lead to.
	admin := &docmodel.Document{Meta: docmodel.Meta{Name: "admin-guide", Title: "Admin"}, Body: []docmodel.Block{
		section("adm-intro", "Intro", para(docmodel.Plain(strings.Repeat("Text. ", 900))...)),
		section("adm-sbom", "SBOM", para(docmodel.Plain("The SBOM.")...)),
	}}
	data, _ = renderDoc(t, admin, render.Options{})
	if dests := namedDests(t, readPDF(t, data)); dests["adm-sbom"] != 2 || dests["doc:start"] != 1 {
		t.Errorf("admin-guide destinations %v", dests)
	}
}

// TestDraft checks that a draft shows its notice on the title page, above
// the header of every page and in the keywords, and that a document that
// is no draft shows none.
func TestDraft(t *testing.T) {
	body := "## One\n\n" + filler(40) + "## Two\n\nText.\n"
	for _, c := range []struct {
		draft       bool
		notice      string
		titlePage   bool
		want        string
		wantPerPage int
	}{
		{true, "DRAFT: 3 errors in the spec", true, "DRAFT: 3 errors in the spec", 1},
		{true, "", false, "Draft – not for release", 1},
		{false, "DRAFT: ignored", true, "", 0},
	} {
		data, _ := renderMD(t, body, render.Options{TitlePage: c.titlePage}, func(m *docmodel.Meta) {
			m.Title, m.Keywords, m.Draft, m.DraftNotice = "Guide", []string{"cybersecurity"}, c.draft, c.notice
		})
		ctx := readPDF(t, data)
		pages := pageTexts(t, data)
		for i, text := range pages {
			n := strings.Count(text, "DRAFT")
			if c.want != "" {
				n = strings.Count(text, c.want)
			}
			want := c.wantPerPage
			if i == 0 && c.draft {
				want++ // the box under the title
			}
			if n != want {
				t.Errorf("draft %v %q: page %d shows the notice %d times, want %d:\n%s", c.draft, c.notice, i+1, n, want, text)
			}
		}
		kw := infoString(t, infoDict(t, ctx), "Keywords")
		if c.draft && kw != c.want+", cybersecurity" || !c.draft && kw != "cybersecurity" {
			t.Errorf("draft %v: keywords %q", c.draft, kw)
		}
	}
}

// TestColumnKinds checks that the words of code, date and port columns stay
// whole in a table too wide for its words, where those of text columns are
// broken.
func TestColumnKinds(t *testing.T) {
	for _, kind := range []docmodel.ColumnKind{docmodel.TextColumn, docmodel.DateColumn, docmodel.PortColumn, docmodel.CodeColumn} {
		tb := &docmodel.Table{}
		row := &docmodel.Row{}
		for i := 0; i < 20; i++ {
			tb.Columns = append(tb.Columns, docmodel.Column{Header: docmodel.Plain("H")})
			row.Cells = append(row.Cells, &docmodel.Cell{Content: docmodel.Plain("Interoperability")})
		}
		tb.Columns[3].Kind = kind
		row.Cells[3].Content = docmodel.Plain(map[docmodel.ColumnKind]string{
			docmodel.TextColumn: "2026-10-15", docmodel.DateColumn: "2026-10-15", docmodel.PortColumn: "tcp/11112", docmodel.CodeColumn: "DS-DICOM-SCP"}[kind])
		want := docmodel.PlainText(row.Cells[3].Content)
		tb.Rows = []*docmodel.Row{row}
		doc, _ := layoutOf(t, &docmodel.Document{Body: []docmodel.Block{tb}}, render.Options{})
		whole, broken := false, false
		for _, op := range doc.Pages[0].Ops {
			if tx, ok := op.(layout.Text); ok {
				whole = whole || tx.S == want
				broken = broken || tx.S == "Interoperability"
			}
		}
		if kind == docmodel.TextColumn {
			if whole {
				t.Errorf("the test table is not narrow enough: %q stays whole in a text column", want)
			}
			continue
		}
		if !whole || broken {
			t.Errorf("column kind %d: %q whole %v, text columns whole %v", kind, want, whole, broken)
		}
	}
}

// TestAdmonitions checks that every kind of admonition is a call-out of its
// own colour with its title, and that warnings and cautions have a border
// that notes, tips and important notes lack.
func TestAdmonitions(t *testing.T) {
	for _, kind := range docmodel.AdmonitionKinds {
		d := &docmodel.Document{Body: []docmodel.Block{&docmodel.Admonition{Kind: kind, Blocks: []docmodel.Block{para(docmodel.Plain("Body.")...)}}}}
		doc, _ := layoutOf(t, d, render.Options{})
		look := alertLooks[kind]
		var frame *layout.Rect
		title := ""
		for _, op := range doc.Pages[0].Ops {
			switch o := op.(type) {
			case layout.Rect:
				if o.Fill == look.back && frame == nil {
					frame = &o
				}
			case layout.Text:
				if o.Color == look.color && title == "" {
					title = o.S
				}
			}
		}
		if frame == nil || title == "" || !strings.Contains(strings.ToLower(title), string(kind)) {
			t.Errorf("%s: frame %v, title %q", kind, frame, title)
			continue
		}
		bordered := kind == docmodel.Warning || kind == docmodel.Caution
		if (frame.Stroke != layout.None) != bordered {
			t.Errorf("%s: border %v", kind, frame.Stroke)
		}
	}
	backs := map[layout.Color]bool{}
	for _, l := range alertLooks {
		backs[l.back] = true
	}
	if len(backs) != len(docmodel.AdmonitionKinds) {
		t.Errorf("%d backgrounds for %d kinds", len(backs), len(docmodel.AdmonitionKinds))
	}
}

// TestEmptyAndNil checks documents a program may build: nothing at all, an
// empty cell, nil rows, cells and footnotes, an empty task item and
// definition, a footnote reference out of range, a figure with neither
// asset nor diagram, an admonition of an unknown kind.
func TestEmptyAndNil(t *testing.T) {
	for name, d := range map[string]*docmodel.Document{
		"empty": {},
		"nils": {Body: []docmodel.Block{
			&docmodel.Table{Columns: []docmodel.Column{{Header: docmodel.Plain("A")}}, Rows: []*docmodel.Row{nil, {Cells: []*docmodel.Cell{nil}}}},
			&docmodel.List{Items: []*docmodel.ListItem{{Task: docmodel.TaskDone}}},
			&docmodel.DefinitionList{Items: []*docmodel.Definition{{}}},
			para(&docmodel.FootnoteRef{Index: 3}),
			&docmodel.Figure{},
			&docmodel.Admonition{Kind: "unknown"},
		}, Footnotes: []*docmodel.Footnote{nil}},
	} {
		data, _ := renderDoc(t, d, render.Options{TitlePage: name == "nils"})
		if text := allText(t, data); name == "nils" && !strings.Contains(text, docmodel.EmptyCell) {
			t.Errorf("%s: no dash for the empty cell in %q", name, text)
		}
	}
}

package pdf

import (
	"os"
	"testing"
	"time"

	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// TestGolden compares the layout of a fixture that uses every feature with
// a text description of it (page count, and per page the text, images,
// links and outline entries with rounded positions): byte-identical PDFs
// would make a brittle golden file, this one changes only when the layout
// does. Run with -update to accept a change.
func TestGolden(t *testing.T) {
	md := readFixture(t, "golden.md")
	opts := Options{
		Subject: "Golden fixture", Author: "Example Manufacturer GmbH", DocumentID: "GOLD-1", Revision: "A",
		Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), TitlePage: true,
		Control: []Row{{Name: "Document", Value: "GOLD-1"}, {Name: "Revision", Value: "A"}},
		Images:  map[string]Image{"net.svg": {Diagram: smallDiagram()}},
	}
	doc, warns := layoutOf(t, md, opts)
	got := layout.Dump(doc.Pages)
	for _, w := range warns {
		got += "warning: " + w.String() + "\n"
	}
	const path = "testdata/golden.txt"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("the layout changed; if that is intended, run go test -run TestGolden -update and review the diff of %s\n%s", path, firstDiff(string(want), got))
	}
	// The PDF of the fixture is valid, too.
	data, _ := render(t, md, opts)
	readPDF(t, data)
}

// firstDiff returns the first line where a and b differ.
func firstDiff(a, b string) string {
	la, lb := splitLines(a), splitLines(b)
	for i := 0; i < len(la) || i < len(lb); i++ {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return "line " + itoa(i+1) + ":\n- " + x + "\n+ " + y
		}
	}
	return ""
}

package pdf_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/docgen/docgen/generator/render/pdf"
)

func ExampleRender() {
	markdown := []byte("# Device X – Instructions for use\n\n## Security updates <a id=\"ifu-updates\"></a>\n\n" +
		"Install every update. See [updates](#ifu-updates).\n\n![Logo](logo.png)\n")
	var buf bytes.Buffer
	warnings, err := pdf.Render(&buf, markdown, pdf.Options{
		Author:     "Example Manufacturer GmbH",
		DocumentID: "EX-IFU-1",
		Revision:   "B",
		Date:       time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		TitlePage:  true,
		Control:    []pdf.Row{{Name: "Document", Value: "EX-IFU-1"}, {Name: "Revision", Value: "B"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(buf.Bytes(), []byte("%PDF-1.7")))
	for _, w := range warnings {
		fmt.Println(w)
	}
	// Output:
	// true
	// line 7: image "logo.png" is not available; its description is shown instead
}

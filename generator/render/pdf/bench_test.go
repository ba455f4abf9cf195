package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/markdown"
)

// largeDocument generates the benchmark document: 20 sections of prose
// and lists, a 60-row firewall table with 10 columns and a 2,000-row SBOM
// table with 7 columns including package URLs.
func largeDocument() []byte {
	var b strings.Builder
	b.WriteString("# Large administrator guide\n\n")
	para := "The device implements security controls that complement those of its environment. " +
		"Administrators configure the firewall, the certificates and the audit trail as described in this section, " +
		"and check the result with the procedure given below before the device goes live. "
	for s := 1; s <= 20; s++ {
		fmt.Fprintf(&b, "## Section %d <a id=\"sec-%d\"></a>\n\n", s, s)
		for p := 0; p < 4; p++ {
			fmt.Fprintf(&b, "%s%s See [the firewall rules](#firewall) and <https://example.com/s%d>.\n\n", para, para, s)
		}
		b.WriteString("- **First item** with `inline code` and more text to wrap around the line end of the page.\n")
		b.WriteString("- Second item\n  1. nested ordered item\n  2. another nested item with a longer text that wraps onto a second line\n")
		b.WriteString("- Third item\n\n")
		fmt.Fprintf(&b, "### Details of section %d\n\n%s\n\n> **Warning:** keep the device patched.\n\n", s, para)
		b.WriteString("```\nsudo systemctl restart device-agent --config /etc/device/agent.yaml --verbose\n```\n\n")
	}
	b.WriteString("## Firewall rules <a id=\"firewall\"></a>\n\n| Rule | Direction | Source | Destination | Protocol | Port | Action | Stream | Encryption | Notes |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for i := 1; i <= 60; i++ {
		fmt.Fprintf(&b, "| FW-%02d | inbound | 10.40.%d.0/24 | 10.10.0.%d | tcp | %d | allow | stream-%d | TLS 1.2 or 1.3 | Needed for the service %d to reach the device. |\n", i, i, i, 1000+i, i, i)
	}
	b.WriteString("\n## Software bill of materials\n\n| Component | Version | Supplier | Licence | Package URL | Hash | Support |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- |\n")
	for i := 1; i <= 2000; i++ {
		fmt.Fprintf(&b, "| component-%d | %d.%d.%d | Supplier %d GmbH | Apache-2.0 | pkg:maven/org.example.group%d/component-%d@%d.%d.%d?type=jar | sha256:%064x | 2030-12-31 |\n",
			i, i%7, i%13, i%5, i%40, i%50, i, i%7, i%13, i%5, i*7919)
	}
	return []byte(b.String())
}

// largeMeta is the metadata of the benchmark document.
func largeMeta(m *docmodel.Meta) {
	m.ID, m.Revision = "DOC-1", "A"
	m.Control = []docmodel.Field{{Name: "Document", Value: "DOC-1"}}
}

// BenchmarkRenderLarge reads the large document from Markdown and renders
// it, as `docgen render` does.
func BenchmarkRenderLarge(b *testing.B) {
	md := largeDocument()
	opts := render.Options{TitlePage: true}
	var size, pages int
	b.ReportAllocs()
	for b.Loop() {
		d, err := markdown.Read(md)
		if err != nil {
			b.Fatal(err)
		}
		largeMeta(&d.Meta)
		var buf bytes.Buffer
		if _, err := Render(&buf, d, opts); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
		pages = bytes.Count(buf.Bytes(), []byte("/Type /Page /"))
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(size), "bytes")
}

// BenchmarkRenderLargeModel renders the large document from its model, as
// `docgen build` does.
func BenchmarkRenderLargeModel(b *testing.B) {
	d, err := markdown.Read(largeDocument())
	if err != nil {
		b.Fatal(err)
	}
	largeMeta(&d.Meta)
	opts := render.Options{TitlePage: true}
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if _, err := Render(&buf, d, opts); err != nil {
			b.Fatal(err)
		}
	}
}

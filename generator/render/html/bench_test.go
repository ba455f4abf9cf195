package html_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render"
)

// benchDocument builds a document of n sections, each with prose, a list,
// a subsection and a warning, and a firewall table and an SBOM table of
// 10·n and 100·n rows.
func benchDocument(n int) *docmodel.Document {
	d := &docmodel.Document{Meta: docmodel.Meta{Name: "admin-guide", Title: "Large administrator guide", Language: "en",
		Control: []docmodel.Field{{Name: "Document", Value: "DOC-1"}, {Name: "Revision", Value: "A"}}}}
	para := "The device implements security controls that complement those of its environment. " +
		"Administrators configure the firewall, the certificates and the audit trail as described here. "
	for s := 1; s <= n; s++ {
		sub := &docmodel.Section{Level: 3, Anchor: fmt.Sprintf("sec-%d-details", s), Title: docmodel.Plain(fmt.Sprintf("Details of section %d", s)),
			Blocks: []docmodel.Block{
				&docmodel.Paragraph{Content: docmodel.Plain(para)},
				&docmodel.Admonition{Kind: docmodel.Warning, Blocks: []docmodel.Block{&docmodel.Paragraph{Content: docmodel.Plain("Keep the device patched.")}}},
				&docmodel.CodeBlock{Text: "sudo systemctl restart device-agent --config /etc/device/agent.yaml\n"},
			}}
		d.Body = append(d.Body, &docmodel.Section{Level: 2, Anchor: fmt.Sprintf("sec-%d", s), Title: docmodel.Plain(fmt.Sprintf("Section %d", s)),
			Blocks: []docmodel.Block{
				&docmodel.Paragraph{Content: []docmodel.Inline{&docmodel.Text{Text: para}, &docmodel.XRef{Anchor: "firewall", Content: docmodel.Plain("the firewall rules")},
					&docmodel.Text{Text: " and "}, &docmodel.Link{URL: fmt.Sprintf("https://example.com/s%d", s)}, &docmodel.Text{Text: "."}}},
				&docmodel.List{Items: []*docmodel.ListItem{
					{Blocks: []docmodel.Block{&docmodel.Paragraph{Content: []docmodel.Inline{&docmodel.Strong{Content: docmodel.Plain("First item")}, &docmodel.Text{Text: " with "}, &docmodel.Code{Text: "inline code"}}}}},
					{Blocks: []docmodel.Block{&docmodel.Paragraph{Content: docmodel.Plain("Second item")}}},
				}},
				sub,
			}})
	}
	fw := &docmodel.Table{ID: "firewall-rules", Columns: []docmodel.Column{
		{Header: docmodel.Plain("Rule"), Kind: docmodel.CodeColumn}, {Header: docmodel.Plain("Source")}, {Header: docmodel.Plain("Port"), Kind: docmodel.PortColumn},
		{Header: docmodel.Plain("Notes")}}}
	for i := 1; i <= 10*n; i++ {
		fw.Rows = append(fw.Rows, &docmodel.Row{Cells: []*docmodel.Cell{
			{Content: docmodel.Plain(fmt.Sprintf("FW-%03d", i))}, {Content: docmodel.Plain(fmt.Sprintf("10.40.%d.0/24", i%256))},
			{Content: docmodel.Plain(fmt.Sprintf("%d/tcp", 1000+i))}, {Content: docmodel.Plain("Needed for the service to reach the device.")},
		}})
	}
	sbom := &docmodel.Table{ID: "sbom", Columns: []docmodel.Column{
		{Header: docmodel.Plain("Component")}, {Header: docmodel.Plain("Version")}, {Header: docmodel.Plain("Package URL"), Kind: docmodel.CodeColumn},
		{Header: docmodel.Plain("End of support"), Kind: docmodel.DateColumn}}}
	for i := 1; i <= 100*n; i++ {
		sbom.Rows = append(sbom.Rows, &docmodel.Row{Cells: []*docmodel.Cell{
			{Content: docmodel.Plain(fmt.Sprintf("component-%d", i))}, {Content: docmodel.Plain(fmt.Sprintf("%d.%d.%d", i%7, i%13, i%5))},
			{Content: docmodel.Plain(fmt.Sprintf("pkg:maven/org.example.group%d/component-%d@1.0?type=jar", i%50, i))}, {},
		}})
	}
	d.Body = append(d.Body,
		&docmodel.Section{Level: 2, Anchor: "firewall", Title: docmodel.Plain("Firewall rules"), Blocks: []docmodel.Block{fw}},
		&docmodel.Section{Level: 2, Anchor: "sbom", Title: docmodel.Plain("Software bill of materials"), Blocks: []docmodel.Block{sbom}})
	return d
}

// BenchmarkRender renders documents of 1x, 10x and 100x size; time and
// memory should grow linearly.
func BenchmarkRender(b *testing.B) {
	r, ok := render.Lookup("html")
	if !ok {
		b.Fatal("html renderer not registered")
	}
	for _, n := range []int{1, 10, 100} {
		d := benchDocument(n)
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			var size int
			b.ReportAllocs()
			for b.Loop() {
				var buf bytes.Buffer
				if _, err := r.Render(&buf, d, render.Options{}); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size), "bytes")
		})
	}
}

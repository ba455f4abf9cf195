package generator_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
)

// publishedColumns are the columns of a manufacturer's published port table
// in testdata/porttable, in order.
var publishedColumns = []string{"No.", "Direction", "Source", "Source port", "Destination", "Destination port", "Protocol", "Configurable", "Connection", "Action", "Needed"}

// TestPortTable checks that the firewall table docgen generates for an
// example reproduces, row for row, the port table its (fictional)
// manufacturer publishes: testdata/porttable/<example>.txtar holds that
// table as the manufacturer writes it (published.md). Both generated forms
// are compared, firewall-rules.csv and the table of the network
// administrator guide (Markdown, which leaves out columns that are empty in
// every row). The manufacturer's words are mapped to docgen's once, in
// publishedRow; everything else must be equal cell by cell: direction, the
// end-points by name, source and destination ports, protocol, whether the
// port is configurable, connection state, action and when the rule is
// needed.
func TestPortTable(t *testing.T) {
	archives, _ := filepath.Glob(filepath.Join(root, "testdata", "porttable", "*.txtar"))
	if len(archives) == 0 {
		t.Fatal("no published port tables in testdata/porttable")
	}
	for _, path := range archives {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			a, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var published [][]string
			for _, f := range a.Files {
				if f.Name == "published.md" {
					published = markdownTable(t, string(f.Data), publishedColumns[0])
				}
			}
			if len(published) < 2 {
				t.Fatalf("%s: no published.md table", path)
			}
			if strings.Join(published[0], "|") != strings.Join(publishedColumns, "|") {
				t.Fatalf("%s: published columns %q, want %q", path, published[0], publishedColumns)
			}
			want := published[1:]

			built, err := generator.BuildSpec(context.Background(), filepath.Join(root, "examples", name, "device.yaml"),
				generator.BuildOptions{Today: goldenDate, Version: "golden", Formats: []string{"md"}})
			if err != nil {
				t.Fatal(err)
			}
			files := map[string][]byte{}
			for _, f := range built.Files {
				files[f.Name] = f.Data
			}
			records, err := csv.NewReader(bytes.NewReader(files["firewall-rules.csv"])).ReadAll()
			if err != nil {
				t.Fatalf("firewall-rules.csv: %v", err)
			}
			md := markdownTable(t, string(files["network-admin-guide.md"]), msg.Get("table.firewall-rules.order"))
			for _, got := range []struct {
				name string
				rows [][]string
			}{{"firewall-rules.csv", records}, {"network-admin-guide.md", md}} {
				rows := generatedRows(t, built.Spec, got.rows)
				if len(rows) != len(want) {
					t.Errorf("%s has %d rules, the published table %d", got.name, len(rows), len(want))
				}
				for i := 0; i < len(rows) && i < len(want); i++ {
					for k, col := range publishedColumns {
						if rows[i][k] != want[i][k] {
							t.Errorf("%s, rule %d, %s: generated %q, published %q", got.name, i+1, col, rows[i][k], want[i][k])
						}
					}
				}
			}
		})
	}
}

// generatedRows maps the rows of a generated firewall table (header first)
// to the manufacturer's vocabulary, in publishedColumns order.
func generatedRows(t *testing.T, s *spec.Spec, table [][]string) [][]string {
	t.Helper()
	if len(table) < 2 {
		t.Fatal("the generated firewall table is empty")
	}
	col := map[string]int{}
	for i, h := range table[0] {
		col[h] = i
	}
	cell := func(row []string, key string) string {
		i, ok := col[msg.Get("table.firewall-rules."+key)]
		if !ok {
			return "" // an optional column left out because it is empty
		}
		if v := row[i]; v != msg.Get("table.empty") {
			return v
		}
		return ""
	}
	ids := map[string]bool{}
	for _, z := range s.Network.Zones {
		ids[z.ID] = true
	}
	for _, n := range s.Network.Nodes {
		ids[n.ID] = true
	}
	// "Aeris V700 ventilator (vent)" -> "Aeris V700 ventilator".
	named := regexp.MustCompile(`^(.*) \(([^()]+)\)$`)
	endpoint := func(v string) string {
		if m := named.FindStringSubmatch(v); m != nil && ids[m[2]] {
			return m[1]
		}
		return v
	}
	orAny := func(v string) string {
		if v == "" {
			return "any"
		}
		return v
	}
	pre, post, _ := strings.Cut(msg.Format("port.configurable", "\x00"), "\x00")
	direction := map[string]string{msg.Get("enum.ruledirection.inbound"): "in", msg.Get("enum.ruledirection.outbound"): "out"}
	state := map[string]string{"": "-", msg.Get("rule.stateful"): "new, established", msg.Get("rule.stateless"): "stateless"}

	var out [][]string
	for _, row := range table[1:] {
		ports, configurable := cell(row, "ports"), "no"
		if strings.HasPrefix(ports, pre) && strings.HasSuffix(ports, post) && len(ports) > len(pre)+len(post) {
			ports, configurable = strings.TrimSuffix(strings.TrimPrefix(ports, pre), post), "yes"
		}
		needed := cell(row, "condition")
		if needed == "" {
			needed = "always"
		}
		conn, ok := state[cell(row, "state")]
		if !ok {
			t.Fatalf("connection state %q has no published word", cell(row, "state"))
		}
		protocol := cell(row, "protocol") // the manufacturer writes TCP, UDP, ICMP and any
		if protocol != msg.Get("word.any") {
			protocol = strings.ToUpper(protocol)
		}
		out = append(out, []string{
			cell(row, "order"), direction[cell(row, "direction")], endpoint(cell(row, "source")), orAny(cell(row, "source_ports")),
			endpoint(cell(row, "destination")), orAny(ports), protocol, configurable, conn, cell(row, "action"), needed,
		})
	}
	return out
}

// markdownTable returns the cells of the first pipe table in text whose
// header row starts with the column first, header first, without the
// delimiter row; Markdown escapes and code spans are removed from cells.
func markdownTable(t *testing.T, text, first string) [][]string {
	t.Helper()
	var rows [][]string
	in := false
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, "|") {
			if in {
				break
			}
			continue
		}
		cells := tableCells(line)
		switch {
		case !in && len(cells) > 0 && cells[0] == first:
			in = true
			rows = append(rows, cells)
		case in && strings.HasPrefix(line, "| ---"):
		case in:
			rows = append(rows, cells)
		}
	}
	if len(rows) == 0 {
		t.Fatalf("no table with the first column %q", first)
	}
	return rows
}

// tableCells splits a Markdown table row at unescaped pipes and removes
// backslash escapes and code-span backticks from each cell.
func tableCells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(strings.TrimSuffix(line, "|"), "|")
	var cells []string
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '\\' && i+1 < len(line):
			i++
			b.WriteByte(line[i])
		case c == '`':
		case c == '|':
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return append(cells, strings.TrimSpace(b.String()))
}

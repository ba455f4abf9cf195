package yamlx_test

import (
	"reflect"
	"testing"

	"github.com/docgen/docgen/generator/yamlx"
)

func TestSuggest(t *testing.T) {
	names := []string{"firewall_rules", "data_streams", "interfaces", "roles"}
	tests := []struct{ in, want string }{
		{"firewal_rules", ", did you mean `firewall_rules`?"},
		{"Firewall_Rules", ", did you mean `firewall_rules`?"},
		{"data_stream", ", did you mean `data_streams`?"},
		{"role", ", did you mean `roles`?"},
		{"zzz", ""},
		{"completely_different", ""},
	}
	for _, tc := range tests {
		if got := yamlx.Suggest(tc.in, names); got != tc.want {
			t.Errorf("Suggest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Short candidates: a suggestion must keep some of its own letters.
	classes := []string{"I", "Is", "Im", "Ir", "IIa", "IIb", "III", "A", "B", "C", "D"}
	for _, tc := range []struct{ in, want string }{
		{"2b", ", did you mean `IIb`?"}, // not `B`, of which only the b is left
		{"2a", ", did you mean `IIa`?"},
		{"iib", ", did you mean `IIb`?"},
		{"E", ""}, // one letter for another is no correction
	} {
		if got := yamlx.Suggest(tc.in, classes); got != tc.want {
			t.Errorf("Suggest(%q, classes) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPaths(t *testing.T) {
	p := yamlx.Join(yamlx.Index(yamlx.Join("", "firewall_rules"), 3), "ports")
	if p != "firewall_rules[3].ports" {
		t.Fatalf("path = %q", p)
	}
	var chain []string
	for ; p != ""; p = yamlx.Parent(p) {
		chain = append(chain, p)
	}
	want := []string{"firewall_rules[3].ports", "firewall_rules[3]", "firewall_rules"}
	if !reflect.DeepEqual(chain, want) {
		t.Errorf("parents = %q, want %q", chain, want)
	}
	m := yamlx.NewSourceMap("f.yaml")
	m.Set("a", yamlx.Pos{File: "f.yaml", Line: 3, Col: 1})
	if got := m.Lookup("a[2].b"); got.Line != 3 {
		t.Errorf("Lookup falls back to %v", got)
	}
	if got := m.Lookup("zzz"); got.Line != 1 {
		t.Errorf("Lookup of an unknown path gives %v, want the file start", got)
	}
}

func TestPosString(t *testing.T) {
	for _, tc := range []struct {
		p    yamlx.Pos
		want string
	}{
		{yamlx.Pos{File: "a.yaml", Line: 2, Col: 5}, "a.yaml:2:5"},
		{yamlx.Pos{File: "a.yaml", Line: 2}, "a.yaml:2"},
		{yamlx.Pos{File: "a.yaml"}, "a.yaml"},
	} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.p, got, tc.want)
		}
	}
}

type sample struct {
	Name  string   `yaml:"name"`
	Count int      `yaml:"count"`
	On    *bool    `yaml:"on"`
	Tags  []string `yaml:"tags"`
	Skip  string   `yaml:"-"`
}

// TestDeepNestingRejected feeds 150 nested lists where a list of strings is
// expected: the decoder descends only as deep as the Go type and reports
// the mismatch instead of walking the whole structure.
func TestDeepNestingRejected(t *testing.T) {
	var s struct {
		Tags []string `yaml:"tags"`
	}
	d := yamlx.NewDecoder("deep.yaml")
	deep := "tags: " + repeat("[", 150) + repeat("]", 150) + "\n"
	d.Decode([]byte(deep), &s)
	if errs := d.Errors(); len(errs) != 1 || errs[0].Pos.Line != 1 {
		t.Fatalf("want one error on line 1, got %v", errs)
	}
}

func TestDecodeSample(t *testing.T) {
	var s sample
	d := yamlx.NewDecoder("s.yaml")
	d.Decode([]byte("name: 1.10\ncount: 0x10\non: true\ntags: [a, b]\n"), &s)
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	if s.Name != "1.10" || s.Count != 16 || s.On == nil || !*s.On || len(s.Tags) != 2 {
		t.Errorf("decoded %+v", s)
	}
	d = yamlx.NewDecoder("s.yaml")
	d.Decode([]byte("Skip: x\ncount: 99999999999999999999\n"), &s)
	if errs := d.Errors(); len(errs) != 2 {
		t.Errorf("want 2 errors, got %v", errs)
	}
}

func repeat(s string, n int) string {
	out := ""
	for i := 0; i < n; i++ {
		out += s
	}
	return out
}

package spec_test

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
	"github.com/docgen/docgen/templates"
)

// FuzzParse feeds arbitrary bytes to the spec loader. It must never panic,
// every error must carry a position inside the input, and a spec that loads
// must load the same way twice. The seed corpus is in testdata/fuzz/FuzzParse;
// run `make fuzz` to search further.
func FuzzParse(f *testing.F) {
	f.Add([]byte(base + streams))
	if skel, err := templates.FS.ReadFile("init/device.yaml"); err == nil {
		f.Add(skel)
	}
	f.Add([]byte("spec_version: 1\nfirewall_rules: [{id: a, ports: '1-2,3', source: any}]\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := spec.Parse("fuzz.yaml", data)
		if err == nil {
			if _, err2 := spec.Parse("fuzz.yaml", data); err2 != nil {
				t.Fatalf("second parse failed: %v", err2)
			}
			if !slices.Contains(spec.FormatVersions, s.SpecVersion) {
				t.Fatalf("accepted spec_version %d", s.SpecVersion)
			}
			return
		}
		var errs yamlx.Errors
		if !errors.As(err, &errs) {
			t.Fatalf("error of type %T: %v", err, err)
		}
		lines := bytes.Count(data, []byte("\n")) + 2
		for _, e := range errs {
			if e.Pos.Line < 1 || e.Pos.Line > lines || e.Msg == "" {
				t.Fatalf("bad error position or message: %v (input has %d lines)", e, lines)
			}
		}
	})
}

package sbom

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestResultsDoNotAliasInput parses SBOMs and errors from a buffer, then
// overwrites the buffer: nothing returned may change, since the JSON parser
// hands out strings that alias its input.
func TestResultsDoNotAliasInput(t *testing.T) {
	inputs := []string{
		minimalCDX16, minimalSPDX23,
		`{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"libary","name":"x"}]}`,
		`{"spdxVersion":"SPDX-2.9"}`,
	}
	for _, f := range []string{"home-monitor.vex.cdx.json", "infusion-pump.spdx23.json", "gateway.spdx22.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(data))
	}
	inputs = append(inputs, string(syntheticCDX(300)))
	for _, in := range inputs {
		want, wantErr := Parse("in.json", []byte(in))
		buf := []byte(in)
		got, gotErr := Parse("in.json", buf)
		for i := range buf {
			buf[i] = 'x'
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%.40q: BOM changed with its input", in)
		}
		if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
			t.Errorf("%.40q: error changed with its input: %v", in, gotErr)
		}
		if got != nil {
			s1, s2 := Summarize(got, asOf), Summarize(want, asOf)
			if !reflect.DeepEqual(s1, s2) {
				t.Errorf("%.40q: summary changed with its input", in)
			}
		}
	}
}

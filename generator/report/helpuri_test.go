package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestHelpURI checks that each SARIF rule of a catalog item or rule links
// to its definition: the catalog file in the repository at the line where
// the entry's id stands, at the release's tag, or at main for other
// builds; rules outside the catalogs (SPEC-INVALID) get no link.
func TestHelpURI(t *testing.T) {
	catalogFile, err := os.ReadFile(filepath.Join("..", "..", "specs", "catalog", "mdcg-2019-16.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(catalogFile), "\n")
	for _, tc := range []struct{ version, ref string }{{"v0.3.0", "v0.3.0"}, {"v0.3.0-2-g4e0ea9a1b2c3", "main"}, {"dev-4e0ea9a1b2c3", "main"}} {
		var b bytes.Buffer
		if err := Write(&b, "sarif", testResults(), Options{BaseDir: "/src", ToolVersion: tc.version}); err != nil {
			t.Fatal(err)
		}
		var log struct {
			Runs []struct {
				Tool struct {
					Driver struct {
						Rules []struct {
							ID      string `json:"id"`
							HelpURI string `json:"helpUri"`
						} `json:"rules"`
					} `json:"driver"`
				} `json:"tool"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(b.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		linked := 0
		for _, r := range log.Runs[0].Tool.Driver.Rules {
			defined := slices.ContainsFunc(lines, func(l string) bool { return strings.TrimSpace(l) == "- id: "+r.ID })
			if !defined {
				// The fixture also has ids no catalog defines.
				if r.HelpURI != "" {
					t.Errorf("%s: not in the catalog, yet helpUri %q", r.ID, r.HelpURI)
				}
				continue
			}
			prefix := "https://github.com/docgen/docgen/blob/" + tc.ref + "/specs/catalog/mdcg-2019-16.yaml#L"
			n, err := strconv.Atoi(strings.TrimPrefix(r.HelpURI, prefix))
			if !strings.HasPrefix(r.HelpURI, prefix) || err != nil || n < 1 || n > len(lines) || strings.TrimSpace(lines[n-1]) != "- id: "+r.ID {
				t.Errorf("%s (%s): helpUri %q does not point at the line of its id in %s...", r.ID, tc.version, r.HelpURI, prefix)
			}
			linked++
		}
		if linked == 0 {
			t.Errorf("%s: no rule links to the catalog", tc.version)
		}
	}

	var b bytes.Buffer
	if err := WriteLoadErrors(&b, "sarif", badSpec, testLoadErrors(), testOptions); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "helpUri") {
		t.Error("SPEC-INVALID, which no catalog defines, has a helpUri")
	}
}

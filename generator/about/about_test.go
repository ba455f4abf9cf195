package about

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/docgen/docgen/generator/sbom"
)

func TestVersion(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	tests := []struct {
		name    string
		stamped string
		info    *debug.BuildInfo
		want    string
	}{
		{"stamped by the Makefile wins", "v1.2.0", &debug.BuildInfo{Main: debug.Module{Version: "v1.1.0"}}, "v1.2.0"},
		{"git describe between tags", "v1.2.0-3-g4e0ea9a1b2c3", nil, "v1.2.0-3-g4e0ea9a1b2c3"},
		{"go install of a tag", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0"},
		{"go install of a commit", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261101120000-4e0ea9a1b2c3"}}, "v0.0.0-20261101120000-4e0ea9a1b2c3"},
		{"local build with VCS information", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("4e0ea9a1b2c3d4e5f60718293a4b5c6d7e8f9012", "false")}, "dev-4e0ea9a1b2c3"},
		{"local build with changes", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("4e0ea9a1b2c3d4e5f60718293a4b5c6d7e8f9012", "true")}, "dev-4e0ea9a1b2c3-dirty"},
		{"local build without VCS information", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "dev"},
		{"no build information", "", nil, "dev"},
	}
	for _, tt := range tests {
		if got := Version(tt.stamped, tt.info); got != tt.want {
			t.Errorf("%s: Version = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// testInfo is the build information of a docgen binary that links every
// module of specs/thirdparty.yaml.
func testInfo(t *testing.T) *debug.BuildInfo {
	t.Helper()
	mods, err := ThirdParty()
	if err != nil {
		t.Fatal(err)
	}
	info := &debug.BuildInfo{
		GoVersion: "go1.26.8", Path: "github.com/docgen/docgen/cmd/docgen",
		Main:     debug.Module{Path: "github.com/docgen/docgen", Version: "(devel)"},
		Settings: []debug.BuildSetting{{Key: "GOOS", Value: "windows"}, {Key: "GOARCH", Value: "amd64"}, {Key: "CGO_ENABLED", Value: "0"}},
	}
	for _, m := range mods {
		info.Deps = append(info.Deps, &debug.Module{Path: m.Module, Version: "v1.0.0+incompatible"})
	}
	return info
}

func TestSBOMIsValidAndComplete(t *testing.T) {
	info := testInfo(t)
	var b bytes.Buffer
	opts := SBOMOptions{Version: "v1.2.0", Name: "docgen-windows-amd64.exe", Data: []byte("MZ binary"), Timestamp: time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)}
	if err := WriteSBOM(&b, info, opts); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "docgen.cdx.json")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	bom, err := sbom.Read(p) // validates against the official CycloneDX 1.6 schema
	if err != nil {
		t.Fatalf("the SBOM of docgen is not valid CycloneDX: %v\n%s", err, b.String())
	}
	s := sbom.Summarize(bom, opts.Timestamp)
	if !s.NTIA.Complete || s.Licenses.Without != 0 {
		t.Errorf("NTIA complete %v, components without licence %d, want complete and 0", s.NTIA.Complete, s.Licenses.Without)
	}
	for _, e := range s.NTIA.Elements {
		if e.Missing > 0 {
			t.Errorf("NTIA element %s missing in %v", e.Element, e.MissingIn)
		}
	}
	if want := len(info.Deps) + 1; len(bom.Components) != want {
		t.Errorf("%d components, want %d (the modules and the standard library)", len(bom.Components), want)
	}
	for _, want := range []string{
		`"version": "v1.2.0"`, `"value": "windows"`, `"timestamp": "2026-11-01T12:00:00Z"`,
		`"expression": "BSD-3-Clause AND Bitstream-Vera AND LicenseRef-Arev-Fonts"`,
		`"purl": "pkg:golang/github.com/go-fonts/dejavu@v1.0.0%2Bincompatible"`, `"purl": "pkg:golang/stdlib@1.26.8"`,
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("SBOM lacks %s", want)
		}
	}
	var again bytes.Buffer
	if err := WriteSBOM(&again, info, opts); err != nil || !bytes.Equal(again.Bytes(), b.Bytes()) {
		t.Errorf("two SBOMs of the same binary differ (err %v)", err)
	}
}

func TestSBOMRefusesUnknownModules(t *testing.T) {
	info := testInfo(t)
	info.Deps = append(info.Deps, &debug.Module{Path: "example.com/unlisted", Version: "v0.1.0"})
	err := WriteSBOM(&bytes.Buffer{}, info, SBOMOptions{})
	if err == nil || !strings.Contains(err.Error(), "example.com/unlisted") || !strings.Contains(err.Error(), "thirdparty.yaml") {
		t.Fatalf("err = %v, want one naming the module and specs/thirdparty.yaml", err)
	}
}

package sbom

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// conformanceDir is the official CycloneDX valid/invalid suite, outside the
// repository (see its README.md).
var conformanceDir = filepath.Join("..", "..", "..", "shared", "conformance", "cyclonedx")

// knownGaps lists invalid files docgen accepts, with the reason. The test
// fails when a listed file starts being rejected, so the list stays honest.
var knownGaps = map[string]string{
	// Empty: the XML schema validator and docgen's own checks reject every
	// invalid XML file of the suite.
}

// TestConformance runs every file of the official CycloneDX suite: valid
// files must be accepted, invalid ones (JSON and XML, skip_invalid-*
// included) rejected.
func TestConformance(t *testing.T) {
	if _, err := os.Stat(conformanceDir); err != nil {
		t.Skipf("CycloneDX conformance suite not found at %s (it lives outside the repository, in ../shared); skipping", conformanceDir)
	}
	type tally struct{ accepted, rejected int }
	counts := map[string]*tally{}
	var files []string
	err := filepath.WalkDir(conformanceDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		ext := filepath.Ext(path)
		if !d.IsDir() && (ext == ".json" || ext == ".xml") && !strings.Contains(filepath.ToSlash(path), "/schema/") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	gapsSeen := map[string]bool{}
	for _, path := range files {
		rel, _ := filepath.Rel(conformanceDir, path)
		rel = filepath.ToSlash(rel)
		parts := strings.Split(rel, "/")
		group := parts[0] + "/" + parts[1] + " " + strings.TrimPrefix(filepath.Ext(path), ".")
		if counts[group] == nil {
			counts[group] = &tally{}
		}
		b, err := Read(path)
		if err == nil {
			counts[group].accepted++
		} else {
			counts[group].rejected++
		}
		base := filepath.Base(path)
		switch parts[0] {
		case "valid":
			if err != nil {
				t.Errorf("%s: valid file rejected: %v", rel, err)
			} else if b.Format != FormatCycloneDX || b.SpecVersion != parts[1] {
				t.Errorf("%s: read as %s %s", rel, b.Format, b.SpecVersion)
			}
		case "invalid":
			reason, gap := knownGaps[base]
			switch {
			case gap && err == nil:
				gapsSeen[base] = true
				t.Logf("%s: known gap, accepted: %s", rel, reason)
			case gap:
				t.Errorf("%s: listed in knownGaps (%s) but now rejected; remove it from the list", rel, reason)
			case err == nil:
				t.Errorf("%s: invalid file accepted", rel)
			default:
				checkRejection(t, rel, err)
			}
		default: // other/: informal rules of the specification
			if err != nil {
				t.Logf("%s: informally invalid, rejected: %v", rel, err)
			} else {
				t.Logf("%s: informally invalid, accepted", rel)
			}
		}
	}
	for base := range knownGaps {
		if !gapsSeen[base] {
			t.Errorf("knownGaps lists %s, which is not in the suite or not accepted", base)
		}
	}
	groups := make([]string, 0, len(counts))
	for g := range counts {
		groups = append(groups, g)
	}
	slices.Sort(groups)
	for _, g := range groups {
		t.Logf("%-16s accepted %3d, rejected %3d", g, counts[g].accepted, counts[g].rejected)
	}
}

// checkRejection checks that an invalid file was rejected with a message
// that names a problem, and never with an internal error.
func checkRejection(t *testing.T, rel string, err error) {
	t.Helper()
	var ve *ValidationError
	var ue *UnsupportedError
	switch {
	case errors.As(err, &ve):
		if len(ve.Problems) == 0 || ve.Problems[0].Message == "" || ve.Problems[0].Rule == "" {
			t.Errorf("%s: rejected without a described problem: %v", rel, err)
		}
	case errors.As(err, &ue):
		t.Errorf("%s: rejected as unsupported rather than invalid: %v", rel, err)
	default:
		t.Errorf("%s: rejected with an unexpected error type %T: %v", rel, err, err)
	}
}

package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/internal/testspec"
)

// gitRepo makes a git repository whose dev/ holds the imaging-workstation
// example, committed and tagged v1, and returns it with a function that
// runs git in it.
func gitRepo(t *testing.T) (string, func(args ...string)) {
	t.Helper()
	dir, run := testspec.GitRepo(t)
	testspec.CopyExample(t, root, "imaging-workstation", filepath.Join(dir, "dev"), nil)
	run("add", ".")
	run("commit", "-q", "-m", "release 5.2.0")
	run("tag", "v1")
	return dir, run
}

// edit replaces text, found exactly once, in a file.
func edit(t *testing.T, path, old, cur string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(data), old) != 1 {
		t.Fatalf("%q is not in %s exactly once", old, path)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, cur, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDiffRevision compares specs read from git (REV:PATH, the path
// relative to the current folder) with each other and with the work tree,
// SBOM included: the spec and the SBOM it names are read from the revision.
func TestDiffRevision(t *testing.T) {
	dir, git := gitRepo(t)
	dev := filepath.Join(dir, "dev")
	edit(t, filepath.Join(dev, "device.yaml"), "    ports: 8443\n    protocol: tcp", "    ports: \"8443, 9443\"\n    protocol: tcp")
	edit(t, filepath.Join(dev, "sbom.cdx.json"), `"state": "not_affected",
        "justification": "code_not_reachable",`, `"state": "resolved",
        "justification": "code_not_reachable",`)
	git("commit", "-q", "-a", "-m", "release 5.2.1")
	edit(t, filepath.Join(dev, "device.yaml"), "      end_of_support: 2028-11-14\n", "      end_of_support: 2029-11-13\n")
	t.Chdir(dev)
	opts := generator.BuildOptions{Today: goldenDate}

	tests := []struct {
		old, cur string
		want     []string
	}{
		{"v1:device.yaml", "HEAD:device.yaml", []string{"firewall_rules fw-12 ports", "sbom-vulnerabilities CVE-2024-56827 state"}},
		{"v1:device.yaml", "device.yaml", []string{"firewall_rules fw-12 ports", "platform.middleware Microsoft .NET Desktop Runtime and ASP.NET Core Runtime end_of_support", "sbom-vulnerabilities CVE-2024-56827 state"}},
		{"HEAD:device.yaml", "device.yaml", []string{"platform.middleware Microsoft .NET Desktop Runtime and ASP.NET Core Runtime end_of_support"}},
		{"v1:device.yaml", "HEAD~1:device.yaml", nil},
		{"v1:../dev/device.yaml", "v1:device.yaml", nil},
		{"v1:.", "v1:device.yaml", nil}, // a folder stands for its device.yaml
	}
	for _, tc := range tests {
		r, err := generator.Diff(t.Context(), tc.old, tc.cur, opts)
		if err != nil {
			t.Fatalf("diff %s %s: %v", tc.old, tc.cur, err)
		}
		var got []string
		for _, ch := range r.Changes {
			got = append(got, strings.Join([]string{ch.Section, ch.ID, ch.Field}, " "))
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("diff %s %s:\n%s\nwant\n%s", tc.old, tc.cur, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
		if r.Old.Label != tc.old {
			t.Errorf("old side labelled %q, want %q", r.Old.Label, tc.old)
		}
	}
}

// TestDiffRevisionErrors checks that a revision that cannot be read gives an
// error that names it, and that the errors of a spec read from git name the
// revision, its line and column.
func TestDiffRevisionErrors(t *testing.T) {
	dir, git := gitRepo(t)
	dev := filepath.Join(dir, "dev")
	edit(t, filepath.Join(dev, "device.yaml"), "    ports: 8443\n", "    portz: 8443\n")
	git("commit", "-q", "-a", "-m", "broken")
	edit(t, filepath.Join(dev, "device.yaml"), "    portz: 8443\n", "    ports: 8443\n")
	edit(t, filepath.Join(dev, "device.yaml"), "  path: sbom.cdx.json\n", "  path: missing.json\n")
	git("commit", "-q", "-a", "-m", "no sbom")
	edit(t, filepath.Join(dev, "device.yaml"), "  path: missing.json\n", "  path: sbom.cdx.json\n")
	sbomFile := filepath.Join(dev, "sbom.cdx.json")
	good, err := os.ReadFile(sbomFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sbomFile, []byte("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": 7}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git("commit", "-q", "-a", "-m", "broken sbom")
	if err := os.WriteFile(sbomFile, good, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dev)
	opts := generator.BuildOptions{Today: goldenDate}
	tests := []struct{ arg, want string }{
		{"v9:device.yaml", "v9:device.yaml: v9 is no revision"},
		{"v1:nothing.yaml", "v1:nothing.yaml: the repository has no dev/nothing.yaml at this revision"},
		{"HEAD~2:device.yaml", "HEAD~2:device.yaml:"},
		{"HEAD~2:device.yaml", ":5: unknown field `portz`"},
		{"HEAD~1:device.yaml", "HEAD~1:device.yaml: the repository has no dev/missing.json at this revision"},
		{"HEAD:device.yaml", "HEAD:dev/sbom.cdx.json"},
	}
	for _, tc := range tests {
		_, err := generator.Diff(t.Context(), tc.arg, "device.yaml", opts)
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), os.TempDir()) {
			t.Errorf("diff %s: %v, want %q", tc.arg, err, tc.want)
		}
	}
	if _, err := generator.Diff(t.Context(), "device.yaml", "device.yaml", opts); err != nil {
		t.Errorf("the work tree: %v", err)
	}
}

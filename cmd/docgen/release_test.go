package main

import (
	"bufio"
	"bytes"
	"debug/elf"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// releaseVersion is the version the release tests stamp.
const releaseVersion = "v0.0.0-releasetest"

// releaseBuild runs the Makefile's release target for linux/amd64 into a
// temporary folder and returns it. It skips the test where make, git or a
// linux/amd64 host is missing.
func releaseBuild(t *testing.T) string {
	t.Helper()
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skip("the release tests run the linux/amd64 binary; this is " + runtime.GOOS + "/" + runtime.GOARCH)
	}
	for _, tool := range []string{"make", "git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: %v", tool, err)
		}
	}
	dir, host := t.TempDir(), t.TempDir()
	cmd := exec.Command("make", "-C", "../..", "release", "RELEASE_PLATFORMS=linux/amd64",
		"DIST="+dir, "BIN="+filepath.Join(host, "docgen"), "VERSION="+releaseVersion)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1793491200")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make release: %v\n%s", err, out)
	}
	return dir
}

// TestRelease runs `make release` for linux/amd64 and checks what it wrote
// and the Dockerfile that packages it.
func TestRelease(t *testing.T) {
	dist := releaseBuild(t)
	t.Run("binary", func(t *testing.T) { testReleaseBinary(t, dist) })
	t.Run("Dockerfile", func(t *testing.T) { testDockerfile(t, dist) })
}

func testReleaseBinary(t *testing.T, dist string) {
	bin := filepath.Join(dist, "docgen-linux-amd64")

	// Static: no program interpreter, no shared libraries.
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Errorf("the release binary has a %v program header; it must be static", p.Type)
		}
	}
	if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("the release binary needs %v", libs)
	}

	out, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "docgen version "+releaseVersion {
		t.Errorf("docgen version = %q (%v), want the stamped %s", out, err, releaseVersion)
	}

	// The SBOM names the binary by its digest, validates, and the checksums
	// cover every file.
	sbom, err := os.ReadFile(bin + ".cdx.json")
	if err != nil {
		t.Fatal(err)
	}
	sums, err := os.ReadFile(filepath.Join(dist, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	binSum := ""
	for _, line := range strings.Split(strings.TrimSpace(string(sums)), "\n") {
		sum, name, ok := strings.Cut(line, "  ")
		if !ok {
			t.Errorf("SHA256SUMS line %q is not `SUM  NAME`", line)
		}
		if name == "docgen-linux-amd64" {
			binSum = sum
		}
	}
	for _, name := range []string{"docgen-linux-amd64", "docgen-linux-amd64.cdx.json", "LICENSE", "NOTICE", "THIRD-PARTY-LICENSES.txt"} {
		if _, err := os.Stat(filepath.Join(dist, name)); err != nil {
			t.Error(err)
		}
		if !strings.Contains(string(sums), "  "+name+"\n") {
			t.Errorf("SHA256SUMS does not list %s", name)
		}
	}
	var doc struct {
		Metadata struct {
			Timestamp string `json:"timestamp"`
			Component struct {
				Version string `json:"version"`
				Hashes  []struct {
					Content string `json:"content"`
				} `json:"hashes"`
			} `json:"component"`
		} `json:"metadata"`
		Components []struct {
			Name string `json:"name"`
		} `json:"components"`
	}
	if err := json.Unmarshal(sbom, &doc); err != nil {
		t.Fatal(err)
	}
	mc := doc.Metadata.Component
	if mc.Version != releaseVersion || len(mc.Hashes) != 1 || mc.Hashes[0].Content != binSum || doc.Metadata.Timestamp != "2026-11-01T00:00:00Z" {
		t.Errorf("SBOM describes %+v at %s, want version %s, SHA-256 %s, SOURCE_DATE_EPOCH's time", mc, doc.Metadata.Timestamp, releaseVersion, binSum)
	}
	if len(doc.Components) != len(linkedModules(t))+1 {
		t.Errorf("SBOM has %d components, want every linked module and the standard library (%d)", len(doc.Components), len(linkedModules(t))+1)
	}
	if out, err := exec.Command(bin, "sbom", bin+".cdx.json").CombinedOutput(); err != nil || !bytes.Contains(out, []byte("All minimum elements are present.")) {
		t.Errorf("docgen sbom on the release SBOM: %v\n%s", err, out)
	}
	licences, err := os.ReadFile(filepath.Join(dist, "THIRD-PARTY-LICENSES.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range linkedModules(t) {
		if !bytes.Contains(licences, []byte("==== "+m+"@")) {
			t.Errorf("THIRD-PARTY-LICENSES.txt has no licence text of %s", m)
		}
	}
}

// testDockerfile checks what can be checked without a container engine: the
// instructions are known ones in a valid order, the base is an empty or
// distroless static image, the entrypoint is in exec form, and the binary it
// copies is the static one that `make release` writes for the platform.
func testDockerfile(t *testing.T, dist string) {
	data, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	known := regexp.MustCompile(`^(FROM|ARG|COPY|WORKDIR|ENTRYPOINT|CMD|LABEL|USER|ENV)\s+(.+)$`)
	var instrs [][2]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m := known.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("Dockerfile: unknown or malformed instruction %q", line)
		}
		instrs = append(instrs, [2]string{m[1], m[2]})
	}
	if len(instrs) == 0 || instrs[0][0] != "FROM" {
		t.Fatal("Dockerfile must start with FROM")
	}
	base := instrs[0][1]
	if base != "scratch" && !strings.HasPrefix(base, "gcr.io/distroless/static") {
		t.Errorf("base image %q is neither scratch nor distroless static", base)
	}
	var copied, arch string
	for _, in := range instrs {
		switch in[0] {
		case "ARG":
			if name, v, ok := strings.Cut(in[1], "="); ok && name == "TARGETARCH" {
				arch = v
			}
		case "COPY":
			if f := strings.Fields(in[1]); strings.HasSuffix(f[len(f)-1], "/docgen") {
				copied = f[0]
			}
		case "ENTRYPOINT", "CMD":
			var args []string
			if err := json.Unmarshal([]byte(in[1]), &args); err != nil {
				t.Errorf("%s %s is not in exec form (a JSON array): %v", in[0], in[1], err)
			}
		}
	}
	if arch != "amd64" || copied != "dist/docgen-linux-${TARGETARCH}" {
		t.Fatalf("the Dockerfile copies %q with TARGETARCH default %q, want dist/docgen-linux-${TARGETARCH} and amd64", copied, arch)
	}
	mk, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"linux/amd64", "linux/arm64"} {
		if !bytes.Contains(mk, []byte(p)) {
			t.Errorf("the Makefile's release does not build %s, which the image needs", p)
		}
	}
	// The file it copies, built as `make release` builds it, is static.
	f, err := elf.Open(filepath.Join(dist, strings.TrimPrefix(strings.ReplaceAll(copied, "${TARGETARCH}", arch), "dist/")))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if libs, _ := f.ImportedLibraries(); len(libs) > 0 || f.Section(".interp") != nil {
		t.Errorf("the binary the image copies is not static: needs %v", libs)
	}
}

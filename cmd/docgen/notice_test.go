package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/about"
)

// linkedModules lists the third-party modules linked into cmd/docgen.
func linkedModules(t *testing.T) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", "-f", "{{with .Module}}{{if not .Main}}{{.Path}}{{end}}{{end}}", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	var mods []string
	for _, m := range strings.Fields(string(out)) {
		if !contains(mods, m) {
			mods = append(mods, m)
		}
	}
	return mods
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestNoticeListsEveryModule keeps NOTICE and specs/thirdparty.yaml (the
// supplier and licence in docgen's own SBOM) complete: every module linked
// into docgen has an entry in both, with the same licence expression, and
// neither lists a module that is no longer linked.
func TestNoticeListsEveryModule(t *testing.T) {
	notice, err := os.ReadFile("../../NOTICE")
	if err != nil {
		t.Fatal(err)
	}
	listed, err := about.ThirdParty()
	if err != nil {
		t.Fatal(err)
	}
	linked := linkedModules(t)
	if len(linked) == 0 {
		t.Fatal("go list found no modules")
	}
	for _, m := range linked {
		if !strings.Contains(string(notice), "\n"+m+"\n") {
			t.Errorf("NOTICE has no entry for %s, which docgen links", m)
		}
	}
	for _, m := range listed {
		if !contains(linked, m.Module) {
			t.Errorf("specs/thirdparty.yaml lists %s, which docgen no longer links", m.Module)
			continue
		}
		// The licence follows the module's heading in NOTICE (entries that
		// share a licence are grouped under consecutive headings).
		entry := string(notice)[strings.Index(string(notice), "\n"+m.Module+"\n"):]
		entry = entry[:strings.Index(entry+"\n\n", "\n\n")]
		if !strings.Contains(strings.Join(strings.Fields(entry), " "), m.License) {
			t.Errorf("NOTICE gives %s another licence than specs/thirdparty.yaml (%s):\n%s", m.Module, m.License, entry)
		}
	}
	for _, m := range linked {
		if !contains(moduleNames(listed), m) {
			t.Errorf("specs/thirdparty.yaml has no supplier and licence for %s, which docgen links", m)
		}
	}
}

func moduleNames(ms []about.Module) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Module
	}
	return out
}

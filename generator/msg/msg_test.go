package msg_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/msg"
)

// keyRE matches message keys passed as string literals to the lookup
// functions: msg.Get, msg.Format, and the decoders' Report and ReportAt.
var keyRE = regexp.MustCompile(`(?:msg\.(?:Get|Format)\(|\{\{-? ?msg |\.(?:Report|ReportAt|report)\([^,()]+(?:\([^()]*\))?, )"([a-z0-9_]+(?:\.[a-z0-9_]+)+)"`)

// sources returns the repository's non-test Go files and its templates,
// which look messages up with {{msg "key"}}.
func sources(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), "_") || d.Name() == "testdata" || (d.Name() != ".." && strings.HasPrefix(d.Name(), "."))) {
			return filepath.SkipDir
		}
		if (strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go")) || strings.HasSuffix(p, ".tmpl") {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[p] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestKeysExist checks that every message key used in the code is in the
// catalog, so no user sees a bare key.
func TestKeysExist(t *testing.T) {
	cat, err := msg.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	used := 0
	for path, src := range sources(t) {
		for _, m := range keyRE.FindAllStringSubmatch(src, -1) {
			used++
			if _, ok := cat[m[1]]; !ok {
				t.Errorf("%s uses message key %q, which templates/messages/en does not define", path, m[1])
			}
		}
	}
	if used < 50 {
		t.Errorf("found only %d key uses; is the pattern still right?", used)
	}
}

// TestKeysUsed checks that every catalog key appears in the code, so the
// catalog holds no dead text that translators would translate for nothing.
func TestKeysUsed(t *testing.T) {
	cat, err := msg.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, src := range sources(t) {
		all.WriteString(src)
	}
	code := all.String()
	keys := make([]string, 0, len(cat))
	for k := range cat {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if strings.Contains(code, `"`+k+`"`) {
			continue
		}
		// Keys built from a prefix, such as report.count.error.one.
		if i := strings.LastIndex(k, "."); i > 0 && strings.Contains(code, `"`+k[:i+1]) {
			continue
		}
		if slices.ContainsFunc(composed, func(p string) bool { return strings.HasPrefix(k, p) }) {
			continue
		}
		t.Errorf("message key %q is not used by any Go file", k)
	}
}

// composed lists key prefixes whose keys the code builds at run time, e.g.
// "table." + table + "." + column; their keys cannot be found literally.
var composed = []string{
	"report.count.", "report.items.", "sbom.count.", "table.", "capability.", "support.", "status.",
	"regulation.", "addressing.", "control.", "word.", "stakeholder.",
}

func TestFormatMissingKey(t *testing.T) {
	if got := msg.Format("no.such.key", 1, "x"); !strings.Contains(got, "no.such.key") || !strings.Contains(got, "x") {
		t.Errorf("Format of a missing key lost information: %q", got)
	}
	if msg.Has("no.such.key") || !msg.Has("yaml.empty") {
		t.Error("Has is wrong")
	}
}

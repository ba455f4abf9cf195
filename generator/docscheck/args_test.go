package docscheck

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// writeFiles creates files (path relative to dir: content) and returns dir.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestTargetFromName(t *testing.T) {
	tests := map[string]string{
		"IFU.md":                            "ifu",
		"docs/ifu-security.md":              "ifu",
		"Instructions_for_Use.md":           "ifu",
		"admin-guide.md":                    "admin",
		"docs/Administrator Guide.md":       "admin",
		"network-admin-guide.md":            "network",
		"Network_Administration.md":         "network",
		"security-information.md":           "public",
		"Security_Information.md":           "public",
		"public-security-notes.md":          "public",
		"README.md":                         "",
		"docs/admin/README.md":              "",
		"guide.markdown":                    "",
		filepath.Join("ifu", "handbook.md"): "",
	}
	for name, want := range tests {
		if got := targetFromName(name); got != want {
			t.Errorf("targetFromName(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestParseDocArgs(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"IFU.md":                  "# IfU\n",
		"manual.md":               "---\ntitle: Manual\ndocgen-target: admin\n---\n# Manual\n",
		"combined.md":             "---\ndocgen-target: [ifu, Admin, ifu]\n---\n# Manual\n",
		"override-ifu.md":         "---\ndocgen-target: network\n---\n# Net\n",
		"notes.md":                "# Notes\n",
		"a=ifu.md":                "# IfU with = in its name\n",
		"bad-fm.md":               "---\ndocgen-target: manual\n---\n",
		"bad-fm-list.md":          "---\ntitle: x\ndocgen-target:\n  - ifu\n  - {a: b}\n---\n",
		"broken-fm.md":            "---\ndocgen-target: [ifu\n---\n",
		"rule-not-fm-ifu.md":      "---\nJust text\n---\n",
		"docs/b-admin.md":         "# Admin\n",
		"docs/a-ifu.md":           "# IfU\n",
		"docs/sub/network.md":     "# Net\n",
		"docs/.git/ifu.md":        "# hidden\n",
		"docs/.hidden-ifu.md":     "# hidden\n",
		"docs/public.txt":         "not Markdown\n",
		"docs/Z-Security-INFO.MD": "---\ndocgen-target: public\n---\n",
		"empty/readme.txt":        "",
		"mixed/ifu.md":            "# IfU\n",
		"mixed/README.md":         "# Readme\n",
	})
	p := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	tests := []struct {
		name string
		args []string
		want []Doc
		err  []string // substrings of the error
	}{
		{name: "file name", args: []string{p("IFU.md")}, want: []Doc{{p("IFU.md"), "ifu"}}},
		{name: "front matter", args: []string{p("manual.md")}, want: []Doc{{p("manual.md"), "admin"}}},
		{name: "front matter list", args: []string{p("combined.md")}, want: []Doc{{p("combined.md"), "ifu"}, {p("combined.md"), "admin"}}},
		{name: "front matter wins over the name", args: []string{p("override-ifu.md")}, want: []Doc{{p("override-ifu.md"), "network"}}},
		{name: "TARGET=PATH wins", args: []string{"admin=" + p("override-ifu.md"), "IFU=" + p("notes.md")},
			want: []Doc{{p("override-ifu.md"), "admin"}, {p("notes.md"), "ifu"}}},
		{name: "a path with = in its name", args: []string{p("a=ifu.md")}, want: []Doc{{p("a=ifu.md"), "ifu"}}},
		{name: "a rule pair without YAML is no front matter", args: []string{p("rule-not-fm-ifu.md")}, want: []Doc{{p("rule-not-fm-ifu.md"), "ifu"}}},
		{name: "duplicates kept once", args: []string{p("IFU.md"), "ifu=" + p("IFU.md"), p("IFU.md"), "admin=" + p("IFU.md")},
			want: []Doc{{p("IFU.md"), "ifu"}, {p("IFU.md"), "admin"}}},
		{name: "directory in lexical order, hidden folders and files and non-Markdown skipped", args: []string{p("docs")},
			want: []Doc{{p("docs/Z-Security-INFO.MD"), "public"}, {p("docs/a-ifu.md"), "ifu"}, {p("docs/b-admin.md"), "admin"}, {p("docs/sub/network.md"), "network"}}},
		{name: "directory with a target", args: []string{"ifu=" + p("docs/sub")}, want: []Doc{{p("docs/sub/network.md"), "ifu"}}},
		{name: "arguments keep their order", args: []string{p("manual.md"), p("IFU.md")}, want: []Doc{{p("manual.md"), "admin"}, {p("IFU.md"), "ifu"}}},

		{name: "no arguments", args: nil, err: []string{"no documents"}},
		{name: "unknown target", args: []string{p("notes.md")}, err: []string{p("notes.md") + ": cannot tell which document", "docgen-target: ifu", "TARGET=PATH", "ifu=" + filepath.ToSlash(p("notes.md"))}},
		{name: "unknown target in a directory", args: []string{p("mixed")}, err: []string{p("mixed/README.md") + ": cannot tell"}},
		{name: "every error listed", args: []string{p("notes.md"), p("missing.md")}, err: []string{p("notes.md") + ": cannot tell", p("missing.md") + ": no such file"}},
		{name: "unknown TARGET=", args: []string{"manual=" + p("notes.md")}, err: []string{"unknown document target `manual`", "`ifu`, `admin`, `network`, `public`"}},
		{name: "misspelt TARGET=", args: []string{"admn=" + p("notes.md")}, err: []string{"unknown document target `admn`", "did you mean `admin`?"}},
		{name: "TARGET= without a path", args: []string{"ifu="}, err: []string{"`ifu=`: no path after `=`"}},
		{name: "bad front matter target", args: []string{p("bad-fm.md")}, err: []string{p("bad-fm.md") + ":2: `docgen-target` must be one of", `the text "manual"`}},
		{name: "bad front matter list entry", args: []string{p("bad-fm-list.md")}, err: []string{p("bad-fm-list.md") + ":5: `docgen-target`", "a mapping"}},
		{name: "broken front matter", args: []string{p("broken-fm.md")}, err: []string{p("broken-fm.md"), "front matter is not valid YAML"}},
		{name: "folder without Markdown", args: []string{p("empty")}, err: []string{p("empty") + ": the folder holds no Markdown"}},
		{name: "missing file", args: []string{p("nope.md")}, err: []string{p("nope.md") + ": no such file or directory"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDocArgs(tt.args)
			if len(tt.err) > 0 {
				if err == nil {
					t.Fatalf("ParseDocArgs(%q) = %v, want an error", tt.args, got)
				}
				for _, s := range tt.err {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("error %q does not contain %q", err, s)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseDocArgs(%q)\n got %v\nwant %v", tt.args, got, tt.want)
			}
		})
	}
}

// TestParseDocArgsStable checks that a directory gives the same order no
// matter in which order its files were created.
func TestParseDocArgsStable(t *testing.T) {
	names := []string{"c-ifu.md", "a-admin.md", "b/network.md", "B-public.md", "a/ifu.md"}
	var first []Doc
	for round := range 3 {
		dir := t.TempDir()
		for i := range names {
			name := names[(i+round)%len(names)]
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte("# x\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		docs, err := ParseDocArgs([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		for i := range docs {
			docs[i].Path = filepath.ToSlash(strings.TrimPrefix(docs[i].Path, dir))
		}
		if round == 0 {
			first = docs
			want := []Doc{{"/B-public.md", "public"}, {"/a/ifu.md", "ifu"}, {"/a-admin.md", "admin"}, {"/b/network.md", "network"}, {"/c-ifu.md", "ifu"}}
			if !reflect.DeepEqual(docs, want) {
				t.Fatalf("order %v, want %v", docs, want)
			}
		} else if !reflect.DeepEqual(docs, first) {
			t.Errorf("round %d: order %v, want %v", round, docs, first)
		}
	}
}

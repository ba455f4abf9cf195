package docscheck

import (
	"reflect"
	"slices"
	"testing"
)

// en returns the English vocabulary.
func en(t testing.TB) *lexicon {
	t.Helper()
	lex, err := lexiconFor("en")
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

func TestHeadings(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Heading
	}{
		{
			name: "inline HTML anchor",
			src:  "# Title\n\n## Security updates <a id=\"ifu-updates\"></a>\n",
			want: []Heading{
				{Level: 1, Text: "Title", Anchors: []string{}, Line: 1, Col: 1},
				{Level: 2, Text: "Security updates", Anchors: []string{"ifu-updates"}, Line: 3, Col: 1},
			},
		},
		{
			name: "single quotes and a name attribute",
			src:  "## Backup <a name='ifu-backup'></a>\n\n## Updates <span id=ifu-updates></span>\n",
			want: []Heading{
				{Level: 2, Text: "Backup", Anchors: []string{"ifu-backup"}, Line: 1, Col: 1},
				{Level: 2, Text: "Updates", Anchors: []string{"ifu-updates"}, Line: 3, Col: 1},
			},
		},
		{
			name: "heading attribute",
			src:  "## Security updates {#ifu-updates}\n\n### Backup {#ifu-backup .unnumbered}\n",
			want: []Heading{
				{Level: 2, Text: "Security updates", Anchors: []string{"ifu-updates"}, Line: 1, Col: 1},
				{Level: 3, Text: "Backup", Anchors: []string{"ifu-backup"}, Line: 3, Col: 1},
			},
		},
		{
			name: "setext heading with attribute",
			src:  "Security updates {#ifu-updates}\n---\n\nText.\n",
			want: []Heading{{Level: 2, Text: "Security updates", Anchors: []string{"ifu-updates"}, Line: 1, Col: 1}},
		},
		{
			name: "anchor block before the heading",
			src:  "<a id=\"ifu-backup\"></a>\n\n## Backup and restore\n\nCopy the data.\n",
			want: []Heading{{Level: 2, Text: "Backup and restore", Anchors: []string{"ifu-backup"}, Line: 3, Col: 1}},
		},
		{
			name: "anchor line right before the heading",
			src:  "Intro.\n\n<a id=\"ifu-backup\"></a> <a id=\"backup\"></a>\n## Backup and restore <a id=\"ifu-backup\"></a>\n\nCopy the data.\n",
			want: []Heading{{Level: 2, Text: "Backup and restore", Anchors: []string{"ifu-backup", "backup"}, Line: 4, Col: 1}},
		},
		{
			name: "anchor paragraph with text is no anchor block",
			src:  "See <a id=\"ifu-backup\"></a> here.\n\n## Backup and restore\n",
			want: []Heading{{Level: 2, Text: "Backup and restore", Anchors: []string{}, Line: 3, Col: 1}},
		},
		{
			name: "headings in code blocks and HTML blocks do not count",
			src:  "```markdown\n## Backup\n```\n\n    # Indented code\n\n<div>\n# In HTML\n</div>\n\n~~~\n# Tilde fence\n~~~\n# Real\n",
			want: []Heading{{Level: 1, Text: "Real", Anchors: []string{}, Line: 14, Col: 1}},
		},
		{
			name: "front matter skipped, lines kept",
			src:  "---\ntitle: IfU\ndocgen-target: ifu\n# not a heading: a YAML comment\n---\n# Title\n\n## Updates\n",
			want: []Heading{
				{Level: 1, Text: "Title", Anchors: []string{}, Line: 6, Col: 1},
				{Level: 2, Text: "Updates", Anchors: []string{}, Line: 8, Col: 1},
			},
		},
		{
			name: "front matter closed by dots, with CRLF",
			src:  "---\r\ntitle: IfU\r\n...\r\n\r\n## Updates\r\n",
			want: []Heading{{Level: 2, Text: "Updates", Anchors: []string{}, Line: 5, Col: 1}},
		},
		{
			name: "text between rules that is no YAML mapping is a setext heading",
			src:  "---\nIntroduction\n---\n",
			want: []Heading{{Level: 2, Text: "Introduction", Anchors: []string{}, Line: 2, Col: 1}},
		},
		{
			name: "unclosed front matter is Markdown",
			src:  "---\n# Title\n",
			want: []Heading{{Level: 1, Text: "Title", Anchors: []string{}, Line: 2, Col: 1}},
		},
		{
			name: "byte order mark",
			src:  "\xef\xbb\xbf# Title\nText.\n",
			want: []Heading{{Level: 1, Text: "Title", Anchors: []string{}, Line: 1, Col: 1}},
		},
		{
			name: "byte order mark and front matter",
			src:  "\xef\xbb\xbf---\na: b\n---\n# Title\n",
			want: []Heading{{Level: 1, Text: "Title", Anchors: []string{}, Line: 4, Col: 1}},
		},
		{
			name: "inline markup, entities, closing hashes",
			src:  "## *Backup* &amp; `restore` ##\n## [Security updates](https://example.com/updates)\n",
			want: []Heading{
				{Level: 2, Text: "Backup & restore", Anchors: []string{}, Line: 1, Col: 1},
				{Level: 2, Text: "Security updates", Anchors: []string{}, Line: 2, Col: 1},
			},
		},
		{
			name: "nested in a block quote, columns in characters",
			src:  "> ## Über <a id=\"x\"></a>\n>\n> Text.\n",
			want: []Heading{{Level: 2, Text: "Über", Anchors: []string{"x"}, Line: 1, Col: 3}},
		},
		{
			name: "empty heading",
			src:  "##\n\ntext\n",
			want: []Heading{{Level: 2, Text: "", Anchors: []string{}, Line: 1, Col: 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Headings([]byte(tt.src))
			for i := range got {
				got[i].Body, got[i].Media = "", false
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Headings:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestEmptySections(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		empty []bool // per heading
	}{
		{"next heading at once", "## A\n## B\ntext\n", []bool{true, false}},
		{"at the end", "## A\ntext\n## B\n", []bool{false, true}},
		{"placeholder", "## A\n\nTODO\n\n## B\n\nTBD: ask R&D\n", []bool{true, true}},
		{"several placeholders", "## A\n\nTODO\n\n- TBD\n- ...\n\n> FIXME\n", []bool{true}},
		{"placeholder and text in a list", "## A\n\n- TODO\n- Real text\n", []bool{false}},
		{"sub-section with content", "## A\n### A1\ncontent\n## B\n", []bool{false, false, true}},
		{"sub-sections without content", "## A\n### A1\n### A2\nTODO\n# B\ntext\n", []bool{true, true, true, false}},
		{"higher level ends the section", "### A\n## B\ntext\n", []bool{true, false}},
		{"image", "## A\n\n![Network diagram](diagram.png)\n", []bool{false}},
		{"HTML image", "## A\n\n<img src=\"diagram.png\">\n", []bool{false}},
		{"HTML comment", "## A\n\n<!-- TODO: write -->\n\n## B\n", []bool{true, true}},
		{"anchor block of the next section", "## A\n\n<a id=\"b\"></a>\n\n## B\n\ntext\n", []bool{true, false}},
		{"code", "## A\n\n```\nconfig = 1\n```\n", []bool{false}},
		{"thematic break", "## A\n\n---\n\n## B\n", []bool{true, true}},
		{"table", "## A\n\n| a | b |\n| - | - |\n| 1 | 2 |\n", []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := Headings([]byte(tt.src))
			var got []bool
			for i := range hs {
				_, none := en(t).placeholder(&hs[i])
				got = append(got, none)
			}
			if !reflect.DeepEqual(got, tt.empty) {
				t.Errorf("Empty per heading = %v, want %v (%+v)", got, tt.empty, hs)
			}
		})
	}
}

func TestTerms(t *testing.T) {
	same := [][2]string{
		{"4.2 Security Updates", "Security updates"},
		{"4.2. Security updates", "Security updates"},
		{"Software updates:", "Software updates"},
		{"  Software    updates  ", "Software updates"},
		{"Backup & Restore", "Backup and restore"},
		{"A.1 Backup", "Backup"},
		{"a) Backup", "Backup"},
		{"IV. Backup", "Backup"},
		{"7) Backup!", "Backup"},
		{"Section 3: Backup", "Backup"},
		{"Chapter 3 - Backup", "Backup"},
		{"§ 4 Backup", "Backup"},
		{"1 2 Backup", "Backup"},
		{"Data-flow matrix", "Data flow matrix"},
		{"Security updates – announcement", "Security updates - announcement"},
		{"Backup…", "Backup"},
		{"Chapter 9: Cybersecurity", "Security"},
		{"Appendix B - IT security", "security"},
		{"Annex IV. Updates", "Update"},
		{"B.12 ADMIN PC", "Administration workstation"},
		{"C. NETWORK", "Network"},
		{"4.2.1 Commissioning", "Installation"},
		{"Updates, security", "Security updates"},
		{"Software updates and backup", "Backup of the software updates"},
		{"Policies", "Policy"},
		{"Addresses", "address"},
		{"Keeping it up to date", "keeping updates"},
		{"Cyber-security warnings", "Security warning"},
		{"Who does what?", "Responsibilities"},
		{"The 2 backups", "the 2 backup"},
	}
	for _, p := range same {
		if a, b := en(t).terms(p[0]), en(t).terms(p[1]); !slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b))) {
			t.Errorf("terms(%q) = %q, terms(%q) = %q; want the same", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{
		{"2FA settings", "FA settings"},
		{"3D view", "D view"},
		{"Security updates", "Updates"},
		{"Warnings", "Warnings about cables"},
		{"Part of the system", "system"},
		{"Access", "Acces"},
	}
	for _, p := range differ {
		if a, b := en(t).terms(p[0]), en(t).terms(p[1]); slices.Equal(a, b) {
			t.Errorf("terms(%q) = terms(%q) = %q; want different", p[0], p[1], a)
		}
	}
}

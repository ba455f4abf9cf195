package mds2_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/mds2"
)

func loadForm(t testing.TB) *mds2.Form {
	t.Helper()
	f, err := mds2.Load()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// wantSections are the sections of HN 1-2019 in form order, with the
// number of questions of each as read in the vendor-completed form the
// data file names (MDS2-ex); 240 in all.
var wantSections = []struct {
	code  string
	count int
}{
	{"DOC", 15}, {"MPII", 22}, {"ALOF", 2}, {"AUDT", 30}, {"AUTH", 8}, {"CSUP", 34},
	{"DIDT", 2}, {"DTBK", 6}, {"EMRG", 1}, {"IGAU", 2}, {"MLDP", 15}, {"NAUT", 4},
	{"CONN", 19}, {"PAUT", 16}, {"PLOK", 4}, {"RDMP", 4}, {"SBOM", 8}, {"SAHD", 22},
	{"SGUD", 5}, {"STCF", 7}, {"TXCF", 6}, {"TXIG", 2}, {"RMOT", 6},
}

func TestFormStructure(t *testing.T) {
	f := loadForm(t)
	if len(f.Sections) != len(wantSections) {
		t.Fatalf("%d sections, want %d", len(f.Sections), len(wantSections))
	}
	total := 0
	for i, w := range wantSections {
		sec := f.Sections[i]
		if sec.Code != w.code || len(sec.Questions) != w.count {
			t.Errorf("section %d is %s with %d questions, want %s with %d", i, sec.Code, len(sec.Questions), w.code, w.count)
		}
		total += len(sec.Questions)
	}
	if total != 240 || len(f.Questions()) != 240 {
		t.Errorf("%d questions, want 240", total)
	}
	// Ids that the catalogs, vendors and hospitals rely on.
	for _, id := range []string{"NAUT-2.1", "CONN-2", "PAUT-4", "SGUD-3", "AUDT-2.8.2", "SAHD-14.1", "DOC-11.4", "CSUP-11.2"} {
		if f.Question(id) == nil {
			t.Errorf("question %s is missing", id)
		}
	}
	if q := f.Question("SHAD-15"); q == nil || q.ID != "SAHD-15" {
		t.Errorf("the form's spelling SHAD-15 does not lead to SAHD-15")
	}
}

// TestEveryQuestionIsAnswerableOrSaysWhyNot: each question has a rule (or
// a value) or names the new spec fact that would answer it, and says why
// it may stay blank.
func TestEveryQuestionIsAnswerableOrSaysWhyNot(t *testing.T) {
	for _, q := range loadForm(t).Questions() {
		if q.Gap == "" {
			t.Errorf("%s has no gap", q.ID)
		}
		if len(q.Value) == 0 && len(q.Rules) == 0 && q.Also == "" && q.NewFact == "" {
			t.Errorf("%s has no rule and no new_fact", q.ID)
		}
		if strings.TrimSpace(q.Text) == "" {
			t.Errorf("%s has no paraphrase", q.ID)
		}
	}
}

// TestCatalogCitesKnownIDs checks that every "MDS2 X" clause of every
// catalog names a section or question of the form data.
func TestCatalogCitesKnownIDs(t *testing.T) {
	f := loadForm(t)
	cited := 0
	check := func(profile, where string, cs []catalog.Clause) {
		for _, c := range cs {
			for _, text := range []string{c.Text, c.MDR, c.IVDR} {
				id, ok := strings.CutPrefix(text, "MDS2 ")
				if !ok {
					continue
				}
				cited++
				if f.Question(id) == nil && f.Section(id) == nil {
					t.Errorf("%s %s cites %q, which is neither a question nor a section of the form", profile, where, text)
				}
			}
		}
	}
	for _, p := range catalog.Profiles() {
		c, err := catalog.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range c.Items {
			check(p, it.ID, it.Clauses)
		}
		for _, r := range c.Rules {
			check(p, r.ID, r.Clauses)
		}
	}
	if cited < 20 {
		t.Errorf("only %d MDS2 citations found in the catalogs; is the prefix still \"MDS2 \"?", cited)
	}
}

// TestFormRejects feeds broken form data to the parser: each mistake is
// reported with its position, none panics.
func TestFormRejects(t *testing.T) {
	head := "form: T\ntitle: T\nsections:\n  - code: DOC\n    title: D\n    questions:\n"
	cases := []struct{ name, yaml, want string }{
		{"bad path", "      - {id: DOC-1, text: T, gap: G, rules: [{if: {has: device.nmae}, answer: \"Yes\"}]}\n", "did you mean `name`"},
		{"two conditions", "      - {id: DOC-1, text: T, gap: G, rules: [{if: {has: device.name, fact: diagram}, answer: \"Yes\"}]}\n", "exactly one of"},
		{"no condition", "      - {id: DOC-1, text: T, gap: G, rules: [{if: {}, answer: \"Yes\"}]}\n", "exactly one of"},
		{"unknown fact", "      - {id: DOC-1, text: T, gap: G, rules: [{if: {fact: diagramm}, answer: \"Yes\"}]}\n", "unknown fact `diagramm`"},
		{"bad answer", "      - {id: DOC-1, text: T, gap: G, rules: [{if: {fact: diagram}, answer: Maybe}]}\n", "Maybe"},
		{"later question", "      - {id: DOC-1, text: T, gap: G, rules: [{if: {answer: {of: DOC-2, in: [\"No\"]}}, answer: N/A}]}\n      - {id: DOC-2, text: T, gap: G, new_fact: F}\n", "`DOC-2` is not a question defined earlier"},
		{"wrong section", "      - {id: CONN-1, text: T, gap: G, new_fact: F}\n", "not in section DOC"},
		{"bad id", "      - {id: DOC1, text: T, gap: G, new_fact: F}\n", "not of the form"},
		{"duplicate", "      - {id: DOC-1, text: T, gap: G, new_fact: F}\n      - {id: DOC-1, text: T, gap: G, new_fact: F}\n", "defined twice"},
		{"no gap", "      - {id: DOC-1, text: T, new_fact: F}\n", "needs a gap"},
		{"no rule, no new fact", "      - {id: DOC-1, text: T, gap: G}\n", "needs new_fact"},
		{"not a list", "      - {id: DOC-1, text: T, gap: G, rules: [{if: {any: {list: device.name}}, answer: \"Yes\"}]}\n", "is not a list"},
		{"not yes/no", "      - {id: DOC-1, text: T, gap: G, rules: [{if: {is_true: device.name}, answer: \"Yes\"}]}\n", "not a yes/no field"},
		{"relative path", "      - {id: DOC-1, text: T, gap: G, rules: [{if: {any: {list: accounts, where: {is_true: must_chnage}}}, answer: \"Yes\"}]}\n", "did you mean `must_change`"},
		{"bad template", "      - {id: DOC-1, text: T, gap: G, rules: [{if: {has: roles}, answer: \"Yes\", note: [{list: roles, show: \"{{.nmae}}\"}]}]}\n", "bad show template"},
		{"cleartext outside streams", "      - {id: DOC-1, text: T, gap: G, rules: [{if: {any: {list: roles, where: {cleartext: true}}}, answer: \"Yes\"}]}\n", "data streams only"},
		{"unknown key", "      - {id: DOC-1, text: T, gap: G, new_fact: F, gaps: x}\n", "unknown field `gaps`"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := mds2.Parse("form.yaml", []byte(head+c.yaml))
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "form.yaml:") {
				t.Errorf("got %v, want an error at form.yaml containing %q", err, c.want)
			}
		})
	}
}

func TestAnswerEnum(t *testing.T) {
	if got := (mds2.Answer("")).EnumValues(); !slices.Equal(got, []string{"Yes", "No", "N/A", "See note"}) {
		t.Errorf("answers %v", got)
	}
}

package docscheck

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/report"
	"github.com/docgen/docgen/generator/spec"
)

func loadCatalogs(t testing.TB, profiles ...string) []*catalog.Catalog {
	t.Helper()
	var cats []*catalog.Catalog
	for _, p := range profiles {
		c, err := catalog.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		cats = append(cats, c)
	}
	return cats
}

// realText is section content long enough for every item, with every fact
// an item may ask for: a contact, a date, ports and a bandwidth.
const realText = "This section says what the reader needs to know about the topic of its heading, " +
	"in enough words for a reviewer. Contact security@example.com or +49 30 1234567. " +
	"Supported until 31 December 2031. The device uses 443/tcp and needs 10 Mbit/s."

// fullDoc writes a document that addresses every item of target in c,
// with headings made by heading.
func fullDoc(c *catalog.Catalog, target string, heading func(it *catalog.Item) string) string {
	var b strings.Builder
	b.WriteString("# Security\n\n")
	for _, it := range c.Items {
		if slices.Contains(it.Targets, target) {
			fmt.Fprintf(&b, "%s\n\n%s (%s)\n\n", heading(&it), realText, it.ID)
		}
	}
	return b.String()
}

// outcome returns the outcome of id in res.
func outcome(t *testing.T, res *check.Result, id string) check.Outcome {
	t.Helper()
	for _, o := range res.Outcomes {
		if o.ID == id {
			return o
		}
	}
	t.Fatalf("no outcome for %s", id)
	return check.Outcome{}
}

// findingsOf returns the findings of the outcome of id.
func findingsOf(t *testing.T, res *check.Result, id string) []check.Finding {
	t.Helper()
	var out []check.Finding
	for _, k := range outcome(t, res, id).Findings {
		out = append(out, res.Findings[k])
	}
	return out
}

// checkConsistent verifies the invariants that the reporters rely on.
func checkConsistent(t *testing.T, res *check.Result) {
	t.Helper()
	var want check.Summary
	refs := make([]int, len(res.Findings))
	ids := map[string]bool{}
	for _, o := range res.Outcomes {
		if ids[o.ID] {
			t.Errorf("outcome %s twice", o.ID)
		}
		ids[o.ID] = true
		if o.Targets == nil || o.Clauses == nil || o.Fields == nil || o.Findings == nil {
			t.Errorf("outcome %s has nil lists", o.ID)
		}
		status := check.Passed
		for _, k := range o.Findings {
			refs[k]++
			f := res.Findings[k]
			if f.RuleID != o.ID {
				t.Errorf("outcome %s refers to a finding of %s", o.ID, f.RuleID)
			}
			switch {
			case f.Severity == catalog.Error:
				status = check.Failed
			case f.Severity == catalog.Warning && status != check.Failed:
				status = check.Warned
			}
		}
		switch {
		case o.Status == check.NotApplicable:
			want.NotApplicable++
			if len(o.Findings) > 0 {
				t.Errorf("not applicable %s has findings", o.ID)
			}
			continue
		case o.Status != status:
			t.Errorf("outcome %s is %s, its findings make it %s", o.ID, o.Status, status)
		}
		want.Applicable++
		if o.Status == check.Passed {
			want.Satisfied++
		}
	}
	for i, f := range res.Findings {
		if refs[i] != 1 {
			t.Errorf("finding %d (%s) is referred to %d times", i, f.RuleID, refs[i])
		}
		if i > 0 && f.Pos.Less(res.Findings[i-1].Pos) {
			t.Errorf("finding %d (%s at %s) comes before %s", i, f.RuleID, f.Pos, res.Findings[i-1].Pos)
		}
		if f.Pos.File == "" || f.Pos.Line < 1 || f.Clauses == nil || len(f.Targets) != 1 {
			t.Errorf("finding %d incomplete: %+v", i, f)
		}
		switch f.Severity {
		case catalog.Error:
			want.Errors++
		case catalog.Warning:
			want.Warnings++
		default:
			want.Notes++
		}
	}
	if res.Summary != want {
		t.Errorf("summary %+v, want %+v", res.Summary, want)
	}
}

type checkCase struct {
	name     string
	device   spec.Device
	profiles []string          // default mdcg-2019-16
	files    map[string]string // name: content
	docs     []Doc             // paths relative to the files' folder
	status   map[string]check.Status
	findings map[string][]string // id: substrings of its findings' "file:line severity message"
	none     bool                // no findings beyond those listed
}

func runCase(t *testing.T, tt checkCase) *check.Result {
	t.Helper()
	dir := writeFiles(t, tt.files)
	docs := slices.Clone(tt.docs)
	for i := range docs {
		docs[i].Path = filepath.Join(dir, docs[i].Path)
	}
	profiles := tt.profiles
	if profiles == nil {
		profiles = []string{"mdcg-2019-16"}
	}
	s := &spec.Spec{Device: tt.device}
	if s.Device.Regulation == "" {
		s.Device.Regulation = spec.MDR
	}
	res, err := Check(s, loadCatalogs(t, profiles...), docs)
	if err != nil {
		t.Fatal(err)
	}
	checkConsistent(t, res)
	for id, want := range tt.status {
		if got := outcome(t, res, id).Status; got != want {
			t.Errorf("%s: status %s, want %s (findings %v)", id, got, want, findingsOf(t, res, id))
		}
	}
	seen := 0
	for id, wants := range tt.findings {
		fs := findingsOf(t, res, id)
		seen += len(fs)
		if len(fs) != len(wants) {
			t.Errorf("%s: %d findings, want %d: %+v", id, len(fs), len(wants), fs)
			continue
		}
		for i, f := range fs {
			line := fmt.Sprintf("%s:%d %s %s", filepath.Base(f.Pos.File), f.Pos.Line, f.Severity, f.Message)
			if !strings.Contains(line, wants[i]) {
				t.Errorf("%s: finding %q does not contain %q", id, line, wants[i])
			}
		}
	}
	if tt.none && seen != len(res.Findings) {
		t.Errorf("%d findings, want %d: %+v", len(res.Findings), seen, res.Findings)
	}
	return res
}

func TestCheck(t *testing.T) {
	mdcg := loadCatalogs(t, "mdcg-2019-16")[0]
	section := func(text string) string { return text + "\n\n" + realText + "\n\n" }
	tests := []checkCase{
		{
			name:   "every IfU item by inline HTML anchor",
			device: spec.Device{Networked: true, LayUsers: true},
			files: map[string]string{"ifu.md": fullDoc(mdcg, "ifu", func(it *catalog.Item) string {
				return "## Something else entirely <a id=\"" + it.Anchor + "\"></a>"
			})},
			docs:   []Doc{{"ifu.md", "ifu"}},
			status: map[string]check.Status{"IFU-UPDATES": check.Passed, "IFU-LAY-HYGIENE": check.Passed, "ADM-ROLES": check.NotApplicable, "NET-PORTS": check.NotApplicable, "PUB-CVD": check.NotApplicable},
			none:   true,
		},
		{
			name:   "every IfU item by heading attribute",
			device: spec.Device{Networked: true, LayUsers: true},
			files: map[string]string{"ifu.md": fullDoc(mdcg, "ifu", func(it *catalog.Item) string {
				return "### Other text {#" + it.Anchor + "}"
			})},
			docs:   []Doc{{"ifu.md", "ifu"}},
			status: map[string]check.Status{"IFU-UPDATES": check.Passed, "IFU-MIN-NETWORK": check.Passed},
			none:   true,
		},
		{
			name:   "every item of every document by heading text, numbered and punctuated",
			device: spec.Device{Networked: true, LayUsers: true, Cloud: true, RemoteService: true, AdminWS: true},
			files: map[string]string{
				"ifu.md": fullDoc(mdcg, "ifu", func(it *catalog.Item) string {
					return "## 4.2 " + strings.ToUpper(it.Headings.In("en")[len(it.Headings.In("en"))-1]) + ":"
				}),
				"admin.md":   fullDoc(mdcg, "admin", func(it *catalog.Item) string { return "## A.1 " + it.Headings.In("en")[0] }),
				"network.md": fullDoc(mdcg, "network", func(it *catalog.Item) string { return "Section 3: " + it.Title + "\n---" }),
				"public.md": fullDoc(mdcg, "public", func(it *catalog.Item) string {
					return "# " + strings.ReplaceAll(it.Headings.In("en")[0], " and ", " & ") + "."
				}),
			},
			docs:   []Doc{{"ifu.md", "ifu"}, {"admin.md", "admin"}, {"network.md", "network"}, {"public.md", "public"}},
			status: map[string]check.Status{"IFU-UPDATES": check.Passed, "ADM-REMOTE": check.Passed, "NET-CLOUD": check.Passed, "PUB-MDS2": check.Passed},
			none:   true,
		},
		{
			name:  "heading variants",
			files: map[string]string{"ifu.md": section("## 4.2 Security Updates") + section("## Software updates:") + section("### 7) Backup & Restore")},
			docs:  []Doc{{"ifu.md", "ifu"}},
			status: map[string]check.Status{
				"IFU-UPDATES": check.Passed, "IFU-BACKUP": check.Passed,
				"IFU-ENV": check.Failed, "IFU-FAILSAFE": check.Warned, "IFU-MIN-NETWORK": check.NotApplicable,
			},
		},
		{
			name:  "headings in fenced code do not count",
			files: map[string]string{"ifu.md": "# IfU\n\n```markdown\n## Security updates <a id=\"ifu-updates\"></a>\n```\n"},
			docs:  []Doc{{"ifu.md", "ifu"}},
			findings: map[string][]string{"IFU-UPDATES": {
				"ifu.md:1 error missing section for IFU-UPDATES (Security updates - announcement, obtaining, installing, integrity); " +
					"add a heading such as `## Updates <a id=\"ifu-updates\"></a>`; these headings also count: `Security updates`, `Software updates`",
			}},
		},
		{
			name:     "lay-user item not applicable without lay users",
			files:    map[string]string{"ifu.md": section("## Updates")},
			docs:     []Doc{{"ifu.md", "ifu"}},
			status:   map[string]check.Status{"IFU-LAY-HYGIENE": check.NotApplicable, "IFU-UPDATES": check.Passed},
			findings: map[string][]string{"IFU-LAY-HYGIENE": nil},
		},
		{
			name:     "lay-user item required with lay users",
			device:   spec.Device{LayUsers: true},
			files:    map[string]string{"ifu.md": section("## Updates")},
			docs:     []Doc{{"ifu.md", "ifu"}},
			status:   map[string]check.Status{"IFU-LAY-HYGIENE": check.Failed},
			findings: map[string][]string{"IFU-LAY-HYGIENE": {"error missing section for IFU-LAY-HYGIENE"}},
		},
		{
			name:   "only the targets given are checked",
			files:  map[string]string{"admin.md": section("## Logging")},
			docs:   []Doc{{"admin.md", "admin"}},
			status: map[string]check.Status{"ADM-LOGGING": check.Passed, "ADM-ROLES": check.Failed, "ADM-AUTH": check.Warned, "IFU-UPDATES": check.NotApplicable, "PUB-SBOM": check.NotApplicable},
		},
		{
			name:   "an item of two documents is looked for in each",
			device: spec.Device{Networked: true, Cloud: true},
			files: map[string]string{
				"admin.md":   section("## Cloud hosting"),
				"network.md": section("## Firewall rules"),
			},
			docs:     []Doc{{"admin.md", "admin"}, {"network.md", "network"}},
			status:   map[string]check.Status{"NET-CLOUD": check.Failed, "NET-FIREWALL": check.Passed},
			findings: map[string][]string{"NET-CLOUD": {"network.md:1 error missing section for NET-CLOUD"}},
		},
		{
			name:   "several documents of one target",
			files:  map[string]string{"ifu-1.md": section("## Updates"), "ifu-2.md": section("## Backup")},
			docs:   []Doc{{"ifu-1.md", "ifu"}, {"ifu-2.md", "ifu"}},
			status: map[string]check.Status{"IFU-UPDATES": check.Passed, "IFU-BACKUP": check.Passed},
		},
		{
			name:     "FDA item addressed by the MDCG section it maps to",
			profiles: []string{"mdcg-2019-16", "fda-premarket-2023"},
			files:    map[string]string{"ifu.md": section("## Patching <a id=\"ifu-updates\"></a>")},
			docs:     []Doc{{"ifu.md", "ifu"}},
			status:   map[string]check.Status{"IFU-UPDATES": check.Passed, "FDA-L6": check.Passed, "FDA-L9": check.Warned},
			findings: map[string][]string{"FDA-L9": {"`## Backup and restore <a id=\"ifu-backup\"></a>`"}},
		},
		{
			name:     "FDA item by its own anchor",
			profiles: []string{"fda-premarket-2023"},
			files:    map[string]string{"ifu.md": section("## Patching {#fda-updates}")},
			docs:     []Doc{{"ifu.md", "ifu"}},
			status:   map[string]check.Status{"FDA-L6": check.Passed},
		},
		{
			name:   "recommended raised to required",
			device: spec.Device{USMarket: true},
			files:  map[string]string{"public.md": section("## Security advisories")},
			docs:   []Doc{{"public.md", "public"}},
			status: map[string]check.Status{"PUB-CVD": check.Failed, "PUB-ADVISORIES": check.Passed, "PUB-SBOM": check.Warned},
			findings: map[string][]string{
				"PUB-CVD":  {"public.md:1 error missing section for PUB-CVD"},
				"PUB-SBOM": {"warning missing section for PUB-SBOM"},
			},
		},
		{
			name: "empty and placeholder sections are findings of the item's level",
			files: map[string]string{"ifu.md": "# IfU\n\n## Security updates <a id=\"ifu-updates\"></a>\n\nTODO\n\n" +
				"## Backup\n### Backup of the data\n\n## Intended environment\n\n" + realText + "\n\n## Warnings\n\n## Residual risks\n\n" + realText +
				"\n\n## Failsafe mode\n\nNot applicable.\n\n## Training\n\nTBD: ask the trainers\n"},
			docs: []Doc{{"ifu.md", "ifu"}},
			status: map[string]check.Status{"IFU-UPDATES": check.Failed, "IFU-BACKUP": check.Failed, "IFU-ENV": check.Passed,
				"IFU-RESIDUAL-RISK": check.Passed, "IFU-FAILSAFE": check.Warned, "IFU-USER-SKILLS": check.Failed},
			findings: map[string][]string{
				"IFU-UPDATES":       {"ifu.md:3 error the section `Security updates` for IFU-UPDATES (Security updates - announcement, obtaining, installing, integrity) holds only the placeholder `TODO`; write its content"},
				"IFU-BACKUP":        {"ifu.md:7 error the section `Backup` for IFU-BACKUP (Backup and restore of data and configuration) is empty", "ifu.md:8 error the section `Backup of the data` for IFU-BACKUP"},
				"IFU-ENV":           nil,
				"IFU-RESIDUAL-RISK": nil, // an empty "Warnings" does not matter beside a written "Residual risks"
				"IFU-FAILSAFE":      {"ifu.md:20 warning the section `Failsafe mode` for IFU-FAILSAFE (Failsafe mode and protection of critical functions) holds only the placeholder `Not applicable.`"},
				"IFU-USER-SKILLS":   {"ifu.md:24 error the section `Training` for IFU-USER-SKILLS (Training and IT skills per role) holds only the placeholder `TBD: ask the trainers`"},
			},
		},
		{
			name: "short sections, missing facts and leftover markers",
			files: map[string]string{"ifu.md": "# IfU\n\n## Security updates\n\nUpdates come automatically.\n\n" +
				"## Security incidents\n\nIf you suspect an incident, disconnect the device from the network and tell the manufacturer at once.\n\n" +
				"## End of support\n\nWe support the device for a long time and tell you before support ends.\n\n" +
				"## Serious incidents\n\nReport serious incidents to the manufacturer (contact: TBD) and to the competent authority.\n"},
			docs: []Doc{{"ifu.md", "ifu"}},
			status: map[string]check.Status{"IFU-UPDATES": check.Warned, "IFU-INCIDENT": check.Failed, "IFU-EOS": check.Warned,
				"IFU-SERIOUS-INCIDENT": check.Warned},
			findings: map[string][]string{
				"IFU-UPDATES":          {"ifu.md:3 warning the section `Security updates` for IFU-UPDATES (Security updates - announcement, obtaining, installing, integrity) has 3 words, fewer than the 15 the item needs"},
				"IFU-INCIDENT":         {"ifu.md:7 error the section `Security incidents` for IFU-INCIDENT (What to do on a suspected security incident; manufacturer contact) does not give an e-mail address, telephone number or web address"},
				"IFU-EOS":              {"ifu.md:11 warning the section `End of support` for IFU-EOS (End of support and end of life; what happens afterwards) does not give an end-of-support date or a support period"},
				"IFU-SERIOUS-INCIDENT": {"ifu.md:15 warning the section `Serious incidents` for IFU-SERIOUS-INCIDENT (Notice on reporting serious incidents to the manufacturer and the competent authority) still holds the placeholder `TBD`"},
			},
		},
		{
			name: "one heading addresses several items; a more specific heading wins",
			files: map[string]string{"ifu.md": "# IfU\n\n## 9.7 Software updates and backup\n\n" + realText +
				"\n\n## Reporting serious incidents\n\n" + realText + "\n"},
			docs:     []Doc{{"ifu.md", "ifu"}},
			status:   map[string]check.Status{"IFU-UPDATES": check.Passed, "IFU-BACKUP": check.Passed, "IFU-SERIOUS-INCIDENT": check.Passed, "IFU-INCIDENT": check.Failed},
			findings: map[string][]string{"IFU-INCIDENT": {"; the heading `Reporting serious incidents` (line 7) was taken for IFU-SERIOUS-INCIDENT, whose heading `Reporting serious incidents` it matches more closely"}},
		},
		{
			name:   "closest heading and a misspelling",
			files:  map[string]string{"ifu.md": "# IfU\n\n## Compatibel equipment\n\n" + realText + "\n"},
			docs:   []Doc{{"ifu.md", "ifu"}},
			status: map[string]check.Status{"IFU-COMPAT": check.Warned},
			findings: map[string][]string{"IFU-COMPAT": {"warning missing section for IFU-COMPAT (Compatible equipment and combination restrictions); " +
				"add a heading such as `## Compatibility <a id=\"ifu-compatibility\"></a>`; these headings also count: `Compatible devices`, `Compatible equipment`, `Combination with other devices`; " +
				"the closest heading, `Compatibel equipment` (line 3), lacks `compatible` (is `compatibel` a misspelling?) of `Compatible equipment`"}},
		},
		{
			name: "front-matter bindings",
			files: map[string]string{"ifu.md": "---\ndocgen-sections:\n  IFU-BACKUP: Looking after your readings\n  ifu-alerts: [Messages on the screen, Beeps]\n---\n" +
				"# IfU\n\n## 3. Looking after your READINGS!\n\n" + realText + "\n\n## Messages on the screen\n\n" + realText + "\n"},
			docs:     []Doc{{"ifu.md", "ifu"}},
			status:   map[string]check.Status{"IFU-BACKUP": check.Passed, "IFU-ALERTS": check.Warned},
			findings: map[string][]string{"IFU-ALERTS": {"ifu.md:4 warning `docgen-sections` binds IFU-ALERTS to the heading `Beeps`, which the document does not have"}},
		},
		{
			name: "missing section placed after the closest earlier one",
			files: map[string]string{"ifu.md": "# IfU\n\n### Intended environment\n\n" + realText + "\n\n#### Physical access\n\nLocked room.\n\n" +
				"### Residual risks\n\n" + realText + "\n"},
			docs: []Doc{{"ifu.md", "ifu"}},
			findings: map[string][]string{
				"IFU-MIN-PLATFORM":  {"ifu.md:7 error missing section for IFU-MIN-PLATFORM (Minimum hardware and software platform); add a heading such as `### Minimum requirements <a id=\"ifu-platform\"></a>` after the section `Intended environment` (line 3)"},
				"IFU-ENV-CONTROLS":  {"ifu.md:7 error"},
				"IFU-RESIDUAL-RISK": nil,
				"IFU-FEATURES":      {"ifu.md:11 error missing section for IFU-FEATURES (Security features and configuration options, secure by default); add a heading such as `### Security features <a id=\"ifu-security-features\"></a>` after the section `Residual risks` (line 11); these headings also count: `Security settings`"},
			},
		},
		{
			name:  "typo in an anchor",
			files: map[string]string{"ifu.md": "# IfU\n\n## Staying current <a id=\"ifu-update\"></a>\n\n" + realText + "\n"},
			docs:  []Doc{{"ifu.md", "ifu"}},
			findings: map[string][]string{
				"IFU-UPDATES": {"; is the anchor `ifu-update` in "},
				"IFU-BACKUP":  {"error missing section for IFU-BACKUP (Backup and restore of data and configuration); add a heading such as `## Backup and restore <a id=\"ifu-backup\"></a>`; these headings also count: `Backup`, `Restoring data`"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runCase(t, tt) })
	}
}

func TestCheckClauses(t *testing.T) {
	res := runCase(t, checkCase{
		device: spec.Device{Regulation: spec.IVDR},
		files:  map[string]string{"ifu.md": "# IfU\n"},
		docs:   []Doc{{"ifu.md", "ifu"}},
	})
	fs := findingsOf(t, res, "IFU-UPDATES")
	if len(fs) != 1 || !slices.Contains(fs[0].Clauses, "IVDR Annex I 20.4.1(s)") || !slices.Equal(fs[0].Clauses, outcome(t, res, "IFU-UPDATES").Clauses) {
		t.Errorf("clauses %v", fs)
	}
	if o := outcome(t, res, "IFU-SERIOUS-INCIDENT"); slices.ContainsFunc(o.Clauses, func(c string) bool { return strings.HasPrefix(c, "MDR") }) {
		t.Errorf("IVDR device has MDR clauses: %v", o.Clauses)
	}
}

func TestCheckErrors(t *testing.T) {
	cats := loadCatalogs(t, "mdcg-2019-16")
	dir := writeFiles(t, map[string]string{"ifu.md": "# IfU\n"})
	tests := []struct {
		docs []Doc
		want string
	}{
		{nil, "no documents"},
		{[]Doc{{filepath.Join(dir, "ifu.md"), "manual"}}, "unknown document target `manual`"},
		{[]Doc{{filepath.Join(dir, "nope.md"), "ifu"}}, filepath.Join(dir, "nope.md") + ": no such file"},
	}
	for _, tt := range tests {
		if _, err := Check(&spec.Spec{}, cats, tt.docs); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Check(%v) error %v, want %q", tt.docs, err, tt.want)
		}
	}
	// A nil spec is a device with every flag off.
	res, err := Check(nil, cats, []Doc{{filepath.Join(dir, "ifu.md"), "ifu"}})
	if err != nil {
		t.Fatal(err)
	}
	if o := outcome(t, res, "IFU-MIN-NETWORK"); o.Status != check.NotApplicable {
		t.Errorf("IFU-MIN-NETWORK %s without a spec", o.Status)
	}
}

// TestHandWrittenIfU checks a realistic hand-written IfU: numbered and
// punctuated headings, a {#id} and an inline anchor, a heading inside a code
// block, a table of contents linking to anchors and a TBD section.
func TestHandWrittenIfU(t *testing.T) {
	const path = "testdata/ifu-handwritten.md"
	docs, err := ParseDocArgs([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0] != (Doc{path, "ifu"}) {
		t.Fatalf("docs %v", docs)
	}
	s := &spec.Spec{Device: spec.Device{Networked: true, LayUsers: true, Regulation: spec.MDR}}
	res, err := Check(s, loadCatalogs(t, "mdcg-2019-16"), docs)
	if err != nil {
		t.Fatal(err)
	}
	checkConsistent(t, res)
	type found struct {
		id   string
		sev  catalog.Severity
		line int
	}
	var got []found
	for _, f := range res.Findings {
		got = append(got, found{f.RuleID, f.Severity, f.Pos.Line})
	}
	want := []found{
		{"IFU-ENV-CONTROLS", catalog.Error, 29}, // after "2.1 Network requirements", the end of "2. System requirements"
		{"IFU-BACKUP", catalog.Error, 50},       // after "6 Software Updates"; the heading in its code block does not count
		{"IFU-FAILSAFE", catalog.Warning, 50},   // after "6 Software Updates"
		{"IFU-ALERTS", catalog.Warning, 60},     // TBD: the item is recommended
		{"IFU-COMPAT", catalog.Warning, 74},     // after "Training"
		{"IFU-RESPONSIBILITIES", catalog.Error, 78},
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings\n got %v\nwant %v", got, want)
	}
	if res.File != path || res.Summary.Errors != 3 || res.Summary.Warnings != 3 || res.Summary.Notes != 0 {
		t.Errorf("file %s, summary %+v", res.File, res.Summary)
	}
	for _, id := range []string{"IFU-ENV", "IFU-MIN-PLATFORM", "IFU-MIN-NETWORK", "IFU-RESIDUAL-RISK", "IFU-FEATURES",
		"IFU-INITIAL-SETUP", "IFU-UPDATES", "IFU-INCIDENT", "IFU-SERIOUS-INCIDENT", "IFU-USER-SKILLS",
		"IFU-LAY-HYGIENE", "IFU-EOS", "IFU-DECOMMISSION", "IFU-REVISION"} {
		if o := outcome(t, res, id); o.Status != check.Passed {
			t.Errorf("%s: %s %v", id, o.Status, findingsOf(t, res, id))
		}
	}

	// Every reporter prints the result.
	for _, format := range report.Formats {
		var b bytes.Buffer
		if err := report.Write(&b, format, []*check.Result{res}, report.Options{}); err != nil {
			t.Errorf("%s: %v", format, err)
		}
		if !strings.Contains(b.String(), "IFU-BACKUP") {
			t.Errorf("%s report does not mention IFU-BACKUP:\n%s", format, b.String())
		}
	}
	var b bytes.Buffer
	if err := report.Write(&b, "text", []*check.Result{res}, report.Options{}); err != nil {
		t.Fatal(err)
	}
	wantLine := path + ":50:1: error IFU-BACKUP: missing section for IFU-BACKUP (Backup and restore of data and configuration); " +
		"add a heading such as `## Backup and restore <a id=\"ifu-backup\"></a>` after the section `6 Software Updates` (line 50); " +
		"these headings also count: `Backup`, `Restoring data`, `Data safeguarding` [MDCG 2019-16 §4.2; MDCG 2019-16 §4.3 #3; MDR Annex I 23.4(ab)]"
	if !strings.Contains(b.String(), wantLine) {
		t.Errorf("text report lacks\n%s\n%s", wantLine, b.String())
	}
}

// TestGermanHeadings checks a hand-written IfU in another language: the
// headings of its vocabulary (headings: in specs/vocabulary/<lang>.yaml)
// address the items, and a missing section is reported with the headings
// of that language.
func TestGermanHeadings(t *testing.T) {
	const vocab = "testdata/lang/vocabulary-de.yaml"
	data, err := os.ReadFile(vocab)
	if err != nil {
		t.Fatal(err)
	}
	lex, err := parseLexicon(vocab, data)
	if err != nil {
		t.Fatal(err)
	}
	lexicons.Store(lex.Language, lexiconResult{lex, nil})
	t.Cleanup(func() { lexicons.Delete(lex.Language) })

	const path = "testdata/lang/ifu-de.md"
	s := &spec.Spec{Device: spec.Device{Networked: true, LayUsers: true, Regulation: spec.MDR}}
	res, err := Check(s, loadCatalogs(t, "mdcg-2019-16"), []Doc{{path, "ifu"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"IFU-ENV", "IFU-MIN-PLATFORM", "IFU-RESIDUAL-RISK", "IFU-UPDATES"} {
		if o := outcome(t, res, id); o.Status != check.Passed {
			t.Errorf("%s: %s %v", id, o.Status, findingsOf(t, res, id))
		}
	}
	fs := findingsOf(t, res, "IFU-BACKUP")
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "Datensicherung") {
		t.Errorf("IFU-BACKUP: want one finding naming the German heading Datensicherung, got %v", fs)
	}
}

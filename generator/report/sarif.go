package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
)

// The tool as SARIF and JSON name it.
const (
	toolName = "docgen"
	toolURI  = "https://github.com/docgen/docgen"
)

// SARIF constants.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// srcRoot is the uriBaseId of relative artifact locations; GitHub code
	// scanning resolves it to the repository checkout.
	srcRoot = "%SRCROOT%"
)

// writeSARIF writes a SARIF 2.1.0 log with one run. The rules are the
// catalog items and rules of the results, deduplicated by id in the order
// first seen; waived findings are results with an accepted suppression.
func writeSARIF(b *bytes.Buffer, files []*specFile, opts Options) error {
	rules := newRuleSet()
	rules.help = helpURIs(files, opts.ToolVersion)
	for _, f := range files {
		for _, o := range f.outcomes {
			rules.add(o.ID, o.Title, o.Severity, o.Clauses, o.Targets)
		}
		for _, fd := range f.findings {
			rules.add(fd.RuleID, fd.Title, fd.Severity, fd.Clauses, fd.Targets)
		}
	}
	results := []sarifResult{}
	seen := map[string]int{}
	for _, f := range files {
		for _, fd := range f.findings {
			results = append(results, newSARIFResult(fd, rules.index[fd.RuleID], seen))
		}
	}
	log := sarifLog{
		Schema: sarifSchema, Version: sarifVersion,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name: toolName, InformationURI: toolURI, Version: opts.ToolVersion,
				SemanticVersion: semanticVersion(opts.ToolVersion), Language: msg.DefaultLanguage, Rules: rules.list,
			}},
			Results: results,
			// The language and newline sequences are the SARIF defaults
			// (for English messages), written out because SARIF object
			// models such as go-sarif otherwise fill in invalid values.
			Language:         msg.DefaultLanguage,
			NewlineSequences: []string{"\r\n", "\n"},
			ColumnKind:       "unicodeCodePoints",
		}},
	}
	return encodeJSON(b, log)
}

// ruleSet collects reporting descriptors in the order first seen.
type ruleSet struct {
	list  []sarifRule
	index map[string]int
	// help maps rule ids to the address of their documentation.
	help map[string]string
}

// helpURIs returns, for every catalog item and rule of the profiles the
// results were checked against, the address of its definition in docgen's
// repository: the catalog file at the line of the entry, with its title,
// clauses, the spec fields that satisfy it and how to fix a finding. A
// release links its own tag; other builds link the main branch.
func helpURIs(files []*specFile, version string) map[string]string {
	ref := "main"
	if releaseTag.MatchString(version) {
		ref = version
	}
	out := map[string]string{}
	var seen []string
	for _, f := range files {
		for _, o := range f.outcomes {
			if slices.Contains(seen, o.Profile) || !slices.Contains(catalog.Profiles(), o.Profile) {
				continue
			}
			seen = append(seen, o.Profile)
			c, err := catalog.Load(o.Profile)
			if err != nil || c.Sources == nil {
				continue
			}
			link := func(id, path string) {
				pos := c.Sources.Lookup(path)
				if _, ok := out[id]; !ok && pos.Line > 0 {
					out[id] = toolURI + "/blob/" + ref + "/" + filepath.ToSlash(pos.File) + "#L" + strconv.Itoa(pos.Line)
				}
			}
			for i, it := range c.Items {
				link(it.ID, yamlx.Index("items", i))
			}
			for i, r := range c.Rules {
				link(r.ID, yamlx.Index("rules", i))
			}
		}
	}
	return out
}

// releaseTag matches the version of a release build, which has a tag of
// its own in the repository.
var releaseTag = regexp.MustCompile(`^v\d+\.\d+\.\d+$`)

func newRuleSet() *ruleSet { return &ruleSet{list: []sarifRule{}, index: map[string]int{}} }

// add records the rule id unless it is known already.
func (rs *ruleSet) add(id, title string, sev catalog.Severity, clauses, targets []string) {
	if _, ok := rs.index[id]; ok {
		return
	}
	if title == "" {
		title = id
	}
	full := title
	if len(clauses) > 0 {
		full = msg.Format("report.sarif.description", title, strings.Join(clauses, "; "))
	}
	var tags []string
	for _, t := range append(append([]string{}, clauses...), targets...) {
		if !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	var props *sarifProperties
	if len(tags) > 0 {
		props = &sarifProperties{Tags: tags}
	}
	rs.index[id] = len(rs.list)
	rs.list = append(rs.list, sarifRule{
		ID: id, Name: camelCase(id),
		HelpURI:              rs.help[id],
		ShortDescription:     sarifText{Text: title},
		FullDescription:      sarifText{Text: full},
		DefaultConfiguration: sarifConfig{Level: sarifLevel(sev)},
		Properties:           props,
	})
}

// newSARIFResult converts a finding; seen is passed to fingerprint.
func newSARIFResult(fd check.Finding, ruleIndex int, seen map[string]int) sarifResult {
	r := sarifResult{
		RuleID: fd.RuleID, RuleIndex: ruleIndex, Level: sarifLevel(fd.Severity),
		Message:             sarifText{Text: fd.Message + clauseList(fd.Clauses)},
		Locations:           []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: artifactLocation(fd.Pos.File), Region: sarifRegion{StartLine: max(fd.Pos.Line, 1), StartColumn: fd.Pos.Col}}}},
		PartialFingerprints: sarifFingerprints{Finding: fingerprint(fd, seen)},
	}
	if fd.Waived {
		r.Suppressions = []sarifSuppression{{Kind: "external", Status: "accepted", Justification: fd.Rationale}}
	}
	return r
}

// fingerprint identifies a finding across runs: a hash of its rule id, spec
// path and file, and its occurrence number among findings with the same
// hash so far, which seen counts. Every finding must pass through it in
// result order, waived or not, so that the numbers do not shift.
func fingerprint(fd check.Finding, seen map[string]int) string {
	key := fd.RuleID + "\x00" + fd.Path + "\x00" + fd.Pos.File
	seen[key]++
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16]) + ":" + strconv.Itoa(seen[key])
}

// artifactLocation returns the location of a spec file: a relative URI
// based on %SRCROOT%, or a file: URI for an absolute path.
func artifactLocation(p string) sarifArtifact {
	if strings.HasPrefix(p, "/") || (len(p) > 2 && p[1] == ':' && p[2] == '/') {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // Windows drive letter
		}
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	}
	return sarifArtifact{URI: (&url.URL{Path: p}).String(), URIBaseID: srcRoot}
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s catalog.Severity) string {
	switch s {
	case catalog.Error:
		return "error"
	case catalog.Warning:
		return "warning"
	}
	return "note"
}

// camelCase turns a rule id such as NET-CLEARTEXT into NetCleartext.
func camelCase(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		b.WriteString(strings.ToUpper(part[:1]) + strings.ToLower(part[1:]))
	}
	return b.String()
}

var semver = regexp.MustCompile(`^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$`)

// semanticVersion returns version as a semantic version without the "v"
// prefix, or "" when it is not one.
func semanticVersion(version string) string {
	if m := semver.FindStringSubmatch(version); m != nil {
		return m[1]
	}
	return ""
}

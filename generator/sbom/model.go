package sbom

// Formats and encodings reported in [BOM.Format] and [BOM.Encoding].
const (
	FormatCycloneDX  = "CycloneDX"
	FormatSPDX       = "SPDX"
	EncodingJSON     = "json"
	EncodingXML      = "xml"
	EncodingYAML     = "yaml"      // SPDX only
	EncodingTagValue = "tag-value" // SPDX only
)

// BOM is docgen's format-neutral model of a software bill of materials. It is
// filled from CycloneDX (JSON or XML) and SPDX (JSON) alike; every slice is
// non-nil after [Read], [Parse] or [BOM.Normalize], so templates can range
// over it without nil checks.
type BOM struct {
	Format       string // FormatCycloneDX or FormatSPDX
	Encoding     string // EncodingJSON or EncodingXML
	SpecVersion  string // "1.6" for CycloneDX, "2.3" for SPDX
	SerialNumber string // CycloneDX serialNumber or SPDX documentNamespace
	Version      int    // CycloneDX version of the BOM; 0 for SPDX
	Timestamp    string // as written (RFC 3339)

	// Authors are the people and organisations that wrote the SBOM data:
	// CycloneDX metadata.authors or the Person and Organization creators of
	// SPDX.
	Authors []string
	// Tools are the tools that made the SBOM, as "name version".
	Tools []string
	// Subject is the component the SBOM describes (CycloneDX
	// metadata.component, SPDX described package), or nil.
	Subject *Component
	// Components are all components in document order, nested ones flattened
	// right after their parent, with Parent set to the parent's BOMRef.
	Components      []Component
	Dependencies    []Dependency
	Vulnerabilities []Vulnerability

	// ControlChars lists the texts from which [BOM.Normalize] removed
	// control characters (NUL, BEL, ESC, ...), as paths such as
	// "components[3].name"; they never reach a document.
	ControlChars []string
}

// Component is one component (CycloneDX) or package (SPDX).
type Component struct {
	BOMRef    string // CycloneDX bom-ref or SPDX SPDXID
	Type      string // CycloneDX component type; SPDX primaryPackagePurpose in lower case with "-" for "_", or ""
	Group     string
	Name      string
	Version   string
	Supplier  string // supplier name, else manufacturer name (SPDX: PackageSupplier without "Organization: ")
	Author    string // author, or authors joined with ", "
	Publisher string
	Purl      string
	CPE       string
	Scope     string // required, optional or excluded; "" if not given
	Parent    string // BOMRef (or, lacking one, the name) of the enclosing component; "" at top level

	// Licenses are SPDX ids, SPDX expressions or licence names.
	Licenses   []string
	Hashes     []Hash
	Properties []Property

	// SupportLevel is the normalised support level: one of the Support*
	// constants, or "" when the SBOM says nothing.
	SupportLevel string
	// EndOfSupport is the end-of-support date as YYYY-MM-DD, or "".
	EndOfSupport string
	// SupportSource says where the support data came from: "property:<name>"
	// for an SBOM property, SourceSpec for an [Override] from the device spec.
	SupportSource string

	// SWID is the tagId of a CycloneDX swid element; it counts as a unique
	// identifier for the NTIA minimum elements.
	SWID string
}

// Support levels as normalised in [Component.SupportLevel].
const (
	SupportActive       = "actively-maintained"
	SupportNoLonger     = "no-longer-maintained"
	SupportAbandoned    = "abandoned"
	SupportUnknown      = "unknown"
	SourceSpec          = "spec"
	sourcePropertyLabel = "property:"
)

// Hash is a checksum of a component.
type Hash struct {
	Alg   string // as written, e.g. "SHA-256" (SPDX: "SHA256")
	Value string
}

// Property is a name/value pair attached to a component, as written.
type Property struct {
	Name  string
	Value string
}

// Dependency says that the component Ref depends on the components
// DependsOn (bom-refs or SPDX ids).
type Dependency struct {
	Ref       string
	DependsOn []string
}

// Vulnerability is a known vulnerability with its analysis (VEX) data.
type Vulnerability struct {
	ID             string
	SourceName     string
	SourceURL      string
	Description    string
	Detail         string // the vulnerability's detail
	Recommendation string
	// AnalysisDetail is CycloneDX analysis.detail: why the State holds.
	AnalysisDetail string
	Ratings        []Rating
	// Affects are the bom-refs (or purls) of the affected components.
	Affects []string
	// State and Justification are CycloneDX analysis.state and
	// analysis.justification, "" if not given.
	State         string
	Justification string
	Responses     []string
	Published     string
	Updated       string
}

// Rating is a severity rating of a vulnerability.
type Rating struct {
	Source   string
	Score    float64
	Severity string
	Method   string
	Vector   string
}

// Normalize makes every slice of b and of its components, dependencies and
// vulnerabilities non-nil, and removes control characters from every text
// (see [BOM.ControlChars]). [Read] and [Parse] call it; call it again after
// building or changing a BOM by hand.
func (b *BOM) Normalize() {
	b.Authors = nonNil(b.Authors)
	b.Tools = nonNil(b.Tools)
	if b.Components == nil {
		b.Components = []Component{}
	}
	if b.Dependencies == nil {
		b.Dependencies = []Dependency{}
	}
	if b.Vulnerabilities == nil {
		b.Vulnerabilities = []Vulnerability{}
	}
	if b.Subject != nil {
		b.Subject.normalize()
	}
	for i := range b.Components {
		b.Components[i].normalize()
	}
	for i := range b.Dependencies {
		b.Dependencies[i].DependsOn = nonNil(b.Dependencies[i].DependsOn)
	}
	normalizeVulns(b.Vulnerabilities)
	b.stripAllControls()
	b.ControlChars = nonNil(b.ControlChars)
}

func normalizeVulns(vs []Vulnerability) {
	for i := range vs {
		v := &vs[i]
		if v.Ratings == nil {
			v.Ratings = []Rating{}
		}
		v.Affects = nonNil(v.Affects)
		v.Responses = nonNil(v.Responses)
	}
}

func (c *Component) normalize() {
	c.Licenses = nonNil(c.Licenses)
	if c.Hashes == nil {
		c.Hashes = []Hash{}
	}
	if c.Properties == nil {
		c.Properties = []Property{}
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Open reports whether the vulnerability still needs action: it is
// exploitable, in triage, or not analysed yet. Resolved, false-positive
// and not-affected vulnerabilities are closed.
func (v Vulnerability) Open() bool {
	switch v.State {
	case "", "exploitable", "in_triage":
		return true
	}
	return false
}

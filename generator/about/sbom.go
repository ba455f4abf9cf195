package about

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"

	cdx "github.com/CycloneDX/cyclonedx-go"
)

// SBOMOptions adjust WriteSBOM.
type SBOMOptions struct {
	// Version is the docgen version the SBOM describes (see Version).
	Version string
	// Name and Data are the file name and content of the binary described,
	// for its SHA-256 digest; empty when describing the running program
	// without reading it.
	Name string
	Data []byte
	// Timestamp is when the SBOM data was made: the release's commit time
	// (SOURCE_DATE_EPOCH) rather than the clock, so that the same build
	// gives the same SBOM. Zero: the commit time recorded in the build
	// information, if any; else the SBOM has no timestamp.
	Timestamp time.Time
}

// Properties of the build environment, in the cdx:gomod taxonomy that
// CycloneDX registers for Go modules.
var buildProperties = []string{"GOOS", "GOARCH", "CGO_ENABLED"}

// WriteSBOM writes a CycloneDX 1.6 JSON SBOM of a docgen binary from its
// build information: docgen as the described application, one library
// component per linked module (the module replacing it, when replaced) and
// the Go standard library, each with its supplier and licence from
// specs/thirdparty.yaml, and docgen depending on all of them (the build
// information lists the modules linked, not which needs which). The output
// is deterministic: no random serial number, no clock.
func WriteSBOM(w io.Writer, info *debug.BuildInfo, opts SBOMOptions) error {
	if info == nil {
		return fmt.Errorf("no Go build information")
	}
	tp, err := loadThirdParty()
	if err != nil {
		return err
	}
	version := opts.Version
	if version == "" {
		version = Version("", info)
	}
	main := cdx.Component{
		BOMRef: "docgen", Type: cdx.ComponentTypeApplication, Name: "docgen", Version: version,
		Supplier:   &cdx.OrganizationalEntity{Name: "The docgen authors"},
		PackageURL: purl(info.Main.Path, version),
		Licenses:   &cdx.Licenses{{License: &cdx.License{ID: "Apache-2.0"}}},
	}
	if opts.Data != nil {
		sum := sha256.Sum256(opts.Data)
		main.Hashes = &[]cdx.Hash{{Algorithm: cdx.HashAlgoSHA256, Value: hex.EncodeToString(sum[:])}}
	}
	var props []cdx.Property
	for _, k := range buildProperties {
		if v := Setting(info, k); v != "" {
			props = append(props, cdx.Property{Name: "cdx:gomod:build:env:" + k, Value: v})
		}
	}
	if opts.Name != "" {
		props = append(props, cdx.Property{Name: "docgen:file", Value: opts.Name})
	}
	if len(props) > 0 {
		main.Properties = &props
	}

	goVersion := strings.TrimPrefix(info.GoVersion, "go")
	components := []cdx.Component{{
		BOMRef: "pkg:golang/stdlib@" + goVersion, Type: cdx.ComponentTypeLibrary, Name: "stdlib", Version: goVersion,
		Supplier: &cdx.OrganizationalEntity{Name: tp.Stdlib.Supplier}, PackageURL: "pkg:golang/stdlib@" + goVersion,
		Licenses: expression(tp.Stdlib.License),
	}}
	var unknown []string
	for _, dep := range info.Deps {
		m := dep
		if dep.Replace != nil {
			m = dep.Replace
		}
		c := cdx.Component{
			BOMRef: purl(m.Path, m.Version), Type: cdx.ComponentTypeLibrary, Name: m.Path, Version: m.Version,
			PackageURL: purl(m.Path, m.Version),
		}
		if tm, ok := lookup(tp, dep.Path); ok {
			c.Supplier = &cdx.OrganizationalEntity{Name: tm.Supplier}
			c.Licenses = expression(tm.License)
		} else {
			unknown = append(unknown, dep.Path)
		}
		components = append(components, c)
	}
	if len(unknown) > 0 {
		return fmt.Errorf("no supplier and licence for %s; add them to specs/thirdparty.yaml and NOTICE", strings.Join(unknown, ", "))
	}
	refs := make([]string, len(components))
	deps := []cdx.Dependency{{Ref: main.BOMRef, Dependencies: &refs}}
	for i, c := range components {
		refs[i] = c.BOMRef
		deps = append(deps, cdx.Dependency{Ref: c.BOMRef})
	}

	ts := opts.Timestamp
	if ts.IsZero() {
		ts, _ = time.Parse(time.RFC3339, Setting(info, "vcs.time"))
	}
	meta := &cdx.Metadata{
		Authors:   &[]cdx.OrganizationalContact{{Name: "The docgen authors"}},
		Component: &main,
		Tools:     &cdx.ToolsChoice{Components: &[]cdx.Component{{Type: cdx.ComponentTypeApplication, Name: "docgen", Version: version}}},
	}
	if !ts.IsZero() {
		meta.Timestamp = ts.UTC().Format(time.RFC3339)
	}
	bom := cdx.NewBOM()
	bom.SerialNumber = serialNumber(main, components)
	bom.Metadata = meta
	bom.Components = &components
	bom.Dependencies = &deps
	enc := cdx.NewBOMEncoder(w, cdx.BOMFileFormatJSON)
	enc.SetPretty(true)
	enc.SetEscapeHTML(false)
	return enc.EncodeVersion(bom, cdx.SpecVersion1_6)
}

// expression returns a licence choice of an SPDX expression.
func expression(expr string) *cdx.Licenses {
	return &cdx.Licenses{{Expression: expr}}
}

// purl returns the package URL of a Go module version.
func purl(path, version string) string {
	return "pkg:golang/" + path + "@" + strings.ReplaceAll(version, "+", "%2B")
}

// serialNumber derives the SBOM's serial number from what it describes, so
// that the same binary always gets the same one: a UUID of version 8 (RFC
// 9562, custom) made of the first bytes of a SHA-256 digest.
func serialNumber(main cdx.Component, components []cdx.Component) string {
	h := sha256.New()
	fmt.Fprintln(h, main.Name, main.Version, main.PackageURL)
	if main.Hashes != nil {
		fmt.Fprintln(h, (*main.Hashes)[0].Value)
	}
	if main.Properties != nil {
		for _, p := range *main.Properties {
			fmt.Fprintln(h, p.Name, p.Value)
		}
	}
	for _, c := range components {
		fmt.Fprintln(h, c.BOMRef)
	}
	b := h.Sum(nil)[:16]
	b[6] = b[6]&0x0f | 0x80 // version 8
	b[8] = b[8]&0x3f | 0x80 // RFC 9562 variant
	x := hex.EncodeToString(b)
	return "urn:uuid:" + x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:]
}

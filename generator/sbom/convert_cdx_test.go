package sbom

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	cdx "github.com/CycloneDX/cyclonedx-go"
)

// fromCDX converts a CycloneDX BOM decoded by cyclonedx-go into the model.
// It is how docgen once read CycloneDX XML, and serves as the reference
// TestXMLConversion compares docgen's own XML reading with.
func fromCDX(raw *cdx.BOM) *BOM {
	b := &BOM{
		Format:       FormatCycloneDX,
		SerialNumber: raw.SerialNumber,
		Version:      raw.Version,
	}
	if m := raw.Metadata; m != nil {
		b.Timestamp = m.Timestamp
		for _, a := range deref(m.Authors) {
			if s := contactName(a); s != "" {
				b.Authors = append(b.Authors, s)
			}
		}
		b.Tools = toolNames(m.Tools)
		if m.Component != nil {
			subj := component(m.Component, "")
			b.Subject = &subj
			for i := range deref(m.Component.Components) {
				b.addComponent(&(*m.Component.Components)[i], parentKey(m.Component))
			}
		}
	}
	for i := range deref(raw.Components) {
		b.addComponent(&(*raw.Components)[i], "")
	}
	for _, d := range deref(raw.Dependencies) {
		b.Dependencies = append(b.Dependencies, Dependency{Ref: d.Ref, DependsOn: deref(d.Dependencies)})
	}
	for i := range deref(raw.Vulnerabilities) {
		b.Vulnerabilities = append(b.Vulnerabilities, vulnerability(&(*raw.Vulnerabilities)[i]))
	}
	return b
}

// addComponent appends c and, right after it, its nested components.
func (b *BOM) addComponent(c *cdx.Component, parent string) {
	b.Components = append(b.Components, component(c, parent))
	for i := range deref(c.Components) {
		b.addComponent(&(*c.Components)[i], parentKey(c))
	}
}

func parentKey(c *cdx.Component) string {
	if c.BOMRef != "" {
		return c.BOMRef
	}
	return c.Name
}

func component(c *cdx.Component, parent string) Component {
	out := Component{
		BOMRef:    c.BOMRef,
		Type:      string(c.Type),
		Group:     c.Group,
		Name:      c.Name,
		Version:   c.Version,
		Author:    c.Author,
		Publisher: c.Publisher,
		Purl:      c.PackageURL,
		CPE:       c.CPE,
		Scope:     string(c.Scope),
		Parent:    parent,
	}
	switch {
	case c.Supplier != nil && c.Supplier.Name != "":
		out.Supplier = c.Supplier.Name
	case c.Manufacturer != nil && c.Manufacturer.Name != "":
		out.Supplier = c.Manufacturer.Name
	}
	if out.Author == "" && c.Authors != nil {
		var names []string
		for _, a := range *c.Authors {
			if s := contactName(a); s != "" {
				names = append(names, s)
			}
		}
		out.Author = strings.Join(names, ", ")
	}
	if c.SWID != nil {
		out.SWID = c.SWID.TagID
	}
	out.Licenses = licenses(c.Licenses)
	for _, h := range deref(c.Hashes) {
		out.Hashes = append(out.Hashes, Hash{Alg: string(h.Algorithm), Value: strings.TrimSpace(h.Value)})
	}
	for _, p := range deref(c.Properties) {
		out.Properties = append(out.Properties, Property{Name: p.Name, Value: p.Value})
	}
	out.applySupport()
	out.normalize()
	return out
}

// licenses lists SPDX ids, names and expressions of a licence choice.
func licenses(ls *cdx.Licenses) []string {
	var out []string
	if ls == nil {
		return out
	}
	for _, l := range *ls {
		switch {
		case l.Expression != "":
			out = append(out, strings.TrimSpace(l.Expression))
		case l.License != nil && l.License.ID != "":
			out = append(out, l.License.ID)
		case l.License != nil && l.License.Name != "":
			out = append(out, strings.TrimSpace(l.License.Name))
		}
	}
	return out
}

func contactName(c cdx.OrganizationalContact) string {
	if c.Name != "" {
		return c.Name
	}
	return c.Email
}

// toolNames lists tools as "name version", legacy tools with their vendor.
func toolNames(tc *cdx.ToolsChoice) []string {
	var out []string
	if tc == nil {
		return out
	}
	for _, t := range deref(tc.Tools) {
		out = append(out, joinWords(t.Vendor, t.Name, t.Version))
	}
	for _, c := range deref(tc.Components) {
		out = append(out, joinWords(c.Group, c.Name, c.Version))
	}
	for _, s := range deref(tc.Services) {
		out = append(out, joinWords(s.Group, s.Name, s.Version))
	}
	return out
}

func vulnerability(v *cdx.Vulnerability) Vulnerability {
	out := Vulnerability{
		ID:             v.ID,
		Description:    v.Description,
		Detail:         v.Detail,
		Recommendation: v.Recommendation,
		Published:      v.Published,
		Updated:        v.Updated,
	}
	if v.Source != nil {
		out.SourceName, out.SourceURL = v.Source.Name, v.Source.URL
	}
	for _, r := range deref(v.Ratings) {
		rt := Rating{Severity: string(r.Severity), Method: string(r.Method), Vector: r.Vector}
		if r.Source != nil {
			rt.Source = r.Source.Name
		}
		if r.Score != nil {
			rt.Score = *r.Score
		}
		out.Ratings = append(out.Ratings, rt)
	}
	for _, a := range deref(v.Affects) {
		out.Affects = append(out.Affects, a.Ref)
	}
	if a := v.Analysis; a != nil {
		out.State = string(a.State)
		out.Justification = string(a.Justification)
		out.AnalysisDetail = a.Detail
		for _, r := range deref(a.Response) {
			out.Responses = append(out.Responses, string(r))
		}
	}
	return out
}

// deref returns the slice p points to, or nil.
func deref[T any](p *[]T) []T {
	if p == nil {
		return nil
	}
	return *p
}

// referenceXML reads a CycloneDX XML document the way docgen once did:
// decoded by cyclonedx-go, then converted.
func referenceXML(t *testing.T, data []byte) *BOM {
	t.Helper()
	var raw cdx.BOM
	if err := cdx.NewBOMDecoder(bytes.NewReader(data), cdx.BOMFileFormatXML).Decode(&raw); err != nil {
		t.Fatal(err)
	}
	b := fromCDX(&raw)
	b.Encoding = EncodingXML
	b.Normalize()
	return b
}

// TestXMLConversion reads CycloneDX XML files, the valid files of the
// official suite included, and checks that the model built from the
// streamed elements equals the one cyclonedx-go's decoding gives.
func TestXMLConversion(t *testing.T) {
	files := map[string][]byte{"synthetic 300": syntheticCDXXML(300)}
	for _, name := range []string{"infusion-pump.cdx.xml"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = data
	}
	suite := 0
	_ = filepath.WalkDir(filepath.Join(conformanceDir, "valid"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(path) == ".xml" {
			data, err := os.ReadFile(path)
			if err == nil {
				files[path] = data
				suite++
			}
		}
		return nil
	})
	t.Logf("%d files, %d of them from the official suite", len(files), suite)
	for name, data := range files {
		got, err := Parse(name, data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		want := referenceXML(t, data)
		want.SpecVersion = got.SpecVersion
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the model differs from cyclonedx-go's:\n got %+v\nwant %+v", name, got, want)
		}
	}
}

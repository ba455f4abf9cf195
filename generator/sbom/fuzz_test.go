package sbom

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The fuzz targets feed arbitrary bytes to Parse. Whatever the input, Parse
// must not panic, must return a BOM with non-nil slices or one of the
// documented error types, and the BOM must summarise and print. Seeds come
// from testdata/fuzz/<Target>/ and the fixtures below; run for example
//
//	go test -run XXX -fuzz FuzzParseJSON -fuzztime 60s ./generator/sbom

func FuzzParseJSON(f *testing.F) {
	f.Add([]byte(minimalCDX16))
	f.Add([]byte(`{"bomFormat":"CycloneDX","specVersion":"1.2","version":1,"components":[{"type":"library","name":"a","version":"1"}]}`))
	addFile(f, "home-monitor.vex.cdx.json")
	f.Fuzz(fuzzParse)
}

func FuzzParseXML(f *testing.F) {
	f.Add([]byte(minimalCDXXML15))
	f.Add([]byte(`<bom xmlns="http://cyclonedx.org/schema/bom/1.2" version="1"><components><component type="library"><name>a</name><version>1</version></component></components></bom>`))
	addFile(f, "infusion-pump.cdx.xml")
	f.Fuzz(fuzzParse)
}

func FuzzParseSPDX(f *testing.F) {
	f.Add([]byte(minimalSPDX23))
	addFile(f, "infusion-pump.spdx23.json")
	addFile(f, "gateway.spdx22.json")
	addFile(f, "camera.spdx23.spdx")
	addFile(f, "camera.spdx23.yaml")
	f.Fuzz(fuzzParse)
}

func addFile(f *testing.F, name string) {
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
}

func fuzzParse(t *testing.T, data []byte) {
	b, err := Parse("fuzz", data)
	if err != nil {
		var ve *ValidationError
		var ue *UnsupportedError
		var pe *ParseError
		if !errors.As(err, &ve) && !errors.As(err, &ue) && !errors.As(err, &pe) {
			t.Fatalf("unexpected error type %T: %v", err, err)
		}
		if err.Error() == "" {
			t.Fatal("empty error message")
		}
		return
	}
	if b.Components == nil || b.Dependencies == nil || b.Vulnerabilities == nil || b.Authors == nil || b.Tools == nil {
		t.Fatal("nil slice in BOM")
	}
	for _, c := range b.Components {
		if c.Licenses == nil || c.Hashes == nil || c.Properties == nil {
			t.Fatal("nil slice in component")
		}
	}
	b.ApplyOverrides([]Override{{Purl: "pkg:generic/a", SupportLevel: "active"}, {BOMRef: "a", EndOfSupport: "2030-01-01"}})
	s := Summarize(b, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	if err := s.WriteText(io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteJSON(io.Discard); err != nil {
		t.Fatal(err)
	}
}

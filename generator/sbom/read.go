package sbom

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/srcpos"
)

// MaxDepth is the deepest nesting of JSON values or XML elements accepted.
// Real SBOMs nest a few dozen levels at most; the limit is checked by a
// streaming scan before any decoding.
const MaxDepth = 200

// MaxComponents is the most components, nested ones included, that an SBOM
// may list, and the most entries of any other top-level list (services,
// dependencies, vulnerabilities, ...); default 500,000, set by the CLI's
// --max-sbom-components. The size limit alone does not bound memory: an
// entry of the model takes several hundred bytes, more than a minimal entry
// takes in the file, so 256 MiB of minimal components would need
// gigabytes. Real SBOMs list tens of thousands of components, a large one a
// few hundred thousand.
var MaxComponents = 500_000

// tooMany is the error for an SBOM whose list (components, or another
// top-level list) has more than MaxComponents entries; line is 0 where
// unknown.
func tooMany(name string, line int, list string, count int) error {
	key := "sbom.too_many_entries"
	if list == "components" {
		key = "sbom.too_many_components"
	}
	return &ParseError{Pos: srcpos.Pos{File: name, Line: line}, Msg: msg.Format(key, MaxComponents, count, list)}
}

// Read reads and validates the SBOM file at path. The format, encoding and
// version are detected from the content, never from the file name. The file
// is read through package input: at most input.MaxSBOMSize bytes, regular
// files only.
//
// The error is a *ValidationError if the file is a supported SBOM that breaks
// its format's rules, an *UnsupportedError if it is another kind of file
// (SPDX 3.0, CycloneDX 1.1, ...), and a *ParseError, an input error or an
// I/O error if it cannot be read.
func Read(path string) (*BOM, error) {
	data, err := input.Read(path, input.SBOM)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads and validates an SBOM held in memory; name is used in error
// messages only. See [Read].
func Parse(name string, data []byte) (*BOM, error) {
	if limit := input.SBOM.Limit(); int64(len(data)) > limit {
		return nil, &input.TooLargeError{Path: name, Size: int64(len(data)), Limit: limit, Kind: input.SBOM}
	}
	if enc := wideEncoding(data); enc != "" {
		return nil, &ParseError{Pos: srcpos.Pos{File: name}, Msg: msg.Format("sbom.utf16", enc)}
	}
	body := bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, &ParseError{Pos: srcpos.Pos{File: name}, Msg: msg.Get("sbom.empty")}
	}
	var b *BOM
	var err error
	switch trimmed[0] {
	case '{', '[':
		b, err = parseJSON(name, body)
	case '<':
		b, err = parseXML(name, body)
	default:
		if v, ok := headerValue(trimmed, "SPDXVersion:"); ok {
			b, err = parseSPDXTagValue(name, body, v)
		} else if _, ok := headerValue(trimmed, "spdxVersion:"); ok {
			b, err = parseSPDXYAML(name, body)
		} else {
			return nil, unsupported(name, sniffText(trimmed))
		}
	}
	if err != nil {
		return nil, err
	}
	// The readers refuse a long list of components early where they can
	// count it before reading it; this catches the rest (SPDX packages, a
	// JSON member name written with escapes).
	if len(b.Components) > MaxComponents {
		return nil, tooMany(name, 0, "components", len(b.Components))
	}
	b.Normalize()
	return b, nil
}

// ReadVEX reads a separate CycloneDX VEX document (or any CycloneDX BOM)
// and returns its vulnerabilities; see [ParseVEX].
func ReadVEX(path string) ([]Vulnerability, error) {
	data, err := input.Read(path, input.VEX)
	if err != nil {
		return nil, err
	}
	return ParseVEX(path, data)
}

// ParseVEX returns the vulnerabilities of a CycloneDX VEX document held in
// memory. It is validated like [Parse] does; SPDX documents carry no VEX
// data and are refused with an *UnsupportedError.
func ParseVEX(name string, data []byte) ([]Vulnerability, error) {
	b, err := Parse(name, data)
	if err != nil {
		return nil, err
	}
	if b.Format != FormatCycloneDX {
		return nil, &UnsupportedError{File: name, Found: b.Format + " " + b.SpecVersion, Supported: msg.Get("sbom.supported_vex")}
	}
	return b.Vulnerabilities, nil
}

// wideEncoding names the encoding of a file written in UTF-16 or UTF-32,
// by its byte-order mark or, lacking one, by the zero bytes around its
// first (ASCII) character; "" for anything else.
func wideEncoding(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		return "UTF-32LE"
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return "UTF-32BE"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return "UTF-16LE"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "UTF-16BE"
	case len(data) >= 4 && data[0] == 0 && data[1] == 0 && data[2] == 0 && data[3] != 0:
		return "UTF-32BE"
	case len(data) >= 4 && data[0] != 0 && data[1] == 0 && data[2] == 0 && data[3] == 0:
		return "UTF-32LE"
	case len(data) >= 2 && data[0] == 0 && data[1] != 0:
		return "UTF-16BE"
	case len(data) >= 2 && data[0] != 0 && data[1] == 0:
		return "UTF-16LE"
	}
	return ""
}

// sniffText names a non-JSON, non-XML file for an UnsupportedError.
func sniffText(data []byte) string {
	head := data[:min(len(data), 64<<10)]
	for line := range bytes.Lines(head) {
		line = bytes.TrimSpace(line)
		switch {
		case bytes.HasPrefix(line, []byte("bomFormat:")):
			return msg.Get("sbom.found.cdx_yaml")
		case bytes.HasPrefix(line, []byte("@prefix")) && bytes.Contains(head, []byte("spdx.org/rdf")):
			return msg.Get("sbom.found.spdx_rdf")
		}
	}
	return msg.Get("sbom.found.unknown")
}

// posAt converts a byte offset in data to a 1-based line and column.
func posAt(name string, data []byte, off int64) srcpos.Pos {
	if off < 0 || off > int64(len(data)) {
		return srcpos.Pos{File: name}
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return srcpos.Pos{File: name, Line: line, Col: col}
}

// errorsAs is errors.As, kept short for the readers.
func errorsAs[T error](err error) (T, bool) {
	var t T
	ok := errors.As(err, &t)
	return t, ok
}

// versionLabel formats "CycloneDX 1.6 JSON" and the like. The SPDX YAML
// and tag-value forms are validated as JSON, so they are labelled JSON.
func versionLabel(format, version, encoding string) string {
	enc := "JSON"
	if encoding == EncodingXML {
		enc = "XML"
	}
	return fmt.Sprintf("%s %s %s", format, version, enc)
}

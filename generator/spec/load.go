// Package spec defines docgen's device-security spec (format v2) and loads it
// strictly from YAML.
//
// A spec is one YAML file per device. [Load] reads it, rejects anything it
// does not understand, and reports every problem at once, each with
// file:line:column and a hint:
//
//	s, err := spec.Load("examples/imaging-workstation/device.yaml")
//	if err != nil {
//		fmt.Println(err) // device.yaml:12:3: unknown field `firewal_rules`, did you mean `firewall_rules`?
//	}
//
// Loading checks syntax, types, enumerations, ports, addresses, dates, unique
// ids and cross-references between sections. Whether the spec is complete for
// a notified body is not the loader's business: that is package check.
package spec

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
)

// DefaultFile is the name of the spec file in a device's folder: the file
// `docgen init` writes and the one Load reads when given a folder.
const DefaultFile = "device.yaml"

// ReadError is returned when the spec file cannot be read at all.
type ReadError struct {
	Path string
	Err  error
}

// Error describes the read failure.
func (e *ReadError) Error() string {
	var tooLarge *input.TooLargeError
	var notFile *input.NotRegularError
	switch {
	case errors.Is(e.Err, fs.ErrNotExist):
		return msg.Format("spec.not_found", e.Path)
	case errors.As(e.Err, &tooLarge), errors.As(e.Err, &notFile):
		return e.Err.Error() // names the file already
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

// Unwrap returns the underlying error.
func (e *ReadError) Unwrap() error { return e.Err }

// Load reads and validates the spec at path. On failure the error is a
// *ReadError or a yamlx.Errors listing every problem found, in file order;
// the returned spec is then partial and must not be used for output.
//
// A folder stands for the spec file DefaultFile in it, the file `docgen
// init` writes: Load("my-device") reads my-device/device.yaml. The
// translation side files the spec lists are read and merged too (see
// LoadTranslations); they must lie in the spec's folder.
func Load(path string) (*Spec, error) {
	path, err := Resolve(path)
	if err != nil {
		return nil, err
	}
	data, err := Read(path)
	if err != nil {
		return nil, err
	}
	s, err := Parse(path, data)
	if err != nil {
		return s, err
	}
	_, err = LoadTranslations(s, false)
	return s, err
}

// Resolve returns the spec file path stands for: path itself, or the file
// DefaultFile in it when path is a folder. The error is a *ReadError.
func Resolve(path string) (string, error) {
	st, err := os.Stat(path)
	if err != nil || !st.IsDir() {
		return path, nil // Read reports a missing file
	}
	file := filepath.Join(path, DefaultFile)
	if _, err := os.Stat(file); err != nil {
		return "", &ReadError{Path: path, Err: errors.New(msg.Format("spec.is_dir", DefaultFile))}
	}
	return file, nil
}

// Read reads the spec file at path through the bounded reader of package
// input (at most input.MaxSpecSize bytes, regular files only); the error is
// a *ReadError.
func Read(path string) ([]byte, error) {
	data, err := input.Read(path, input.Spec)
	if err != nil {
		return nil, &ReadError{Path: path, Err: err}
	}
	return data, nil
}

// Parse decodes and validates spec data; name is used in positions. The data
// must be UTF-8 (a byte-order mark and CRLF line ends are fine); text is
// normalised to Unicode NFC, so "é" written as e + combining accent and as
// one character compare and render the same.
func Parse(name string, data []byte) (*Spec, error) {
	if utf8.Valid(data) {
		data = norm.NFC.Bytes(data)
	}
	s := &Spec{File: name}
	d := yamlx.NewDecoder(name)
	root := d.Decode(data, s)
	s.Sources = d.Sources()
	if root != nil {
		validate(d, s)
	}
	if err := d.Err(); err != nil {
		return s, err
	}
	return s, nil
}

// Field returns the reflect value of the struct field with YAML key name, or
// an invalid value. It is used by catalog path evaluation.
func Field(v reflect.Value, name string) reflect.Value {
	f, ok := yamlx.StructFields(v.Type()).Field(name)
	if !ok {
		return reflect.Value{}
	}
	return v.FieldByIndex(f.Index)
}

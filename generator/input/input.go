// Package input is the one reader of every file docgen takes as input: the
// spec, the SBOM and VEX file, waiver files, hand-written Markdown (docgen
// check --docs, docgen render) and template overrides. It refuses what is
// not a regular file (a folder, a named pipe, a device such as /dev/zero)
// before reading a byte, and a file larger than the limit of its kind
// without reading past the limit:
//
//	data, err := input.Read("device.yaml", input.Spec)
//	data, err := input.ReadIn(specDir, "sbom.cdx.json", false, input.SBOM)
//
// ReadIn opens a file named relative to a folder through [os.Root], so the
// file opened is the one inside the folder: a symbolic link that leads out
// of it, even one swapped in after a check, is refused (see package
// paths). Callers read each file once and pass the bytes along, so that
// what is hashed, parsed and attached is the same.
package input

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/paths"
)

// Limits, in bytes, by kind of input. The command line sets the first
// three from --max-spec-size, --max-sbom-size and --max-doc-size.
var (
	// MaxSpecSize bounds specs and waiver files (default 16 MiB, many
	// times a spec with thousands of firewall rules).
	MaxSpecSize int64 = 16 << 20
	// MaxSBOMSize bounds SBOM and VEX files (default 256 MiB, about a
	// million components).
	MaxSBOMSize int64 = 256 << 20
	// MaxDocSize bounds Markdown documents (default 64 MiB).
	MaxDocSize int64 = 64 << 20
	// MaxTemplateSize bounds each template override (1 MiB, a hundred
	// times the largest built-in template).
	MaxTemplateSize int64 = 1 << 20
	// MaxWordTemplateSize bounds a Word template (64 MiB: company
	// templates carry logos and fonts).
	MaxWordTemplateSize int64 = 64 << 20
	// MaxWorkbookSize bounds a completed MDS2 workbook (docgen mds2
	// --import; 32 MiB, a hundred times a vendor's filled-in form).
	MaxWorkbookSize int64 = 32 << 20
)

// Kind is a kind of input: what it is called in messages, its limit and
// the flag that raises the limit.
type Kind struct {
	name    string // message key of the kind's name
	limit   *int64
	flag    string // "" when the limit is fixed
	outside string // message key for a file outside its folder; "" for paths.OutsideError
}

// The kinds of input.
var (
	Spec     = Kind{"input.kind.spec", &MaxSpecSize, "--max-spec-size", ""}
	Waivers  = Kind{"input.kind.waivers", &MaxSpecSize, "--max-spec-size", ""}
	SBOM     = Kind{"input.kind.sbom", &MaxSBOMSize, "--max-sbom-size", ""}
	VEX      = Kind{"input.kind.vex", &MaxSBOMSize, "--max-sbom-size", ""}
	Markdown = Kind{"input.kind.markdown", &MaxDocSize, "--max-doc-size", ""}
	Template = Kind{"input.kind.template", &MaxTemplateSize, "", "input.template_outside"}
	// WordTemplate is a company Word template (docgen build --docx-template).
	WordTemplate = Kind{"input.kind.word_template", &MaxWordTemplateSize, "", ""}
	// Workbook is a completed MDS2 workbook (docgen mds2 --import).
	Workbook = Kind{"input.kind.workbook", &MaxWorkbookSize, "", ""}
)

// Limit returns the size limit of k in bytes.
func (k Kind) Limit() int64 { return *k.limit }

// TooLargeError reports an input over the limit of its kind.
type TooLargeError struct {
	Path        string
	Size, Limit int64 // Size is at least Limit+1 when the file grew while read
	Kind        Kind
}

// Error says how large the file is, the limit, and how to raise it.
func (e *TooLargeError) Error() string {
	how := msg.Get("input.fixed_limit")
	if e.Kind.flag != "" {
		how = msg.Format("input.raise_limit", e.Kind.flag)
	}
	return msg.Format("input.too_large", e.Path, msg.Get(e.Kind.name), size(e.Size), size(e.Limit), how)
}

// NotRegularError reports an input that is not a regular file.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
	Kind Kind
}

// Error names what the path is and what was expected.
func (e *NotRegularError) Error() string {
	return msg.Format("input.not_regular", e.Path, msg.Get(fileType(e.Mode)), msg.Get(e.Kind.name))
}

// fileType returns the message key naming the type of a file that is not
// regular.
func fileType(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "input.type.dir"
	case m&fs.ModeNamedPipe != 0:
		return "input.type.pipe"
	case m&fs.ModeSocket != 0:
		return "input.type.socket"
	case m&fs.ModeDevice != 0:
		return "input.type.device"
	}
	return "input.type.other"
}

// size formats a byte count for messages: bytes below 1 MiB, else MiB.
func size(n int64) string {
	if n < 1<<20 {
		return msg.Format("input.bytes", n)
	}
	return msg.Format("input.mib", fmt.Sprintf("%.1f", float64(n)/(1<<20)))
}

// Read reads the file at path as an input of kind k.
func Read(path string, k Kind) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpen(f, path, k)
}

// ReadIn reads ref, a path relative to the folder base (or absolute), as an
// input of kind k. Unless allowOutside is set the file must lie inside
// base, symbolic links resolved; otherwise the error is a
// *paths.OutsideError.
func ReadIn(base, ref string, allowOutside bool, k Kind) ([]byte, error) {
	p := filepath.FromSlash(ref)
	if !filepath.IsAbs(p) {
		p = filepath.Join(base, p)
	}
	if allowOutside {
		return Read(p, k)
	}
	absBase, err := filepath.Abs(base)
	if err != nil {
		return nil, err
	}
	absPath, err := filepath.Abs(p)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(absBase, absPath)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, outside(base, ref, k)
	}
	root, err := os.OpenRoot(absBase)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	f, err := root.OpenFile(rel, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		var pe *fs.PathError
		if errors.Is(err, fs.ErrNotExist) && errors.As(err, &pe) {
			return nil, &fs.PathError{Op: "open", Path: p, Err: pe.Err} // named as given
		}
		if _, cerr := paths.Confine(base, ref, false); cerr != nil {
			return nil, outside(base, ref, k) // leads out of base
		}
		return nil, err
	}
	defer f.Close()
	return readOpen(f, p, k)
}

// outside builds the error for ref, which leads out of base.
func outside(base, ref string, k Kind) error {
	oe := &paths.OutsideError{Ref: ref, Resolved: ref, Base: base}
	if _, err := paths.Confine(base, ref, false); err != nil {
		errors.As(err, &oe)
	}
	if k.outside != "" {
		return errors.New(msg.Format(k.outside, filepath.Join(base, ref), oe.Resolved, oe.Base))
	}
	return oe
}

// readOpen reads the open file f, named path, within the limit of k.
func readOpen(f *os.File, path string, k Kind) ([]byte, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &NotRegularError{Path: path, Mode: st.Mode(), Kind: k}
	}
	limit := k.Limit()
	if st.Size() > limit {
		return nil, &TooLargeError{Path: path, Size: st.Size(), Limit: limit, Kind: k}
	}
	data := make([]byte, 0, st.Size()+1)
	data, err = readAll(io.LimitReader(f, limit+1), data)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Path: path, Size: int64(len(data)), Limit: limit, Kind: k}
	}
	return data, nil
}

// readAll appends what r holds to buf, like io.ReadAll but starting from a
// buffer sized for the file.
func readAll(r io.Reader, buf []byte) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

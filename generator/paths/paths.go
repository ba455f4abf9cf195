// Package paths keeps the files a spec refers to (its SBOM, its VEX file)
// inside the spec's directory tree, so that a spec from an untrusted source
// cannot make docgen read, and then embed in a document, a file elsewhere on
// the machine:
//
//	p, err := paths.Confine(filepath.Dir(specFile), "sbom.cdx.json", false)
//
// Symbolic links are resolved before the check, so a link inside the tree
// that points outside it is refused too. Callers that trust their specs can
// pass allowOutside (docgen's --allow-outside-files flag).
package paths

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/docgen/docgen/generator/msg"
)

// OutsideError reports a path that leaves the spec's directory tree.
type OutsideError struct {
	// Ref is the path as written in the spec; Resolved is where it leads.
	Ref, Resolved, Base string
}

// Error explains the refusal and how to allow it.
func (e *OutsideError) Error() string {
	return msg.Format("paths.outside", e.Ref, e.Resolved, e.Base)
}

// Confine resolves ref relative to base and returns the path to read. It
// fails with *OutsideError when the result, after resolving symbolic links,
// lies outside base, unless allowOutside is set. A path that does not exist
// is returned as it is, so that reading it reports "not found".
func Confine(base, ref string, allowOutside bool) (string, error) {
	p := filepath.FromSlash(ref)
	if !filepath.IsAbs(p) {
		p = filepath.Join(base, p)
	}
	if allowOutside {
		return p, nil
	}
	absBase, err := realPath(base)
	if err != nil {
		return "", err
	}
	resolved, err := realPath(p)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(absBase, resolved)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", &OutsideError{Ref: ref, Resolved: resolved, Base: absBase}
	}
	return p, nil
}

// realPath returns the absolute path of p with symbolic links resolved; for
// a path that does not exist, it resolves the longest existing parent.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	r, err := filepath.EvalSymlinks(abs)
	if err == nil {
		return r, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	parent := filepath.Dir(abs)
	if parent == abs {
		return abs, nil
	}
	rp, err := realPath(parent)
	if err != nil {
		return "", err
	}
	return filepath.Join(rp, filepath.Base(abs)), nil
}

// Package gitrev reads files as they were at a revision of a git
// repository, so that docgen can compare a spec with an earlier release of
// it: "v5.1:device.yaml" is device.yaml as tagged v5.1.
//
// It runs the git command line (git must be on PATH) rather than a Go git
// library: git reads every repository layout, object format and pack that
// the user's own git reads, and docgen needs nothing but a blob at a
// revision. Only local plumbing commands run (rev-parse, cat-file); network
// access is switched off for them (no lazy fetch of a partial clone, no
// protocol allowed), so reading a revision never goes online.
//
//	ref, ok := gitrev.Parse("v5.1:device.yaml")  // Rev "v5.1", Path "device.yaml"
//	repo, err := gitrev.Open(".")
//	data, err := repo.ReadFile(ref.Rev, repo.Rel(ref.Path))
//
// A path after the colon is relative to the current folder, like the path
// of a spec file given on the command line (git's own REV:PATH is relative
// to the repository root; both agree at the root).
package gitrev

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/msg"
)

// Ref is a file at a revision.
type Ref struct {
	// Rev is the revision: a tag, branch, commit or any git revision
	// expression.
	Rev string
	// Path is the file's path, relative to the current folder.
	Path string
}

// String formats the ref as REV:PATH.
func (r Ref) String() string { return r.Rev + ":" + r.Path }

// Parse reads arg as REV:PATH. It reports false when arg names an existing
// file (a file name may contain a colon), has no colon, or has an empty
// revision or path.
func Parse(arg string) (Ref, bool) {
	if _, err := os.Stat(arg); err == nil {
		return Ref{}, false
	}
	rev, p, ok := strings.Cut(arg, ":")
	if !ok || rev == "" || p == "" || strings.HasPrefix(rev, "-") || strings.ContainsAny(rev, "\x00\n") {
		return Ref{}, false
	}
	if len(rev) == 1 && filepath.VolumeName(arg) != "" {
		return Ref{}, false // a Windows drive letter: C:\specs\device.yaml
	}
	return Ref{Rev: rev, Path: p}, true
}

// Error is a failure to read a file from git.
type Error struct {
	Ref Ref
	Msg string
}

// Error says which file could not be read and why.
func (e *Error) Error() string { return e.Ref.String() + ": " + e.Msg }

// Repo is the git repository of a folder.
type Repo struct {
	// Root is the repository's top-level folder.
	Root string
	// prefix is the current folder relative to Root, with a trailing slash
	// ("" at the root).
	prefix string
	dir    string
}

// Open finds the repository that contains dir.
func Open(dir string) (*Repo, error) {
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	prefix, err := git(dir, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, err
	}
	return &Repo{Root: strings.TrimSpace(string(top)), prefix: strings.TrimSpace(string(prefix)), dir: dir}, nil
}

// Rel returns the path in the repository of p, a path relative to the
// folder the repository was opened from (or absolute), with forward
// slashes; ok is false when p lies outside the repository.
func (r *Repo) Rel(p string) (string, bool) {
	if filepath.IsAbs(p) {
		rel, err := filepath.Rel(r.Root, p)
		if err != nil {
			return "", false
		}
		p = rel
	} else {
		p = r.prefix + filepath.ToSlash(p)
	}
	p = path.Clean(filepath.ToSlash(p))
	if p == ".." || strings.HasPrefix(p, "../") || path.IsAbs(p) {
		return "", false
	}
	return p, true
}

// Commit resolves a revision to a commit id.
func (r *Repo) Commit(rev string) (string, error) {
	out, err := git(r.dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return "", errors.New(msg.Format("gitrev.bad_revision", rev))
	}
	return strings.TrimSpace(string(out)), nil
}

// IsDir reports whether repository path p is a folder in commit.
func (r *Repo) IsDir(commit, p string) bool {
	out, err := git(r.dir, "cat-file", "-t", commit+":"+p)
	return err == nil && strings.TrimSpace(string(out)) == "tree"
}

// ReadFile returns the content of the file at repository path p in commit
// (as Commit returns it), refusing files larger than limit bytes before
// reading them.
func (r *Repo) ReadFile(commit, p string, limit int64) ([]byte, error) {
	size, err := git(r.dir, "cat-file", "-s", commit+":"+p)
	if err != nil {
		return nil, errors.New(msg.Format("gitrev.not_in_revision", p))
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(size)), 10, 64)
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, errors.New(msg.Format("gitrev.too_large", p, n, limit))
	}
	out, err := git(r.dir, "cat-file", "blob", commit+":"+p)
	if err != nil {
		return nil, errors.New(msg.Format("gitrev.not_in_revision", p))
	}
	return out, nil
}

// git runs a local git command in dir and returns its output.
func git(dir string, args ...string) ([]byte, error) {
	args = append([]string{"-c", "protocol.allow=never", "-c", "core.fsmonitor=false"}, args...)
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_NO_LAZY_FETCH=1", "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, errors.New(msg.Get("gitrev.no_git"))
		}
		first, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		if first == "" {
			first = err.Error()
		}
		return nil, errors.New(msg.Format("gitrev.failed", strings.TrimPrefix(first, "fatal: ")))
	}
	return stdout.Bytes(), nil
}

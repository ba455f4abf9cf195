// Package outdir replaces the contents of an output folder as one unit, so
// that whatever stops docgen (an error, Ctrl-C, SIGKILL, a full disk) the
// folder holds either the complete earlier set of outputs or the complete
// new one, never a mix:
//
//	err := outdir.Replace(ctx, "out", files, outdir.Options{Manifest: "manifest.json"})
//
// The new set is written into a staging folder next to the output folder
// (".out.docgen-stage-*"), synced, and then swapped with the output folder
// in one system call (renameat2 RENAME_EXCHANGE on Linux, renamex_np
// RENAME_SWAP on macOS); the earlier set, now in the staging folder, is
// deleted. A reader of the folder sees one set or the other at every
// instant. Where the file system cannot swap folders, the staging folder is
// renamed to ".out.docgen-new-*" when complete, and the two folders are
// renamed in turn; a build stopped between these renames is completed by
// the next one, before it does anything else.
//
// The output folder must hold nothing but an earlier set (the files its
// manifest lists) unless Options.Force is set; the root folder is always
// refused. With Force, files that are not outputs are kept: the new set is
// then staged inside the folder (".docgen-stage-*"), committed by renaming
// the staging folder to ".docgen-commit-*", and moved into place file by
// file; a build stopped after the commit is completed by the next one, so
// in that mode the guarantee holds once the next build has started.
//
// Builds into folders of the same parent folder take turns: each holds an
// exclusive lock on the parent folder while it switches, and first removes
// what an earlier, killed build left behind.
package outdir

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/docgen/docgen/generator/msg"
)

// File is one output file: a plain name (no folder) and its contents.
type File struct {
	Name string
	Data []byte
}

// Options adjust Replace.
type Options struct {
	// Manifest is the name of the file of the set that lists the set as
	// JSON, {"outputs": [{"path": NAME}, ...]}; the files it lists in the
	// folder are the earlier outputs that the new set replaces.
	Manifest string
	// Force allows a folder that holds other files than the earlier
	// outputs (they are kept) and replaces read-only earlier outputs.
	Force bool
}

// Error is a refusal to write into a folder, with a message that says why
// and what to do.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

func refuse(key string, args ...any) error { return &Error{Msg: msg.Format(key, args...)} }

// Names of what Replace leaves next to or inside the output folder while it
// works; a killed build may leave them, the next one removes them.
const (
	stageTag   = ".docgen-stage-"  // staging folder, incomplete
	newTag     = ".docgen-new-"    // staging folder, complete (rename mode)
	oldTag     = ".docgen-old-"    // the earlier set, moved aside (rename mode)
	commitTag  = ".docgen-commit-" // complete set inside the folder (Force)
	removeList = ".docgen-remove"  // in a commit folder: earlier outputs to delete
)

// legacyLeftover reports names that earlier docgen versions left inside the
// output folder: a lock file and staging folders.
func legacyLeftover(name string) bool {
	return name == ".docgen.lock" || strings.HasPrefix(name, ".docgen-build-")
}

// Test hooks: writeFile writes one staged file, exchange swaps two folders.
var (
	writeFile = writeSynced
	exchange  = exchangeDirs
)

// Replace makes dir hold exactly files (and, with Force, the files that
// were there and are not earlier outputs), creating dir if needed. See the
// package documentation for the guarantee. A cancelled ctx stops Replace
// before the switch and leaves dir as it was.
func Replace(ctx context.Context, dir string, files []File, opts Options) error {
	for _, f := range files {
		if !validName(f.Name) {
			return errors.New(msg.Format("build.bad_output_name", f.Name))
		}
	}
	target, err := resolve(dir)
	if err != nil {
		return err
	}
	if filepath.Dir(target) == target {
		return refuse("outdir.root", dir)
	}
	parent, base := filepath.Dir(target), filepath.Base(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	unlock, err := lockDir(parent, base)
	if err != nil {
		return err
	}
	defer unlock()
	if err := recoverParent(parent, base, target); err != nil {
		return err
	}
	old, err := inspect(dir, target, opts)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(old.foreign) == 0 {
		err = swap(ctx, parent, base, target, old, files)
		if !errors.Is(err, errCannotSwap) {
			return err
		}
	}
	return inPlace(ctx, target, old, files)
}

// resolve returns the absolute path of dir with symbolic links resolved, so
// that a link to a folder is followed rather than replaced.
func resolve(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	real, err := filepath.EvalSymlinks(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return abs, nil
	}
	return real, err
}

// folder describes the output folder before the build.
type folder struct {
	exists  bool
	perm    fs.FileMode
	outputs []string // earlier outputs, from its manifest, present in it
	foreign []string // entries that are not earlier outputs
}

// inspect reads what target holds and refuses what the options do not allow.
func inspect(dir, target string, opts Options) (folder, error) {
	f := folder{perm: 0o755}
	st, err := os.Lstat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		return f, err
	}
	if !st.IsDir() {
		return f, refuse("outdir.not_dir", dir)
	}
	f.exists = true
	if st.Mode().Perm()&0o200 != 0 {
		f.perm = st.Mode().Perm()
	} else if !opts.Force {
		return f, refuse("outdir.read_only", dir)
	}
	entries, err := os.ReadDir(target)
	if err != nil {
		return f, err
	}
	listed := manifestOutputs(target, opts.Manifest)
	var readOnly []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case legacyLeftover(name):
			if err := os.RemoveAll(filepath.Join(target, name)); err != nil {
				return f, err
			}
			continue
		case e.IsDir() && slices.ContainsFunc(listed, func(l string) bool { return strings.HasPrefix(l, name+"/") }):
			// A folder of an earlier set (a language): its listed files
			// are earlier outputs.
			for _, l := range listed {
				if strings.HasPrefix(l, name+"/") {
					f.outputs = append(f.outputs, l)
				}
			}
			continue
		case !slices.Contains(listed, name) || !e.Type().IsRegular():
			f.foreign = append(f.foreign, name)
			continue
		}
		f.outputs = append(f.outputs, name)
		if info, err := e.Info(); err == nil && info.Mode().Perm()&0o200 == 0 {
			readOnly = append(readOnly, name)
		}
	}
	if !opts.Force {
		if len(f.foreign) > 0 {
			return f, refuse("outdir.foreign", dir, shortList(f.foreign), opts.Manifest)
		}
		if len(readOnly) > 0 {
			return f, refuse("outdir.read_only_files", dir, shortList(readOnly))
		}
	}
	return f, nil
}

// validName reports whether name is a plain file name or one folder and a
// file name ("de/ifu-security.pdf", the files of a language), neither
// hidden.
func validName(name string) bool {
	if strings.Contains(name, `\`) {
		return false
	}
	parts := strings.Split(name, "/")
	if len(parts) > 2 {
		return false
	}
	for _, p := range parts {
		if p == "" || strings.HasPrefix(p, ".") {
			return false
		}
	}
	return true
}

// manifestOutputs returns the names the folder's manifest lists, with the
// manifest itself; none if there is no readable manifest.
func manifestOutputs(target, manifest string) []string {
	if manifest == "" {
		return nil
	}
	data, err := os.ReadFile(filepath.Join(target, manifest))
	if err != nil {
		return nil
	}
	var m struct {
		Outputs []struct {
			Path string `json:"path"`
		} `json:"outputs"`
	}
	if json.Unmarshal(data, &m) != nil {
		return nil
	}
	names := []string{manifest}
	for _, o := range m.Outputs {
		names = append(names, o.Path)
	}
	return names
}

// shortList formats the first few names for a message.
func shortList(names []string) string {
	const show = 5
	q := make([]string, 0, show)
	for _, n := range names[:min(len(names), show)] {
		q = append(q, "`"+n+"`")
	}
	s := strings.Join(q, ", ")
	if len(names) > show {
		s += msg.Format("outdir.and_more", len(names)-show)
	}
	return s
}

// errCannotSwap says that the folder cannot be switched from outside (the
// parent is not writable, the folder is a mount point, the name is too
// long for a staging name); Replace then switches inside the folder.
var errCannotSwap = errors.New("the output folder cannot be swapped")

// swap writes files into a staging folder next to target and swaps it in.
func swap(ctx context.Context, parent, base, target string, old folder, files []File) (err error) {
	stage, err := os.MkdirTemp(parent, "."+base+stageTag)
	if err != nil {
		return fmt.Errorf("%w: %v", errCannotSwap, err)
	}
	defer func() {
		if stage != "" {
			_ = removeTree(stage)
		}
	}()
	if err := writeSet(ctx, stage, files, old.perm); err != nil {
		return err
	}
	if !old.exists {
		if err := os.Rename(stage, target); err != nil {
			return err
		}
		stage = ""
		return syncDir(parent)
	}
	err = exchange(stage, target)
	switch {
	case err == nil:
		// stage now holds the earlier set; the deferred RemoveAll deletes it.
		return syncDir(parent)
	case errors.Is(err, syscall.EXDEV) || errors.Is(err, syscall.EBUSY):
		return fmt.Errorf("%w: %v", errCannotSwap, err) // a mount point
	case !errors.Is(err, errors.ErrUnsupported):
		return err
	}
	// No folder swap here: commit the staging folder under its "new" name,
	// then move the earlier set aside and the new one in. recoverParent
	// completes these steps if the process dies between them.
	suffix := strings.TrimPrefix(filepath.Base(stage), "."+base+stageTag)
	complete := filepath.Join(parent, "."+base+newTag+suffix)
	aside := filepath.Join(parent, "."+base+oldTag+suffix)
	if err := os.Rename(stage, complete); err != nil {
		return err
	}
	stage = complete
	if err := syncDir(parent); err != nil {
		return err
	}
	if err := os.Rename(target, aside); err != nil {
		return err
	}
	if err := os.Rename(complete, target); err != nil {
		return err
	}
	stage = aside
	return syncDir(parent)
}

// recoverParent removes what killed builds of target left next to it, and
// completes a switch that was stopped between its two renames.
func recoverParent(parent, base, target string) error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	prefix := "." + base + ".docgen-"
	_, statErr := os.Lstat(target)
	missing := errors.Is(statErr, fs.ErrNotExist)
	var leftovers []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		p := filepath.Join(parent, e.Name())
		if missing && strings.HasPrefix(e.Name(), "."+base+newTag) {
			if err := os.Rename(p, target); err != nil {
				return err
			}
			missing = false
			continue
		}
		leftovers = append(leftovers, p)
	}
	if missing {
		// Only the earlier set, moved aside: put it back.
		for i, p := range leftovers {
			if strings.HasPrefix(filepath.Base(p), "."+base+oldTag) {
				if err := os.Rename(p, target); err != nil {
					return err
				}
				leftovers = slices.Delete(leftovers, i, i+1)
				break
			}
		}
	}
	for _, p := range leftovers {
		if err := removeTree(p); err != nil {
			return err
		}
	}
	return recoverInside(target)
}

// recoverInside completes a commit that a killed build left inside target
// and removes its staging folders.
func recoverInside(target string) error {
	entries, err := os.ReadDir(target)
	if err != nil {
		return nil // no folder, or not one docgen can read: inspect reports it
	}
	for _, e := range entries {
		p := filepath.Join(target, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), commitTag):
			if err := apply(target, p); err != nil {
				return err
			}
		case strings.HasPrefix(e.Name(), stageTag):
			if err := os.RemoveAll(p); err != nil {
				return err
			}
		}
	}
	return nil
}

// inPlace switches the set inside target, keeping its other files.
func inPlace(ctx context.Context, target string, old folder, files []File) (err error) {
	if err := os.MkdirAll(target, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if st, err := os.Lstat(filepath.Join(target, f.Name)); err == nil && !st.Mode().IsRegular() {
			return refuse("outdir.occupied", filepath.Join(target, f.Name))
		}
	}
	stage, err := os.MkdirTemp(target, stageTag)
	if err != nil {
		return err
	}
	defer func() {
		if stage != "" {
			_ = removeTree(stage)
		}
	}()
	var remove []string
	for _, name := range old.outputs {
		if !slices.ContainsFunc(files, func(f File) bool { return f.Name == name }) {
			remove = append(remove, name)
		}
	}
	list := []File{{Name: removeList, Data: []byte(strings.Join(remove, "\n"))}}
	if err := writeSet(ctx, stage, append(list, files...), 0o755); err != nil {
		return err
	}
	commit := filepath.Join(target, commitTag+strings.TrimPrefix(filepath.Base(stage), stageTag))
	if err := os.Rename(stage, commit); err != nil {
		return err
	}
	stage = ""
	if err := syncDir(target); err != nil {
		return err
	}
	return apply(target, commit)
}

// apply moves the files of a commit folder into target, deletes the
// earlier outputs it lists, and removes it. It can be repeated after a
// kill: files already moved are no longer in the commit folder.
func apply(target, commit string) error {
	entries, err := os.ReadDir(commit)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() == removeList {
			continue
		}
		if e.IsDir() {
			if err := applyDir(target, commit, e.Name()); err != nil {
				return err
			}
			continue
		}
		if err := os.Rename(filepath.Join(commit, e.Name()), filepath.Join(target, e.Name())); err != nil {
			return err
		}
	}
	if list, err := os.ReadFile(filepath.Join(commit, removeList)); err == nil {
		for _, name := range strings.Split(string(list), "\n") {
			if !validName(name) {
				continue
			}
			if err := os.Remove(filepath.Join(target, filepath.FromSlash(name))); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			if dir, _, ok := strings.Cut(name, "/"); ok {
				_ = os.Remove(filepath.Join(target, dir)) // only when empty
			}
		}
	}
	if err := syncDir(target); err != nil {
		return err
	}
	return os.RemoveAll(commit)
}

// applyDir moves the files of the folder name of a commit folder into the
// folder of that name in target, creating it, and removes it.
func applyDir(target, commit, name string) error {
	if err := os.MkdirAll(filepath.Join(target, name), 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(filepath.Join(commit, name))
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := os.Rename(filepath.Join(commit, name, e.Name()), filepath.Join(target, name, e.Name())); err != nil {
			return err
		}
	}
	if err := syncDir(filepath.Join(target, name)); err != nil {
		return err
	}
	return os.Remove(filepath.Join(commit, name))
}

// removeTree removes the folder p and what it holds, also when p itself
// is read-only (an earlier set whose folder the user had write-protected).
func removeTree(p string) error {
	_ = os.Chmod(p, 0o700)
	return os.RemoveAll(p)
}

// writeSet writes files into the folder stage, syncs them and the folder,
// and gives the folder permissions perm.
func writeSet(ctx context.Context, stage string, files []File, perm fs.FileMode) error {
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		p := filepath.Join(stage, filepath.FromSlash(f.Name))
		if dir := filepath.Dir(p); dir != stage {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		if err := writeFile(p, f.Data); err != nil {
			return err
		}
	}
	if err := os.Chmod(stage, perm); err != nil {
		return err
	}
	if err := syncDir(stage); err != nil {
		return err
	}
	return ctx.Err()
}

// writeSynced creates path with data, mode 0644, and syncs it to disk.
func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes the entries of dir durable. File systems that cannot sync
// a folder (and Windows) report an error that is ignored.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	_ = f.Sync()
	return f.Close()
}

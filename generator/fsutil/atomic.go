// Package fsutil writes output files so that a reader never sees a partial
// file and a failed write never destroys an earlier good one.
//
//	err := fsutil.WriteFile("out/report.sarif", data, 0o644)
//
// WriteFile writes to a temporary file in the destination's directory,
// syncs it, and renames it over the destination; on any error the temporary
// file is removed and the destination is left as it was.
package fsutil

import (
	"os"
	"path/filepath"
)

// WriteFile atomically replaces path with data.
func WriteFile(path string, data []byte, perm os.FileMode) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Replace atomically rewrites the existing file at path with data, keeping
// its permissions. When path is a symbolic link, the file it leads to is
// rewritten and the link stays.
func Replace(path string, data []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	st, err := os.Stat(target)
	if err != nil {
		return err
	}
	return WriteFile(target, data, st.Mode().Perm())
}

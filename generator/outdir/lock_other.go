//go:build !unix

package outdir

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// lockDir takes an exclusive lock for the output folder base in parent by
// creating the hidden file .BASE.docgen.lock next to it, waiting while
// another process holds it, and returns the function that releases it.
func lockDir(parent, base string) (unlock func(), err error) {
	path := filepath.Join(parent, "."+base+".docgen.lock")
	for {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

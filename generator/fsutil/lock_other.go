//go:build !unix

package fsutil

import (
	"errors"
	"io/fs"
	"os"
	"time"
)

// Lock takes an exclusive lock by creating the file at path, waiting while
// another process holds it. It returns the function that releases it.
func Lock(path string) (unlock func(), err error) {
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

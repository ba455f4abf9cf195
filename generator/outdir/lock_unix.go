//go:build unix

package outdir

import (
	"os"
	"syscall"
)

// lockDir takes an exclusive advisory lock on the folder parent, waiting
// until it is free, and returns the function that releases it. No file is
// created; the operating system releases the lock if the process dies.
func lockDir(parent, _ string) (unlock func(), err error) {
	f, err := os.Open(parent)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

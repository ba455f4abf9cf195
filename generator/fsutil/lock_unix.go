//go:build unix

package fsutil

import (
	"os"
	"syscall"
)

// Lock takes an exclusive advisory lock on the file at path, creating it,
// and waits until it is free. It returns the function that releases it.
// The lock is released by the operating system if the process dies.
func Lock(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
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

//go:build unix

package input

import "syscall"

// nonBlock makes opening a named pipe return at once instead of waiting for
// a writer, so that it can be refused; regular files ignore it.
const nonBlock = syscall.O_NONBLOCK

//go:build !unix

package input

// nonBlock is 0 where opening a file cannot block.
const nonBlock = 0

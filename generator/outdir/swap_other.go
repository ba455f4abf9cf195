//go:build !linux && !darwin

package outdir

import "errors"

// exchangeDirs reports that this system cannot swap two folders in one
// step; Replace then renames them in turn.
func exchangeDirs(a, b string) error { return errors.ErrUnsupported }

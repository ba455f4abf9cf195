package main

import (
	"io"
	"math"
	"runtime/debug"
	"testing"
)

// TestMemoryLimit checks that --memory-limit sets the runtime's soft
// memory limit, that the default applies unless GOMEMLIMIT is set, and
// that "off" lifts it.
func TestMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	size := func(s string) int64 {
		n, err := parseSize(s)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	tests := []struct {
		name, env string
		args      []string
		want      int64
	}{
		{"default", "", nil, size(defaultMemoryLimit)},
		{"flag", "", []string{"--memory-limit", "1GiB"}, 1 << 30},
		{"off", "", []string{"--memory-limit", "off"}, math.MaxInt64},
		{"GOMEMLIMIT wins over the default", "2GiB", nil, 12345 << 20},
		{"the flag wins over GOMEMLIMIT", "2GiB", []string{"--memory-limit", "512MiB"}, 512 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOMEMLIMIT", tt.env)
			debug.SetMemoryLimit(12345 << 20) // stands for what the runtime read from GOMEMLIMIT
			args := append(append([]string{"docgen"}, tt.args...), "version")
			if code := run(args, io.Discard, io.Discard); code != exitOK {
				t.Fatalf("exit %d", code)
			}
			if got := debug.SetMemoryLimit(-1); got != tt.want {
				t.Errorf("memory limit %d, want %d", got, tt.want)
			}
		})
	}
	if code := run([]string{"docgen", "--memory-limit", "lots", "version"}, io.Discard, io.Discard); code != exitInput {
		t.Errorf("bad size: exit %d, want %d", code, exitInput)
	}
}

//go:build unix

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// largeSpec returns a spec whose build takes many seconds (tens of
// thousands of firewall rules and data streams, rendered as long tables).
func largeSpec(n int) []byte {
	var b strings.Builder
	b.WriteString("spec_version: 1\ndevice: {name: Large, regulation: MDR, class: IIb, networked: true}\ndocument: {date: 2026-06-01}\nnetwork:\n  zones: [{id: z, name: Zone, cidrs: [10.0.0.0/16]}]\n  nodes:\n")
	for i := range 100 {
		fmt.Fprintf(&b, "    - {id: n%d, name: Node %d, kind: server, zone: z}\n", i, i)
	}
	b.WriteString("data_streams:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: s%d, source: n%d, destination: n%d, protocol: HTTPS, port: %d, transport: tcp, encryption: TLS 1.3, data: Records}\n", i, i%100, (i+1)%100, 1024+i%60000)
	}
	b.WriteString("firewall_rules:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: r%d, direction: outbound, source: n%d, destination: n%d, ports: %d, protocol: tcp, action: allow, stream: s%d}\n", i, i%100, (i+1)%100, 1024+i%60000, i)
	}
	return []byte(b.String())
}

// TestBuildSignal sends SIGTERM and SIGINT (Ctrl-C) to a docgen build of a
// large spec while it is still computing: docgen stops at once (not when
// the build would have finished, many seconds later), exits 2 saying it was
// interrupted, and writes nothing.
func TestBuildSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large spec")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "docgen") // testscript.Main runs the command named like the binary
	if err := os.Symlink(exe, bin); err != nil {
		t.Fatal(err)
	}
	spec := filepath.Join(t.TempDir(), "device.yaml")
	if err := os.WriteFile(spec, largeSpec(30000), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "out")
			cmd := exec.Command(bin, "build", "--out", out, spec)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			select {
			case err := <-exited:
				t.Fatalf("the build ended before the signal (%v); the spec is too small to test with", err)
			case <-time.After(time.Second):
			}
			sent := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			// A timeout, not a speed measurement: without prompt
			// cancellation the build runs on for many seconds more.
			var werr error
			select {
			case werr = <-exited:
			case <-time.After(10 * time.Second):
				_ = cmd.Process.Kill()
				<-exited
				t.Fatalf("docgen did not stop within 10 s of %v", sig)
			}
			t.Logf("docgen stopped %v after %v", time.Since(sent).Round(time.Millisecond), sig)
			var ee *exec.ExitError
			if !errors.As(werr, &ee) || ee.ExitCode() != exitInput {
				t.Fatalf("exit %v, want status %d; stderr:\n%s", werr, exitInput, stderr.String())
			}
			if !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("stderr does not say the build was interrupted:\n%s", stderr.String())
			}
			entries, _ := os.ReadDir(parent)
			if len(entries) > 0 {
				t.Errorf("an interrupted build wrote %v", entries)
			}
		})
	}
}

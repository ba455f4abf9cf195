package migrate_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/migrate"
)

// BenchmarkMigrateFormat1 migrates the three format-1 examples.
func BenchmarkMigrateFormat1(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(root, "testdata", "format1", "*.yaml"))
	var specs [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		specs = append(specs, data)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range specs {
			if _, err := migrate.Migrate("device.yaml", data); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkMigrateScale migrates specs with 10, 100 and 1000 deprecated
// forms, one responsibility each: the time per form must stay flat.
func BenchmarkMigrateScale(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		var s strings.Builder
		s.WriteString("spec_version: 1\nnetwork:\n  internet_required: false\nresponsibilities:\n")
		for i := range n {
			fmt.Fprintf(&s, "  # duty %d\n  - {activity: duty-%d, title: Duty %d, responsible: [user], consulted: [manufacturer]}\n", i, i, i)
		}
		data := []byte(s.String())
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				res, err := migrate.Migrate("device.yaml", data)
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Changes) != n+2 {
					b.Fatalf("%d changes, want %d", len(res.Changes), n+2)
				}
			}
		})
	}
}

package migrate_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen/docgen/generator/migrate"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// FuzzMigrate feeds arbitrary bytes to Migrate. It must never panic; it
// either refuses the input with positioned errors, or returns a spec that
// loads in the current format without deprecated forms, that it leaves
// alone when migrated again. (Migrate itself checks that the result means
// what the input means.) Run `make fuzz` to search further.
func FuzzMigrate(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(root, "testdata", "format1", "*.yaml"))
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("spec_version: 1\nnetwork: {internet: none, internet_required: false}\n"))
	f.Add([]byte("spec_version: 1\nnetwork:\n  internet: none\n  internet_required: false # old\n"))
	f.Add([]byte("spec_version: 1\ndevice: {lay_users: true}\nenvironment:\n  required_controls:\n    - {id: a, owner: &u user}\n    - {id: b, owner: *u}\n"))
	f.Add([]byte("\ufeffspec_version: 1\r\nresponsibilities: [{activity: x, title: \"e\u0301\", responsible: ['user'], consulted: [\"user\"]}]\r\n"))
	f.Add([]byte("spec_version: 1\nnetwork:\n  internet_required: !!bool |-\n    true\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := migrate.Migrate("fuzz.yaml", data)
		if err != nil {
			var errs yamlx.Errors
			if errors.As(err, &errs) {
				for _, e := range errs {
					if e.Pos.Line < 1 || e.Msg == "" {
						t.Fatalf("error without position or message: %v", e)
					}
				}
			}
			return
		}
		s, err := spec.Parse("fuzz.yaml", res.Data)
		if err != nil {
			t.Fatalf("migrated spec does not load: %v\n%s", err, res.Data)
		}
		if len(s.Deprecations) > 0 || s.SpecVersion != spec.FormatVersion {
			t.Fatalf("migrated spec is not current: version %d, %v", s.SpecVersion, s.Deprecations)
		}
		if res.Current() && !bytes.Equal(res.Data, data) {
			t.Fatal("a current spec was changed")
		}
		again, err := migrate.Migrate("fuzz.yaml", res.Data)
		if err != nil || !again.Current() {
			t.Fatalf("second migration: %v, %v", err, again)
		}
	})
}

// Package about describes docgen itself: the version it reports and a
// CycloneDX SBOM of a docgen binary, written from the Go build information
// that every Go binary carries, with the supplier and licence of each module
// from specs/thirdparty.yaml.
//
//	info, _ := debug.ReadBuildInfo()
//	v := about.Version(stamped, info) // "v1.2.0", "dev-4e0ea9a1b2c3", ...
//	err := about.WriteSBOM(w, info, about.SBOMOptions{Version: v})
package about

import (
	"fmt"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/docgen/docgen/generator/yamlx"
	"github.com/docgen/docgen/specs"
)

// Dev is the version of a build that carries no version: a local build of
// an untagged tree without VCS information.
const Dev = "dev"

// Version returns the version docgen reports. stamped is the version the
// Makefile sets with -ldflags "-X main.version=..." from `git describe`
// (such as "v1.2.0", "v1.2.0-3-g4e0ea9a1b2c3" or "dev-4e0ea9a1b2c3"); it wins
// when set. Otherwise the module version of the build information is used,
// which `go install github.com/docgen/docgen/cmd/docgen@v1.2.0` sets; else
// "dev-" and the VCS commit (with "-dirty" for uncommitted changes) when
// the build recorded one; else "dev".
func Version(stamped string, info *debug.BuildInfo) string {
	if stamped != "" {
		return stamped
	}
	if info == nil {
		return Dev
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev := Setting(info, "vcs.revision")
	if rev == "" {
		return Dev
	}
	v := Dev + "-" + rev[:min(12, len(rev))]
	if Setting(info, "vcs.modified") == "true" {
		v += "-dirty"
	}
	return v
}

// Setting returns the build setting key of info (such as "GOOS" or
// "vcs.revision"), or "".
func Setting(info *debug.BuildInfo, key string) string {
	for _, s := range info.Settings {
		if s.Key == key {
			return s.Value
		}
	}
	return ""
}

// Module is the supplier and licence of a third-party Go module.
type Module struct {
	Module   string `yaml:"module"`
	Supplier string `yaml:"supplier"`
	// License is an SPDX licence expression.
	License string `yaml:"license"`
}

// thirdParty is the layout of specs/thirdparty.yaml.
type thirdParty struct {
	Stdlib  Module   `yaml:"stdlib"`
	Modules []Module `yaml:"modules"`
}

var loadThirdParty = sync.OnceValues(func() (*thirdParty, error) {
	const name = "thirdparty.yaml"
	data, err := specs.FS.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var tp thirdParty
	d := yamlx.NewDecoder(name)
	d.Decode(data, &tp)
	if err := d.Err(); err != nil {
		return nil, err
	}
	for _, m := range tp.Modules {
		if m.Module == "" || m.Supplier == "" || m.License == "" {
			return nil, fmt.Errorf("%s: module %q needs module, supplier and license", name, m.Module)
		}
	}
	return &tp, nil
})

// ThirdParty returns the supplier and licence of every third-party module
// known to be linked into docgen, in the order of specs/thirdparty.yaml.
func ThirdParty() ([]Module, error) {
	tp, err := loadThirdParty()
	if err != nil {
		return nil, err
	}
	return slices.Clone(tp.Modules), nil
}

// lookup returns the entry of module path, if any.
func lookup(tp *thirdParty, path string) (Module, bool) {
	i := slices.IndexFunc(tp.Modules, func(m Module) bool { return m.Module == path })
	if i < 0 {
		return Module{}, false
	}
	return tp.Modules[i], true
}

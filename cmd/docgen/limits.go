package main

import (
	"math"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/sbom"
)

// limitFlags are the global input-size limits.
func limitFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "max-spec-size", Value: "16MiB", Usage: msg.Get("cli.flag.max_spec")},
		&cli.StringFlag{Name: "max-sbom-size", Value: "256MiB", Usage: msg.Get("cli.flag.max_sbom")},
		&cli.StringFlag{Name: "max-doc-size", Value: "64MiB", Usage: msg.Get("cli.flag.max_doc")},
		&cli.IntFlag{Name: "max-sbom-components", Value: defaultMaxSBOMComponents, Usage: msg.Get("cli.flag.max_sbom_components")},
		&cli.StringFlag{Name: "memory-limit", Value: defaultMemoryLimit, Usage: msg.Get("cli.flag.memory_limit")},
	}
}

// defaultMaxSBOMComponents is the default of --max-sbom-components, the
// same as sbom.MaxComponents; the flag sets it on every run.
const defaultMaxSBOMComponents = 500_000

// defaultMemoryLimit is the soft memory limit docgen runs under unless
// --memory-limit or GOMEMLIMIT says otherwise. Reading an SBOM at the
// 256 MiB size limit keeps about 500 MB live at the end (the file and its
// model) and more on the way; without a limit, Go's collector lets the heap
// grow to twice what is live before collecting, which took 1.2-1.3 GB of
// memory. At this limit the peak is about 800 MB and the time the same;
// below about 650 MiB the collector would run all the time.
const defaultMemoryLimit = "768MiB"

// applyLimits sets the package limits from the global flags.
func applyLimits(c *cli.Context) error {
	n, err := parseSize(c.String("max-spec-size"))
	if err != nil {
		return fail(exitInput, "--max-spec-size: "+err.Error())
	}
	input.MaxSpecSize = n
	if n, err = parseSize(c.String("max-sbom-size")); err != nil {
		return fail(exitInput, "--max-sbom-size: "+err.Error())
	}
	input.MaxSBOMSize = n
	if n, err = parseSize(c.String("max-doc-size")); err != nil {
		return fail(exitInput, "--max-doc-size: "+err.Error())
	}
	input.MaxDocSize = n
	if n := c.Int("max-sbom-components"); n > 0 {
		sbom.MaxComponents = n
	} else {
		return fail(exitInput, msg.Format("cli.bad_count", "--max-sbom-components", c.Int("max-sbom-components")))
	}
	return applyMemoryLimit(c)
}

// applyMemoryLimit sets the Go runtime's soft memory limit from
// --memory-limit: a size, or "off". The garbage collector works harder as
// the heap nears the limit; docgen does not fail above it. The default
// gives way to a GOMEMLIMIT set in the environment.
func applyMemoryLimit(c *cli.Context) error {
	if !c.IsSet("memory-limit") && os.Getenv("GOMEMLIMIT") != "" {
		return nil
	}
	v := c.String("memory-limit")
	if strings.EqualFold(strings.TrimSpace(v), "off") {
		debug.SetMemoryLimit(math.MaxInt64)
		return nil
	}
	n, err := parseSize(v)
	if err != nil {
		return fail(exitInput, "--memory-limit: "+err.Error())
	}
	debug.SetMemoryLimit(n)
	return nil
}

// parseSize reads a size such as 16MiB, 500KB or 1048576 (bytes).
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}}
	t := strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range units {
		if rest, ok := strings.CutSuffix(t, u.suffix); ok {
			t, mult = strings.TrimSpace(rest), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, errString(msg.Format("cli.bad_size", s))
	}
	return n * mult, nil
}

type errString string

func (e errString) Error() string { return string(e) }

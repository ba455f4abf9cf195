package main

import (
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/msg"
)

// limitFlags are the global input-size limits.
func limitFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "max-spec-size", Value: "16MiB", Usage: msg.Get("cli.flag.max_spec")},
		&cli.StringFlag{Name: "max-sbom-size", Value: "256MiB", Usage: msg.Get("cli.flag.max_sbom")},
		&cli.StringFlag{Name: "max-doc-size", Value: "64MiB", Usage: msg.Get("cli.flag.max_doc")},
	}
}

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

package main

import (
	"bytes"
	"debug/buildinfo"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator/about"
	"github.com/docgen/docgen/generator/msg"
)

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:        "version",
		Usage:       msg.Get("cli.version.usage"),
		UsageText:   "docgen version [--sbom [--binary FILE [--binary-version V]]] [-o FILE]",
		Description: help("version"),
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "sbom", Usage: msg.Get("cli.flag.version_sbom")},
			&cli.StringFlag{Name: "binary", Usage: msg.Get("cli.flag.version_binary")},
			&cli.StringFlag{Name: "binary-version", Usage: msg.Get("cli.flag.version_binary_version")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: msg.Get("cli.flag.output")},
		},
		Action: runVersion,
	}
}

// runVersion prints the version line that --version prints, or with --sbom
// a CycloneDX SBOM of this docgen or of the docgen binary given.
func runVersion(c *cli.Context) error {
	if c.NArg() > 0 {
		return fail(exitInput, msg.Get("cli.version.no_args"))
	}
	if !c.Bool("sbom") {
		if c.String("binary") != "" || c.String("binary-version") != "" {
			return fail(exitInput, msg.Get("cli.version.sbom_only"))
		}
		return emit(c.App.Writer, c.String("output"), []byte(versionLine()+"\n"))
	}
	opts := about.SBOMOptions{Version: version}
	var info *debug.BuildInfo
	if bin := c.String("binary"); bin != "" {
		data, err := os.ReadFile(bin)
		if err != nil {
			return fail(exitInput, err.Error())
		}
		if info, err = buildinfo.Read(bytes.NewReader(data)); err != nil {
			return fail(exitInput, msg.Format("cli.version.no_buildinfo", bin, err))
		}
		opts.Name, opts.Data = filepath.Base(bin), data
		// A binary built with -trimpath does not record its -ldflags, so the
		// version stamped into it is given on the command line.
		opts.Version = about.Version(c.String("binary-version"), info)
	} else {
		if c.String("binary-version") != "" {
			return fail(exitInput, msg.Get("cli.version.binary_version_alone"))
		}
		var ok bool
		if info, ok = debug.ReadBuildInfo(); !ok {
			return fail(exitInput, msg.Format("cli.version.no_buildinfo", "docgen", "not built with module support"))
		}
	}
	epoch, err := sourceDateEpoch()
	if err != nil {
		return err
	}
	opts.Timestamp = epoch
	var b bytes.Buffer
	if err := about.WriteSBOM(&b, info, opts); err != nil {
		return fail(exitInput, err.Error())
	}
	return emit(c.App.Writer, c.String("output"), b.Bytes())
}

// versionLine is what `docgen --version` and `docgen version` print.
func versionLine() string { return fmt.Sprintf("docgen version %s", version) }

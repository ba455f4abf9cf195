package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/docscheck"
	"github.com/docgen/docgen/generator/fsutil"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/paths"
	"github.com/docgen/docgen/generator/report"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:        "check",
		Usage:       msg.Get("cli.check.usage"),
		UsageText:   "docgen check [options] SPEC [SPEC...]",
		Description: help("check"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: msg.Format("cli.flag.format", strings.Join(report.Formats, ", "))},
			&cli.StringSliceFlag{Name: "profile", Aliases: []string{"p"}, Usage: msg.Format("cli.flag.profile", strings.Join(catalog.Profiles(), ", "))},
			&cli.StringFlag{Name: "waivers", Usage: msg.Get("cli.flag.waivers")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: msg.Get("cli.flag.output")},
			&cli.StringFlag{Name: "date", Usage: msg.Get("cli.flag.date")},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: msg.Get("cli.flag.fail_on")},
			&cli.BoolFlag{Name: "list-rules", Usage: msg.Get("cli.flag.list_rules")},
			&cli.StringSliceFlag{Name: "docs", Usage: msg.Get("cli.flag.docs")},
			&cli.BoolFlag{Name: "allow-outside-files", Usage: msg.Get("cli.flag.allow_outside")},
			&cli.BoolFlag{Name: "require-mds2", Usage: msg.Get("cli.flag.require_mds2")},
			langFlag(),
		},
		Action: runCheck,
	}
}

// today returns the reference date: --date, else SOURCE_DATE_EPOCH, else now.
func today(c *cli.Context) (time.Time, error) {
	if d := c.String("date"); d != "" {
		p, err := spec.ParseDate(d)
		if err != nil {
			return time.Time{}, fail(exitInput, "--date: "+err.Error())
		}
		return p.Time, nil
	}
	epoch, err := sourceDateEpoch()
	if err != nil || !epoch.IsZero() {
		return epoch, err
	}
	return time.Now().UTC(), nil
}

// endOfSupportDate returns the --date the user gave, which end of support
// is then judged against even when the spec has a document date, or the
// zero time. ref is the date today returned.
func endOfSupportDate(c *cli.Context, ref time.Time) time.Time {
	if c.String("date") == "" {
		return time.Time{}
	}
	return ref
}

// sourceDateEpoch returns the time SOURCE_DATE_EPOCH gives (seconds since
// 1970), or the zero time when it is not set.
func sourceDateEpoch() (time.Time, error) {
	e := os.Getenv("SOURCE_DATE_EPOCH")
	if e == "" {
		return time.Time{}, nil
	}
	secs, err := strconv.ParseInt(e, 10, 64)
	if err != nil {
		return time.Time{}, fail(exitInput, msg.Format("cli.bad_epoch", e))
	}
	return time.Unix(secs, 0).UTC(), nil
}

func runCheck(c *cli.Context) error {
	if c.Bool("list-rules") {
		return listRules(c, c.StringSlice("profile"), "text", "")
	}
	format := c.String("format")
	if !slices.Contains(report.Formats, format) {
		return fail(exitInput, msg.Format("cli.bad_format", format, strings.Join(report.Formats, ", ")))
	}
	failOn, ok := catalog.FailOn(c.String("fail-on"))
	if !ok {
		return fail(exitInput, msg.Format("cli.bad_fail_on", c.String("fail-on"), strings.Join(catalog.FailOnValues(), ", ")))
	}
	if c.NArg() == 0 {
		return fail(exitInput, msg.Get("cli.check.no_spec"))
	}
	ref, err := today(c)
	if err != nil {
		return err
	}
	langs, err := languages(c)
	if err != nil {
		return err
	}
	opts := check.Options{Today: ref, EndOfSupportDate: endOfSupportDate(c, ref), RequireMDS2: c.Bool("require-mds2"), Languages: langs}
	if wf := c.String("waivers"); wf != "" {
		ws, src, err := generator.LoadWaivers(wf)
		if err != nil {
			return fail(exitInput, err.Error())
		}
		opts.Waivers, opts.WaiverSources = ws, src
	}

	var out bytes.Buffer
	ropts := report.Options{ToolVersion: version}
	var results []*check.Result
	code := exitOK
	var loadFailures []string
	for _, path := range c.Args().Slice() {
		s, err := generator.LoadSpec(path)
		if err != nil {
			code = exitInput
			var errs yamlx.Errors
			if errors.As(err, &errs) && format != "text" {
				if err := report.WriteLoadErrors(&out, format, path, errs, ropts); err != nil {
					return fail(exitInput, err.Error())
				}
			}
			loadFailures = append(loadFailures, err.Error())
			continue
		}
		cats, err := generator.LoadCatalogs(s, c.StringSlice("profile"))
		if err != nil {
			return fail(exitInput, err.Error())
		}
		var res *check.Result
		if docArgs := c.StringSlice("docs"); len(docArgs) > 0 {
			docs, err := docscheck.ParseDocArgs(docArgs)
			if err != nil {
				return fail(exitInput, err.Error())
			}
			if res, err = docscheck.Check(s, cats, docs); err != nil {
				return fail(exitInput, err.Error())
			}
		} else {
			o := opts
			o.BOM, o.SBOMErr = generator.LoadSBOM(s, c.Bool("allow-outside-files"))
			var outside *paths.OutsideError
			if errors.As(o.SBOMErr, &outside) {
				return fail(exitInput, outside.Error())
			}
			res = generator.Check(s, cats, o)
		}
		results = append(results, res)
		if failed(res, failOn) {
			code = max(code, exitFindings)
		}
	}
	if len(results) > 0 {
		if err := report.Write(&out, format, results, ropts); err != nil {
			return fail(exitInput, err.Error())
		}
	}
	if err := emit(c.App.Writer, c.String("output"), out.Bytes()); err != nil {
		return fail(exitInput, err.Error())
	}
	if len(loadFailures) > 0 {
		return fail(code, strings.Join(loadFailures, "\n")+"\n"+msg.Get("cli.check.unreadable"))
	}
	if code != exitOK {
		return fail(code, "")
	}
	return nil
}

// failed reports whether res has an unwaived finding at least as severe as
// the --fail-on threshold.
func failed(res *check.Result, threshold catalog.Severity) bool {
	counts := map[catalog.Severity]int{catalog.Error: res.Summary.Errors, catalog.Warning: res.Summary.Warnings, catalog.Note: res.Summary.Notes}
	for sev, n := range counts {
		if n > 0 && sev.Fails(threshold) {
			return true
		}
	}
	return false
}

// emit writes data to the output file (atomically) or to w.
func emit(w io.Writer, output string, data []byte) error {
	if output == "" || output == "-" {
		_, err := w.Write(data)
		return err
	}
	if err := fsutil.WriteFile(output, data, 0o644); err != nil {
		return fmt.Errorf("%s: %w", output, err)
	}
	return nil
}

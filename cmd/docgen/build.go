package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/msg"
)

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:        "build",
		Usage:       msg.Get("cli.build.usage"),
		UsageText:   "docgen build [options] SPEC [SPEC...]",
		Description: help("build"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "out", Usage: msg.Get("cli.flag.out")},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: strings.Join(generator.DefaultFormats(), ","), Usage: msg.Format("cli.flag.build_format", strings.Join(generator.BuildFormats(), ", "))},
			&cli.StringSliceFlag{Name: "profile", Aliases: []string{"p"}, Usage: msg.Get("cli.flag.build_profile")},
			&cli.StringFlag{Name: "templates", Usage: msg.Get("cli.flag.templates")},
			&cli.IntFlag{Name: "ifu-heading-offset", Usage: msg.Get("cli.flag.heading_offset")},
			&cli.StringFlag{Name: "date", Usage: msg.Get("cli.flag.date")},
			&cli.BoolFlag{Name: "strict", Usage: msg.Get("cli.flag.strict")},
			&cli.BoolFlag{Name: "allow-outside-files", Usage: msg.Get("cli.flag.allow_outside")},
			&cli.StringFlag{Name: "page-size", Value: "A4", Usage: msg.Get("cli.flag.page_size")},
			&cli.StringFlag{Name: "docx-template", Usage: msg.Get("cli.flag.docx_template")},
			pdfStandardFlag(),
			&cli.BoolFlag{Name: "force", Usage: msg.Get("cli.flag.build_force")},
			&cli.IntFlag{Name: "sbom-rows", Value: generator.DefaultComponentRows, Usage: msg.Get("cli.flag.sbom_rows")},
			&cli.StringFlag{Name: "since", Usage: msg.Get("cli.flag.since")},
			langFlag(),
		},
		Action: runBuild,
	}
}

// outputDirs gives each spec its own folder under out when there are
// several: the name of the folder the spec is in, made unique.
func outputDirs(out string, specs []string) []string {
	if len(specs) == 1 {
		return []string{out}
	}
	dirs := make([]string, len(specs))
	var used []string
	for i, p := range specs {
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p
		}
		name := filepath.Base(filepath.Dir(abs))
		if name == "" || name == "." || name == string(filepath.Separator) {
			name = strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		}
		base := name
		for n := 2; slices.Contains(used, name); n++ {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		used = append(used, name)
		dirs[i] = filepath.Join(out, name)
	}
	return dirs
}

// outcome is the result of building one spec.
type outcome struct {
	built *generator.Built
	err   error
}

// buildAll builds every spec in parallel and writes its outputs. When ctx
// is done it returns without waiting for builds still computing (they
// write nothing once ctx is done); their outcome is ctx's error.
func buildAll(ctx context.Context, specs, dirs []string, opts generator.BuildOptions, wopts generator.WriteOptions) []outcome {
	type indexed struct {
		i int
		outcome
	}
	done := make(chan indexed, len(specs))
	var (
		mu      sync.Mutex
		stopped bool           // set once ctx is done: no new writes start
		writing sync.WaitGroup // writes in progress
	)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range specs {
		go func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			b, err := generator.BuildSpec(ctx, p, opts)
			if err == nil {
				mu.Lock()
				if stopped {
					mu.Unlock()
					done <- indexed{i, outcome{nil, ctx.Err()}}
					return
				}
				writing.Add(1)
				mu.Unlock()
				err = generator.WriteFiles(ctx, dirs[i], b.Files, wopts)
				writing.Done()
			}
			done <- indexed{i, outcome{b, err}}
		}()
	}
	results := make([]outcome, len(specs))
	for received := 0; received < len(specs); received++ {
		select {
		case r := <-done:
			results[r.i] = r.outcome
		case <-ctx.Done():
			mu.Lock()
			stopped = true
			mu.Unlock()
			writing.Wait()
			for drained := false; !drained; {
				select {
				case r := <-done:
					results[r.i] = r.outcome
				default:
					drained = true
				}
			}
			for i := range results {
				if results[i].built == nil && results[i].err == nil {
					results[i].err = ctx.Err()
				}
			}
			return results
		}
	}
	return results
}

func runBuild(c *cli.Context) error {
	if c.NArg() == 0 {
		return fail(exitInput, msg.Get("cli.build.no_spec"))
	}
	var formats []string
	for _, f := range strings.Split(c.String("format"), ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !slices.Contains(generator.BuildFormats(), f) {
			return fail(exitInput, msg.Format("cli.bad_format", f, strings.Join(generator.BuildFormats(), ", ")))
		}
		formats = append(formats, f)
	}
	if err := checkPageSize(c.String("page-size")); err != nil {
		return err
	}
	standard, err := checkPDFStandard(c.String("pdf-standard"))
	if err != nil {
		return err
	}
	if c.String("docx-template") != "" && !slices.Contains(formats, "docx") {
		return fail(exitInput, msg.Get("cli.docx_template_unused"))
	}
	if c.String("since") != "" && c.NArg() > 1 {
		return fail(exitInput, msg.Get("cli.build.since_one"))
	}
	if c.Int("ifu-heading-offset") < 0 || c.Int("ifu-heading-offset") > 4 {
		return fail(exitInput, msg.Get("cli.build.bad_offset"))
	}
	ref, err := today(c)
	if err != nil {
		return err
	}
	langs, err := languages(c)
	if err != nil {
		return err
	}
	opts := generator.BuildOptions{Languages: langs,
		Formats: formats, Profiles: c.StringSlice("profile"), TemplatesDir: c.String("templates"),
		IFUHeadingOffset: c.Int("ifu-heading-offset"), ComponentRows: componentRows(c.Int("sbom-rows")), Today: ref, EndOfSupportDate: endOfSupportDate(c, ref), Version: version,
		AllowOutside: c.Bool("allow-outside-files"), PageSize: c.String("page-size"),
		WordTemplate: c.String("docx-template"), PDFStandard: standard, Since: c.String("since"),
	}
	specs := c.Args().Slice()
	dirs := outputDirs(c.String("out"), specs)
	// Ctrl-C or SIGTERM stops the builds at once, whatever stage they are
	// in: runBuild stops waiting for them, lets those that are switching
	// an output folder finish or abandon the switch, and reports them as
	// interrupted. An output folder is never left half-switched.
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	results := buildAll(ctx, specs, dirs, opts, generator.WriteOptions{Force: c.Bool("force")})

	code := exitOK
	var problems []string
	for i, r := range results {
		if r.err != nil {
			code = exitInput
			if errors.Is(r.err, context.Canceled) {
				problems = append(problems, msg.Format("cli.build.interrupted", specs[i]))
			} else {
				problems = append(problems, r.err.Error())
			}
			continue
		}
		sum := r.built.Result.Summary
		fmt.Fprintln(c.App.Writer, msg.Format("cli.build.done", specs[i], dirs[i], len(r.built.Files)))
		for _, w := range r.built.Warnings {
			fmt.Fprintln(c.App.ErrWriter, msg.Format("cli.build.warning", specs[i], w))
		}
		if sum.Errors > 0 {
			fmt.Fprintln(c.App.ErrWriter, msg.Format("cli.build.check_errors", specs[i], sum.Errors))
			if code == exitOK {
				code = exitFindings
			}
		}
	}
	if len(problems) > 0 {
		return fail(code, strings.Join(problems, "\n")+"\n"+msg.Get("cli.build.failed"))
	}
	if code != exitOK {
		return fail(code, "")
	}
	return nil
}

// langFlag is --lang of build and check.
func langFlag() cli.Flag {
	return &cli.StringSliceFlag{Name: "lang", Aliases: []string{"l"}, Usage: msg.Format("cli.flag.build_lang", strings.Join(msg.Languages(), ", "))}
}

// languages returns the languages of --lang, each one docgen has texts in.
func languages(c *cli.Context) ([]string, error) {
	var out []string
	for _, l := range c.StringSlice("lang") {
		for _, t := range strings.Split(l, ",") {
			t = strings.TrimSpace(t)
			if t != "" {
				out = append(out, t)
			}
		}
	}
	if err := generator.KnownLanguages(out); err != nil {
		return nil, fail(exitInput, err.Error())
	}
	return out, nil
}

// componentRows maps --sbom-rows to docs.Options.ComponentRows: on the
// command line 0 lists every component.
func componentRows(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/preview"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:        "serve",
		Usage:       msg.Get("cli.serve.usage"),
		UsageText:   "docgen serve [--addr 127.0.0.1:8080] [--templates DIR] SPEC",
		Description: help("serve"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: msg.Get("cli.flag.serve_addr")},
			&cli.StringSliceFlag{Name: "profile", Aliases: []string{"p"}, Usage: msg.Get("cli.flag.build_profile")},
			&cli.StringFlag{Name: "templates", Usage: msg.Get("cli.flag.templates")},
			&cli.StringFlag{Name: "date", Usage: msg.Get("cli.flag.date")},
			&cli.BoolFlag{Name: "allow-outside-files", Usage: msg.Get("cli.flag.allow_outside")},
		},
		Action: runServe,
	}
}

// runServe serves the HTML documents of one spec until interrupted.
func runServe(c *cli.Context) error {
	if c.NArg() != 1 {
		return fail(exitInput, msg.Get("cli.serve.one_spec"))
	}
	addr := c.String("addr")
	if err := preview.ListenAddr(addr); err != nil {
		return fail(exitInput, err.Error())
	}
	ref, err := today(c)
	if err != nil {
		return err
	}
	log := func(line string) {
		fmt.Fprintf(c.App.ErrWriter, "%s %s\n", time.Now().Format("15:04:05"), line)
	}
	srv, err := preview.New(preview.Options{
		Spec: c.Args().First(), Log: log,
		Build: generator.BuildOptions{
			Profiles: c.StringSlice("profile"), TemplatesDir: c.String("templates"), Today: ref,
			EndOfSupportDate: endOfSupportDate(c, ref), Version: version, AllowOutside: c.Bool("allow-outside-files"),
		},
	})
	if err != nil {
		return fail(exitInput, err.Error())
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fail(exitInput, err.Error())
	}
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = hs.Shutdown(shutdown)
	}()
	go func() {
		if err := srv.Watch(ctx); err != nil {
			log(err.Error())
		}
	}()
	fmt.Fprintln(c.App.Writer, msg.Format("cli.serve.listening", "http://"+ln.Addr().String()+"/"))
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fail(exitInput, err.Error())
	}
	return nil
}

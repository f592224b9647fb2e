//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"counterpart/app/ui"
)

// serve runs the command line: serve the app, or write the static site.
func serve() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "counterpart:", err)
		os.Exit(1)
	}
}

// run parses the arguments and does what they ask until ctx is done.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("counterpart", flag.ContinueOnError)
	flags.SetOutput(stderr)
	addr := flags.String("addr", "127.0.0.1:8000", "`host:port` to serve the app on")
	staticDir := flags.String("static", "", "write the app as a static site into `dir`, then exit")
	base := flags.String("base", "", "with -static: the URL `path` the site is served under, e.g. /counterpart")
	webDir := flags.String("web", "web", "the `dir` holding app.wasm, icons and CSS")
	updateCheck := flags.Duration("update-check", 30*time.Minute, "how often an open tab asks whether a new version is out")
	listPages := flags.Bool("pages", false, "print the path of every page of the app, one a line, then exit")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (see -help)", flags.Arg(0))
	}
	if *listPages {
		// What a static host must serve, and what the browser tests check
		// page by page: they cannot import the ui package themselves.
		for _, p := range ui.Paths() {
			fmt.Fprintln(stdout, p)
		}
		return nil
	}

	cfg := siteConfig{WebDir: *webDir, UpdateCheck: *updateCheck}
	if *staticDir != "" {
		prefix, err := cleanPrefix(*base)
		if err != nil {
			return err
		}
		cfg.Prefix = prefix
		cfg.Compression = bestCompression
		return exportStatic(*staticDir, cfg, stdout)
	}
	if *base != "" {
		return errors.New("-base only applies to -static; the server always serves from /")
	}

	cfg.Compression = fastCompression
	s, err := buildSite(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := newHTTPServer(s)
	fmt.Fprintf(stdout, "Counterpart (version %s) is running at http://%s/\n", s.Version, ln.Addr())

	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return srv.Shutdown(shutdown)
	}
}

// newHTTPServer wraps the site in a server with timeouts, so a slow or stuck
// client cannot hold a connection open for ever.
func newHTTPServer(s *site) *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		// Long enough for the uncompressed wasm over a slow link.
		WriteTimeout: 2 * time.Minute,
		IdleTimeout:  2 * time.Minute,
	}
}

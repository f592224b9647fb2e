//go:build !wasm

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// cleanPrefix checks and normalises the -base flag: "" or "/name[/more]".
func cleanPrefix(base string) (string, error) {
	if base == "" || base == "/" {
		return "", nil
	}
	if !strings.HasPrefix(base, "/") {
		return "", fmt.Errorf("-base %q must start with a slash, like /counterpart", base)
	}
	clean := path.Clean(base)
	if clean != strings.TrimSuffix(base, "/") || strings.ContainsAny(base, "?#\\ ") {
		return "", fmt.Errorf("-base %q is not a plain URL path like /counterpart", base)
	}
	return clean, nil
}

// exportStatic writes the whole site into dir so that any static host can
// serve it. Pages become dir/path/index.html, which every static server
// finds for /path/; 404.html is what GitHub Pages and most CDNs return for
// unknown paths, and it boots the app, which shows its own not-found page.
// Compressible files get .br and .gz siblings for hosts that serve them.
func exportStatic(dir string, cfg siteConfig, stdout io.Writer) error {
	if dir == "" {
		return errors.New("-static needs a directory")
	}
	s, err := buildSite(cfg)
	if err != nil {
		return err
	}
	files := map[string][]byte{}
	add := func(name string, a *asset) {
		files[name] = a.Body
		if a.Brotli != nil {
			files[name+encodingSuffix["br"]] = a.Brotli
			files[name+encodingSuffix["gzip"]] = a.Gzip
		}
	}
	for p, a := range s.assets {
		if strings.HasPrefix(a.Type, "text/html") {
			add(path.Join(p, "index.html"), a)
			continue
		}
		add(p, a)
	}
	add("/404.html", s.notFound)

	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		target := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, files[name], 0o644); err != nil {
			return err
		}
	}
	where := cfg.Prefix + "/"
	fmt.Fprintf(stdout, "Wrote %d files (version %s) to %s, to be served at %s\n", len(names), s.Version, dir, where)
	return nil
}

//go:build browser

package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// figure is one line of the report: a measure of Counterpart next to the
// same measure of a baseline taken in the same run, and what it means.
type figure struct {
	Name     string
	Value    float64 // Counterpart
	Base     float64 // the baseline
	BaseName string  // what the baseline is
	Unit     string  // "bytes", "ms", "req/s", "characters"
	Meaning  string  // what the figure says, in plain words
	Skipped  string  // why it could not be measured, if it was not
}

// section groups figures under a heading.
type section struct {
	Title  string
	Intro  string
	Figs   []figure
	Tables []table
}

// table is a breakdown printed as it is, after a section's figures.
type table struct {
	Head []string
	Rows [][]string
}

// theReport collects the figures of every test of the run; TestMain prints
// it and writes it as Markdown once they are done.
var theReport struct {
	mu       sync.Mutex
	sections []*section
}

// reportSection returns the section with a title, adding it if needed.
func reportSection(title, intro string) *section {
	theReport.mu.Lock()
	defer theReport.mu.Unlock()
	for _, s := range theReport.sections {
		if s.Title == title {
			return s
		}
	}
	s := &section{Title: title, Intro: intro}
	theReport.sections = append(theReport.sections, s)
	return s
}

// add puts a figure in a section.
func (s *section) add(f figure) {
	theReport.mu.Lock()
	defer theReport.mu.Unlock()
	s.Figs = append(s.Figs, f)
}

// table adds a breakdown to a section.
func (s *section) table(head []string, rows [][]string) {
	theReport.mu.Lock()
	defer theReport.mu.Unlock()
	s.Tables = append(s.Tables, table{Head: head, Rows: rows})
}

// reportFile is where make bench writes the report; .gitignore keeps it out
// of the repository, since its numbers belong to one machine and one run.
const reportFile = "report.md"

// writeReport prints the report and writes it as Markdown.
func writeReport() error {
	theReport.mu.Lock()
	defer theReport.mu.Unlock()
	if len(theReport.sections) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Counterpart bench report\n\n")
	fmt.Fprintf(&b, "Run on %s, %s/%s, %d CPUs, %s. Every figure is Counterpart against a baseline measured in the same run, on the same machine: the ratio is what to compare between machines, the absolute numbers are beside it. Rerun with `make bench`.\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	for _, s := range theReport.sections {
		fmt.Fprintf(&b, "\n## %s\n\n", s.Title)
		if s.Intro != "" {
			fmt.Fprintf(&b, "%s\n\n", s.Intro)
		}
		if len(s.Figs) > 0 {
			fmt.Fprintf(&b, "| Figure | Counterpart | Baseline | Ratio |\n|---|---:|---:|---:|\n")
		}
		for _, f := range s.Figs {
			if f.Skipped != "" {
				fmt.Fprintf(&b, "| %s | skipped | | |\n", f.Name)
				continue
			}
			fmt.Fprintf(&b, "| %s | %s | %s (%s) | %s |\n", f.Name, amount(f.Value, f.Unit), amount(f.Base, f.Unit), f.BaseName, ratioText(f.Value, f.Base))
		}
		b.WriteString("\n")
		for _, f := range s.Figs {
			if f.Skipped != "" {
				fmt.Fprintf(&b, "- **%s**: skipped: %s\n", f.Name, f.Skipped)
				continue
			}
			fmt.Fprintf(&b, "- **%s**: %s\n", f.Name, f.Meaning)
		}
		for _, t := range s.Tables {
			writeTable(&b, t)
		}
	}
	text := b.String()
	fmt.Print("\n" + text)
	abs, _ := filepath.Abs(reportFile)
	if err := os.WriteFile(reportFile, []byte(text), 0o644); err != nil {
		return err
	}
	fmt.Printf("\nThe report is in %s\n", abs)
	return nil
}

func ratioText(v, base float64) string {
	if base == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f×", v/base)
}

// amount writes a number with its unit, readably.
func amount(v float64, unit string) string {
	switch unit {
	case "bytes":
		return fmt.Sprintf("%s B", thousands(int64(v)))
	case "ms":
		if v < 10 {
			return fmt.Sprintf("%.2f ms", v)
		}
		return fmt.Sprintf("%.0f ms", v)
	case "µs":
		return fmt.Sprintf("%.1f µs", v)
	default:
		return fmt.Sprintf("%s %s", thousands(int64(v+0.5)), unit)
	}
}

func thousands(n int64) string {
	s := fmt.Sprint(n)
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// writeTable writes a table in Markdown, numbers aligned right.
func writeTable(b *strings.Builder, t table) {
	b.WriteString("\n| " + strings.Join(t.Head, " | ") + " |\n|")
	for i := range t.Head {
		if i == 0 {
			b.WriteString("---|")
		} else {
			b.WriteString("---:|")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
}

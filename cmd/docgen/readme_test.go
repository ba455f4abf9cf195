package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestREADME runs the commands of the README's ```console blocks on a copy
// of examples/ and compares what they print with what the README shows, so
// the README cannot drift from the tool. A block's commands are the lines
// starting with "$ "; the lines after one, up to the next command, a blank
// line or the end of the block, are its expected output. Besides docgen,
// `sed -i 's/OLD/NEW/' FILE` is understood, with OLD and NEW literal text.
func TestREADME(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```console\n(.*?)```").FindAllSubmatch(readme, -1)
	if len(blocks) == 0 {
		t.Fatal("the README has no console example")
	}
	dir := t.TempDir()
	copyTree(t, "../../examples", filepath.Join(dir, "examples"))
	t.Chdir(dir)
	t.Setenv("SOURCE_DATE_EPOCH", "1793491200") // 2026-11-01, as the other CLI tests

	ran := 0
	for _, b := range blocks {
		lines := strings.Split(strings.TrimRight(string(b[1]), "\n"), "\n")
		for i := 0; i < len(lines); i++ {
			cmd, ok := strings.CutPrefix(lines[i], "$ ")
			if !ok {
				if lines[i] != "" {
					t.Errorf("README line %q is neither a command nor the output of one", lines[i])
				}
				continue
			}
			var want []string
			for i+1 < len(lines) && lines[i+1] != "" && !strings.HasPrefix(lines[i+1], "$ ") {
				i++
				want = append(want, lines[i])
			}
			got := runREADMECommand(t, cmd)
			if g, w := strings.TrimRight(got, "\n"), strings.Join(want, "\n"); g != w {
				t.Errorf("README: $ %s\nshows:\n%s\nbut prints:\n%s", cmd, w, g)
			}
			ran++
		}
	}
	if ran < 3 {
		t.Errorf("ran %d README commands, want at least 3", ran)
	}
}

// runREADMECommand runs one README command and returns its output.
func runREADMECommand(t *testing.T, line string) string {
	t.Helper()
	args := shellWords(line)
	if len(args) == 0 {
		t.Fatalf("empty README command")
	}
	switch {
	case args[0] == "docgen":
		var out bytes.Buffer
		run(args, &out, &out)
		return out.String()
	case args[0] == "sed" && len(args) == 4 && args[1] == "-i":
		parts := strings.Split(args[2], "/")
		if len(parts) != 4 || parts[0] != "s" || parts[3] != "" || strings.ContainsAny(parts[1], `.[]*^$\`) {
			t.Fatalf("README: only sed -i 's/OLD/NEW/' FILE with literal OLD is understood, not %q", args[2])
		}
		data, err := os.ReadFile(args[3])
		if err != nil {
			t.Fatal(err)
		}
		// Like sed: the first match on each line.
		text := strings.Split(string(data), "\n")
		for i, l := range text {
			text[i] = strings.Replace(l, parts[1], parts[2], 1)
		}
		if err := os.WriteFile(args[3], []byte(strings.Join(text, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		return ""
	}
	t.Fatalf("README: command %q is not one the test can run", line)
	return ""
}

// shellWords splits a command line at spaces, keeping single-quoted text
// together and dropping a trailing # comment.
func shellWords(line string) []string {
	var words []string
	var cur strings.Builder
	inWord, quoted := false, false
	for _, r := range line {
		switch {
		case quoted && r == '\'':
			quoted = false
		case quoted:
			cur.WriteRune(r)
		case r == '\'':
			quoted, inWord = true, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case r == '#' && !inWord:
			return words
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}

// copyTree copies the files under src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

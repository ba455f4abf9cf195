package pdf

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"

	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/markdown"
	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// specExample is one example of the CommonMark spec as goldmark ships it.
type specExample struct {
	Markdown string `json:"markdown"`
	HTML     string `json:"html"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

// commonMarkSpec loads the CommonMark examples from goldmark's module
// directory, or skips the test if the module is not on disk.
func commonMarkSpec(t *testing.T) []specExample {
	t.Helper()
	dir := goldmarkDir()
	if dir == "" {
		t.Skip("goldmark's module directory (with _test/spec.json) not found")
	}
	data, err := os.ReadFile(filepath.Join(dir, "_test", "spec.json"))
	if err != nil {
		t.Skipf("CommonMark spec not found: %v", err)
	}
	var ex []specExample
	if err := json.Unmarshal(data, &ex); err != nil {
		t.Fatal(err)
	}
	return ex
}

// goldmarkDir finds the directory of the goldmark module: from the go
// command, else from the module cache and the build information.
func goldmarkDir() string {
	out, err := exec.Command("go", "list", "-m", "-json", "github.com/yuin/goldmark").Output()
	if err == nil {
		var m struct{ Dir string }
		if json.Unmarshal(out, &m) == nil && m.Dir != "" {
			return m.Dir
		}
	}
	cache := os.Getenv("GOMODCACHE")
	if cache == "" {
		if gp := os.Getenv("GOPATH"); gp != "" {
			cache = filepath.Join(filepath.SplitList(gp)[0], "pkg", "mod")
		} else if home, err := os.UserHomeDir(); err == nil {
			cache = filepath.Join(home, "go", "pkg", "mod")
		}
	}
	if bi, ok := debug.ReadBuildInfo(); ok && cache != "" {
		for _, m := range bi.Deps {
			if m.Path == "github.com/yuin/goldmark" {
				return filepath.Join(cache, "github.com", "yuin", "goldmark@"+m.Version)
			}
		}
	}
	return ""
}

// TestCommonMark reads every example of the CommonMark spec into the
// document model and renders it: each must give a valid PDF from whose
// text the words of the expected HTML can be read, in order.
func TestCommonMark(t *testing.T) {
	examples := commonMarkSpec(t)
	passed := 0
	for i, ex := range examples {
		if testing.Short() && i%10 != 0 {
			continue
		}
		d, err := markdown.Read([]byte(ex.Markdown))
		if err != nil {
			t.Errorf("example %d (%s): %v", ex.Example, ex.Section, err)
			continue
		}
		var buf bytes.Buffer
		if _, err := Render(&buf, d, render.Options{}); err != nil {
			t.Errorf("example %d (%s): %v", ex.Example, ex.Section, err)
			continue
		}
		if _, err := readValid(buf.Bytes()); err != nil {
			t.Errorf("example %d (%s): %v", ex.Example, ex.Section, err)
			continue
		}
		got := strings.Join(pageTexts(t, buf.Bytes()), "\n")
		if missing := missingWords(visibleText(ex.HTML), got); missing != "" {
			t.Errorf("example %d (%s): %q not found in the PDF text\nmarkdown: %q\nhtml: %q\npdf: %q",
				ex.Example, ex.Section, missing, ex.Markdown, ex.HTML, got)
			continue
		}
		passed++
	}
	t.Logf("CommonMark examples passed: %d", passed)
}

// visibleText returns the text a browser shows for an HTML fragment: tags
// stripped, character references resolved, comments and the content of
// script and style elements left out.
func visibleText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			if n := string(name); n == "script" || n == "style" {
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			}
			b.WriteByte(' ')
		default:
			b.WriteByte(' ')
		}
	}
}

// missingWords returns the first word of want that cannot be found in got,
// in order, or "". White space is ignored on both sides, so words broken
// across lines still match. Characters the PDF cannot show as such are
// compared as the PDF shows them: invisible format characters are left
// out, others the fonts lack are the replacement character.
func missingWords(want, got string) string {
	norm := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			switch {
			case unicode.IsSpace(r):
			case r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0):
				b.WriteRune(replacement)
			case r == '\u00ad' || drop(r) || r == '\u200b':
			case !fonts.Regular.Has(r):
				b.WriteRune(replacement)
			default:
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	// A word broken with a marker is whole without it.
	hay := norm(strings.ReplaceAll(got, layout.BreakMarker, ""))
	pos := 0
	for _, w := range strings.Fields(want) {
		w = norm(w)
		if w == "" {
			continue
		}
		i := strings.Index(hay[pos:], w)
		if i < 0 {
			return w
		}
		pos += i + len(w)
	}
	return ""
}

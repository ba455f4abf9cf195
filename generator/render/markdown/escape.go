package markdown

import (
	"regexp"
	"strings"
)

// mdSpecial lists the ASCII punctuation that can start or end Markdown
// syntax inside a line. Escaping all of it with a backslash is allowed by
// CommonMark for any ASCII punctuation and keeps user text literal.
const mdSpecial = "\\`*_[]<>#|~!&$@"

var (
	spaceRE     = regexp.MustCompile(`\s+`)
	blankLineRE = regexp.MustCompile(`\n[ \t]*\n`)
	// lineStartRE matches text that would start a block construct when it
	// stands at the start of a line: list markers, ordered list numbers,
	// setext underlines and thematic breaks.
	lineStartRE = regexp.MustCompile(`^(\d{1,9}[.)]|[-+]|=+|-+)(\s|$)`)
	// autolinkRE finds what GFM's autolink extension would turn into links.
	autolinkRE = regexp.MustCompile(`(?i)\w://|\bwww\.`)
)

// Inline escapes s for use inside a line of Markdown: white space and
// newlines collapse to single spaces, and every character that Markdown
// could read as syntax is backslash-escaped, so the text renders literally
// in goldmark and on GitHub.
func Inline(s string) string {
	return escapeText(strings.TrimSpace(spaceRE.ReplaceAllString(s, " ")), true)
}

// escapeText escapes one run of text whose white space is already collapsed;
// atLineStart says whether it begins a line, where list markers and the like
// would start a block.
func escapeText(s string, atLineStart bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if r < 128 && strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	// GFM turns bare URLs into links; escaping the scheme separator and
	// "www." keeps them literal text (the @ of e-mail addresses is escaped
	// above). Spec fields meant as links are written with Link.
	out := autolinkRE.ReplaceAllStringFunc(b.String(), func(m string) string {
		if strings.HasSuffix(m, "://") {
			return m[:len(m)-3] + `\://`
		}
		return m[:len(m)-1] + `\.` // www. -> www\.
	})
	if !atLineStart {
		return out
	}
	if m := lineStartRE.FindStringSubmatchIndex(out); m != nil {
		// Escape the marker's last character: "\- x", "1\. x" or "\=".
		end := m[3]
		out = out[:end-1] + "\\" + out[end-1:]
	}
	return out
}

// Para escapes prose that may hold several paragraphs (separated by blank
// lines): each paragraph becomes one escaped line, and paragraphs are
// separated by a blank line.
func Para(s string) string {
	parts := blankLineRE.Split(strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n"), -1)
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		if p = Inline(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// Code formats s as an inline code span that reads back as exactly s, with
// newlines as spaces: the fence is one backtick longer than the longest run
// of backticks in s, and s is padded with one space on each side when it
// starts or ends with a backtick, or with a space at both ends (CommonMark
// strips one such pair). An empty s gives "". In a table cell, use CodeCell.
func Code(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	if s == "" {
		return ""
	}
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	allSpace := strings.Trim(s, " ") == ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") ||
		(!allSpace && strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ")) {
		s = " " + s + " "
	}
	return fence + s + fence
}

// CodeCell is Code for a table cell: GFM splits table rows on "|" before it
// parses code spans, so pipes inside the span are escaped too.
func CodeCell(s string) string {
	return strings.ReplaceAll(Code(s), "|", `\|`)
}

// Heading escapes heading text; it is Inline, named for readability in
// templates.
func Heading(s string) string { return Inline(s) }

package docmodel

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// AnchorRE is the form of an explicit anchor: lower-case letters, digits and
// hyphens, starting with a letter or digit. Catalog anchors have this form.
var AnchorRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// ReservedAnchors are ids that renderers use for their own elements (the
// table of contents, the footnotes); no section gets them.
var ReservedAnchors = []string{"page-toc", "contents", "footnotes"}

// Slug makes a GitHub-style id from heading text: lower case; letters,
// digits, '_' and '-' kept; spaces turned into '-'; everything else dropped.
func Slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

// AssignAnchors gives every section of d a unique anchor. Anchors already
// set are kept, the first of equal ones unchanged and later ones suffixed
// -1, -2, ...; sections without one get the slug of their title, made
// unique the same way. Explicit anchors are placed first, so a derived id
// never takes an id the author chose.
func AssignAnchors(d *Document) {
	used := map[string]bool{}
	for _, id := range ReservedAnchors {
		used[id] = true
	}
	secs := Sections(d)
	taken := make([]bool, len(secs))
	for i, s := range secs {
		if s.Anchor != "" && !used[s.Anchor] {
			used[s.Anchor] = true
			taken[i] = true
		}
	}
	for i, s := range secs {
		if s.Anchor != "" && !taken[i] {
			s.Anchor = unique(s.Anchor, used)
		}
	}
	for _, s := range secs {
		if s.Anchor == "" {
			s.Anchor = unique(Slug(PlainText(s.Title)), used)
		}
	}
}

// unique returns base, or base-1, base-2, ... whichever is free, and marks it
// used.
func unique(base string, used map[string]bool) string {
	id := base
	for i := 1; used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	used[id] = true
	return id
}

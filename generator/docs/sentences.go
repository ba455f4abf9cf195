package docs

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
)

// placeholderRE finds the placeholders of a sentence message: %s for the
// next argument, %[2]s for the second, as in the rest of the message
// catalog, so that translators can reorder them.
var placeholderRE = regexp.MustCompile(`%(?:\[(\d+)\])?s`)

// sentence formats the message key with args into inline content. Each arg
// is a value (a fact with its spec paths) or a string (fixed text). The
// result is empty, and the sentence left out, when any value is empty.
//
// A fixed sentence names the facts it states with cited values (from in
// the templates); like the others, an empty one leaves the sentence out.
//
// A message may mark strong text with **...**. A full stop that the
// message puts right after a value ending in a full stop is dropped, so that
// "Corvela Health B.V." never reads "B.V..".
func (w words) sentence(key string, args ...any) (value, error) {
	if !w.has(key) {
		return noValue, templateError{msg.Format("docs.tmpl.no_message", key, didYouMean(key, messageKeys()))}
	}
	var vals []value
	var cited []string
	for i, a := range args {
		switch a := a.(type) {
		case value:
			if a.empty() && !a.optional {
				return noValue, nil
			}
			if a.cited {
				cited = append(cited, a.paths...)
				continue
			}
			vals = append(vals, a)
		case string:
			vals = append(vals, plainValue(a))
		default:
			return noValue, templateError{fmt.Sprintf("message %q: argument %d is a %T, not a value or text", key, i+1, a)}
		}
	}
	text := w.get(key)
	var out []docmodel.Inline
	var paths []string
	next := 0
	pos := 0
	prevEndsStop := false
	for _, m := range placeholderRE.FindAllStringSubmatchIndex(text, -1) {
		lit := text[pos:m[0]]
		if prevEndsStop {
			lit = strings.TrimPrefix(lit, ".")
		}
		out = append(out, markup(lit)...)
		k := next
		if m[2] >= 0 {
			n, _ := strconv.Atoi(text[m[2]:m[3]])
			k = n - 1
		}
		next = k + 1
		if k < 0 || k >= len(vals) {
			return noValue, templateError{fmt.Sprintf("message %q has more placeholders than the %d arguments given", key, len(vals))}
		}
		out = append(out, vals[k].content...)
		paths = append(paths, vals[k].paths...)
		if t := strings.TrimSpace(vals[k].text()); t != "" {
			prevEndsStop = strings.HasSuffix(t, ".")
		}
		pos = m[1]
	}
	lit := text[pos:]
	if prevEndsStop {
		lit = strings.TrimPrefix(lit, ".")
	}
	out = append(out, markup(lit)...)
	return value{content: mergeText(out), paths: dedupe(append(paths, cited...))}, nil
}

// strongRE finds **strong** text in a message.
var strongRE = regexp.MustCompile(`\*\*(.+?)\*\*`)

// markup turns the fixed text of a message into inline content: **...**
// is strong, everything else plain text.
func markup(s string) []docmodel.Inline {
	if s == "" {
		return nil
	}
	var out []docmodel.Inline
	pos := 0
	for _, m := range strongRE.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > pos {
			out = append(out, &docmodel.Text{Text: s[pos:m[0]]})
		}
		out = append(out, &docmodel.Strong{Content: docmodel.Plain(s[m[2]:m[3]])})
		pos = m[1]
	}
	if pos < len(s) {
		out = append(out, &docmodel.Text{Text: s[pos:]})
	}
	return out
}

// mergeText joins adjacent text runs.
func mergeText(in []docmodel.Inline) []docmodel.Inline {
	var out []docmodel.Inline
	for _, x := range in {
		if t, ok := x.(*docmodel.Text); ok {
			if t.Text == "" {
				continue
			}
			if len(out) > 0 {
				if prev, ok := out[len(out)-1].(*docmodel.Text); ok {
					out[len(out)-1] = &docmodel.Text{Text: prev.Text + t.Text}
					continue
				}
			}
		}
		out = append(out, x)
	}
	return out
}

func dedupe(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

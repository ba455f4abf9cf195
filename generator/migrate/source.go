package migrate

import (
	"bytes"
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
)

// source is the text of a spec file, addressed by the line and column
// positions of yaml.v3 nodes.
type source struct {
	data []byte
	// lines holds the byte offset at which each line starts: lines[0] is
	// line 1. Line breaks are those of yaml.v3: CR LF, CR, LF, and NEL, LS
	// and PS.
	lines []int
}

// position is a 1-based line and column (in characters) of a node.
type position struct{ line, col int }

// edit replaces data[start:end] by text.
type edit struct {
	start, end int
	text       string
}

// The line breaks beyond CR and LF that yaml.v3 counts: NEL, LS, PS.
var unicodeBreaks = [][]byte{[]byte("\u0085"), []byte("\u2028"), []byte("\u2029")}

func newSource(data []byte) *source {
	s := &source{data: data, lines: []int{0}}
	for i := 0; i < len(data); {
		n := breakAt(data, i)
		if n == 0 {
			i++
			continue
		}
		i += n
		s.lines = append(s.lines, i)
	}
	return s
}

// breakAt returns the length of the line break at data[i:], or 0.
func breakAt(data []byte, i int) int {
	switch data[i] {
	case '\r':
		if i+1 < len(data) && data[i+1] == '\n' {
			return 2
		}
		return 1
	case '\n':
		return 1
	}
	for _, b := range unicodeBreaks {
		if bytes.HasPrefix(data[i:], b) {
			return len(b)
		}
	}
	return 0
}

// offset returns the byte offset of a node's position.
func (s *source) offset(n *yaml.Node) (int, error) {
	if n.Line < 1 || n.Line > len(s.lines) || n.Column < 1 {
		return 0, errors.New(msg.Get("migrate.reason.not_found"))
	}
	i := s.lines[n.Line-1]
	for c := 1; c < n.Column; c++ {
		if i >= len(s.data) {
			return 0, errors.New(msg.Get("migrate.reason.not_found"))
		}
		_, size := utf8.DecodeRune(s.data[i:])
		i += size
	}
	return i, nil
}

// line returns the start of the line holding offset i and the start of the
// next line (the end of the data on the last line).
func (s *source) line(i int) (start, next int) {
	k := sort.SearchInts(s.lines, i+1) - 1
	start, next = s.lines[k], len(s.data)
	if k+1 < len(s.lines) {
		next = s.lines[k+1]
	}
	return start, next
}

// lineEnd returns the offset of the line break that ends the line holding
// offset i, or the end of the data.
func (s *source) lineEnd(i int) int {
	for ; i < len(s.data); i++ {
		if breakAt(s.data, i) > 0 {
			return i
		}
	}
	return i
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// span returns where the text of a scalar or alias node lies: its
// properties (anchor, tag) start at props, its value is data[start:end].
func (s *source) span(n *yaml.Node) (props, start, end int, err error) {
	props, err = s.offset(n)
	if err != nil {
		return 0, 0, 0, err
	}
	d := s.data
	start = props
	for start < len(d) && (d[start] == '&' || d[start] == '!') {
		for start < len(d) && !isBlank(d[start]) && breakAt(d, start) == 0 {
			start++
		}
		for start < len(d) && (isBlank(d[start]) || breakAt(d, start) > 0) {
			start++
		}
	}
	notFound := errors.New(msg.Get("migrate.reason.not_found"))
	switch {
	case n.Kind == yaml.AliasNode:
		if !bytes.HasPrefix(d[start:], []byte("*"+n.Value)) {
			return 0, 0, 0, notFound
		}
		return props, start, start + 1 + len(n.Value), nil
	case n.Kind != yaml.ScalarNode:
		return 0, 0, 0, errors.New(msg.Get("migrate.reason.collection"))
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return 0, 0, 0, errors.New(msg.Get("migrate.reason.block_scalar"))
	case n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0:
		end = quoteEnd(d, start)
		if end < 0 {
			return 0, 0, 0, notFound
		}
		return props, start, end, nil
	}
	// A plain scalar: its text is its value unless it runs over several
	// lines, which the values migrate rewrites never need.
	if !bytes.HasPrefix(d[start:], []byte(n.Value)) {
		return 0, 0, 0, errors.New(msg.Get("migrate.reason.multiline"))
	}
	return props, start, start + len(n.Value), nil
}

// quoteEnd returns the offset just after the quoted scalar that starts at
// data[start], or -1.
func quoteEnd(d []byte, start int) int {
	if start >= len(d) {
		return -1
	}
	q := d[start]
	for i := start + 1; i < len(d); i++ {
		switch {
		case q == '"' && d[i] == '\\':
			i++ // the escaped character
		case d[i] == q && q == '\'' && i+1 < len(d) && d[i+1] == '\'':
			i++ // '' is a quote inside single quotes
		case d[i] == q:
			return i + 1
		}
	}
	return -1
}

// styled writes v in the quoting style of n.
func styled(n *yaml.Node, v string) string {
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return strconv.Quote(v)
	case n.Style&yaml.SingleQuotedStyle != 0:
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	}
	return v
}

// replace replaces the text of a scalar or alias node by v, in the node's
// quoting style, keeping its anchor. An explicit tag goes: it named the
// type of the old value.
func (s *source) replace(n *yaml.Node, v string) (edit, error) {
	props, start, end, err := s.span(n)
	if err != nil {
		return edit{}, err
	}
	if n.Style&yaml.TaggedStyle != 0 {
		text := styled(n, v)
		if n.Anchor != "" {
			text = "&" + n.Anchor + " " + text
		}
		return edit{props, end, text}, nil
	}
	return edit{start, end, styled(n, v)}, nil
}

// drop removes the field t from its mapping. In a block mapping the
// field's line goes, or, when a comment follows the value, the field gives
// way to the comment; in a flow mapping the field goes with its comma.
func (s *source) drop(t target) (edit, error) {
	keyStart, err := s.offset(t.key)
	if err != nil {
		return edit{}, err
	}
	_, _, valEnd, err := s.span(t.value)
	if err != nil {
		return edit{}, err
	}
	d := s.data
	if t.parent.Style&yaml.FlowStyle != 0 {
		if next := t.index + 2; next < len(t.parent.Content) {
			nextStart, err := s.offset(t.parent.Content[next])
			if err != nil {
				return edit{}, err
			}
			return edit{keyStart, nextStart, ""}, nil
		}
		start := keyStart
		j := keyStart
		for j > 0 && (isBlank(d[j-1]) || d[j-1] == '\n' || d[j-1] == '\r') {
			j--
		}
		if j > 0 && d[j-1] == ',' {
			start = j - 1
		}
		return edit{start, valEnd, ""}, nil
	}
	lineStart, _ := s.line(keyStart)
	if len(bytes.Trim(d[lineStart:keyStart], " \t")) > 0 {
		return edit{}, errors.New(msg.Get("migrate.reason.shared_line"))
	}
	lineEnd := s.lineEnd(valEnd)
	tail := bytes.Trim(d[valEnd:lineEnd], " \t")
	switch {
	case len(tail) == 0:
		_, next := s.line(valEnd)
		return edit{lineStart, next, ""}, nil
	case tail[0] == '#':
		return edit{keyStart, lineEnd, string(tail)}, nil
	}
	return edit{}, errors.New(msg.Get("migrate.reason.shared_line"))
}

// rewrite returns the edits that apply d's rewrite, and the position of
// the old form.
func (s *source) rewrite(root *yaml.Node, d spec.Deprecation) ([]edit, position, error) {
	t, reached, err := find(root, d.Path)
	if err != nil {
		return nil, position{reached.Line, reached.Column}, err
	}
	r := d.Rewrite
	// A field is where its key is, as in the loader's positions, so that
	// migrate and check name the same place.
	at := t.value
	if t.key != nil {
		at = t.key
	}
	pos := position{at.Line, at.Column}
	if (r.Key != "" || r.Drop) && t.key == nil {
		return nil, pos, errors.New(msg.Get("migrate.reason.not_found"))
	}
	if r.Drop {
		e, err := s.drop(t)
		return []edit{e}, pos, err
	}
	var edits []edit
	if r.Key != "" {
		e, err := s.replace(t.key, r.Key)
		if err != nil {
			return nil, pos, err
		}
		edits = append(edits, e)
	}
	if r.Value != "" {
		e, err := s.replace(t.value, r.Value)
		if err != nil {
			return nil, pos, err
		}
		edits = append(edits, e)
	}
	return edits, pos, nil
}

// apply returns the data with the edits made. Edits must not overlap; the
// same edit twice (two paths through an alias to one node) is made once.
func (s *source) apply(edits []edit) ([]byte, error) {
	slices.SortFunc(edits, func(a, b edit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.end - b.end
	})
	edits = slices.Compact(edits)
	var out bytes.Buffer
	at := 0
	for _, e := range edits {
		if e.start < at {
			return nil, errors.New(msg.Get("migrate.overlap"))
		}
		out.Write(s.data[at:e.start])
		out.WriteString(e.text)
		at = e.end
	}
	out.Write(s.data[at:])
	return out.Bytes(), nil
}

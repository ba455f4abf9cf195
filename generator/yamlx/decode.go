// Package yamlx decodes YAML strictly into Go structs while keeping the
// position of every value, so that each problem in a hand-written file can be
// reported as file:line:column with a hint on how to fix it.
//
// Unlike yaml.v3's own decoder, which stops at the first problem, a [Decoder]
// collects every error of a file in document order: unknown fields (with a
// "did you mean" suggestion), duplicate keys, wrong types, values outside an
// enumeration, and the errors of custom scalar types. It also records a
// [SourceMap] from field paths such as "firewall_rules[3].ports" to positions,
// which later stages (check findings, SARIF) use to point into the file.
//
// Structs are described by their `yaml` tags. A field tagged `yaml:"-"` is
// ignored. Custom value types implement [ScalarDecoder] (a value written as
// one scalar) or [NodeDecoder] (full control over the node); string types with
// a fixed set of values implement [Enum].
//
// Typical use:
//
//	var s Spec
//	d := yamlx.NewDecoder("device.yaml")
//	d.Decode(data, &s)
//	if err := d.Err(); err != nil { ... } // an Errors value, sorted by position
package yamlx

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/msg"
)

// ScalarDecoder is implemented by value types written as a single YAML scalar
// (dates, ports, addresses). DecodeScalar receives the scalar's text and its
// resolved YAML tag (such as "!!str" or "!!int") and returns a user-facing
// error message, or nil.
type ScalarDecoder interface {
	DecodeScalar(value, tag string) error
}

// NodeDecoder is implemented by types that accept several YAML shapes. The
// implementation reports problems through d.Errorf and may decode children
// with d.DecodeValue.
type NodeDecoder interface {
	DecodeNode(d *Decoder, n *yaml.Node, path string)
}

// Enum is implemented by string types whose value must be one of a fixed set.
// The decoder rejects other values with a suggestion.
type Enum interface {
	EnumValues() []string
}

// MaxAliasExpansions bounds how many alias nodes one document may follow, so
// that an "alias bomb" is rejected instead of expanding without limit.
const MaxAliasExpansions = 10000

// AliasSizeFactor and MinAliasSize bound the text that aliases may add to
// a document, counted in bytes of the scalars they repeat: at most
// AliasSizeFactor times the size of the file, and at least MinAliasSize.
// The count limit alone let one long anchored text, used ten thousand
// times, expand a small file a thousandfold.
const (
	AliasSizeFactor = 4
	MinAliasSize    = 1 << 20
)

// MaxDepth bounds the nesting of mappings and sequences.
const MaxDepth = 100

// Decoder decodes YAML documents into Go values, collecting errors and
// positions. A Decoder is used for one file.
type Decoder struct {
	file    string
	data    []byte
	errs    Errors
	sources *SourceMap
	aliases int
	// expanded is the text the aliases followed so far add, in bytes;
	// sizes caches the expanded size of anchored nodes.
	expanded    int64
	sizes       map[*yaml.Node]int64
	aliasFailed bool // an alias limit was reported
}

// NewDecoder returns a Decoder whose positions name file.
func NewDecoder(file string) *Decoder {
	return &Decoder{file: file, sources: NewSourceMap(file)}
}

// File returns the file name positions refer to.
func (d *Decoder) File() string { return d.file }

// Sources returns the source map recorded so far.
func (d *Decoder) Sources() *SourceMap { return d.sources }

// Err returns the collected errors sorted by position, or nil.
func (d *Decoder) Err() error {
	if len(d.errs) == 0 {
		return nil
	}
	d.errs.Sort()
	return d.errs
}

// Errors returns the collected errors in the order they were found.
func (d *Decoder) Errors() Errors { return d.errs }

// Report records an error at the position of n. The text is the message
// catalog entry key, filled in with args.
func (d *Decoder) Report(n *yaml.Node, key string, args ...any) {
	d.ReportAt(d.Pos(n), key, args...)
}

// ReportAt records an error at pos with the message catalog entry key.
func (d *Decoder) ReportAt(pos Pos, key string, args ...any) {
	d.errs = append(d.errs, &Error{Pos: pos, Msg: msg.Format(key, args...)})
}

// Fail records err, whose text is already user-facing, at the position of n.
func (d *Decoder) Fail(n *yaml.Node, err error) {
	d.errs = append(d.errs, &Error{Pos: d.Pos(n), Msg: err.Error()})
}

// Pos returns the position of n in this decoder's file.
func (d *Decoder) Pos(n *yaml.Node) Pos {
	if n == nil {
		return Pos{File: d.file}
	}
	return Pos{File: d.file, Line: n.Line, Col: n.Column}
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse parses data into a document node. It reports syntax errors, empty
// input and multiple documents, and returns nil when nothing can be decoded.
func (d *Decoder) Parse(data []byte) *yaml.Node {
	if !utf8.Valid(data) {
		line, col, b := firstInvalidUTF8(data)
		d.ReportAt(Pos{File: d.file, Line: line, Col: col}, "yaml.not_utf8", b)
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a byte-order mark is allowed
	d.data = data
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.ReportAt(Pos{File: d.file, Line: 1, Col: 1}, "yaml.empty")
			return nil
		}
		d.syntaxError(err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.ReportAt(Pos{File: d.file, Line: extra.Line, Col: extra.Column}, "yaml.multiple_documents")
		return nil
	} else if !errors.Is(err, io.EOF) {
		d.syntaxError(err)
		return nil
	}
	if len(doc.Content) == 0 {
		d.ReportAt(Pos{File: d.file, Line: 1, Col: 1}, "yaml.empty")
		return nil
	}
	return doc.Content[0]
}

func (d *Decoder) syntaxError(err error) {
	s := err.Error()
	line := 1
	if m := yamlLineRE.FindStringSubmatch(s); m != nil {
		line, _ = strconv.Atoi(m[1])
		s = m[2]
	} else {
		s = strings.TrimPrefix(s, "yaml: ")
	}
	// yaml.v3 reports a tab in the indentation as a character that cannot
	// start a token, on the line where it occurs or the one after it.
	for _, l := range []int{line, line - 1} {
		if col := tabIndent(d.data, l); col > 0 {
			d.ReportAt(Pos{File: d.file, Line: l, Col: col}, "yaml.tab_indent")
			return
		}
	}
	d.ReportAt(Pos{File: d.file, Line: line, Col: 1}, "yaml.syntax", s)
}

// Decode parses data and decodes its single document into out, which must be
// a non-nil pointer. It returns the root node, or nil on a syntax error.
func (d *Decoder) Decode(data []byte, out any) *yaml.Node {
	root := d.Parse(data)
	if root == nil {
		return nil
	}
	d.DecodeValue(root, "", reflect.ValueOf(out).Elem())
	return root
}

// DecodeValue decodes n into v, recording path's position.
func (d *Decoder) DecodeValue(n *yaml.Node, path string, v reflect.Value) {
	d.decode(n, path, v, 0)
}

// resolve follows aliases from n to the node they stand for. It returns
// nil, after reporting it once, when an alias exceeds the limits on the
// number of alias expansions or on the text they add.
func (d *Decoder) resolve(n *yaml.Node) *yaml.Node {
	orig := n
	for n != nil && n.Kind == yaml.AliasNode {
		d.aliases++
		d.expanded += d.size(n.Alias)
		budget := max(AliasSizeFactor*int64(len(d.data)), MinAliasSize)
		switch {
		case d.aliasFailed && (d.aliases > MaxAliasExpansions || d.expanded > budget):
			return nil
		case d.aliases > MaxAliasExpansions:
			d.aliasFailed = true
			d.Report(orig, "yaml.alias_limit", MaxAliasExpansions)
			return nil
		case d.expanded > budget:
			d.aliasFailed = true
			d.Report(orig, "yaml.alias_size", budget>>10, AliasSizeFactor, MinAliasSize>>20)
			return nil
		}
		n = n.Alias
	}
	return n
}

// size returns the text n stands for when expanded, in bytes: its scalars
// and one byte per node, aliases counted as what they repeat.
func (d *Decoder) size(n *yaml.Node) int64 {
	if n == nil {
		return 0
	}
	if s, ok := d.sizes[n]; ok {
		return s
	}
	if d.sizes == nil {
		d.sizes = map[*yaml.Node]int64{}
	}
	d.sizes[n] = 0 // a node that contains itself adds nothing more
	s := int64(len(n.Value)) + 1
	if n.Kind == yaml.AliasNode {
		s = d.size(n.Alias)
	}
	for _, c := range n.Content {
		s += d.size(c)
	}
	d.sizes[n] = s
	return s
}

func (d *Decoder) decode(n *yaml.Node, path string, v reflect.Value, depth int) {
	n = d.resolve(n)
	if n == nil {
		return
	}
	if depth > MaxDepth {
		d.Report(n, "yaml.too_deep", MaxDepth)
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an explicit null leaves the zero value
	}
	if v.CanAddr() {
		p := v.Addr().Interface()
		if nd, ok := p.(NodeDecoder); ok {
			nd.DecodeNode(d, n, path)
			return
		}
		if sd, ok := p.(ScalarDecoder); ok {
			if isEmptyString(n) {
				return // "" means "not given yet", as in the init skeleton
			}
			if n.Kind != yaml.ScalarNode {
				d.Report(n, "yaml.want_scalar", describe(n))
				return
			}
			if err := sd.DecodeScalar(n.Value, n.Tag); err != nil {
				d.Fail(n, err)
			}
			return
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		elem := reflect.New(v.Type().Elem())
		d.decode(n, path, elem.Elem(), depth)
		v.Set(elem)
	case reflect.Struct:
		d.decodeStruct(n, path, v, depth)
	case reflect.Slice:
		d.decodeSlice(n, path, v, depth)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.Report(n, "yaml.want_string", describe(n))
			return
		}
		if e, ok := v.Addr().Interface().(Enum); ok && n.Value != "" {
			if !slices.Contains(e.EnumValues(), n.Value) {
				d.Report(n, "yaml.bad_enum", n.Value, quoteList(e.EnumValues()), suggest(n.Value, e.EnumValues()))
				return
			}
		}
		v.SetString(n.Value)
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.Report(n, "yaml.want_bool", describe(n))
			return
		}
		b, _ := strconv.ParseBool(strings.ToLower(n.Value))
		v.SetBool(b)
	case reflect.Int, reflect.Int64, reflect.Int32:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			d.Report(n, "yaml.want_int", describe(n))
			return
		}
		i, err := strconv.ParseInt(n.Value, 0, 64)
		if err != nil || v.OverflowInt(i) {
			d.Report(n, "yaml.want_int", describe(n))
			return
		}
		v.SetInt(i)
	default:
		d.Report(n, "yaml.unsupported", v.Type().String())
	}
}

func (d *Decoder) decodeStruct(n *yaml.Node, path string, v reflect.Value, depth int) {
	if n.Kind != yaml.MappingNode {
		d.Report(n, "yaml.want_mapping", describe(n))
		return
	}
	info := StructFields(v.Type())
	seen := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.Report(k, "yaml.bad_key", describe(k))
			continue
		}
		if k.Value == "<<" && k.Tag == "!!merge" {
			d.Report(k, "yaml.merge_key")
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			d.Report(k, "yaml.duplicate_key", k.Value, prev.Line)
			continue
		}
		seen[k.Value] = k
		f, ok := info.Field(k.Value)
		if !ok {
			if prev := flowCommaSplit(n, i); prev != nil {
				// {a: USB only, no network}: the comma ended a's value, and
				// "no network" became a key without a value.
				d.Report(k, "yaml.flow_comma", k.Value, n.Content[i-2].Value, prev.Value, n.Content[i-2].Value, strconv.Quote(prev.Value+", "+k.Value))
				continue
			}
			d.Report(k, "yaml.unknown_field", k.Value, suggest(k.Value, info.Names()))
			continue
		}
		fpath := Join(path, k.Value)
		d.sources.Set(fpath, d.Pos(k))
		d.decode(val, fpath, v.FieldByIndex(f.Index), depth+1)
	}
}

// flowCommaSplit returns the value before the key at n.Content[i] when
// that key looks like the rest of an unquoted value that a comma split in
// a flow mapping: the mapping is written {...}, the key has no value of its
// own (no colon followed), and the previous value is plain text on the same
// line. It returns nil otherwise.
func flowCommaSplit(n *yaml.Node, i int) *yaml.Node {
	if n.Style&yaml.FlowStyle == 0 || i < 2 {
		return nil
	}
	k, v, prev := n.Content[i], n.Content[i+1], n.Content[i-1]
	if v.Kind != yaml.ScalarNode || v.Tag != "!!null" || v.Value != "" || k.Style != 0 {
		return nil
	}
	if prev.Kind != yaml.ScalarNode || prev.Style != 0 || prev.Value == "" || prev.Line != k.Line {
		return nil
	}
	return prev
}

func (d *Decoder) decodeSlice(n *yaml.Node, path string, v reflect.Value, depth int) {
	if n.Kind != yaml.SequenceNode {
		d.Report(n, "yaml.want_list", describe(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		ipath := Index(path, i)
		d.sources.Set(ipath, d.Pos(item))
		d.decode(item, ipath, s.Index(i), depth+1)
	}
	v.Set(s)
}

// firstInvalidUTF8 returns the line, column and value of the first byte of
// data that is not valid UTF-8.
func firstInvalidUTF8(data []byte) (line, col int, b byte) {
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, col, data[i]
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return line, col, 0
}

// tabIndent returns the 1-based column of a tab in the indentation of the
// given 1-based line, or 0.
func tabIndent(data []byte, line int) int {
	if line < 1 {
		return 0
	}
	lines := bytes.Split(data, []byte("\n"))
	if line > len(lines) {
		return 0
	}
	for i, c := range lines[line-1] {
		switch c {
		case '\t':
			return i + 1
		case ' ':
			continue
		}
		return 0
	}
	return 0
}

func isEmptyString(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!str" && n.Value == ""
}

// describe names the shape of n for "expected X, found Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return msg.Get("yaml.shape.mapping")
	case yaml.SequenceNode:
		return msg.Get("yaml.shape.list")
	case yaml.AliasNode:
		return msg.Get("yaml.shape.alias")
	}
	v := n.Value
	if len(v) > 40 {
		v = v[:37] + "..."
	}
	switch n.Tag {
	case "!!int":
		return msg.Format("yaml.shape.int", v)
	case "!!float":
		return msg.Format("yaml.shape.float", v)
	case "!!bool":
		return msg.Format("yaml.shape.bool", v)
	case "!!timestamp":
		return msg.Format("yaml.shape.date", v)
	}
	return msg.Format("yaml.shape.string", v)
}

// Describe is exported for NodeDecoder implementations in other packages.
func Describe(n *yaml.Node) string { return describe(n) }

func quoteList(vals []string) string {
	q := make([]string, len(vals))
	for i, s := range vals {
		q[i] = "`" + s + "`"
	}
	return strings.Join(q, ", ")
}

// QuoteList formats vals as a comma-separated list of back-quoted values.
func QuoteList(vals []string) string { return quoteList(vals) }

// Suggest returns a ", did you mean `x`?" clause for the closest of
// candidates to s, or "" when none is close.
func Suggest(s string, candidates []string) string { return suggest(s, candidates) }

func suggest(s string, candidates []string) string {
	best, bestDist := "", 1<<30
	for _, c := range candidates {
		dist := levenshtein(strings.ToLower(s), strings.ToLower(c))
		// A candidate that keeps none of its own letters (`B` for `2b`:
		// the one letter it shares is all there is of it) is a guess, not
		// a correction.
		if dist >= utf8.RuneCountInString(c) {
			continue
		}
		if dist < bestDist {
			best, bestDist = c, dist
		}
	}
	limit := max(len(s)/3, 2)
	if best == "" || bestDist > limit {
		return ""
	}
	return msg.Format("yaml.did_you_mean", best)
}

// Distance returns the edit distance (Levenshtein, in characters) between a
// and b, the measure Suggest uses.
func Distance(a, b string) int { return levenshtein(a, b) }

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

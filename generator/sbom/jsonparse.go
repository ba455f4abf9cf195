package sbom

import (
	"encoding/json"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/docgen/docgen/generator/msg"
)

// jsonParser decodes JSON text into the generic values encoding/json
// produces with UseNumber (map[string]any, []any, string, json.Number, bool,
// nil), about three times faster and with far fewer allocations: object
// keys, which repeat in every component, are interned, and strings without
// escapes are sliced straight from the input. It follows RFC 8259 like
// encoding/json: invalid UTF-8 in strings becomes U+FFFD, a later duplicate
// key wins, and nesting deeper than its limit is an error.
//
// Strings and numbers of the result alias the input (through an unsafe
// string view of it, which saves a copy of the whole file, 44 MB for 50,000
// components): the input must not change while the values are in use, and
// nothing may keep them after Parse returns. Everything the package returns
// is copied by jsonConv or formatted into new strings;
// TestResultsDoNotAliasInput checks it.
type jsonParser struct {
	data  []byte
	text  string // data as a string: unescaped strings are sliced from it
	pos   int
	depth int
	max   int
	keys  map[string]string
	stack []any // elements of the arrays and objects being read

	// hooks stream the items of top-level arrays: for a member of the
	// top-level object named in hooks whose value is an array, each item
	// is handed to the hook as soon as it is read (with its byte span) and
	// the member's value becomes an empty array. The items are then never
	// all in memory at once.
	hooks map[string]itemHook
	// only, when set, makes the parser skip the values of top-level
	// members not named in it (see sniffTop); lens then receives the
	// number of items of each skipped array, counted in skipped.
	only    map[string]bool
	lens    map[string]int
	skipped int
	// nestedList is set while skipping the value of a member called
	// "components" below the top level: its items count as components too.
	nestedList bool
}

// itemHook receives one item of a streamed top-level array.
type itemHook func(index int, v any, start, end int)

// jsonError is a syntax error at a byte offset.
type jsonError struct {
	off int
	msg string
}

// Error returns the message.
func (e *jsonError) Error() string { return e.msg }

// parseJSONValue decodes data, which must hold exactly one JSON value.
func parseJSONValue(data []byte, maxDepth int) (any, error) {
	return parseJSONStream(data, maxDepth, nil)
}

// parseJSONStream is parseJSONValue with hooks for top-level arrays.
func parseJSONStream(data []byte, maxDepth int, hooks map[string]itemHook) (any, error) {
	p := &jsonParser{
		data:  data,
		text:  unsafe.String(unsafe.SliceData(data), len(data)),
		max:   maxDepth,
		keys:  make(map[string]string, 256),
		hooks: hooks,
	}
	return p.document()
}

// sniffTop reads the top-level object of data, decoding only the values of
// the members named in keys and skipping the rest without allocating. It
// also returns the number of items of each top-level array it skipped (so
// that a long list can be given its final size before it is read), where
// "components" counts the items of every array called "components" in
// what it skipped, nested components included. It reports false if data is
// not a well-formed JSON object.
func sniffTop(data []byte, maxDepth int, keys ...string) (map[string]any, map[string]int, bool) {
	only := map[string]bool{}
	for _, k := range keys {
		only[k] = true
	}
	p := &jsonParser{data: data, max: maxDepth, keys: map[string]string{}, only: only, lens: map[string]int{}}
	p.skipSpace()
	if p.pos >= len(p.data) || p.data[p.pos] != '{' {
		return nil, nil, false
	}
	v, err := p.document()
	if err != nil {
		return nil, nil, false
	}
	m, ok := v.(map[string]any)
	return m, p.lens, ok
}

func (p *jsonParser) document() (any, error) {
	p.skipSpace()
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos < len(p.data) {
		return nil, p.errorf("sbom.json.trailing_data")
	}
	return v, nil
}

func (p *jsonParser) errorf(key string, args ...any) *jsonError {
	return &jsonError{off: p.pos, msg: msg.Format(key, args...)}
}

func (p *jsonParser) unexpected() *jsonError {
	if p.pos >= len(p.data) {
		return p.errorf("sbom.json.unexpected_end")
	}
	r, _ := utf8.DecodeRune(p.data[p.pos:])
	return p.errorf("sbom.json.unexpected_char", strconv.QuoteRune(r))
}

func (p *jsonParser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonParser) value() (any, error) {
	if p.pos >= len(p.data) {
		return nil, p.unexpected()
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		return p.str(false)
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case c == 't':
		return true, p.literal("true")
	case c == 'f':
		return false, p.literal("false")
	case c == 'n':
		return nil, p.literal("null")
	}
	return nil, p.unexpected()
}

func (p *jsonParser) literal(word string) error {
	if len(p.data)-p.pos >= len(word) && string(p.data[p.pos:p.pos+len(word)]) == word {
		p.pos += len(word)
		return nil
	}
	for i := 0; i < len(word) && p.pos < len(p.data) && p.data[p.pos] == word[i]; i++ {
		p.pos++
	}
	return p.unexpected()
}

func (p *jsonParser) enter() error {
	p.depth++
	if p.depth > p.max {
		return p.errorf("sbom.too_deep", p.max)
	}
	return nil
}

func (p *jsonParser) object() (any, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	p.pos++ // {
	base := len(p.stack)
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		p.depth--
		return map[string]any{}, nil
	}
	for {
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return nil, p.unexpected()
		}
		k, err := p.str(true)
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return nil, p.unexpected()
		}
		p.pos++
		p.skipSpace()
		var v any
		switch name := k.(string); {
		case p.depth == 1 && p.only != nil && !p.only[name]:
			p.skipped = 0
			err = p.skipValue()
			if p.lens != nil && p.pos > 0 && p.data[p.pos-1] == ']' {
				p.lens[name] += p.skipped
			}
		case p.depth == 1 && p.hooks[name] != nil && p.pos < len(p.data) && p.data[p.pos] == '[':
			v, err = p.streamArray(p.hooks[name])
		default:
			v, err = p.value()
		}
		if err != nil {
			return nil, err
		}
		p.stack = append(p.stack, k, v)
		p.skipSpace()
		if p.pos >= len(p.data) {
			return nil, p.unexpected()
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
			p.skipSpace()
		case '}':
			p.pos++
			p.depth--
			kv := p.stack[base:]
			m := make(map[string]any, len(kv)/2)
			for i := 0; i < len(kv); i += 2 {
				m[kv[i].(string)] = kv[i+1]
			}
			clear(kv)
			p.stack = p.stack[:base]
			return m, nil
		default:
			return nil, p.unexpected()
		}
	}
}

func (p *jsonParser) array() (any, error) {
	base := len(p.stack)
	err := p.items(func(_ int, v any, _, _ int) { p.stack = append(p.stack, v) })
	if err != nil {
		return nil, err
	}
	a := make([]any, len(p.stack)-base)
	copy(a, p.stack[base:])
	clear(p.stack[base:])
	p.stack = p.stack[:base]
	return a, nil
}

// streamArray reads an array, handing each item to hook, and returns an
// empty array.
func (p *jsonParser) streamArray(hook itemHook) (any, error) {
	if err := p.items(hook); err != nil {
		return nil, err
	}
	return []any{}, nil
}

// items reads the array at p.pos, calling fn with each item's index, value
// and byte range in the input.
func (p *jsonParser) items(fn func(i int, v any, start, end int)) error {
	if err := p.enter(); err != nil {
		return err
	}
	p.pos++ // [
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		p.depth--
		return nil
	}
	for i := 0; ; i++ {
		start := p.pos
		v, err := p.value()
		if err != nil {
			return err
		}
		fn(i, v, start, p.pos)
		p.skipSpace()
		if p.pos >= len(p.data) {
			return p.unexpected()
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
			p.skipSpace()
		case ']':
			p.pos++
			p.depth--
			return nil
		default:
			return p.unexpected()
		}
	}
}

// skipValue checks and skips one value without building it.
func (p *jsonParser) skipValue() error {
	if p.pos >= len(p.data) {
		return p.unexpected()
	}
	nested := p.nestedList
	p.nestedList = false
	switch c := p.data[p.pos]; {
	case c == '{' || c == '[':
		if err := p.enter(); err != nil {
			return err
		}
		nested = nested && c == '['
		closer := byte('}')
		if c == '[' {
			closer = ']'
		}
		p.pos++
		p.skipSpace()
		if p.pos < len(p.data) && p.data[p.pos] == closer {
			p.pos++
			p.depth--
			return nil
		}
		for {
			if c == '{' {
				if p.pos >= len(p.data) || p.data[p.pos] != '"' {
					return p.unexpected()
				}
				key := p.pos
				if err := p.skipString(); err != nil {
					return err
				}
				p.nestedList = p.lens != nil && string(p.data[key:p.pos]) == `"components"`
				p.skipSpace()
				if p.pos >= len(p.data) || p.data[p.pos] != ':' {
					return p.unexpected()
				}
				p.pos++
				p.skipSpace()
			}
			if c == '[' && p.depth == 2 {
				p.skipped++ // an item of a top-level array
			}
			if nested {
				p.lens["components"]++ // a nested component
			}
			if err := p.skipValue(); err != nil {
				return err
			}
			p.skipSpace()
			if p.pos >= len(p.data) {
				return p.unexpected()
			}
			switch p.data[p.pos] {
			case ',':
				p.pos++
				p.skipSpace()
			case closer:
				p.pos++
				p.depth--
				return nil
			default:
				return p.unexpected()
			}
		}
	case c == '"':
		return p.skipString()
	}
	_, err := p.value() // numbers and literals allocate nothing but a small value
	return err
}

// skipString skips a string, checking escapes loosely.
func (p *jsonParser) skipString() error {
	p.pos++
	for p.pos < len(p.data) {
		switch c := p.data[p.pos]; {
		case c == '"':
			p.pos++
			return nil
		case c == '\\':
			p.pos += 2
			continue
		case c < 0x20:
			return p.errorf("sbom.json.control_char")
		}
		p.pos++
	}
	return p.errorf("sbom.json.unexpected_end")
}

// str reads a string; keys are interned.
func (p *jsonParser) str(key bool) (any, error) {
	p.pos++ // opening quote
	start := p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			var s string
			if p.text != "" {
				s = p.text[start:p.pos]
			} else {
				s = string(p.data[start:p.pos])
			}
			p.pos++
			if key {
				if k, ok := p.keys[s]; ok {
					return k, nil
				}
				p.keys[s] = s
			}
			return s, nil
		case c == '\\' || c >= utf8.RuneSelf:
			return p.strSlow(start, key)
		case c < 0x20:
			return nil, p.errorf("sbom.json.control_char")
		}
		p.pos++
	}
	return nil, p.errorf("sbom.json.unexpected_end")
}

// strSlow reads a string with escapes or non-ASCII characters.
func (p *jsonParser) strSlow(start int, key bool) (any, error) {
	buf := make([]byte, 0, p.pos-start+16)
	buf = append(buf, p.data[start:p.pos]...)
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			s := string(buf)
			if key {
				if k, ok := p.keys[s]; ok {
					return k, nil
				}
				p.keys[s] = s
			}
			return s, nil
		case c < 0x20:
			return nil, p.errorf("sbom.json.control_char")
		case c == '\\':
			p.pos++
			if p.pos >= len(p.data) {
				return nil, p.errorf("sbom.json.unexpected_end")
			}
			e := p.data[p.pos]
			p.pos++
			switch e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return nil, p.errorf("sbom.json.bad_escape")
				}
				if utf16.IsSurrogate(r) {
					r2 := rune(-1)
					if p.pos+1 < len(p.data) && p.data[p.pos] == '\\' && p.data[p.pos+1] == 'u' {
						save := p.pos
						p.pos += 2
						var ok2 bool
						if r2, ok2 = p.hex4(); !ok2 {
							return nil, p.errorf("sbom.json.bad_escape")
						}
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							r = dec
						} else {
							p.pos = save
							r = utf8.RuneError
						}
					} else {
						r = utf8.RuneError
					}
				}
				buf = utf8.AppendRune(buf, r)
			default:
				p.pos--
				return nil, p.errorf("sbom.json.bad_escape")
			}
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			p.pos++
		default:
			r, size := utf8.DecodeRune(p.data[p.pos:])
			if r == utf8.RuneError && size == 1 {
				buf = utf8.AppendRune(buf, utf8.RuneError)
			} else {
				buf = append(buf, p.data[p.pos:p.pos+size]...)
			}
			p.pos += size
		}
	}
	return nil, p.errorf("sbom.json.unexpected_end")
}

func (p *jsonParser) hex4() (rune, bool) {
	if len(p.data)-p.pos < 4 {
		return 0, false
	}
	var r rune
	for _, c := range p.data[p.pos : p.pos+4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	p.pos += 4
	return r, true
}

// number reads a number per the JSON grammar:
// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
func (p *jsonParser) number() (any, error) {
	start := p.pos
	d := p.data
	if d[p.pos] == '-' {
		p.pos++
	}
	digits := func() int {
		n := 0
		for p.pos < len(d) && d[p.pos] >= '0' && d[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	switch {
	case p.pos < len(d) && d[p.pos] == '0':
		p.pos++
	case digits() == 0:
		return nil, p.unexpected()
	}
	if p.pos < len(d) && d[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return nil, p.unexpected()
		}
	}
	if p.pos < len(d) && (d[p.pos] == 'e' || d[p.pos] == 'E') {
		p.pos++
		if p.pos < len(d) && (d[p.pos] == '+' || d[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return nil, p.unexpected()
		}
	}
	if p.text == "" {
		return json.Number(d[start:p.pos]), nil
	}
	return json.Number(p.text[start:p.pos]), nil
}

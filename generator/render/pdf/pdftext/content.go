package pdftext

import (
	"bytes"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// operand is an operand of a content stream operator: a number, a name, a
// string, an array of them, or a dictionary (such as the properties of
// marked content).
type operand struct {
	num   float64
	name  string
	str   []byte
	isStr bool
	arr   []operand
	dict  map[string]operand
}

// Operand is an operand of a content stream operator, as [Scan] reports
// it: a number, a name (without the slash), a string, an array or a
// dictionary.
type Operand struct {
	Num   float64
	Name  string
	Str   []byte
	IsStr bool
	Arr   []Operand
	Dict  map[string]Operand
}

func (o operand) export() Operand {
	out := Operand{Num: o.num, Name: o.name, Str: o.str, IsStr: o.isStr}
	for _, a := range o.arr {
		out.Arr = append(out.Arr, a.export())
	}
	if o.dict != nil {
		out.Dict = map[string]Operand{}
		for k, v := range o.dict {
			out.Dict[k] = v.export()
		}
	}
	return out
}

// Scan reads the content stream c and calls visit for every operator with
// its operands, in order. Inline images are skipped.
func Scan(c []byte, visit func(op string, args []Operand)) {
	l := &lexer{c: c}
	var stack []Operand
	for {
		tok, op, ok := l.next()
		if !ok {
			return
		}
		if !op {
			stack = append(stack, tok.export())
			continue
		}
		visit(tok.name, stack)
		stack = stack[:0]
	}
}

// textRuns interprets a page's content stream and returns the text it
// draws, with positions from the top of a page height points high.
func textRuns(c []byte, fonts map[string]*font, height float64) []Run {
	var runs []Run
	var stack []operand
	ctm := identity
	var saved []matrix
	var tm, tlm matrix
	var f *font
	var size, leading float64
	show := func(s []byte) {
		if f == nil {
			return
		}
		text, w := f.decode(s)
		m := tm.mul(ctm)
		scale := m[0]
		runs = append(runs, Run{X: m[4], Y: height - m[5], W: w * size * scale, Size: size * scale, Font: f.name, Text: text})
		tm = matrix{1, 0, 0, 1, w * size, 0}.mul(tm)
	}
	num := func(i int) float64 {
		if i < 0 || i >= len(stack) {
			return 0
		}
		return stack[i].num
	}
	nextLine := func(tx, ty float64) {
		tlm = matrix{1, 0, 0, 1, tx, ty}.mul(tlm)
		tm = tlm
	}
	p := &lexer{c: c}
	for {
		tok, op, ok := p.next()
		if !ok {
			break
		}
		if !op {
			stack = append(stack, tok)
			continue
		}
		n := len(stack)
		switch tok.name {
		case "q":
			saved = append(saved, ctm)
		case "Q":
			if len(saved) > 0 {
				ctm = saved[len(saved)-1]
				saved = saved[:len(saved)-1]
			}
		case "cm":
			if n >= 6 {
				ctm = matrix{num(n - 6), num(n - 5), num(n - 4), num(n - 3), num(n - 2), num(n - 1)}.mul(ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if n >= 2 {
				f = fonts[stack[n-2].name]
				size = num(n - 1)
			}
		case "TL":
			leading = num(n - 1)
		case "Td":
			nextLine(num(n-2), num(n-1))
		case "TD":
			leading = -num(n - 1)
			nextLine(num(n-2), num(n-1))
		case "Tm":
			if n >= 6 {
				tlm = matrix{num(n - 6), num(n - 5), num(n - 4), num(n - 3), num(n - 2), num(n - 1)}
				tm = tlm
			}
		case "T*":
			nextLine(0, -leading)
		case "Tj":
			if n >= 1 && stack[n-1].isStr {
				show(stack[n-1].str)
			}
		case "'", "\"":
			nextLine(0, -leading)
			if n >= 1 && stack[n-1].isStr {
				show(stack[n-1].str)
			}
		case "TJ":
			if n >= 1 {
				for _, e := range stack[n-1].arr {
					if e.isStr {
						show(e.str)
					} else {
						tm = matrix{1, 0, 0, 1, -e.num / 1000 * size, 0}.mul(tm)
					}
				}
			}
		}
		stack = stack[:0]
	}
	return runs
}

// lexer reads the tokens of a content stream.
type lexer struct {
	c []byte
	i int
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0
}

func isDelim(b byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), b) >= 0
}

// next returns the next operand, or the next operator (op set, its name in
// tok.name); ok is false at the end.
func (l *lexer) next() (tok operand, op, ok bool) {
	for l.i < len(l.c) {
		b := l.c[l.i]
		switch {
		case isSpace(b):
			l.i++
		case b == '%':
			for l.i < len(l.c) && l.c[l.i] != '\n' && l.c[l.i] != '\r' {
				l.i++
			}
		case b == '/':
			l.i++
			start := l.i
			for l.i < len(l.c) && !isSpace(l.c[l.i]) && !isDelim(l.c[l.i]) {
				l.i++
			}
			return operand{name: string(l.c[start:l.i])}, false, true
		case b == '(':
			return operand{str: l.literal(), isStr: true}, false, true
		case b == '<' && l.i+1 < len(l.c) && l.c[l.i+1] == '<':
			return l.dict(), false, true
		case b == '>' && l.i+1 < len(l.c) && l.c[l.i+1] == '>':
			l.i += 2
			return operand{name: ">>"}, true, true
		case b == '<':
			return operand{str: l.hex(), isStr: true}, false, true
		case b == '[':
			l.i++
			var arr []operand
			for {
				t, isOp, ok := l.next()
				if !ok || isOp && t.name == "]" {
					break
				}
				arr = append(arr, t)
			}
			return operand{arr: arr}, false, true
		case b == ']':
			l.i++
			return operand{name: "]"}, true, true
		default:
			start := l.i
			for l.i < len(l.c) && !isSpace(l.c[l.i]) && !isDelim(l.c[l.i]) {
				l.i++
			}
			if l.i == start {
				l.i++ // a stray delimiter
				continue
			}
			word := string(l.c[start:l.i])
			if v, err := strconv.ParseFloat(word, 64); err == nil {
				return operand{num: v}, false, true
			}
			if word == "BI" {
				l.skipInlineImage()
				continue
			}
			return operand{name: word}, true, true
		}
	}
	return operand{}, false, false
}

// literal reads a literal string, the lexer at its "(".
func (l *lexer) literal() []byte {
	start := l.i + 1
	depth := 0
	for ; l.i < len(l.c); l.i++ {
		switch l.c[l.i] {
		case '\\':
			l.i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.i++
				out, err := types.Unescape(string(l.c[start : l.i-1]))
				if err != nil {
					return l.c[start : l.i-1]
				}
				return out
			}
		}
	}
	return l.c[start:]
}

// hex reads a hexadecimal string, the lexer at its "<".
func (l *lexer) hex() []byte {
	l.i++
	var digits []byte
	for l.i < len(l.c) && l.c[l.i] != '>' {
		if b := l.c[l.i]; !isSpace(b) {
			digits = append(digits, b)
		}
		l.i++
	}
	l.i++
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, len(digits)/2)
	for k := range out {
		v, _ := strconv.ParseUint(string(digits[2*k:2*k+2]), 16, 8)
		out[k] = byte(v)
	}
	return out
}

// dict reads a dictionary, the lexer at its "<<": names as keys, each
// followed by its value.
func (l *lexer) dict() operand {
	l.i += 2
	d := map[string]operand{}
	key := ""
	for {
		t, isOp, ok := l.next()
		if !ok || isOp && t.name == ">>" {
			break
		}
		if isOp {
			continue // a stray keyword: not a key or value
		}
		if key == "" && t.name != "" && !t.isStr && t.arr == nil && t.dict == nil {
			key = t.name
			continue
		}
		if key != "" {
			d[key] = t
			key = ""
		}
	}
	return operand{dict: d}
}

// skipInlineImage skips an inline image up to its EI operator.
func (l *lexer) skipInlineImage() {
	if k := bytes.Index(l.c[l.i:], []byte("EI")); k >= 0 {
		l.i += k + 2
		return
	}
	l.i = len(l.c)
}

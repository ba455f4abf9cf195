package xsd

import (
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// whitespace is the whiteSpace facet of a simple type.
type whitespace int

const (
	wsPreserve whitespace = iota
	wsReplace
	wsCollapse
)

// builtin is a primitive or derived built-in type of XML Schema.
type builtin string

// The built-in types CycloneDX uses, and a few more of the same kinds.
var builtins = map[string]struct {
	kind builtin
	ws   whitespace
}{
	"anySimpleType":      {"string", wsPreserve},
	"string":             {"string", wsPreserve},
	"normalizedString":   {"string", wsReplace},
	"token":              {"string", wsCollapse},
	"language":           {"string", wsCollapse},
	"Name":               {"string", wsCollapse},
	"NCName":             {"string", wsCollapse},
	"NMTOKEN":            {"string", wsCollapse},
	"ID":                 {"string", wsCollapse},
	"IDREF":              {"string", wsCollapse},
	"anyURI":             {"anyURI", wsCollapse},
	"base64Binary":       {"base64Binary", wsCollapse},
	"hexBinary":          {"hexBinary", wsCollapse},
	"boolean":            {"boolean", wsCollapse},
	"date":               {"date", wsCollapse},
	"dateTime":           {"dateTime", wsCollapse},
	"time":               {"time", wsCollapse},
	"decimal":            {"decimal", wsCollapse},
	"integer":            {"integer", wsCollapse},
	"long":               {"integer", wsCollapse},
	"int":                {"integer", wsCollapse},
	"short":              {"integer", wsCollapse},
	"byte":               {"integer", wsCollapse},
	"nonNegativeInteger": {"nonNegativeInteger", wsCollapse},
	"positiveInteger":    {"positiveInteger", wsCollapse},
	"unsignedLong":       {"nonNegativeInteger", wsCollapse},
	"unsignedInt":        {"nonNegativeInteger", wsCollapse},
	"double":             {"double", wsCollapse},
	"float":              {"double", wsCollapse},
}

// simpleType is a compiled simple type: a built-in type, a restriction of
// another simple type, or a union.
type simpleType struct {
	name    string // QName as written in the schema, or the built-in name
	builtin builtin
	ws      whitespace
	base    *simpleType
	union   []*simpleType

	enum     []string
	patterns []*regexp.Regexp
	patSrc   []string
	length   int // -1 if not given
	minLen   int
	maxLen   int
	minIncl  *big.Rat
	maxIncl  *big.Rat
	minExcl  *big.Rat
	maxExcl  *big.Rat
}

func newBuiltin(local string) *simpleType {
	b, ok := builtins[local]
	if !ok {
		return nil
	}
	return &simpleType{name: "xs:" + local, builtin: b.kind, ws: b.ws, length: -1, minLen: -1, maxLen: -1}
}

// Violation says how a value breaks a simple type: the facet ("enumeration",
// "pattern", "minLength", ...) or "type" for the lexical rules of a built-in
// type, and what was wanted.
type Violation struct {
	Facet string
	// Want is the built-in type name, pattern or limit. For
	// "enumeration" it is empty and Enum holds the allowed values.
	Want string
	Enum []string
	// Type is the name of the simple type that was broken.
	Type string
}

// normalize applies the whiteSpace facet.
func (t *simpleType) normalize(v string) string {
	switch t.ws {
	case wsReplace:
		return strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, v)
	case wsCollapse:
		return strings.Join(strings.Fields(v), " ")
	}
	return v
}

// check validates the raw value v and returns nil or the first violation.
func (t *simpleType) check(v string) *Violation {
	if len(t.union) > 0 {
		var first *Violation
		for _, m := range t.union {
			viol := m.check(v)
			if viol == nil {
				return nil
			}
			if first == nil {
				first = viol
			}
		}
		return &Violation{Facet: "union", Want: t.name, Type: t.name}
	}
	return t.checkNormalized(t.normalize(v))
}

func (t *simpleType) checkNormalized(v string) *Violation {
	if t.base != nil {
		if viol := t.base.check(v); viol != nil {
			return viol
		}
	} else if !lexicalOK(t.builtin, v) {
		return &Violation{Facet: "type", Want: string(t.builtin), Type: t.name}
	}
	if len(t.enum) > 0 {
		found := false
		for _, e := range t.enum {
			if e == v {
				found = true
				break
			}
		}
		if !found {
			return &Violation{Facet: "enumeration", Enum: t.enum, Type: t.name}
		}
	}
	if len(t.patterns) > 0 {
		ok := false
		for _, re := range t.patterns {
			if re.MatchString(v) {
				ok = true
				break
			}
		}
		if !ok {
			return &Violation{Facet: "pattern", Want: strings.Join(t.patSrc, " | "), Type: t.name}
		}
	}
	n := utf8.RuneCountInString(v)
	switch {
	case t.length >= 0 && n != t.length:
		return &Violation{Facet: "length", Want: strconv.Itoa(t.length), Type: t.name}
	case t.minLen >= 0 && n < t.minLen:
		return &Violation{Facet: "minLength", Want: strconv.Itoa(t.minLen), Type: t.name}
	case t.maxLen >= 0 && n > t.maxLen:
		return &Violation{Facet: "maxLength", Want: strconv.Itoa(t.maxLen), Type: t.name}
	}
	if t.minIncl != nil || t.maxIncl != nil || t.minExcl != nil || t.maxExcl != nil {
		r, ok := new(big.Rat).SetString(v)
		if !ok {
			return &Violation{Facet: "type", Want: "decimal", Type: t.name}
		}
		switch {
		case t.minIncl != nil && r.Cmp(t.minIncl) < 0:
			return &Violation{Facet: "minInclusive", Want: t.minIncl.RatString(), Type: t.name}
		case t.maxIncl != nil && r.Cmp(t.maxIncl) > 0:
			return &Violation{Facet: "maxInclusive", Want: t.maxIncl.RatString(), Type: t.name}
		case t.minExcl != nil && r.Cmp(t.minExcl) <= 0:
			return &Violation{Facet: "minExclusive", Want: t.minExcl.RatString(), Type: t.name}
		case t.maxExcl != nil && r.Cmp(t.maxExcl) >= 0:
			return &Violation{Facet: "maxExclusive", Want: t.maxExcl.RatString(), Type: t.name}
		}
	}
	return nil
}

var (
	reDecimal  = regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)$`)
	reInteger  = regexp.MustCompile(`^[+-]?\d+$`)
	reDate     = regexp.MustCompile(`^-?(\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$`)
	reDateTime = regexp.MustCompile(`^-?(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$`)
	reTime     = regexp.MustCompile(`^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$`)
	reHex      = regexp.MustCompile(`^([0-9a-fA-F]{2})*$`)
	reBase64   = regexp.MustCompile(`^(([A-Za-z0-9+/] ?){4})*(([A-Za-z0-9+/] ?){3}[A-Za-z0-9+/]|([A-Za-z0-9+/] ?){2}[AEIMQUYcgkosw048] ?=|[A-Za-z0-9+/] ?[AQgw] ?= ?=)?$`)
)

// lexicalOK checks v (whitespace already normalised) against the lexical
// space of a built-in type.
func lexicalOK(b builtin, v string) bool {
	switch b {
	case "boolean":
		return v == "true" || v == "false" || v == "1" || v == "0"
	case "decimal":
		return reDecimal.MatchString(v)
	case "integer":
		return reInteger.MatchString(v)
	case "nonNegativeInteger":
		return reInteger.MatchString(v) && !strings.HasPrefix(v, "-") || isZero(v)
	case "positiveInteger":
		return reInteger.MatchString(v) && !strings.HasPrefix(v, "-") && !isZero(v)
	case "double":
		switch v {
		case "INF", "-INF", "NaN":
			return true
		}
		if strings.ContainsAny(v, "xXpP_") || strings.EqualFold(v, "inf") || strings.EqualFold(v, "+inf") || strings.EqualFold(v, "nan") || strings.EqualFold(v, "infinity") {
			return false
		}
		_, err := strconv.ParseFloat(v, 64)
		return err == nil || strings.Contains(err.Error(), "range")
	case "date":
		m := reDate.FindStringSubmatch(v)
		return m != nil && validYMD(m[1], m[2], m[3]) && validTZ(m[4])
	case "dateTime":
		m := reDateTime.FindStringSubmatch(v)
		return m != nil && validYMD(m[1], m[2], m[3]) && validHMS(m[4], m[5], m[6]) && validTZ(m[8])
	case "time":
		m := reTime.FindStringSubmatch(v)
		return m != nil && validHMS(m[1], m[2], m[3]) && validTZ(m[5])
	case "hexBinary":
		return reHex.MatchString(v)
	case "base64Binary":
		return reBase64.MatchString(v)
	}
	return true // string kinds and anyURI (not checked, like upstream)
}

func isZero(v string) bool {
	return strings.Trim(strings.TrimLeft(v, "+-"), "0") == "" && v != "" && reInteger.MatchString(v)
}

func validYMD(y, m, d string) bool {
	if len(y) > 4 && y[0] == '0' {
		return false
	}
	yy, _ := strconv.Atoi(y)
	mm, _ := strconv.Atoi(m)
	dd, _ := strconv.Atoi(d)
	if yy == 0 || mm < 1 || mm > 12 || dd < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[mm-1]
	if mm == 2 && (yy%4 == 0 && yy%100 != 0 || yy%400 == 0) {
		days = 29
	}
	return dd <= days
}

func validHMS(h, m, s string) bool {
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(m)
	ss, _ := strconv.Atoi(s)
	if hh == 24 {
		return mm == 0 && ss == 0
	}
	return hh < 24 && mm < 60 && ss < 60
}

func validTZ(tz string) bool {
	if tz == "" || tz == "Z" {
		return true
	}
	hh, _ := strconv.Atoi(tz[1:3])
	mm, _ := strconv.Atoi(tz[4:6])
	return hh < 14 && mm < 60 || hh == 14 && mm == 0
}

// translatePattern turns an XML Schema regular expression into an anchored
// Go regular expression. XML Schema patterns match the whole value and have
// no anchors: ^ and $ outside a character class are ordinary characters and
// are escaped. The multi-character escapes \i and \c and class subtraction
// are not supported and make the pattern fail to compile.
func translatePattern(p string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString(`^(?:`)
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p):
			switch p[i+1] {
			case 'i', 'I', 'c', 'C':
				return nil, fmt.Errorf("pattern %q: escape \\%c is not supported", p, p[i+1])
			}
			b.WriteByte(c)
			b.WriteByte(p[i+1])
			i++
		case c == '[' && !inClass:
			inClass = true
			b.WriteByte(c)
			if i+1 < len(p) && p[i+1] == '^' {
				b.WriteByte('^')
				i++
			}
		case c == '[' && inClass:
			return nil, fmt.Errorf("pattern %q: character class subtraction is not supported", p)
		case c == ']' && inClass:
			inClass = false
			b.WriteByte(c)
		case (c == '^' || c == '$') && !inClass:
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteString(`)$`)
	return regexp.Compile(b.String())
}

package sbom

import (
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/srcpos"
)

// MaxProblems is the most problems a [ValidationError] lists; further ones
// are counted but not kept.
const MaxProblems = 50

// Problem is one way in which an SBOM breaks the rules of its format.
type Problem struct {
	// Pointer locates the offending value: a JSON pointer such as
	// /components/3/hashes/0/content, or an XML element path such as
	// /bom/components/component[4]/hashes/hash[1] (1-based, as in XPath).
	Pointer string
	// Rule names the rule broken: the JSON Schema keyword ("required",
	// "enum", "format", ...), the XML Schema constraint ("enumeration",
	// "pattern", "minOccurs", ...), or a docgen check ("unique-bom-ref").
	Rule string
	// Message says what is wrong in words.
	Message string
	// Line is the line of the offending element in XML files; 0 if unknown.
	Line int
}

// String formats p as "pointer: message [rule]".
func (p Problem) String() string {
	loc := p.Pointer
	if loc == "" {
		loc = "/"
	}
	if p.Line > 0 {
		loc = msg.Format("sbom.problem.at_line", loc, p.Line)
	}
	return msg.Format("sbom.problem", loc, p.Message, p.Rule)
}

// ValidationError reports that a file is a recognised SBOM format and
// version but breaks its rules. The CLI exits with status 1 on it.
type ValidationError struct {
	File string
	// Against names what the file was checked against, such as
	// "CycloneDX 1.6 JSON schema".
	Against string
	// Problems lists at most MaxProblems problems in document order.
	Problems []Problem
	// Total is the number of problems found, which may exceed
	// len(Problems).
	Total int
}

// Error lists the problems, one per line, after a headline naming the file.
func (e *ValidationError) Error() string {
	var b strings.Builder
	total := max(e.Total, len(e.Problems))
	b.WriteString(msg.Format("sbom.invalid", e.File, e.Against, plural("sbom.count.problem", total)))
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	if total > len(e.Problems) {
		b.WriteString("\n  ")
		b.WriteString(msg.Format("sbom.invalid.more", total-len(e.Problems)))
	}
	return b.String()
}

// UnsupportedError reports a file that is not an SBOM docgen can read: SPDX
// 3.0, SPDX tag-value, RDF or YAML, CycloneDX before 1.2, or an unknown
// format. The CLI exits with status 2 on it.
type UnsupportedError struct {
	File string
	// Found describes what the file is, e.g. "SPDX 3.0 (JSON-LD)".
	Found string
	// Supported lists what docgen reads instead.
	Supported string
}

// Error says what was found and what is supported.
func (e *UnsupportedError) Error() string {
	return msg.Format("sbom.unsupported", e.File, e.Found, e.Supported)
}

// ParseError reports a file that cannot be read as JSON or XML at all, is
// too large or too deeply nested. The CLI exits with status 2 on it.
type ParseError struct {
	Pos srcpos.Pos
	Msg string
}

// Error formats e as file:line:col: message.
func (e *ParseError) Error() string { return e.Pos.String() + ": " + e.Msg }

// supported is the text of UnsupportedError.Supported.
func supported() string { return msg.Get("sbom.supported") }

func unsupported(name, found string) error {
	return &UnsupportedError{File: name, Found: found, Supported: supported()}
}

// plural formats n with the singular or plural message of key.
func plural(key string, n int) string {
	if n == 1 {
		return msg.Format(key+".one", n)
	}
	return msg.Format(key+".other", n)
}

// problemList collects problems up to MaxProblems and counts the rest.
type problemList struct {
	list  []Problem
	total int
}

func (l *problemList) add(p Problem) {
	l.total++
	if len(l.list) < MaxProblems {
		l.list = append(l.list, p)
	}
}

func (l *problemList) err(file, against string) error {
	if l.total == 0 {
		return nil
	}
	return &ValidationError{File: file, Against: against, Problems: l.list, Total: l.total}
}

// jsonPointer builds an RFC 6901 pointer from reference tokens.
func jsonPointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		t = strings.ReplaceAll(t, "~", "~0")
		b.WriteString(strings.ReplaceAll(t, "/", "~1"))
	}
	return b.String()
}

// quoteList formats values as `a`, `b`, `c` for messages.
func quoteList(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = "`" + v + "`"
	}
	return strings.Join(q, ", ")
}

// itoa is strconv.Itoa, short.
func itoa(n int) string { return strconv.Itoa(n) }

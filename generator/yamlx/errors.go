package yamlx

import (
	"sort"
	"strings"

	"github.com/docgen/docgen/generator/srcpos"
)

// Pos is a position in a source file (see package srcpos, which JSON, XML
// and Markdown inputs use too).
type Pos = srcpos.Pos

// Error is one problem in an input file.
type Error struct {
	Pos Pos
	Msg string
}

// Error formats e in the compiler style file:line:col: message.
func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Errors is a list of problems, usually of one file. It implements error.
type Errors []*Error

// Error joins the messages, one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Sort orders the errors by position, keeping the order of equal positions.
func (es Errors) Sort() {
	sort.SliceStable(es, func(i, j int) bool { return es[i].Pos.Less(es[j].Pos) })
}

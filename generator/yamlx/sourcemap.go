package yamlx

import (
	"strconv"
	"strings"
)

// SourceMap maps field paths of a decoded file to their positions. Paths use
// YAML keys joined by dots and zero-based list indexes in brackets, for
// example "data_streams[2].port"; the empty path is the document root.
type SourceMap struct {
	file string
	pos  map[string]Pos
}

// NewSourceMap returns an empty source map for file.
func NewSourceMap(file string) *SourceMap {
	return &SourceMap{file: file, pos: map[string]Pos{"": {File: file, Line: 1, Col: 1}}}
}

// File returns the file the positions refer to.
func (m *SourceMap) File() string { return m.file }

// Set records the position of path.
func (m *SourceMap) Set(path string, p Pos) { m.pos[path] = p }

// Lookup returns the position of path, or of its nearest recorded ancestor
// when path itself does not occur in the file (a missing field is reported
// where its parent is written).
func (m *SourceMap) Lookup(path string) Pos {
	if m == nil {
		return Pos{}
	}
	for {
		if p, ok := m.pos[path]; ok {
			return p
		}
		if path == "" {
			return Pos{File: m.file}
		}
		path = Parent(path)
	}
}

// Has reports whether path itself was written in the file.
func (m *SourceMap) Has(path string) bool {
	if m == nil {
		return false
	}
	_, ok := m.pos[path]
	return ok
}

// Join appends a field name to a path.
func Join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

// Index appends a list index to a path.
func Index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// Parent returns the path one step up: "a.b[2].c" -> "a.b[2]" -> "a.b" -> "a" -> "".
func Parent(path string) string {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			return path[:i]
		}
	}
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i]
	}
	return ""
}

package docx

import (
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/docgen/docgen/generator/docmodel"
)

// maxBookmark is the longest bookmark name Word keeps.
const maxBookmark = 40

// bookmark is the bookmark of a section: its numeric id and its name.
type bookmark struct {
	id   int
	name string
	// sec is the section that carries it.
	sec *docmodel.Section
}

// bookmarkName returns the Word bookmark name of a section anchor. Word
// wants names of at most 40 letters, digits and underscores that start
// with a letter, so hyphens become underscores ("ifu-updates" is
// "ifu_updates"); an anchor with other characters, or a longer one, keeps
// a readable start and ends in a hash of the whole anchor. The name
// depends on the anchor alone, so that another document can link to it.
func bookmarkName(anchor string) string {
	var b strings.Builder
	changed := false
	for i, r := range anchor {
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
			b.WriteRune(r)
		case r < 0x80 && (r >= '0' && r <= '9' || r == '_'):
			if i == 0 {
				b.WriteString("s_")
			}
			b.WriteRune(r)
		case r == '-':
			if i == 0 {
				b.WriteString("s")
			}
			b.WriteByte('_')
		default:
			if i == 0 {
				b.WriteString("s")
			}
			b.WriteByte('_')
			changed = true
		}
	}
	name := b.String()
	if name == "" {
		name, changed = "s", true
	}
	if changed || len(name) > maxBookmark {
		h := fnv.New32a()
		h.Write([]byte(anchor))
		name = fmt.Sprintf("%s_%08x", name[:min(len(name), maxBookmark-9)], h.Sum32())
	}
	return name
}

// assignBookmarks gives every section of the document a bookmark, in
// document order; a name that two anchors would share goes to the first,
// and the second's ends in a number.
func (b *builder) assignBookmarks() {
	b.marks = map[string]bookmark{}
	used := map[string]bool{}
	for i, s := range docmodel.Sections(b.d) {
		if _, dup := b.marks[s.Anchor]; dup {
			continue
		}
		name := bookmarkName(s.Anchor)
		for n := 2; used[strings.ToLower(name)]; n++ {
			suffix := fmt.Sprintf("_%d", n)
			base := bookmarkName(s.Anchor)
			name = base[:min(len(base), maxBookmark-len(suffix))] + suffix
		}
		used[strings.ToLower(name)] = true
		b.marks[s.Anchor] = bookmark{id: i, name: name, sec: s}
	}
	for _, s := range docmodel.Sections(b.d) {
		for _, alias := range s.Aliases {
			if _, taken := b.marks[alias]; !taken {
				b.marks[alias] = b.marks[s.Anchor]
			}
		}
	}
}

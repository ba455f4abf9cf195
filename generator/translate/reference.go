package translate

import (
	"bytes"
	"errors"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/msg"
)

// addReference adds ref to the spec's `translations:` list with the
// smallest edit of the file's text, so that every comment and the layout
// stay as they are: a flow list on one line ([a.yaml]) gets the name
// appended, a block list gets a new item line, and a spec without the key
// gets the line `translations: [ref]` after `languages:` (or `language:`,
// or `spec_version:`).
func addReference(data []byte, ref string) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New(msg.Get("translate.ref_unreadable"))
	}
	root := doc.Content[0]
	lines := bytes.SplitAfter(data, []byte("\n"))
	var after *yaml.Node // the entry to add the key after
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "translations":
			return extendList(lines, k, v, ref)
		case "spec_version", "language", "languages":
			if after == nil || k.Value != "spec_version" {
				after = v
			}
		}
	}
	if after == nil {
		return nil, errors.New(msg.Get("translate.ref_unreadable"))
	}
	line := lastLine(after) // 1-based; insert after it
	if line > len(lines) {
		return nil, errors.New(msg.Get("translate.ref_unreadable"))
	}
	add := []byte("translations: [" + ref + "]\n")
	if l := lines[line-1]; len(l) == 0 || l[len(l)-1] != '\n' {
		add = append([]byte("\n"), add...)
	}
	return join(lines[:line], add, lines[line:]), nil
}

// extendList adds ref to the list v of key k.
func extendList(lines [][]byte, k, v *yaml.Node, ref string) ([]byte, error) {
	switch {
	case v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle != 0 && v.Line == lastLine(v) && v.Line <= len(lines):
		l := string(lines[v.Line-1])
		start := runeOffset(l, v.Column-1)
		end := strings.IndexByte(l[start:], ']')
		if start >= len(l) || l[start] != '[' || end < 0 {
			break
		}
		end += start
		items := make([]string, 0, len(v.Content)+1)
		for _, it := range v.Content {
			items = append(items, it.Value)
		}
		items = append(items, ref)
		nl := l[:start] + "[" + strings.Join(items, ", ") + "]" + l[end+1:]
		lines[v.Line-1] = []byte(nl)
		return join(lines), nil
	case v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0:
		last := v.Content[len(v.Content)-1]
		line := lastLine(last)
		if line > len(lines) || last.Column < 3 {
			break
		}
		add := []byte(strings.Repeat(" ", last.Column-3) + "- " + ref + "\n")
		return join(lines[:line], add, lines[line:]), nil
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null" && k.Line <= len(lines):
		l := string(lines[k.Line-1])
		if strings.TrimSpace(l) == "translations:" {
			lines[k.Line-1] = []byte("translations: [" + ref + "]\n")
			return join(lines), nil
		}
	}
	return nil, errors.New(msg.Get("translate.ref_layout"))
}

// lastLine returns the last line n and its children are written on.
func lastLine(n *yaml.Node) int {
	l := n.Line
	for _, c := range n.Content {
		l = max(l, lastLine(c))
	}
	return l
}

// runeOffset returns the byte offset of the col-th character of s.
func runeOffset(s string, col int) int {
	for i := range s {
		if col == 0 {
			return i
		}
		col--
	}
	return len(s)
}

func join(parts ...any) []byte {
	var b bytes.Buffer
	for _, p := range parts {
		switch x := p.(type) {
		case []byte:
			b.Write(x)
		case [][]byte:
			for _, l := range x {
				b.Write(l)
			}
		}
	}
	return b.Bytes()
}

package markdown

import (
	"bytes"
	"errors"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
)

// frontMatter is the metadata a Markdown file may carry between --- lines.
type frontMatter struct {
	Title    string   `yaml:"title"`
	Author   string   `yaml:"author"`
	Subject  string   `yaml:"subject"`
	Keywords []string `yaml:"keywords"`
	Lang     string   `yaml:"lang"`
	ID       string   `yaml:"id"`
	Revision string   `yaml:"revision"`
	Date     string   `yaml:"date"`
}

// splitFrontMatter separates YAML front matter from the Markdown body. Front
// matter is a block that starts with a line "---" at the very beginning of
// the file, ends with a line "---" or "...", and parses as a YAML mapping;
// anything else (a thematic break, a setext heading underline) is Markdown.
// The body keeps blank lines in place of the front matter, so that line
// numbers stay those of the file.
func splitFrontMatter(src []byte) (docmodel.Meta, []byte, error) {
	var meta docmodel.Meta
	first, rest, ok := bytes.Cut(src, []byte("\n"))
	if !ok || strings.TrimRight(string(first), "\r") != "---" {
		return meta, src, nil
	}
	lines := strings.SplitAfter(string(rest), "\n")
	end := -1
	for i, l := range lines {
		t := strings.TrimRight(l, "\r\n")
		if t == "---" || t == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		return meta, src, nil
	}
	head := strings.Join(lines[:end], "")
	var node yaml.Node
	if err := yaml.Unmarshal([]byte(head), &node); err != nil || len(node.Content) == 0 || node.Content[0].Kind != yaml.MappingNode {
		return meta, src, nil // not front matter: the file is read as Markdown
	}
	var fm frontMatter
	if err := node.Decode(&fm); err != nil {
		return meta, nil, errors.New(msg.Format("markdown.front_matter", err))
	}
	meta = docmodel.Meta{
		Title: fm.Title, Author: fm.Author, Subject: fm.Subject, Keywords: fm.Keywords,
		Language: fm.Lang, ID: fm.ID, Revision: fm.Revision,
	}
	if fm.Date != "" {
		d, err := time.Parse(time.DateOnly, fm.Date)
		if err != nil {
			return meta, nil, errors.New(msg.Format("markdown.front_matter", msg.Format("spec.bad_date", fm.Date)))
		}
		meta.Date = d
	}
	blank := strings.Repeat("\n", end+2)
	body := strings.Join(lines[end+1:], "")
	return meta, []byte(blank + body), nil
}

package docs

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/duties"
	"github.com/docgen/docgen/generator/render/markdown"
	"github.com/docgen/docgen/generator/spec"
)

// builder carries one build.
type builder struct {
	words
	in        Input
	opts      Options
	templates *templateSet
	defs      []docDef
	duties    []duties.Duty
	// catalogAnchors are the section anchors that catalog items address.
	catalogAnchors map[string]bool
	// rendered maps a document name to the anchors of the sections it has,
	// from the previous pass; attempted to the sections its template asked
	// for.
	rendered  map[string][]string
	attempted map[string][]string
	// tableCache holds the tables of the spec, for lay readers or not.
	tableCache [2]map[string]*Table
}

// view is the data every template sees.
// Its doc tags are what `docgen templates doc` says of each field.
type view struct {
	Spec *spec.Spec `doc:"The device spec. Its fields are listed below; template functions name them by their spec path (updates.channel)."`
	// Doc is the document being written.
	Doc docDef `doc:"The document being written, as templates/docs/documents.yaml defines it."`
	// Lay is true when the document is read by lay users.
	Lay bool `doc:"True when the document is read by lay users (device.lay_users and a lay_audience in documents.yaml)."`
	// Fragment is true when the IfU is built as a chapter of a larger IfU.
	Fragment bool `doc:"True when the IfU section is built as a chapter of a larger IfU (build --ifu-heading-offset)."`
}

// tables returns the tables of the spec, built once.
func (b *builder) tables(lay bool) map[string]*Table {
	k := 0
	if lay {
		k = 1
	}
	if b.tableCache[k] == nil {
		in := &tableInput{words: b.words, s: b.in.Spec, bom: b.in.BOM, lay: lay, duty: b.duties, asOf: b.asOf()}
		m := map[string]*Table{}
		for id, build := range tableBuilders {
			m[id] = build(in)
		}
		b.tableCache[k] = m
	}
	return b.tableCache[k]
}

// item is one piece of template output: a block, a marker that opens or
// closes a group of blocks, or the place of a block left out (so that the
// lead-in before it is left out too).
type item struct {
	kind  itemKind
	block docmodel.Block
	// name is the subsection or list kind an open marker starts.
	name string
}

type itemKind int

const (
	blockItem itemKind = iota
	leadItem           // a paragraph that introduces the next block
	emptyItem          // a block left out for lack of facts
	openSection
	openList
	openNote
	closeGroup
)

// run is the execution of one document's templates.
type run struct {
	words
	b    *builder
	def  docDef
	view *view
	// items are the pieces written so far, referred to from the template
	// output by tokens.
	items []item
	// level is the heading level of the document's sections.
	level int
	// attempted lists the sections the templates asked for.
	attempted []string
	// tmpl is the template set bound to this run's functions.
	tmpl *template.Template
	err  error
}

// token is what a template function writes into the template output in
// place of its item.
func (r *run) token(it item) string {
	r.items = append(r.items, it)
	return "\x00" + strconv.Itoa(len(r.items)-1) + "\x00"
}

var tokenRE = regexp.MustCompile("\x00([0-9]+)\x00")

// document builds the document of def.
func (b *builder) document(def docDef) (Document, error) {
	lay := b.in.Spec.Device.LayUsers && def.LayAudience != ""
	v := &view{Spec: b.in.Spec, Doc: def, Lay: lay}
	offset := 0
	if def.Fragment {
		offset = b.opts.IFUHeadingOffset
		v.Fragment = offset > 0
	}
	r := &run{words: b.words, b: b, def: def, view: v, level: 2 + offset}
	body, err := r.execute(def.Template)
	if err != nil {
		return Document{}, err
	}
	if b.attempted == nil {
		b.attempted = map[string][]string{}
	}
	b.attempted[def.Name] = r.attempted
	d := &docmodel.Document{Meta: b.meta(def, lay, v.Fragment), Body: body}
	if v.Fragment {
		d.Body = []docmodel.Block{&docmodel.Section{Level: 1 + offset, Anchor: def.Name, Title: docmodel.Plain(b.title(def)), Blocks: body}}
	}
	if probs := docmodel.Problems(d); len(probs) > 0 {
		var lines []string
		for _, p := range probs {
			lines = append(lines, p.String())
		}
		return Document{}, fmt.Errorf("docs: %s: %s", def.Name, strings.Join(lines, "; "))
	}
	var anchors []string
	for _, s := range docmodel.Sections(d) {
		anchors = append(anchors, s.Anchor)
	}
	return Document{Name: def.Name, Target: def.Target, Model: d, Anchors: anchors, AttachSBOM: def.AttachSBOM}, nil
}

// meta is the metadata and document control of a document.
func (b *builder) meta(def docDef, lay, fragment bool) docmodel.Meta {
	s := b.in.Spec
	dev := s.Device
	m := docmodel.Meta{
		Name: def.Name, Title: joinNonEmpty(" – ", dev.Name, b.title(def)), Subject: b.get("meta.subject"),
		Author: dev.Manufacturer.Name, ID: documentID(s, def), Revision: s.Document.Revision,
		Date: s.Document.Date.Time, Language: b.m.Lang(), Audience: def.Audience, Fragment: fragment,
		Keywords: []string{b.get("meta.keyword"), string(dev.Regulation), dev.Name},
	}
	for _, c := range b.in.Catalogs {
		if c.Keyword != "" {
			m.Keywords = append(m.Keywords, c.Keyword)
		}
	}
	if lay {
		m.Audience = def.LayAudience
	}
	if b.in.Draft {
		m.Draft = true
		m.DraftNotice = b.get("meta.draft_notice")
	}
	add := func(key, value string) {
		if strings.TrimSpace(value) != "" {
			m.Control = append(m.Control, docmodel.Field{Name: b.get("control." + key), Value: value})
		}
	}
	add("device", dev.Name)
	add("model", dev.Model)
	add("version", dev.Version)
	add("manufacturer", joinNonEmpty(", ", dev.Manufacturer.Name, oneLine(b.tr(dev.Manufacturer.Address))))
	add("udi_di", dev.UDIDI)
	class := b.get("regulation." + strings.ToLower(string(dev.Regulation)))
	if dev.Regulation != "" && dev.Class != "" {
		class += ", " + b.format("control.class_value", dev.Class)
	}
	if dev.Regulation != "" {
		add("regulation", class)
	}
	add("document", m.ID)
	add("revision", s.Document.Revision)
	add("date", b.m.Date(s.Document.Date.Time))
	return m
}

// joinNonEmpty joins the non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, strings.TrimSpace(p))
		}
	}
	return strings.Join(out, sep)
}

// documentID is the spec's document id with the document's code appended:
// the one wording of a document's id, in its control block and wherever
// the document names itself.
func documentID(s *spec.Spec, def docDef) string {
	if s.Document.ID == "" || def.Code == "" {
		return s.Document.ID
	}
	return s.Document.ID + "-" + def.Code
}

// execute runs the named template and assembles the blocks it wrote.
func (r *run) execute(name string) ([]docmodel.Block, error) {
	if r.tmpl == nil {
		t, err := r.b.templates.clone(r.funcs())
		if err != nil {
			return nil, err
		}
		r.tmpl = t
	}
	start := len(r.items)
	var out bytes.Buffer
	if err := r.safely(func() error { return r.tmpl.ExecuteTemplate(&out, name, r.view) }); err != nil {
		return nil, r.b.templates.execError(name, err)
	}
	if r.err != nil {
		return nil, r.err
	}
	pieces, err := r.pieces(name, out.String(), start)
	if err != nil {
		return nil, err
	}
	return r.assemble(pieces, r.level)
}

// safely runs fn, turning a templateError panic of a template function into
// an error.
func (r *run) safely(fn func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			te, ok := v.(templateError)
			if !ok {
				panic(v)
			}
			err = te
		}
	}()
	return fn()
}

// pieces splits template output into its items, in output order. Text
// between the items is Markdown: embedded templates write none (their
// wording comes from the message catalog); override templates may, and it
// is read into blocks.
func (r *run) pieces(name, out string, start int) ([]item, error) {
	var items []item
	pos := 0
	addText := func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		if r.b.templates.overridden[name] == "" {
			return fmt.Errorf("docs: template %s writes text of its own (%q); fixed text comes from the message catalog through the template functions", name, strings.TrimSpace(s))
		}
		d, err := markdown.Read([]byte(s))
		if err != nil {
			return fmt.Errorf("docs: template %s: %w", name, err)
		}
		for _, bl := range d.Body {
			bl.Provenance().Text = "template:" + name
			bl.Provenance().Line = 0
			items = append(items, item{kind: blockItem, block: bl})
		}
		return nil
	}
	for _, m := range tokenRE.FindAllStringSubmatchIndex(out, -1) {
		if err := addText(out[pos:m[0]]); err != nil {
			return nil, err
		}
		k, _ := strconv.Atoi(out[m[2]:m[3]])
		if k < start || k >= len(r.items) {
			return nil, fmt.Errorf("docs: template %s: an item token out of place", name)
		}
		items = append(items, r.items[k])
		pos = m[1]
	}
	if err := addText(out[pos:]); err != nil {
		return nil, err
	}
	return items, nil
}

// assemble builds blocks from items: groups become subsections, lists and
// call-outs; empty groups are left out, and so is a lead-in that no block
// follows.
func (w words) assemble(items []item, level int) ([]docmodel.Block, error) {
	blocks, rest, err := w.assembleGroup(items, level)
	if err != nil {
		return nil, err
	}
	if len(rest) > 0 {
		return nil, errors.New("docs: a template closes a group it did not open")
	}
	return blocks, nil
}

func (w words) assembleGroup(items []item, level int) ([]docmodel.Block, []item, error) {
	var out []docmodel.Block
	var lead docmodel.Block
	emit := func(b docmodel.Block) {
		if lead != nil {
			out = append(out, lead)
			lead = nil
		}
		out = append(out, b)
	}
	for len(items) > 0 {
		it := items[0]
		items = items[1:]
		switch it.kind {
		case blockItem:
			emit(it.block)
		case emptyItem:
			lead = nil // what the lead-in introduces is not there
		case leadItem:
			lead = it.block // replaces an earlier lead that led nowhere
		case closeGroup:
			return out, append([]item{it}, items...), nil
		case openSection, openList, openNote:
			inner, rest, err := w.assembleGroup(items, level+1)
			if err != nil {
				return nil, nil, err
			}
			if len(rest) == 0 {
				return nil, nil, fmt.Errorf("docs: a template opens a group (%s) without closing it", it.name)
			}
			items = rest[1:]
			if len(inner) == 0 {
				lead = nil
				continue
			}
			switch it.kind {
			case openSection:
				emit(&docmodel.Section{Node: docmodel.Node{Source: docmodel.Provenance{Text: "section." + it.name + ".title"}},
					Level: level, Anchor: it.name, Title: docmodel.Plain(w.get("section." + it.name + ".title")), Blocks: inner})
			case openList:
				l := &docmodel.List{Ordered: it.name == "steps", Start: 1}
				if it.name != "steps" {
					l.Start = 0
				}
				for _, b := range inner {
					li := &docmodel.ListItem{Blocks: []docmodel.Block{b}}
					li.Source = *b.Provenance()
					l.Items = append(l.Items, li)
				}
				emit(l)
			case openNote:
				emit(&docmodel.Admonition{Kind: docmodel.AdmonitionKind(it.name), Blocks: inner})
			}
		}
	}
	return out, nil, nil
}

// sectionFile is the template file of a section.
func sectionFile(name string) string { return "sections/" + name + ".tmpl" }

// section writes the named section, if it applies and has content, as a
// section with the anchor given (the name by default).
func (r *run) section(name string, anchor ...string) (string, error) {
	a := name
	if len(anchor) > 0 {
		a = anchor[0]
	}
	r.attempted = append(r.attempted, a)
	if !r.b.applies(a) {
		return "", nil
	}
	file := sectionFile(name)
	if !r.b.templates.has(file) {
		return "", fmt.Errorf("no template %s for section %s", file, a)
	}
	saved := r.level
	r.level++
	blocks, err := r.execute(file)
	r.level = saved
	if err != nil {
		return "", err
	}
	if len(blocks) == 0 {
		return r.token(item{kind: emptyItem}), nil
	}
	title := "section." + name + ".title"
	return r.token(item{kind: blockItem, block: &docmodel.Section{
		Node:  docmodel.Node{Source: docmodel.Provenance{Text: title}},
		Level: saved, Anchor: a, Title: docmodel.Plain(r.get(title)), Blocks: blocks,
	}}), nil
}

// paragraph makes a paragraph block from a sentence value.
func paragraph(key string, v value) *docmodel.Paragraph {
	return &docmodel.Paragraph{Node: docmodel.Node{Source: docmodel.Provenance{Text: key, Paths: v.paths}}, Content: v.content}
}

// sayBlock returns the paragraph of a sentence, or nil when it is left out.
func (r *run) sayBlock(key string, args []any) *docmodel.Paragraph {
	v, err := r.sentence(key, args...)
	if err != nil {
		panic(err)
	}
	if v.empty() {
		return nil
	}
	return paragraph(key, v)
}

// flagHolds reports whether a catalog flag holds for the device.
func (r *run) flagHolds(name string) bool {
	for _, f := range catalog.Flags {
		if f == name {
			return catalog.Flag(name).Holds(r.b.in.Spec)
		}
	}
	panic(templateError{fmt.Sprintf("no flag %q; flags are %s", name, strings.Join(catalog.Flags, ", "))})
}

// asOf returns the date end of support is judged at: the check result's,
// else the document date, else the zero time (nothing counts as past).
func (b *builder) asOf() time.Time {
	if b.in.Result != nil && !b.in.Result.AsOf.IsZero() {
		return b.in.Result.AsOf.Time
	}
	return b.in.Spec.Document.Date.Time
}

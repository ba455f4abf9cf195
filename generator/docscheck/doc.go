// Package docscheck checks hand-written Markdown documents, such as an
// instructions for use (IfU) or an administrator guide kept in a
// repository, for the sections that the requirement catalogs expect, so that
// docgen can serve as a CI gate for documentation it did not write.
//
// Turn the `--docs` arguments into documents with [ParseDocArgs], then check
// them against a spec's catalogs with [Check]:
//
//	docs, err := docscheck.ParseDocArgs([]string{"ifu=docs/IFU.md", "docs/admin/"})
//	if err != nil { ... }                 // unknown target, unreadable path: exit 2
//	s, _ := spec.Load("device.yaml")
//	cats, _ := generator.LoadCatalogs(s, nil)
//	res, err := docscheck.Check(s, cats, docs)
//	report.Write(os.Stdout, "github", []*check.Result{res}, report.Options{})
//
// # Which document is which
//
// Every document has a target: ifu, admin, network or public, the catalog's
// document ids. An argument written TARGET=PATH says it outright. Otherwise a
// `docgen-target: ifu` line in the document's YAML front matter decides (a
// list such as `[ifu, admin]` marks a combined manual), and failing that the
// file name: `ifu` or `instructions` means ifu, `network` means network,
// `admin` means admin and `security-information` or `public` means public.
// A directory stands for its *.md files, in lexical order, hidden files and
// folders left out. A file whose target cannot be told, also one found in a
// directory such as a README.md, is an error that says how to mark it, so
// that no document is skipped silently.
//
// # What counts as a section
//
// A catalog item is addressed by a heading that carries its anchor, or the
// anchor of the generated section it maps to (an FDA item answered by an
// MDCG section), either as inline HTML, the way docgen writes its own
// documents,
//
//	## Security updates <a id="ifu-updates"></a>
//
// or as a heading attribute, `## Security updates {#ifu-updates}`, or on a
// line of its own just before the heading. Without an
// anchor, the heading's text must equal one of the item's `headings` or its
// title, compared without case, leading section numbers ("4.2", "A.1",
// "IV."), trailing punctuation, extra spaces, hyphens and the difference
// between "&" and "and": "4.2 Security Updates:" matches "Security updates".
// Headings inside code blocks are not headings, and YAML front matter is
// skipped.
//
// # Findings
//
// [Check] returns a [check.Result] like `docgen check` does, so every
// reporter prints it. An applicable item (its `when` flags hold for the
// device) of a target for which documents were given passes when a document
// of that target has a matching section; if not, a missing required item is
// an error and a missing recommended item a warning, placed in the document
// after the section of the closest earlier item that is present, with the
// heading to add. A matching section that is empty, or holds only a
// placeholder such as TODO or TBD, is reported as a note, unless another
// matching section has content. Items of targets
// for which no document was given are not applicable, so `--docs ifu.md`
// checks only the IfU.
package docscheck

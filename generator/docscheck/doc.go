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
// line of its own just before the heading; by a heading the front matter
// binds to it,
//
//	docgen-sections:
//	  IFU-BACKUP: Looking after your readings
//	  IFU-ALERTS: [Messages on the display, Alarms]
//
// (compared without case, punctuation and section numbers); or by its
// wording. For the wording, the heading and the item's catalog headings
// (per language) are read with the document's vocabulary
// (specs/vocabulary/<lang>.yaml, the language from the front matter's lang,
// else the spec's language, else English): section numbers ("9.3",
// "A.1", "Chapter 9:") are removed, words made singular, synonyms replaced
// ("cybersecurity" is "security", "patch" is "update") and stop words
// dropped. A heading addresses an item when it holds every word of one of
// the item's headings, in any order, so that one heading may address
// several items ("Software updates and backup"); when the words of one
// item's heading are a strict subset of another's that the same heading
// holds, the more specific item takes it ("Reporting serious incidents" is
// no IFU-INCIDENT section). Headings inside code blocks are not headings,
// and YAML front matter is skipped. The matching (match.go) and the content
// checks (content.go) work on [Document], which markdown.go reads with
// goldmark, so another Markdown reader can feed them.
//
// # Findings
//
// [Check] returns a [check.Result] like `docgen check` does, so every
// reporter prints it. An applicable item (its `when` flags hold for the
// device) of a target for which documents were given is satisfied when a
// document of that target has a section that addresses it with real
// content:
//   - a missing section is a finding of the item's level (error for a
//     required item, warning for a recommended one), placed after the
//     section of the closest earlier item that is present, with the heading
//     to add, and naming the closest heading and the words it lacks (or the
//     item that took it);
//   - a section that is empty, or whose text is only a placeholder (TBD,
//     "To be defined.", "Not applicable.", "N/A"), is a finding of the
//     item's level, unless another section of the item has content;
//   - a section that lacks a fact the item needs (an e-mail address or
//     telephone number for the incident contact, a date for the end of
//     support, port numbers in a port list) is a finding of the item's
//     level;
//   - a section much shorter than the item needs, or one that still holds a
//     marker such as TBD in its text, is a warning.
//
// Items of targets for which no document was given are not applicable, so
// `--docs ifu.md` checks only the IfU.
package docscheck

package generator

import (
	"context"

	"github.com/docgen/docgen/generator/diff"
	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/notice"
	"github.com/docgen/docgen/generator/redline"
	"github.com/docgen/docgen/generator/render"
)

// HistoryEntryFile is the file name of the proposed revision-history entry.
const HistoryEntryFile = "revision-history-entry.yaml"

// RedlineFile is the file name of the redline of a document.
func RedlineFile(doc string) string { return "redline-" + doc + ".html" }

// changeFiles compares the spec being built with the revision since and
// returns the security change notice in the build's formats, the redline
// of each document, and the proposed revision-history entry.
func changeFiles(ctx context.Context, since string, cur *Checked, curDocs *Assembled, formats []string, opts BuildOptions) ([]File, []string, error) {
	old, err := LoadSide(ctx, since, opts)
	if err != nil {
		return nil, nil, err
	}
	oldDocs, err := old.Documents(opts)
	if err != nil {
		return nil, nil, err
	}
	rep, err := diff.Compare(old.Side(since), cur.Side(cur.Spec.File), diff.Options{Today: opts.Today})
	if err != nil {
		return nil, nil, err
	}
	doc, err := notice.Build(rep, old.Spec, cur.Spec, notice.Options{Draft: cur.Result.Failed()})
	if err != nil {
		return nil, nil, err
	}
	ro := render.Options{PageSize: opts.PageSize, Generator: "docgen " + opts.Version, TitlePage: true, Template: opts.WordTemplate,
		PDFStandard: opts.PDFStandard}
	files, warnings, err := renderDocument(ctx, notice.Name, doc, formats, ro)
	if err != nil {
		return nil, nil, err
	}
	for _, d := range curDocs.Set.Documents {
		before := &docmodel.Document{}
		for _, o := range oldDocs.Set.Documents {
			if o.Name == d.Name {
				before = o.Model
			}
		}
		page := redline.HTML(before, d.Model, redline.Options{OldLabel: since, NewLabel: cur.Spec.File})
		files = append(files, File{RedlineFile(d.Name), page})
	}
	if rep.History != nil {
		entry, err := rep.History.YAML()
		if err != nil {
			return nil, nil, err
		}
		files = append(files, File{HistoryEntryFile, []byte(entry)})
	}
	return files, warnings, nil
}

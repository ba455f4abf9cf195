package docs

import (
	"strings"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
)

// words is the output language of a build: its fixed texts and the
// language spec texts are shown in. The builder, a template run and the
// table input embed it, so every lookup goes through the language.
type words struct {
	m *msg.Set
}

func (w words) get(key string) string                 { return w.m.Get(key) }
func (w words) format(key string, args ...any) string { return w.m.Format(key, args...) }
func (w words) has(key string) bool                   { return w.m.Has(key) }

// tr is the spec text t in the output language (its source text when it
// has no translation; check reports that).
func (w words) tr(t spec.Text) string { return t.In(w.m.Lang()) }

// join lists items in one line with the language's separator ("; " in
// English, " ; " with a no-break space in French).
func (w words) join(items []string) string {
	return strings.Join(items, w.get("word.list_separator"))
}

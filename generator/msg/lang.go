package msg

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/templates"
)

// Language is a language docgen ships document texts for, as listed in
// templates/messages/languages.yaml.
type Language struct {
	Tag  string `yaml:"tag"`
	Name string `yaml:"name"`
}

// Library is the message sets of every language found in a template tree:
// the folders messages/<tag>/ that hold document files. The package
// functions use the embedded tree; tests open their own with [Open].
type Library struct {
	fsys      fs.FS
	shipped   []Language
	files     []string
	available []string
	english   map[string]string
	mu        sync.Mutex
	sets      map[string]*Set
}

// Set is the document texts of one language. A key the language lacks falls
// back to English, so a document is never left with a bare key; [Library.Missing]
// lists such keys.
type Set struct {
	lang    string
	own     map[string]string
	english map[string]string
}

// Open reads the languages of the template tree fsys (laid out like
// package templates: messages/languages.yaml, messages/<tag>/*.yaml).
func Open(fsys fs.FS) (*Library, error) {
	data, err := fs.ReadFile(fsys, "messages/languages.yaml")
	if err != nil {
		return nil, err
	}
	var f struct {
		Languages     []Language `yaml:"languages"`
		DocumentFiles []string   `yaml:"document_files"`
	}
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("messages/languages.yaml: %w", err)
	}
	l := &Library{fsys: fsys, shipped: f.Languages, files: f.DocumentFiles, sets: map[string]*Set{}}
	if l.english, err = l.read(DefaultLanguage, true); err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(fsys, "messages")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if e.IsDir() {
			l.available = append(l.available, e.Name())
		}
	}
	return l, nil
}

// read merges the document files of language lang; a file that does not
// exist is skipped unless required.
func (l *Library) read(lang string, required bool) (map[string]string, error) {
	out := map[string]string{}
	for _, name := range l.files {
		p := "messages/" + lang + "/" + name + ".yaml"
		data, err := fs.ReadFile(l.fsys, p)
		if err != nil {
			if !required && errorIsNotExist(err) {
				continue
			}
			return nil, err
		}
		var part map[string]string
		if err := yaml.Unmarshal(data, &part); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		for k, v := range part {
			if _, dup := out[k]; dup {
				return nil, fmt.Errorf("%s: message %q is defined twice", p, k)
			}
			out[k] = v
		}
	}
	return out, nil
}

func errorIsNotExist(err error) bool { return err != nil && errors.Is(err, fs.ErrNotExist) }

// Shipped lists the languages of languages.yaml, in its order.
func (l *Library) Shipped() []Language { return slices.Clone(l.shipped) }

// DocumentFiles lists the message files (without .yaml) every language has.
func (l *Library) DocumentFiles() []string { return slices.Clone(l.files) }

// Available lists the tags of the languages that have a folder, sorted.
func (l *Library) Available() []string { return slices.Clone(l.available) }

// Has reports whether documents can be written in lang: it, or its base
// language (de for de-AT), has a folder.
func (l *Library) Has(lang string) bool { return l.resolve(lang) != "" }

// resolve returns the folder of lang: lang itself, else its base language,
// else "".
func (l *Library) resolve(lang string) string {
	if slices.Contains(l.available, lang) {
		return lang
	}
	if base, _, ok := strings.Cut(lang, "-"); ok && slices.Contains(l.available, base) {
		return base
	}
	return ""
}

// For returns the set of lang; a language without a folder gets the
// English texts (callers check [Library.Has] first).
func (l *Library) For(lang string) (*Set, error) {
	if lang == "" {
		lang = DefaultLanguage
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if s, ok := l.sets[lang]; ok {
		return s, nil
	}
	s := &Set{lang: lang, own: l.english, english: l.english}
	if dir := l.resolve(lang); dir != "" && dir != DefaultLanguage {
		own, err := l.read(dir, false)
		if err != nil {
			return nil, err
		}
		s.own = own
	}
	l.sets[lang] = s
	return s, nil
}

// Missing lists, sorted, the keys of the English document files that lang
// lacks (every key for a language without a folder).
func (l *Library) Missing(lang string) ([]string, error) {
	s, err := l.For(lang)
	if err != nil {
		return nil, err
	}
	return keysNotIn(l.english, s.own), nil
}

// Extra lists, sorted, the keys of lang that English lacks.
func (l *Library) Extra(lang string) ([]string, error) {
	s, err := l.For(lang)
	if err != nil {
		return nil, err
	}
	return keysNotIn(s.own, l.english), nil
}

// keysNotIn lists, sorted, the keys of a that b lacks.
func keysNotIn(a, b map[string]string) []string {
	var out []string
	for k := range a {
		if _, ok := b[k]; !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// Own returns the texts lang itself defines, without the English fallback.
func (s *Set) Own() map[string]string { return s.own }

var embedded = sync.OnceValues(func() (*Library, error) { return Open(templates.FS) })

// Embedded returns the library of the embedded templates.
func Embedded() (*Library, error) { return embedded() }

// For returns the document texts of lang from the embedded templates:
// English texts for "" and for a language docgen has no texts for (check
// [HasLanguage] first), and English per key where lang lacks one.
func For(lang string) *Set {
	l, err := embedded()
	if err == nil {
		if s, err := l.For(lang); err == nil {
			return s
		}
	}
	c, _ := Catalog()
	return &Set{lang: DefaultLanguage, own: c, english: c}
}

// HasLanguage reports whether docgen has document texts in lang.
func HasLanguage(lang string) bool {
	l, err := embedded()
	return err == nil && l.Has(lang)
}

// Languages lists the tags of the languages docgen has document texts in.
func Languages() []string {
	l, err := embedded()
	if err != nil {
		return []string{DefaultLanguage}
	}
	return l.Available()
}

// Missing lists the document keys lang lacks, which fall back to English.
func Missing(lang string) []string {
	l, err := embedded()
	if err != nil {
		return nil
	}
	m, _ := l.Missing(lang)
	return m
}

// Lang is the set's language tag.
func (s *Set) Lang() string { return s.lang }

func (s *Set) lookup(key string) (string, bool) {
	if v, ok := s.own[key]; ok {
		return v, true
	}
	if v, ok := s.english[key]; ok {
		return v, true
	}
	// Keys outside the document files (a diagnostic) come from the
	// English catalog.
	c, _ := Catalog()
	v, ok := c[key]
	return v, ok
}

// Has reports whether key exists in the set (or in English).
func (s *Set) Has(key string) bool {
	_, ok := s.lookup(key)
	return ok
}

// Get is [Get] in the set's language.
func (s *Set) Get(key string) string {
	if v, ok := s.lookup(key); ok {
		return strings.TrimRight(v, "\n")
	}
	return key
}

// Format is [Format] in the set's language.
func (s *Set) Format(key string, args ...any) string {
	v, ok := s.lookup(key)
	if !ok {
		if len(args) == 0 {
			return key
		}
		return key + ": " + fmt.Sprint(args...)
	}
	return fmt.Sprintf(strings.TrimRight(v, "\n"), args...)
}

// Date writes t as the language writes dates (locale.date), "" for the
// zero time.
func (s *Set) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return s.datePattern(s.Get("locale.date"), t)
}

// LongDate writes t with the month in words (locale.date_long).
func (s *Set) LongDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return s.datePattern(s.Get("locale.date_long"), t)
}

// datePattern fills the tokens YYYY, MMMM, MM, M, DD and D of pattern.
func (s *Set) datePattern(pattern string, t time.Time) string {
	var b strings.Builder
	for i := 0; i < len(pattern); {
		rest := pattern[i:]
		switch {
		case strings.HasPrefix(rest, "YYYY"):
			fmt.Fprintf(&b, "%04d", t.Year())
			i += 4
		case strings.HasPrefix(rest, "MMMM"):
			b.WriteString(s.Get("locale.month." + strconv.Itoa(int(t.Month()))))
			i += 4
		case strings.HasPrefix(rest, "MM"):
			fmt.Fprintf(&b, "%02d", int(t.Month()))
			i += 2
		case strings.HasPrefix(rest, "M"):
			b.WriteString(strconv.Itoa(int(t.Month())))
			i++
		case strings.HasPrefix(rest, "DD"):
			fmt.Fprintf(&b, "%02d", t.Day())
			i += 2
		case strings.HasPrefix(rest, "D"):
			b.WriteString(strconv.Itoa(t.Day()))
			i++
		default:
			b.WriteByte(pattern[i])
			i++
		}
	}
	return b.String()
}

// Int writes n as the language writes whole numbers: the thousands
// separated by locale.group_separator from five digits on (1000 stays
// 1000).
func (s *Set) Int(n int) string {
	d := strconv.Itoa(n)
	neg := strings.HasPrefix(d, "-")
	d = strings.TrimPrefix(d, "-")
	if len(d) >= 5 {
		sep := s.Get("locale.group_separator")
		var parts []string
		for len(d) > 3 {
			parts = append([]string{d[len(d)-3:]}, parts...)
			d = d[:len(d)-3]
		}
		d = strings.Join(append([]string{d}, parts...), sep)
	}
	if neg {
		d = "-" + d
	}
	return d
}

// Decimal writes a decimal number given as digits with a full stop
// ("1.5") with the language's decimal separator.
func (s *Set) Decimal(v string) string {
	return strings.Replace(v, ".", s.Get("locale.decimal_separator"), 1)
}

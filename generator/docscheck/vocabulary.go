package docscheck

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
	"github.com/docgen/docgen/specs"
)

// lexicon is the vocabulary of one language, specs/vocabulary/<lang>.yaml:
// how headings are numbered, stop words, plurals, synonyms, placeholders,
// facts and what a section must hold. See the annotated en.yaml.
type lexicon struct {
	Language       string     `yaml:"language"`
	NumberingWords []string   `yaml:"numbering_words"`
	StopWords      []string   `yaml:"stop_words"`
	GenericWords   []string   `yaml:"generic_words"`
	Plurals        plurals    `yaml:"plurals"`
	Synonyms       [][]string `yaml:"synonyms"`
	Placeholders   struct {
		Markers []string `yaml:"markers"`
		Phrases []string `yaml:"phrases"`
	} `yaml:"placeholders"`
	Facts   map[string]factDef `yaml:"facts"`
	Content struct {
		DefaultMinWords int                    `yaml:"default_min_words"`
		Items           map[string]itemContent `yaml:"items"`
	} `yaml:"content"`
	// Headings are, by catalog item id, the headings in this language that
	// address the item, besides those the catalog gives for the language.
	Headings map[string][]string `yaml:"headings"`

	numberingRE *regexp.Regexp
	stop        map[string]bool
	generic     map[string]bool
	synonyms    []synonym
	phrases     map[string]bool
	markers     map[string]bool
	markerRE    *regexp.Regexp
	facts       map[string][]*regexp.Regexp
}

// plurals turn plural words into singular ones.
type plurals struct {
	MinLength int      `yaml:"min_length"`
	Keep      []string `yaml:"keep"`
	Rules     []struct {
		Suffix string `yaml:"suffix"`
		Stem   string `yaml:"stem"`
	} `yaml:"rules"`
}

// factDef describes a fact a section must state and the patterns that find
// it.
type factDef struct {
	Describe string   `yaml:"describe"`
	Patterns []string `yaml:"patterns"`
}

// itemContent is what the section of one item must hold.
type itemContent struct {
	MinWords int      `yaml:"min_words"`
	Facts    []string `yaml:"facts"`
}

// synonym replaces the word sequence from by to.
type synonym struct {
	from, to []string
}

// lexicons caches the parsed vocabularies by language; a nil entry with an
// error is a vocabulary that does not load.
var lexicons sync.Map

type lexiconResult struct {
	lex *lexicon
	err error
}

// Languages lists the languages docgen has a vocabulary for, sorted.
func Languages() []string { return specs.Names("vocabulary") }

// lexiconFor returns the vocabulary of language lang (a BCP 47 tag): its
// own, else that of its primary language ("en" for "en-GB").
func lexiconFor(lang string) (*lexicon, error) {
	lang = strings.TrimSpace(lang)
	for _, l := range []string{lang, strings.SplitN(lang, "-", 2)[0]} {
		if _, cached := lexicons.Load(l); cached || slices.Contains(Languages(), l) {
			return loadLexicon(l)
		}
	}
	return nil, errors.New(msg.Format("docscheck.no_vocabulary", lang, yamlx.QuoteList(Languages())))
}

// loadLexicon parses the embedded vocabulary of lang once.
func loadLexicon(lang string) (*lexicon, error) {
	if r, ok := lexicons.Load(lang); ok {
		res := r.(lexiconResult)
		return res.lex, res.err
	}
	lex, err := parseLexicon("specs/vocabulary/"+lang+".yaml", mustRead("vocabulary/"+lang+".yaml"))
	lexicons.Store(lang, lexiconResult{lex, err})
	return lex, err
}

func mustRead(name string) []byte {
	data, _ := specs.FS.ReadFile(name)
	return data
}

// parseLexicon decodes and prepares a vocabulary; name is used in errors.
func parseLexicon(name string, data []byte) (*lexicon, error) {
	lex := &lexicon{}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(lex); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	words := make([]string, len(lex.NumberingWords))
	for i, w := range lex.NumberingWords {
		words[i] = regexp.QuoteMeta(strings.ToLower(w))
	}
	// A leading section number: "4.2", "4.2.", "4)", "A.1", "a)", "IV.",
	// "B.12", "§ 4", or a numbering word with a number, letter or roman
	// numeral ("Chapter 9", "Appendix B", "Annex IV"), followed by ":" or a
	// dash.
	lex.numberingRE = regexp.MustCompile(`^(?:(?:` + strings.Join(words, "|") + `)\s+(?:\d+|[a-z]|[ivxlc]+)(?:\.\d+)*\.?|§\s*\d+(?:\.\d+)*\.?|\d+(?:\.\d+)*[.)]?|[a-z](?:\.\d+)+\.?|[a-z][.)]|[ivxlc]+[.)])(?:\s*[:\-–—])?\s+`)
	lex.stop = map[string]bool{}
	for _, w := range lex.StopWords {
		lex.stop[strings.ToLower(w)] = true
	}
	lex.generic = map[string]bool{}
	for _, w := range lex.GenericWords {
		for _, t := range lex.words(w) {
			lex.generic[t] = true
		}
	}
	for _, group := range lex.Synonyms {
		if len(group) < 2 {
			return nil, fmt.Errorf("%s: synonym group %v needs at least two entries", name, group)
		}
		to := lex.words(group[0])
		for _, variant := range group[1:] {
			if from := lex.words(variant); len(from) > 0 && !slices.Equal(from, to) {
				lex.synonyms = append(lex.synonyms, synonym{from: from, to: to})
			}
		}
	}
	// Longest variants first, so that "cyber security" wins over "security".
	slices.SortStableFunc(lex.synonyms, func(a, b synonym) int { return len(b.from) - len(a.from) })
	lex.markers = map[string]bool{}
	var upper []string
	for _, m := range lex.Placeholders.Markers {
		lex.markers[strings.ToLower(m)] = true
		upper = append(upper, regexp.QuoteMeta(strings.ToUpper(m)))
	}
	if len(upper) > 0 {
		lex.markerRE = regexp.MustCompile(`\b(?:` + strings.Join(upper, "|") + `)\b`)
	}
	lex.phrases = map[string]bool{}
	for _, p := range lex.Placeholders.Phrases {
		lex.phrases[placeholderForm(p)] = true
	}
	lex.facts = map[string][]*regexp.Regexp{}
	for fact, def := range lex.Facts {
		for _, p := range def.Patterns {
			re, err := regexp.Compile(p)
			if err != nil {
				return nil, fmt.Errorf("%s: fact %s: %w", name, fact, err)
			}
			lex.facts[fact] = append(lex.facts[fact], re)
		}
		if def.Describe == "" || len(def.Patterns) == 0 {
			return nil, fmt.Errorf("%s: fact %s needs describe and patterns", name, fact)
		}
	}
	for id, c := range lex.Content.Items {
		for _, f := range c.Facts {
			if _, ok := lex.Facts[f]; !ok {
				return nil, fmt.Errorf("%s: item %s names unknown fact %q", name, id, f)
			}
		}
	}
	return lex, nil
}

// stripNumbering removes leading section numbers and trailing punctuation
// from lower-case heading text.
func (lex *lexicon) stripNumbering(s string) string {
	for {
		t := strings.TrimSpace(lex.numberingRE.ReplaceAllString(s, ""))
		if t == s {
			return s
		}
		s = t
	}
}

// words cuts text into lower-case words, singular: letters and digits
// only, "&" read as "and", everything else separating words.
func (lex *lexicon) words(text string) []string {
	fields := strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(text, "&", " and ")), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, w := range fields {
		fields[i] = lex.singular(w)
	}
	return fields
}

// singular returns the singular of w by the plural rules.
func (lex *lexicon) singular(w string) string {
	p := lex.Plurals
	if len([]rune(w)) < p.MinLength || !unicode.IsLetter([]rune(w)[len([]rune(w))-1]) {
		return w
	}
	for _, k := range p.Keep {
		if strings.HasSuffix(w, k) {
			return w
		}
	}
	for _, r := range p.Rules {
		if stem, ok := strings.CutSuffix(w, r.Suffix); ok {
			return stem + r.Stem
		}
	}
	return w
}

// terms returns the meaningful words of heading text: numbering removed,
// words made singular, synonyms replaced by their group's first entry,
// stop words dropped, in order, duplicates kept once.
func (lex *lexicon) terms(text string) []string {
	ws := lex.words(lex.stripNumbering(strings.ToLower(strings.TrimSpace(text))))
	var out []string
	add := func(w string) {
		if !lex.stop[w] && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	for i := 0; i < len(ws); {
		matched := false
		for _, syn := range lex.synonyms {
			if n := len(syn.from); i+n <= len(ws) && slices.Equal(ws[i:i+n], syn.from) {
				for _, w := range syn.to {
					add(w)
				}
				i += n
				matched = true
				break
			}
		}
		if !matched {
			add(ws[i])
			i++
		}
	}
	return out
}

// placeholderForm is the form in which section texts are compared with the
// placeholder phrases: lower case, single spaces, without surrounding
// spaces and full stops, colons, semicolons and exclamation marks.
func placeholderForm(s string) string {
	return strings.Trim(strings.Join(strings.Fields(strings.ToLower(s)), " "), " .:;!")
}

// wordCount counts the words of text: runs of letters and digits.
func wordCount(text string) int {
	return len(strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}

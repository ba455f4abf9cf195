// Package msg looks up user-visible message texts in the embedded message
// catalog (templates/messages/<lang>/*.yaml, merged), so that no diagnostic
// wording is spelled out in Go code.
//
// A message is a format string in the style of [fmt.Sprintf]; translators may
// reorder arguments with explicit indexes such as %[2]s. Use [Get] for a plain
// text and [Format] to fill in arguments:
//
//	msg.Format("yaml.unknown_field", "firewal_rules", "firewall_rules")
//
// A key that is missing from the catalog is a programming error; [Format]
// then returns the key itself followed by the arguments, so the information is
// never lost, and the package tests catch the slip.
package msg

import (
	"fmt"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/templates"
)

// DefaultLanguage is the language of the built-in message catalog.
const DefaultLanguage = "en"

var (
	loadOnce sync.Once
	catalog  map[string]string
	loadErr  error
)

func load() {
	dir := "messages/" + DefaultLanguage
	entries, err := templates.FS.ReadDir(dir)
	if err != nil {
		loadErr = err
		return
	}
	catalog = map[string]string{}
	for _, e := range entries { // ReadDir returns names sorted
		data, err := templates.FS.ReadFile(dir + "/" + e.Name())
		if err != nil {
			loadErr = err
			return
		}
		var part map[string]string
		if err := yaml.Unmarshal(data, &part); err != nil {
			loadErr = fmt.Errorf("%s/%s: %w", dir, e.Name(), err)
			return
		}
		for k, v := range part {
			if _, dup := catalog[k]; dup {
				loadErr = fmt.Errorf("%s/%s: message %q is defined twice", dir, e.Name(), k)
				return
			}
			catalog[k] = v
		}
	}
}

// Catalog returns the loaded message catalog, or the error that prevented
// loading it. It is exported for tests that cross-check keys.
func Catalog() (map[string]string, error) {
	loadOnce.Do(load)
	return catalog, loadErr
}

// Has reports whether key exists in the message catalog.
func Has(key string) bool {
	c, _ := Catalog()
	_, ok := c[key]
	return ok
}

// Get returns the message text for key, with surrounding white space trimmed
// from multi-line texts.
func Get(key string) string {
	c, _ := Catalog()
	if s, ok := c[key]; ok {
		return strings.TrimRight(s, "\n")
	}
	return key
}

// Format returns the message for key with args filled in as by fmt.Sprintf.
func Format(key string, args ...any) string {
	c, _ := Catalog()
	s, ok := c[key]
	if !ok {
		if len(args) == 0 {
			return key
		}
		return key + ": " + fmt.Sprint(args...)
	}
	return fmt.Sprintf(strings.TrimRight(s, "\n"), args...)
}

package sbom

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/docgen/docgen/generator/msg"
)

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// isRFC3339 reports whether s is an RFC 3339 date-time.
func isRFC3339(s string) bool {
	_, err := time.Parse(time.RFC3339Nano, s)
	return err == nil
}

// safely runs a third-party decoder and turns a panic into an error, so
// that no input can crash docgen.
func safely(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(msg.Format("sbom.decoder_panic", fmt.Sprint(r)))
		}
	}()
	return f()
}

// joinWords joins the non-empty, trimmed parts with spaces, as in a tool's
// "vendor name version".
func joinWords(parts ...string) string {
	var words []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			words = append(words, p)
		}
	}
	return strings.Join(words, " ")
}

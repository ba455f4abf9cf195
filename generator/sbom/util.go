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

// chunkSize is the number of items of one chunk of a [chunked] list.
const chunkSize = 4096

// chunked collects a long list without ever copying what it holds:
// appending to one slice of 200,000 components allocates five times its
// final size on the way. Items go into sized, a slice given its final
// capacity up front when the length of the list is known, and, beyond
// that, into fixed-size chunks; join hands the list over as one slice,
// copying only if chunks were needed.
type chunked[T any] struct {
	sized  []T
	chunks [][]T
	n      int
}

func (c *chunked[T]) add(vs ...T) {
	for _, v := range vs {
		c.n++
		if len(c.chunks) == 0 && len(c.sized) < cap(c.sized) {
			c.sized = append(c.sized, v)
			continue
		}
		if len(c.chunks) == 0 || len(c.chunks[len(c.chunks)-1]) == chunkSize {
			c.chunks = append(c.chunks, make([]T, 0, chunkSize))
		}
		last := &c.chunks[len(c.chunks)-1]
		*last = append(*last, v)
	}
}

// join returns head followed by the items collected, and empties c. With
// nothing collected it returns head as it is; with an empty head and no
// chunks it returns the sized slice itself.
func (c *chunked[T]) join(head []T) []T {
	defer func() { *c = chunked[T]{} }()
	switch {
	case c.n == 0:
		return head
	case len(head) == 0 && len(c.chunks) == 0:
		return c.sized
	}
	out := make([]T, 0, len(head)+c.n)
	out = append(out, head...)
	out = append(out, c.sized...)
	c.sized = nil
	for i, ch := range c.chunks {
		out = append(out, ch...)
		c.chunks[i] = nil
	}
	return out
}

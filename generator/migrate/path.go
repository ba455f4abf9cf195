package migrate

import (
	"errors"
	"reflect"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
)

// segment is one step of a spec path: a field name, or a list index when
// field is empty.
type segment struct {
	field string
	index int
}

// segments splits a spec path such as "responsibilities[2].consulted[0]"
// into its steps.
func segments(path string) ([]segment, error) {
	var out []segment
	for rest := path; rest != ""; {
		if rest[0] == '[' {
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return nil, badPath(path)
			}
			i, err := strconv.Atoi(rest[1:end])
			if err != nil || i < 0 {
				return nil, badPath(path)
			}
			out = append(out, segment{index: i})
			rest = strings.TrimPrefix(rest[end+1:], ".")
			continue
		}
		end := strings.IndexAny(rest, ".[")
		if end < 0 {
			end = len(rest)
		}
		if end == 0 {
			return nil, badPath(path)
		}
		out = append(out, segment{field: rest[:end]})
		rest = strings.TrimPrefix(rest[end:], ".")
	}
	if len(out) == 0 {
		return nil, badPath(path)
	}
	return out, nil
}

func badPath(path string) error { return errors.New(msg.Format("migrate.bad_path", path)) }

// target is the node a path leads to: a value and, for a field, its key.
type target struct {
	parent     *yaml.Node // the mapping or list that holds the value
	key, value *yaml.Node // key is nil for a list item
	index      int        // of key or value in parent.Content
}

// maxAliasChain bounds how many aliases find follows in one step.
const maxAliasChain = 100

// find follows path from the root node, through aliases, to its target. On
// failure it also returns the last node it reached, for the position.
func find(root *yaml.Node, path string) (target, *yaml.Node, error) {
	steps, err := segments(path)
	if err != nil {
		return target{}, root, err
	}
	notFound := errors.New(msg.Get("migrate.reason.not_found"))
	var t target
	n := root
	for _, st := range steps {
		for k := 0; n.Kind == yaml.AliasNode && n.Alias != nil; k++ {
			if k == maxAliasChain {
				return target{}, n, notFound
			}
			n = n.Alias
		}
		switch {
		case st.field != "" && n.Kind == yaml.MappingNode:
			found := false
			for i := 0; i+1 < len(n.Content); i += 2 {
				if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.Value == st.field {
					t, found = target{parent: n, key: k, value: n.Content[i+1], index: i}, true
					break
				}
			}
			if !found {
				return target{}, n, notFound
			}
		case st.field == "" && n.Kind == yaml.SequenceNode && st.index < len(n.Content):
			t = target{parent: n, value: n.Content[st.index], index: st.index}
		default:
			return target{}, n, notFound
		}
		n = t.value
	}
	return t, n, nil
}

// field returns the value of the spec field or list item at path in root,
// a spec.Spec, following pointers.
func field(root reflect.Value, path string) (reflect.Value, error) {
	steps, err := segments(path)
	if err != nil {
		return reflect.Value{}, err
	}
	v := root
	for _, st := range steps {
		for v.Kind() == reflect.Pointer && !v.IsNil() {
			v = v.Elem()
		}
		switch {
		case st.field != "" && v.Kind() == reflect.Struct:
			v = spec.Field(v, st.field)
		case st.field == "" && v.Kind() == reflect.Slice && st.index < v.Len():
			v = v.Index(st.index)
		default:
			v = reflect.Value{}
		}
		if !v.IsValid() {
			return v, badPath(path)
		}
	}
	return v, nil
}

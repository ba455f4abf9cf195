package schema

import (
	"bytes"
	"encoding/json"
)

// obj is a JSON object whose members keep the order they were added in, so
// that the generated schema is byte-for-byte deterministic and reads in the
// order of the Go model.
type obj []member

// member is one name/value pair of an obj.
type member struct {
	key string
	val any
}

// with returns o with the member key: val appended.
func (o obj) with(key string, val any) obj {
	return append(o, member{key, val})
}

// MarshalJSON writes the members in order.
func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := encodeTo(&b, m.key); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		if err := encodeTo(&b, m.val); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// encodeTo appends the JSON encoding of v to b without escaping <, > and &,
// which are common in prose and harmless in a schema file.
func encodeTo(b *bytes.Buffer, v any) error {
	var tmp bytes.Buffer
	enc := json.NewEncoder(&tmp)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Write(bytes.TrimSuffix(tmp.Bytes(), []byte("\n")))
	return nil
}

// encodeIndented returns v as JSON indented by two spaces, with a trailing
// newline.
func encodeIndented(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

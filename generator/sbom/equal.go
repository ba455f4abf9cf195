package sbom

// JSON value hashing and equality, for checking uniqueItems of streamed
// lists (see stream.go).

import (
	"encoding/json"
	"hash/maphash"
	"math"
	"math/big"
	"strconv"
)

// hashJSON hashes a generic JSON value so that equal values hash equally,
// without allocating.
func hashJSON(seed maphash.Seed, v any) uint64 {
	switch t := v.(type) {
	case nil:
		return 0x9e3779b97f4a7c15
	case bool:
		if t {
			return 0xbf58476d1ce4e5b9
		}
		return 0x94d049bb133111eb
	case string:
		return maphash.String(seed, t)
	case json.Number:
		f, _ := strconv.ParseFloat(string(t), 64)
		return mix64(math.Float64bits(f) ^ 0x2545f4914f6cdd1d)
	case []any:
		h := uint64(0x632be59bd9b4e019)
		for _, e := range t {
			h = mix64(h*31 + hashJSON(seed, e))
		}
		return h
	case map[string]any:
		// Order-independent: a sum of member hashes.
		h := uint64(0x8cb92ba72f3d8dd7)
		for k, e := range t {
			h += mix64(maphash.String(seed, k) ^ hashJSON(seed, e)*0x9e3779b97f4a7c15)
		}
		return mix64(h)
	}
	return 0
}

// mix64 is the finaliser of SplitMix64.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// equalJSON compares generic JSON values as JSON Schema does.
func equalJSON(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !equalJSON(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equalJSON(x[i], y[i]) {
				return false
			}
		}
		return true
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		ra, okA := new(big.Rat).SetString(string(x))
		rb, okB := new(big.Rat).SetString(string(y))
		return okA && okB && ra.Cmp(rb) == 0
	}
	return a == b
}

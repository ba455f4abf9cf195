package spec_test

import (
	"testing"

	"github.com/docgen/docgen/generator/spec"
)

// TestIsSupplied checks which nodes are part of the system: only the device
// itself unless a node says supplied, so that a format-1 spec with a peer
// modality of kind device keeps its meaning.
func TestIsSupplied(t *testing.T) {
	tests := []struct {
		name, nodes string
		want        []bool
	}{
		{"the device only", "[{id: dev, kind: device}, {id: pacs, kind: server}]", []bool{true, false}},
		{"a peer modality is other equipment", "[{id: dev, kind: device}, {id: ct, kind: device}]", []bool{true, false}},
		{"a supplied server", "[{id: dev, kind: device}, {id: srv, kind: server, supplied: true}]", []bool{true, true}},
		{"a second supplied device", "[{id: console, kind: device}, {id: unit, kind: device, supplied: true}]", []bool{true, true}},
		{"other equipment listed first", "[{id: other, kind: device, supplied: false}, {id: dev, kind: device}]", []bool{false, true}},
		{"no device", "[{id: srv, kind: server}]", []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := spec.Parse("d.yaml", []byte("spec_version: 2\nnetwork:\n  nodes: "+tt.nodes+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			for i, want := range tt.want {
				if got := s.IsSupplied(i); got != want {
					t.Errorf("IsSupplied(%d) = %v, want %v", i, got, want)
				}
			}
		})
	}
}

package generator_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/docgen/docgen/generator"
)

// TestBuildSpecCancelled: a done context stops BuildSpec between stages.
func TestBuildSpecCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := filepath.Join("..", "examples", "lab-analyzer", "device.yaml")
	if _, err := generator.BuildSpec(ctx, p, generator.BuildOptions{Today: goldenDate}); !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
}

package spec_test

import (
	"reflect"

	"github.com/docgen/docgen/generator/spec"
)

func reflectTypeOfSpec() reflect.Type { return reflect.TypeOf(spec.Spec{}) }

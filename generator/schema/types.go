package schema

import (
	"reflect"
	"slices"

	"github.com/docgen/docgen/generator/spec"
)

// valueTypes maps the custom value types of package spec to the schema of
// what their decoders accept. Each becomes a $defs entry named after the
// type. The patterns mirror the loader's checks; the tests compare the two
// on sample values.
var valueTypes = map[reflect.Type]func(*generator) (obj, error){
	reflect.TypeFor[spec.Text]():      fixed(textSchema),
	reflect.TypeFor[spec.Date]():      fixed(dateSchema),
	reflect.TypeFor[spec.Ports]():     portsSchema,
	reflect.TypeFor[spec.PortRange](): fixed(portRangeSchema),
	reflect.TypeFor[spec.Address]():   fixed(addressSchema),
	reflect.TypeFor[spec.CIDR]():      fixed(cidrSchema),
	reflect.TypeFor[spec.Email]():     fixed(emailSchema),
	reflect.TypeFor[spec.URL]():       fixed(urlSchema),
}

// fixed adapts a schema that needs no other $defs to a valueTypes entry.
func fixed(build func() obj) func(*generator) (obj, error) {
	return func(*generator) (obj, error) { return build(), nil }
}

// fieldRefinements narrow single fields beyond their Go type, keyed by
// "GoType.yaml_key" of a struct in package spec. They replace the type's
// schema; the field's doc tag is still added.
var fieldRefinements = map[string]func() obj{
	"Spec.spec_version": func() obj {
		return obj{}.with("type", "integer").with("enum", slices.Clone(spec.FormatVersions))
	},
	"Spec.profiles": func() obj {
		items := obj{}.with("type", "string").with("enum", slices.Clone(spec.KnownProfiles))
		return obj{}.with("type", "array").with("items", items)
	},
	"Spec.language": func() obj {
		return obj{}.with("type", "string").with("pattern", `^(?:[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)?$`)
	},
}

// scalarText is the schema of a Go string field. The loader takes any
// scalar literally, so `revision: 3` and `tls_min: 1.2` are accepted.
func scalarText() obj {
	return obj{}.with("type", []string{"string", "number"})
}

// orEmpty allows "" (not given yet) besides the values s accepts.
func orEmpty(s obj) obj {
	return obj{}.with("type", "string").with("anyOf", []obj{s, obj{}.with("const", "")})
}

func textSchema() obj {
	perLang := obj{}.with("type", "object").
		with("propertyNames", obj{}.with("pattern", `^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$`)).
		with("additionalProperties", obj{}.with("type", []string{"string", "number", "null"})).
		with("minProperties", 1)
	return obj{}.with("anyOf", []obj{scalarText(), perLang}).with("description",
		"Prose, written as a plain string in the spec's language; numbers are taken literally. "+
			"Or a mapping of language tag to text that holds the spec's language, e.g. {en: ..., de: ...}.")
}

func dateSchema() obj {
	return orEmpty(obj{}.with("format", "date")).
		with("description", `A calendar date, YYYY-MM-DD; "" means not given yet.`)
}

// portPattern matches one port, 1 to 65535.
const portPattern = `(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3})`

// portRangePattern matches a port or a range of ports such as 49152-65535.
const portRangePattern = portPattern + `(?:\s*-\s*` + portPattern + `)?`

// portListPattern matches "104", "49152-65535" and "80,443, 8000-8080".
const portListPattern = `^\s*` + portRangePattern + `(?:\s*,\s*` + portRangePattern + `)*\s*$`

// portsSchema accepts one PortRange or a list of them.
func portsSchema(g *generator) (obj, error) {
	one, err := g.ref(reflect.TypeFor[spec.PortRange](), func() (obj, error) { return portRangeSchema(), nil })
	if err != nil {
		return nil, err
	}
	list := obj{}.with("type", "array").with("items", one)
	return obj{}.
		with("oneOf", []obj{one, list}).
		with("description", `Ports: a number (104), a range ("49152-65535"), a comma-separated list ("80,443"), or a list of those.`), nil
}

// portRangeSchema is one element of Ports: a port number, or a string with
// a port, a range or a comma-separated list of them.
func portRangeSchema() obj {
	number := obj{}.with("type", "integer").with("minimum", 1).with("maximum", 65535)
	text := obj{}.with("type", "string").with("pattern", portListPattern)
	return obj{}.
		with("oneOf", []obj{number, text}).
		with("description", `A port (104), a range ("49152-65535") or a comma-separated list of them ("80,443").`)
}

func addressSchema() obj {
	return obj{}.with("type", "string").
		with("description", "An IP address, a CIDR prefix, a DNS host name, or dhcp for an address assigned at run time.")
}

// cidrPattern matches an IPv4 or IPv6 prefix with its length, or "".
const cidrPattern = `^(?:(?:[0-9]{1,3}\.){3}[0-9]{1,3}/(?:3[0-2]|[12]?[0-9])` +
	`|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(?:12[0-8]|1[01][0-9]|[1-9]?[0-9]))?$`

func cidrSchema() obj {
	return obj{}.with("type", "string").with("pattern", cidrPattern).
		with("description", "An IP network prefix with its length, such as 10.20.0.0/16.")
}

func emailSchema() obj {
	return orEmpty(obj{}.with("format", "email").with("pattern", `^[^@\s]+@[^@\s]+\.[^@\s]+$`)).
		with("description", `An e-mail address; "" means not given yet.`)
}

func urlSchema() obj {
	return orEmpty(obj{}.with("format", "uri").with("pattern", `^(?:https?://[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s]+)$`)).
		with("description", `An absolute http, https or mailto URL; "" means not given yet.`)
}

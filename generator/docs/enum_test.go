package docs

import (
	"reflect"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// TestEnumWords checks that every value of the enumerations the documents
// show has words in the message catalog (enum.<type>.<value>, or the
// diagram's kind names for node kinds), so that no spec code such as
// "interactive" or "wifi" stands untranslated in a table.
func TestEnumWords(t *testing.T) {
	shown := []yamlx.Enum{
		spec.AccountType(""), spec.InterfaceKind(""), spec.CredentialKind(""), spec.WiFiSecurity(""),
		spec.Setting(""), spec.Action(""), spec.Direction(""), spec.RuleDirection(""), spec.KeyHolder(""),
	}
	for _, lang := range msg.Languages() {
		w := words{m: msg.For(lang)}
		for _, e := range shown {
			for _, v := range e.EnumValues() {
				if key := "enum." + typeName(e) + "." + v; !w.has(key) {
					t.Errorf("%s: no words for %s", lang, key)
				}
			}
		}
		for _, k := range spec.NodeKind("").EnumValues() {
			if got := w.nodeKind(spec.NodeKind(k)); got == "" || got == "diagram.kind."+k {
				t.Errorf("%s: no words for node kind %s", lang, k)
			}
		}
	}
}

// typeName is the catalog name of an enumeration type, as enumWords forms it.
func typeName(e yamlx.Enum) string {
	return strings.ToLower(reflect.TypeOf(e).Name())
}

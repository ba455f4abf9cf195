package xliff_test

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/xliff"
)

func TestWriteParse(t *testing.T) {
	f := &xliff.File{SrcLang: "en", TrgLang: "de", Original: "device.yaml", Units: []xliff.Unit{
		{Path: "device.description", Source: `Monitor <b>&"x"</b> 'y'`, Fingerprint: "0123456789abcdef"},
		{Path: "updates.steps[2]", Source: "Line one\nline two\ttab", Target: "Alt", Fingerprint: "fedcba9876543210", Notes: []string{"changed <since>"}},
	}}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`xmlns="urn:oasis:names:tc:xliff:document:2.0"`, `srcLang="en" trgLang="de"`,
		`<unit id="updates.steps.2" name="updates.steps[2]">`, `&lt;b&gt;&amp;&#34;x&#34;&lt;/b&gt;`,
		`<mda:meta type="fingerprint">fedcba9876543210</mda:meta>`, `<note>changed &lt;since&gt;</note>`,
		`<target xml:space="preserve">Alt</target>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	// Well-formed XML.
	d := xml.NewDecoder(strings.NewReader(out))
	for {
		if _, err := d.Token(); err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("not well-formed: %v", err)
			}
			break
		}
	}
	g, err := xliff.Parse("x.xlf", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if g.SrcLang != "en" || g.TrgLang != "de" || g.Original != "device.yaml" || len(g.Units) != 2 {
		t.Fatalf("parsed %+v", g)
	}
	for i, u := range g.Units {
		w := f.Units[i]
		if u.Path != w.Path || u.Source != w.Source || u.Target != w.Target || u.Fingerprint != w.Fingerprint || len(u.Notes) != len(w.Notes) {
			t.Errorf("unit %d: %+v, want %+v", i, u, w)
		}
	}
	if g.Units[1].Pos.Line == 0 {
		t.Error("unit without position")
	}
}

// TestParseTools reads what translation tools return: ids without names,
// several segments, ignorables, and rejects markup and bad files.
func TestParseTools(t *testing.T) {
	const head = `<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f">`
	const tail = `</file></xliff>`
	tests := []struct {
		name, doc string
		want      string // "path=target;..." or an error part
		err       bool
	}{
		{"segments", head + `<unit id="a.b.0"><segment><source>One. </source><target>Un. </target></segment><ignorable><source> </source></ignorable><segment><source>Two.</source><target>Deux.</target></segment></unit>` + tail, "a.b[0]=Un.  Deux.", false},
		{"no target", head + `<unit id="x"><segment><source>One</source></segment></unit>` + tail, "x=", false},
		{"markup", head + `<unit id="x"><segment><source>One</source><target>Un <pc id="1">deux</pc></target></segment></unit>` + tail, "x.xlf:2:160: unit x: the target contains inline markup <pc>", true},
		{"duplicate", head + `<unit id="x"><segment><source>a</source></segment></unit><unit id="x"><segment><source>a</source></segment></unit>` + tail, "unit x appears twice (first at line 2)", true},
		{"no id", head + `<unit><segment><source>a</source></segment></unit>` + tail, "a <unit> without an id", true},
		{"xliff 1.2", `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"></xliff>`, "this is not an XLIFF 2.0 file", true},
		{"no languages", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"></xliff>`, "<xliff> has no srcLang attribute", true},
		{"syntax", head + `<unit id="x">` + tail, "x.xlf:2: XML syntax error", true},
		{"empty", ``, "this is not an XLIFF 2.0 file", true},
		{"entity", `<!DOCTYPE x [<!ENTITY e "boom">]>` + head + `<unit id="x"><segment><source>&e;</source></segment></unit>` + tail, "XML syntax error", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := xliff.Parse("x.xlf", []byte(tc.doc))
			if tc.err {
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("error %v, want %q", err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, u := range f.Units {
				got = append(got, u.Path+"="+u.Target)
			}
			if strings.Join(got, ";") != tc.want {
				t.Errorf("got %q, want %q", strings.Join(got, ";"), tc.want)
			}
		})
	}
}

// FuzzParse feeds arbitrary bytes to the parser: it must not panic, and
// what it accepts it must be able to write and read again unchanged.
func FuzzParse(f *testing.F) {
	var b bytes.Buffer
	(&xliff.File{SrcLang: "en", TrgLang: "de", Units: []xliff.Unit{{Path: "a[1].b", Source: "x<y", Target: "z", Fingerprint: "0123456789abcdef", Notes: []string{"n"}}}}).Write(&b)
	f.Add(b.Bytes())
	f.Add([]byte(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="de"><file><unit id="a"><segment><source>s</source><target>t<x/></target></segment></unit></file></xliff>`))
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := xliff.Parse("f.xlf", data)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := g.Write(&out); err != nil {
			t.Fatal(err)
		}
		h, err := xliff.Parse("g.xlf", out.Bytes())
		if err != nil {
			t.Fatalf("cannot read what was written: %v\n%s", err, out.String())
		}
		if len(h.Units) != len(g.Units) {
			t.Fatalf("%d units became %d", len(g.Units), len(h.Units))
		}
		for i := range g.Units {
			a, b := g.Units[i], h.Units[i]
			if a.Target != b.Target || a.Path != b.Path {
				t.Fatalf("unit %d: %q %q became %q %q", i, a.Path, a.Target, b.Path, b.Target)
			}
		}
	})
}

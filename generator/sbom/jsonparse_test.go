package sbom

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unsafe"
)

// decodeStd decodes like encoding/json with UseNumber, the reference for
// the fast parser.
func decodeStd(data []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if len(bytes.TrimLeft(data[d.InputOffset():], " \t\r\n")) > 0 {
		return nil, &json.SyntaxError{}
	}
	return v, nil
}

var parserCases = []string{
	`{}`, `[]`, `null`, `true`, `false`, `0`, `-0`, `1.5e-3`, `-12.0E+2`, `""`,
	`{"a":[1,2,{"b":null}],"c":"d"}`,
	`{"a":1,"a":2}`,
	`"\u00e9\n\t\"\\\/\b\f\r"`,
	`"\ud83d\ude00"`, `"\ud83d"`, `"\ude00x"`, `"\ud83d\u0041"`,
	"\"caf\xc3\xa9\"", "\"bad \xff utf8\"", "\"\xed\xa0\x80\"",
	` { "k" : [ 1 , 2 ] } `,
	`{"a":}`, `[1,]`, `{"a" 1}`, `01`, `1.`, `.5`, `-`, `1e`, `tru`, `nul`, `"abc`, `"\x"`, `"\u12"`,
	"\"a\x01b\"", `{"a":1}}`, `[1] 2`, `{`, `[`, ``, `   `,
}

// TestParserMatchesEncodingJSON checks the fast parser against
// encoding/json: same values, same accept/reject verdicts.
func TestParserMatchesEncodingJSON(t *testing.T) {
	cases := append([]string{}, parserCases...)
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	ex, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", "*.json"))
	for _, f := range append(files, ex...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, string(data))
	}
	cases = append(cases, string(syntheticCDX(50)))
	for _, c := range cases {
		compareParsers(t, []byte(c))
	}
}

func compareParsers(t *testing.T, data []byte) {
	t.Helper()
	want, werr := decodeStd(data)
	got, gerr := parseJSONValue(data, 10000)
	if (werr == nil) != (gerr == nil) {
		t.Errorf("%.60q: encoding/json error %v, parser error %v", data, werr, gerr)
		return
	}
	if werr == nil && !reflect.DeepEqual(got, want) {
		t.Errorf("%.60q: parser gives %#v, encoding/json %#v", data, got, want)
	}
}

// FuzzJSONParser compares the fast parser with encoding/json.
func FuzzJSONParser(f *testing.F) {
	for _, c := range parserCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		compareParsers(t, data)
	})
}

// TestSniffTopCountsLists checks that the top-level scan counts the items
// of the lists it skips, to size the model, and that a hostile count cannot
// make the model larger than the file.
func TestSniffTopCountsLists(t *testing.T) {
	doc := []byte(`{"specVersion":"1.6","components":[{"a":[1,2,3]},{"b":{"c":[4]}},"x"],"dependencies":[],"metadata":{"n":[1,2],"component":{"components":[{},{"components":[{}]}]}}}`)
	top, lens, ok := sniffTop(doc, MaxDepth, "specVersion")
	if !ok || top["specVersion"] != "1.6" {
		t.Fatalf("top %v %v", top, ok)
	}
	if lens["components"] != 6 || lens["dependencies"] != 0 || len(lens) != 2 {
		t.Errorf("lens %v, want components 6 (3 at the top, 3 nested), dependencies 0 and nothing else", lens)
	}
	if got := sizeHint[Component](1_000_000, 3_000_000); got > 3_000_000/int(unsafe.Sizeof(Component{})) {
		t.Errorf("size hint %d for a 3 MB file", got)
	}
	if got := sizeHint[Component](1000, 3_000_000); got != 1000 {
		t.Errorf("size hint %d, want 1000", got)
	}
}

// TestStreamPanicReachesCaller checks that a panic in a worker or the
// collector of a JSON stream is raised in the caller's goroutine, where
// the CLI reports it, instead of ending the process.
func TestStreamPanicReachesCaller(t *testing.T) {
	cv, err := cdxJSONSchema("1.6")
	if err != nil {
		t.Fatal(err)
	}
	st := cv.newStream(nil, nil)
	done := make(chan struct{})
	go func() {
		defer close(done)
		st.guard(func() { panic("a bug") })
	}()
	<-done
	defer func() {
		if r := recover(); r != "a bug" {
			t.Errorf("recovered %v, want the worker's panic", r)
		}
	}()
	st.wait()
	t.Error("wait returned")
}

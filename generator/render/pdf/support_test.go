package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestMain(m *testing.M) {
	// pdfcpu would otherwise create a configuration directory in the
	// user's home.
	api.DisableConfigDir()
	code := m.Run()
	if n := recovered.Load(); n > 0 && code == 0 {
		fmt.Fprintf(os.Stderr, "FAIL: %d panics were recovered at the API boundary; no input must reach it\n", n)
		code = 1
	}
	os.Exit(code)
}

// validationMode is the pdfcpu mode every generated PDF must pass.
const validationMode = model.ValidationStrict

// readPDF parses and validates data with pdfcpu in strict mode.
func readPDF(t testing.TB, data []byte) *model.Context {
	t.Helper()
	ctx, err := readValid(data)
	if err != nil {
		t.Fatalf("invalid PDF: %v", err)
	}
	return ctx
}

func readValid(data []byte) (*model.Context, error) {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = validationMode
	ctx, err := api.ReadContext(bytes.NewReader(data), conf)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if err := api.ValidateContext(ctx); err != nil {
		return nil, fmt.Errorf("validate: %w", err)
	}
	return ctx, nil
}

// render renders md with opts and fails the test on error.
func render(t testing.TB, md string, opts Options) ([]byte, []Warning) {
	t.Helper()
	var buf bytes.Buffer
	warns, err := Render(&buf, []byte(md), opts)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes(), warns
}

// pageTexts returns the text shown on each page, one line per text
// operation, in drawing order.
func pageTexts(t testing.TB, ctx *model.Context) []string {
	t.Helper()
	var out []string
	for p := 1; p <= ctx.PageCount; p++ {
		r, err := pdfcpu.ExtractPageContent(ctx, p)
		if err != nil {
			t.Fatalf("page %d content: %v", p, err)
		}
		content, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Join(contentStrings(content), "\n"))
	}
	return out
}

// contentStrings returns the strings shown by Tj operators of a content
// stream, decoded from the UTF-16BE that docgen's Unicode fonts use.
func contentStrings(c []byte) []string {
	var out []string
	var last []byte
	for i := 0; i < len(c); i++ {
		switch c[i] {
		case '(':
			s, n := literal(c[i:])
			last = s
			i += n - 1
		case 'T':
			if i+1 < len(c) && c[i+1] == 'j' && last != nil {
				out = append(out, utf16be(last))
				last = nil
			}
		case '%':
			for i < len(c) && c[i] != '\n' {
				i++
			}
		}
	}
	return out
}

// literal decodes the PDF literal string at the start of c and returns it
// and the number of bytes it takes.
func literal(c []byte) ([]byte, int) {
	var b []byte
	depth := 0
	for i := 0; i < len(c); i++ {
		ch := c[i]
		switch {
		case ch == '\\' && i+1 < len(c):
			i++
			switch e := c[i]; e {
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v := 0
					k := 0
					for ; k < 3 && i+k < len(c) && c[i+k] >= '0' && c[i+k] <= '7'; k++ {
						v = v*8 + int(c[i+k]-'0')
					}
					b = append(b, byte(v))
					i += k - 1
				} else {
					b = append(b, e)
				}
			}
		case ch == '(':
			if depth > 0 {
				b = append(b, ch)
			}
			depth++
		case ch == ')':
			depth--
			if depth == 0 {
				return b, i + 1
			}
			b = append(b, ch)
		default:
			b = append(b, ch)
		}
	}
	return b, len(c)
}

func utf16be(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

// allText returns the text of every page, joined.
func allText(t testing.TB, data []byte) string {
	t.Helper()
	return strings.Join(pageTexts(t, readPDF(t, data)), "\n")
}

func splitLines(s string) []string { return strings.Split(s, "\n") }

func itoa(n int) string { return fmt.Sprint(n) }

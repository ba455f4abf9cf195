package report

import (
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/check"
)

func TestGitHubEscaping(t *testing.T) {
	tests := []struct{ in, data, property string }{
		{"plain text", "plain text", "plain text"},
		{"100%", "100%25", "100%25"},
		{"%25 stays literal", "%2525 stays literal", "%2525 stays literal"},
		{"line one\nline two", "line one%0Aline two", "line one%0Aline two"},
		{"crlf\r\n", "crlf%0D%0A", "crlf%0D%0A"},
		{"a: b, c", "a: b, c", "a%3A b%2C c"},
		{"::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"},
		{"dir,with:odd/device.yaml", "dir,with:odd/device.yaml", "dir%2Cwith%3Aodd/device.yaml"},
		{`<script>"q"|§`, `<script>"q"|§`, `<script>"q"|§`},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.property {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.property)
		}
	}
}

func TestGitHubCommands(t *testing.T) {
	out := string(renderFixture(t, "github", false))
	var commands, plain []string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if strings.HasPrefix(line, "::") {
			commands = append(commands, line)
		} else {
			plain = append(plain, line)
		}
	}
	// One command per unwaived finding; the waived IFU-FAILSAFE has none.
	want := []string{"::error file=examples/pump/device.yaml,line=3,col=1,title=IFU-ENV::", "::error ", "::warning ", "::notice "}
	if len(commands) != len(want) {
		t.Fatalf("%d commands, want %d:\n%s", len(commands), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(commands[i], w) {
			t.Errorf("command %d is %q, want prefix %q", i, commands[i], w)
		}
	}
	if strings.Contains(out, "IFU-FAILSAFE::") {
		t.Error("the waived finding is annotated")
	}
	if len(plain) != 3 || !strings.Contains(plain[0], "2 errors, 1 warning, 1 note, 1 waived") {
		t.Errorf("summary lines %q", plain)
	}
}

func TestGitHubNoPosition(t *testing.T) {
	res := testResults()[0]
	res.Findings[0].Pos.Line, res.Findings[0].Pos.Col = 0, 0
	var b strings.Builder
	if err := Write(&b, "github", []*check.Result{res}, Options{}); err != nil {
		t.Fatal(err)
	}
	if first := strings.SplitN(b.String(), "\n", 2)[0]; !strings.HasPrefix(first, "::error file=/src/examples/pump/device.yaml,title=IFU-ENV::") {
		t.Errorf("annotation without a line: %q", first)
	}
}

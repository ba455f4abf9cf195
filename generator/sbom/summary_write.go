package sbom

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/docgen/docgen/generator/msg"
)

// WriteJSON writes s as indented JSON (two spaces) with a trailing newline.
func (s Summary) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}

// WriteText writes s as a readable plain-text report; the wording comes
// from the message catalog.
func (s Summary) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	line := func(key string, args ...any) {
		bw.WriteString(msg.Format(key, args...))
		bw.WriteByte('\n')
	}
	row := func(label, value string) {
		fmt.Fprintf(bw, "  %-22s %s\n", label, value)
	}

	line("sbom.sum.title", s.Format, s.SpecVersion, strings.ToUpper(s.Encoding))
	if s.Subject != "" {
		row(msg.Get("sbom.sum.subject"), s.Subject)
	}
	if s.SerialNumber != "" {
		row(msg.Get("sbom.sum.serial"), s.SerialNumber)
	}
	row(msg.Get("sbom.sum.components"), componentsText(s))

	bw.WriteByte('\n')
	line("sbom.sum.ntia")
	row(msg.Get("sbom.sum.ntia.author"), yesNo(s.NTIA.Author))
	row(msg.Get("sbom.sum.ntia.timestamp"), cmpOr(s.Timestamp, msg.Get("sbom.sum.missing")))
	for _, e := range s.NTIA.Elements {
		row(msg.Get("sbom.sum.element."+e.Element), coverage(e.Present, e.Missing, s.Components))
		if e.Missing > 0 {
			row("", msg.Format("sbom.sum.missing_in", listMore(e.MissingIn, e.Missing)))
		}
	}
	if s.NTIA.Complete {
		line("sbom.sum.ntia.complete")
	} else {
		line("sbom.sum.ntia.incomplete")
	}

	bw.WriteByte('\n')
	line("sbom.sum.licenses")
	row(msg.Get("sbom.sum.licenses.with"), coverage(s.Licenses.With, s.Licenses.Without, s.Components))
	if len(s.Licenses.Top) > 0 {
		row(msg.Get("sbom.sum.licenses.top"), countList(s.Licenses.Top))
	}

	bw.WriteByte('\n')
	line("sbom.sum.support")
	level := coverage(s.Support.WithLevel, s.Support.WithoutLevel, s.Components)
	if len(s.Support.ByLevel) > 0 {
		level += "; " + countList(s.Support.ByLevel)
	}
	row(msg.Get("sbom.sum.support.level"), level)
	row(msg.Get("sbom.sum.support.end"), coverage(s.Support.WithEndOfSupport, s.Support.WithoutEnd, s.Components))
	row(msg.Get("sbom.sum.support.past"), msg.Format("sbom.sum.support.past_value", s.Support.PastEndOfSupport, s.AsOf))
	if len(s.Support.PastEnd) > 0 {
		row("", listMore(s.Support.PastEnd, s.Support.PastEndOfSupport))
	}
	if s.Support.FromSpec > 0 {
		row(msg.Get("sbom.sum.support.from_spec"), fmt.Sprint(s.Support.FromSpec))
	}

	bw.WriteByte('\n')
	if s.Vulnerabilities.Total == 0 {
		line("sbom.sum.vulns.none")
	} else {
		line("sbom.sum.vulns", s.Vulnerabilities.Total)
		row(msg.Get("sbom.sum.vulns.state"), countList(s.Vulnerabilities.ByState))
		row(msg.Get("sbom.sum.vulns.severity"), countList(s.Vulnerabilities.BySeverity))
	}

	if len(s.SupportWarnings) > 0 {
		bw.WriteByte('\n')
		line("sbom.sum.warnings", len(s.SupportWarnings))
		for _, w := range s.SupportWarnings {
			line("sbom.sum.warning", w.Component, w.Property, w.Message)
		}
	}
	return bw.Flush()
}

func componentsText(s Summary) string {
	if len(s.ByType) == 0 {
		return fmt.Sprint(s.Components)
	}
	return msg.Format("sbom.sum.components_value", s.Components, countList(s.ByType))
}

// coverage formats "n of total (m missing)".
func coverage(present, missing, total int) string {
	if missing == 0 {
		return msg.Format("sbom.sum.coverage_all", present, total)
	}
	return msg.Format("sbom.sum.coverage", present, total, missing)
}

func countList(cs []Count) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = msg.Format("sbom.sum.count", c.Name, c.Count)
	}
	return strings.Join(parts, ", ")
}

// listMore joins names, saying how many more there are beyond the list.
func listMore(names []string, total int) string {
	s := strings.Join(names, ", ")
	if total > len(names) {
		s += msg.Format("sbom.sum.and_more", total-len(names))
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return msg.Get("sbom.sum.present")
	}
	return msg.Get("sbom.sum.missing")
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

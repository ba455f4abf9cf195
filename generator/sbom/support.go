package sbom

import (
	"slices"
	"strings"
	"time"

	"github.com/docgen/docgen/generator/msg"
)

// Support data properties, in order of precedence. Names are compared
// without regard to case. See PROPERTIES.md.
var (
	levelProps = []string{
		"cdx:fda:level-of-support", // cyclonedx-property-taxonomy PR #186
		"cdx:fda:supportLevel",
		"fda:supportLevel",
		"supportLevel",
		"support-level",
		"levelOfSupport",
		"level-of-support",
	}
	endProps = []string{
		"cdx:fda:end-of-support-date", // cyclonedx-property-taxonomy PR #186
		"cdx:fda:endOfSupport",
		"cdx:lifecycle:milestone:endOfSupport",
		"fda:endOfSupport",
		"endOfSupport",
		"end-of-support",
		// Fallbacks: the end of life ends support too.
		"cdx:fda:end-of-life-date",
		"cdx:lifecycle:milestone:endOfLife",
	}
	// fallbackEndProps do not conflict with an earlier end-of-support date.
	fallbackEndProps = endProps[len(endProps)-2:]
)

// levelAliases maps normalised spellings (lower case, words joined by "-")
// to support levels.
var levelAliases = map[string]string{
	"actively-maintained":  SupportActive,
	"active":               SupportActive,
	"maintained":           SupportActive,
	"supported":            SupportActive,
	"no-longer-maintained": SupportNoLonger,
	"unmaintained":         SupportNoLonger,
	"not-maintained":       SupportNoLonger,
	"no-longer-supported":  SupportNoLonger,
	"unsupported":          SupportNoLonger,
	"eol":                  SupportNoLonger,
	"end-of-life":          SupportNoLonger,
	"abandoned":            SupportAbandoned,
	"unknown":              SupportUnknown,
}

// NormalizeSupportLevel maps a support level as people write it ("Actively
// Maintained", "actively_maintained", "active", "EOL", "unmaintained", ...)
// to one of the Support* constants. It reports false for a value it does
// not recognise.
func NormalizeSupportLevel(s string) (string, bool) {
	key := strings.ToLower(strings.TrimSpace(s))
	key = strings.Join(strings.FieldsFunc(key, func(r rune) bool {
		return r == ' ' || r == '_' || r == '-' || r == '\t'
	}), "-")
	level, ok := levelAliases[key]
	return level, ok
}

// NormalizeDate accepts a date as YYYY-MM-DD, an RFC 3339 date-time, or an
// ISO 8601 local date-time (2028-12-31T00:00:00) and returns the date as
// YYYY-MM-DD. It reports false for anything else.
func NormalizeDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.Format(time.DateOnly), true
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04"} {
		if _, err := time.Parse(layout, s); err == nil && len(s) >= 10 {
			return s[:10], true
		}
	}
	return "", false
}

// SupportWarning is a support property whose value docgen cannot use, or
// two support properties that disagree.
type SupportWarning struct {
	Component string `json:"component"` // name@version of the component
	BOMRef    string `json:"bom_ref,omitempty"`
	Property  string `json:"property"`
	Value     string `json:"value"`
	Message   string `json:"message"`
}

// supportData is the support level and end-of-support date read from a
// component's properties, and what was wrong with them.
type supportData struct {
	level, end, source string
	warnings           []SupportWarning // Component and BOMRef not set
}

// readSupport reads the support properties of props.
func readSupport(props []Property) supportData {
	var d supportData
	var levelSrc, endSrc string
	d.level, levelSrc = d.readProp(props, levelProps, NormalizeSupportLevel, "sbom.support.bad_level", nil)
	d.end, endSrc = d.readProp(props, endProps, NormalizeDate, "sbom.support.bad_date", fallbackEndProps)
	switch {
	case levelSrc != "":
		d.source = sourcePropertyLabel + levelSrc
	case endSrc != "":
		d.source = sourcePropertyLabel + endSrc
	}
	return d
}

// readProp returns the first usable value of the properties named in names
// (in that order of preference) and the name it came from. A value that does
// not normalise is reported with badKey; a later property that disagrees with
// the value taken is reported as a conflict, unless it is one of the
// fallbacks, which are only expected to agree roughly.
func (d *supportData) readProp(props []Property, names []string, normalize func(string) (string, bool), badKey string, fallbacks []string) (value, source string) {
	for _, name := range names {
		for _, p := range props {
			if !strings.EqualFold(p.Name, name) {
				continue
			}
			v, ok := normalize(p.Value)
			switch {
			case !ok:
				d.warnings = append(d.warnings, SupportWarning{Property: p.Name, Value: p.Value,
					Message: msg.Format(badKey, p.Value)})
			case value == "":
				value, source = v, p.Name
			case value != v && !slices.Contains(fallbacks, name):
				d.warnings = append(d.warnings, SupportWarning{Property: p.Name, Value: p.Value,
					Message: msg.Format("sbom.support.conflict", source, value)})
			}
		}
	}
	return value, source
}

// applySupport fills the support fields of c from its properties.
func (c *Component) applySupport() {
	d := readSupport(c.Properties)
	c.SupportLevel, c.EndOfSupport, c.SupportSource = d.level, d.end, d.source
}

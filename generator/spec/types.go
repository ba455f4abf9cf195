package spec

import (
	"errors"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
)

// Text is human-readable prose in a spec: a description, a step, a warning.
//
// A Text is written as a plain YAML string, in the spec's language
// (`language:`), or as a mapping of language tag to text, which must hold
// the spec's language: {en: ..., de: ...}. Translations may also come from
// side files the spec lists under `translations:` (see [ReadTranslations]).
// Format v1 specs never had the mapping form, so accepting it in both
// format versions changes the meaning of no existing spec.
type Text struct {
	// Value is the text in the spec's language.
	Value string
	// Translations holds the text in other languages, by BCP 47 tag, from
	// the mapping form or a side file. It is nil for a plain string without
	// translations.
	Translations map[string]string
}

// T makes a Text from a string.
func T(s string) Text { return Text{Value: s} }

// String returns the text in the spec's language.
func (t Text) String() string { return t.Value }

// In returns the text in language lang: its translation when the spec gives
// one, else the text in the spec's language. Use [Text.Has] to tell whether
// a translation exists.
func (t Text) In(lang string) string {
	if s, ok := t.Translations[lang]; ok {
		return s
	}
	if base, _, regional := strings.Cut(lang, "-"); regional {
		if s, ok := t.Translations[base]; ok {
			return s // de-AT takes the de text
		}
	}
	return t.Value
}

// Has reports whether the text exists in language lang, where sourceLang is
// the spec's own language.
func (t Text) Has(lang, sourceLang string) bool {
	if lang == sourceLang {
		return t.Value != ""
	}
	_, ok := t.Translations[lang]
	return ok
}

// DecodeNode implements yamlx.NodeDecoder. Any scalar is taken literally,
// so "1.10" stays "1.10" and "yes" stays "yes". A mapping of language tags
// to text is kept in Translations whole; the validator then moves the
// spec's own language to Value, once `language:` is known.
func (t *Text) DecodeNode(d *yamlx.Decoder, n *yaml.Node, path string) {
	switch n.Kind {
	case yaml.ScalarNode:
		t.Value = n.Value
	case yaml.MappingNode:
		if len(n.Content) == 2 && n.Content[0].Kind == yaml.ScalarNode && n.Content[1].Kind == yaml.ScalarNode && !IsLanguageTag(n.Content[0].Value) {
			// "Scanner events: none" unquoted: a colon and a space start a mapping.
			d.Report(n, "spec.text_colon", n.Content[0].Value+": "+n.Content[1].Value)
			return
		}
		tr := map[string]string{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			switch {
			case k.Kind != yaml.ScalarNode || !IsLanguageTag(k.Value):
				d.Report(k, "spec.text_bad_language", yamlx.Describe(k))
				continue
			case v.Kind != yaml.ScalarNode:
				d.Report(v, "yaml.want_string", yamlx.Describe(v))
				continue
			}
			if _, dup := tr[k.Value]; dup {
				d.Report(k, "spec.text_duplicate_language", k.Value)
				continue
			}
			if v.Tag == "!!null" {
				continue // {de: } is a translation still to be written
			}
			tr[k.Value] = v.Value
		}
		t.Value, t.Translations = "", tr
	default:
		d.Report(n, "yaml.want_string", yamlx.Describe(n))
	}
}

// MarshalText makes a Text serialise as its plain value in JSON.
func (t Text) MarshalText() ([]byte, error) { return []byte(t.Value), nil }

// placeholderRE matches text that only stands in for content still to be
// written: TODO, TBD, FIXME, XXX, "...", optionally followed by more words
// ("TBD: ask R&D").
var placeholderRE = regexp.MustCompile(`(?i)^\s*(todo|tbd|tbc|tba|fixme|xxx+|\.\.\.|…)([\s:.,;!?].*)?$`)

// placeholderWholeRE matches text that, as the whole value, says nothing:
// "to be defined", "N/A", "not applicable", "-", "?". A field that must state
// an absence says so in words, or under `absent:`.
var placeholderWholeRE = regexp.MustCompile(`(?i)^\s*(to be (defined|determined|decided|confirmed|completed|written|added|clarified)|n\.?\s?/?\s?a\.?|not applicable|not available|pending|none yet|later|[-–—?]+|\.)\s*[.!]?\s*$`)

// IsPlaceholder reports whether s is empty or a placeholder such as "TODO",
// "TBD: ask R&D", "to be defined" or "N/A" that does not count as real
// content. "None" is content: it says there is none.
func IsPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || placeholderRE.MatchString(s) || placeholderWholeRE.MatchString(s)
}

// Date is a calendar date written as YYYY-MM-DD.
type Date struct {
	time.Time
}

// ParseDate parses a YYYY-MM-DD date.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, errors.New(msg.Format("spec.bad_date", s))
	}
	return Date{t}, nil
}

// DecodeScalar implements yamlx.ScalarDecoder.
func (d *Date) DecodeScalar(value, tag string) error {
	p, err := ParseDate(value)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// String formats the date as YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// MarshalText formats the date as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// PortRange is an inclusive range of TCP or UDP ports; a single port has
// Lo == Hi.
type PortRange struct {
	Lo, Hi int
}

// String formats the range as "104" or "49152-65535".
func (r PortRange) String() string {
	if r.Lo == r.Hi {
		return strconv.Itoa(r.Lo)
	}
	return strconv.Itoa(r.Lo) + "-" + strconv.Itoa(r.Hi)
}

// Overlaps reports whether r and s share a port.
func (r PortRange) Overlaps(s PortRange) bool { return r.Lo <= s.Hi && s.Lo <= r.Hi }

// Contains reports whether s lies within r.
func (r PortRange) Contains(s PortRange) bool { return r.Lo <= s.Lo && s.Hi <= r.Hi }

// Ports is a set of ports written as a number (104), a range
// ("49152-65535"), a comma-separated list ("80,443"), or a YAML list of
// those. An empty Ports means no port applies (ICMP, or not stated).
type Ports []PortRange

// String formats the set as a comma-separated list.
func (p Ports) String() string {
	parts := make([]string, len(p))
	for i, r := range p {
		parts[i] = r.String()
	}
	return strings.Join(parts, ", ")
}

// MarshalText formats the set as in String.
func (p Ports) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Overlaps reports whether any range of p overlaps any range of q.
func (p Ports) Overlaps(q Ports) bool {
	for _, a := range p {
		for _, b := range q {
			if a.Overlaps(b) {
				return true
			}
		}
	}
	return false
}

// Covers reports whether every port of q lies in some range of p.
func (p Ports) Covers(q Ports) bool {
	for _, b := range q {
		covered := false
		for _, a := range p {
			if a.Contains(b) {
				covered = true
				break
			}
		}
		if !covered {
			return false
		}
	}
	return true
}

// DecodeNode implements yamlx.NodeDecoder.
func (p *Ports) DecodeNode(d *yamlx.Decoder, n *yaml.Node, path string) {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	var out Ports
	for _, it := range items {
		if it.Kind != yaml.ScalarNode {
			d.Report(it, "spec.bad_port", yamlx.Describe(it))
			continue
		}
		for _, part := range strings.Split(it.Value, ",") {
			r, err := parsePortRange(strings.TrimSpace(part))
			if err != nil {
				d.Fail(it, err)
				continue
			}
			out = append(out, r)
		}
	}
	*p = out
}

func parsePort(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 65535 {
		return 0, errors.New(msg.Format("spec.bad_port", strconv.Quote(s)))
	}
	return n, nil
}

func parsePortRange(s string) (PortRange, error) {
	lo, hi, isRange := strings.Cut(s, "-")
	a, err := parsePort(strings.TrimSpace(lo))
	if err != nil {
		return PortRange{}, err
	}
	if !isRange {
		return PortRange{a, a}, nil
	}
	b, err := parsePort(strings.TrimSpace(hi))
	if err != nil {
		return PortRange{}, err
	}
	if b < a {
		return PortRange{}, errors.New(msg.Format("spec.bad_port_range", s))
	}
	return PortRange{a, b}, nil
}

// Address is where a network node is reached: an IP address, a CIDR prefix,
// a DNS host name, or the keyword "dhcp" for an address assigned at run time.
type Address struct {
	// Text is the address as written.
	Text string
	// Prefix is the address as a prefix (a /32 or /128 for a single IP); it
	// is invalid for host names and "dhcp".
	Prefix netip.Prefix
}

// String returns the address as written.
func (a Address) String() string { return a.Text }

// MarshalText returns the address as written.
func (a Address) MarshalText() ([]byte, error) { return []byte(a.Text), nil }

var hostnameRE = regexp.MustCompile(`^(?i)[a-z0-9*]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$`)
var ipLikeRE = regexp.MustCompile(`^[0-9.]+(/\d+)?$|^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(/\d+)?$`)

// DecodeScalar implements yamlx.ScalarDecoder.
func (a *Address) DecodeScalar(value, tag string) error {
	s := strings.TrimSpace(value)
	switch {
	case s == "dhcp":
		*a = Address{Text: s}
	case ipLikeRE.MatchString(s):
		if strings.Contains(s, "/") {
			p, err := netip.ParsePrefix(s)
			if err != nil {
				return errors.New(msg.Format("spec.bad_cidr", s))
			}
			if p.Masked() != p {
				return errors.New(msg.Format("spec.cidr_host_bits", s, p.Masked().String()))
			}
			*a = Address{Text: s, Prefix: p}
			return nil
		}
		ip, err := netip.ParseAddr(s)
		if err != nil {
			return errors.New(msg.Format("spec.bad_ip", s))
		}
		*a = Address{Text: s, Prefix: netip.PrefixFrom(ip, ip.BitLen())}
	case len(s) <= 253 && hostnameRE.MatchString(s):
		*a = Address{Text: s}
	default:
		return errors.New(msg.Format("spec.bad_address", s))
	}
	return nil
}

// CIDR is an IP network prefix such as 10.20.0.0/16.
type CIDR struct {
	netip.Prefix
}

// DecodeScalar implements yamlx.ScalarDecoder.
func (c *CIDR) DecodeScalar(value, tag string) error {
	s := strings.TrimSpace(value)
	p, err := netip.ParsePrefix(s)
	if err != nil {
		if _, ipErr := netip.ParseAddr(s); ipErr == nil {
			return errors.New(msg.Format("spec.cidr_no_length", s))
		}
		return errors.New(msg.Format("spec.bad_cidr", s))
	}
	if p.Masked() != p {
		return errors.New(msg.Format("spec.cidr_host_bits", s, p.Masked().String()))
	}
	c.Prefix = p
	return nil
}

// Email is an e-mail address.
type Email string

var emailRE = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// DecodeScalar implements yamlx.ScalarDecoder.
func (e *Email) DecodeScalar(value, tag string) error {
	if !emailRE.MatchString(value) {
		return errors.New(msg.Format("spec.bad_email", value))
	}
	*e = Email(value)
	return nil
}

// URL is an absolute http, https or mailto URL.
type URL string

var urlRE = regexp.MustCompile(`^(https?://[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s]+)$`)

// DecodeScalar implements yamlx.ScalarDecoder.
func (u *URL) DecodeScalar(value, tag string) error {
	if !urlRE.MatchString(value) {
		return errors.New(msg.Format("spec.bad_url", value))
	}
	*u = URL(value)
	return nil
}

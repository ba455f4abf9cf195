// Package knowledge holds what docgen knows about the world beyond a spec,
// as data under specs/knowledge: well-known protocols (how they travel and
// whether they can encrypt) and product lines whose security support has
// ended. Package check uses it to judge data streams by what their protocol
// is, and platforms and components by their supplier's lifecycle.
//
//	p, ok := knowledge.Protocol("DICOM C-STORE")    // DICOM: tcp, can encrypt when configured
//	knowledge.Encryption("TLS (optional)")          // Optional: does not count as encrypted
package knowledge

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/specs"
)

// Encrypts says whether a protocol encrypts.
type Encrypts string

// The encryption capabilities of a protocol.
const (
	Always   Encrypts = "always"
	Never    Encrypts = "never"
	Optional Encrypts = "optional"
)

// ProtocolInfo is a well-known protocol.
type ProtocolInfo struct {
	Name       string           `yaml:"name"`
	Aliases    []string         `yaml:"aliases"`
	Transports []spec.Transport `yaml:"transports"`
	Ports      []int            `yaml:"ports"`
	Encryption Encrypts         `yaml:"encryption"`
	Secure     string           `yaml:"secure"`
}

// Line is a product line whose supplier's security support has ended.
type Line struct {
	Product   string    `yaml:"product"`
	Platform  string    `yaml:"platform"`
	Unless    string    `yaml:"unless"`
	Component *purlRule `yaml:"component"`
	Ended     time.Time `yaml:"ended"`

	platform, unless *regexp.Regexp
}

// purlRule matches SBOM components by package URL type, name and version.
type purlRule struct {
	Type    string `yaml:"type"`
	Name    string `yaml:"name"`
	Version string `yaml:"version"`

	name, version *regexp.Regexp
}

var (
	once      sync.Once
	protocols []ProtocolInfo
	lines     []Line
	loadErr   error

	// aliases holds every protocol alias normalised once, with the index
	// of its protocol in protocols.
	aliases []protocolAlias
	// byName remembers what Protocol found for a name: a spec names the
	// same few protocols in thousands of streams, and MDS2 answers and
	// check rules ask about each of them many times.
	byName sync.Map // string -> protocolMatch
)

type protocolAlias struct {
	name  string
	index int
}

type protocolMatch struct {
	index int
	ok    bool
}

func load() {
	var p struct {
		Protocols []ProtocolInfo `yaml:"protocols"`
	}
	var e struct {
		Lines []Line `yaml:"lines"`
	}
	for _, f := range []struct {
		name string
		out  any
	}{{"knowledge/protocols.yaml", &p}, {"knowledge/eos.yaml", &e}} {
		data, err := specs.FS.ReadFile(f.name)
		if err != nil {
			loadErr = err
			return
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(f.out); err != nil {
			loadErr = fmt.Errorf("specs/%s: %w", f.name, err)
			return
		}
	}
	protocols = p.Protocols
	for i, pi := range protocols {
		for _, a := range pi.Aliases {
			aliases = append(aliases, protocolAlias{normalize(a), i})
		}
	}
	for i := range e.Lines {
		l := &e.Lines[i]
		var err error
		if l.Platform != "" {
			if l.platform, err = regexp.Compile(l.Platform); err != nil {
				loadErr = fmt.Errorf("specs/knowledge/eos.yaml: %s: %w", l.Product, err)
				return
			}
		}
		if l.Unless != "" {
			if l.unless, err = regexp.Compile(l.Unless); err != nil {
				loadErr = fmt.Errorf("specs/knowledge/eos.yaml: %s: %w", l.Product, err)
				return
			}
		}
		if c := l.Component; c != nil {
			if c.name, err = regexp.Compile(c.Name); err == nil {
				c.version, err = regexp.Compile(c.Version)
			}
			if err != nil {
				loadErr = fmt.Errorf("specs/knowledge/eos.yaml: %s: %w", l.Product, err)
				return
			}
		}
	}
	lines = e.Lines
}

// Err reports whether the knowledge data failed to load, which is a
// packaging error the tests catch.
func Err() error {
	once.Do(load)
	return loadErr
}

// Protocols returns the known protocols.
func Protocols() []ProtocolInfo {
	once.Do(load)
	return protocols
}

// normalize lower-cases a protocol name and collapses its white space and
// brackets: "HL7 v2 (MLLP)" -> "hl7 v2 mllp".
func normalize(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '(', ')', '[', ']':
			return ' '
		}
		return r
	}, strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// Protocol returns the known protocol that name is: the protocol one of
// whose aliases is the whole name or its first words, the longest alias
// winning ("dicom tls" before "dicom").
func Protocol(name string) (ProtocolInfo, bool) {
	once.Do(load)
	if m, ok := byName.Load(name); ok {
		return found(m.(protocolMatch))
	}
	n := normalize(name)
	m := protocolMatch{index: -1}
	bestLen := 0
	for _, a := range aliases {
		if (n == a.name || strings.HasPrefix(n, a.name+" ")) && len(a.name) > bestLen {
			m, bestLen = protocolMatch{a.index, true}, len(a.name)
		}
	}
	byName.Store(name, m)
	return found(m)
}

func found(m protocolMatch) (ProtocolInfo, bool) {
	if !m.ok {
		return ProtocolInfo{}, false
	}
	return protocols[m.index], true
}

// ProtocolsIn splits a stream's protocol into the protocols it names,
// such as "Telnet, SSH" into Telnet and SSH; unknown parts are left out.
func ProtocolsIn(name string) []ProtocolInfo {
	var out []ProtocolInfo
	for _, part := range listRE.Split(name, -1) {
		if p, ok := Protocol(part); ok {
			out = append(out, p)
		}
	}
	return out
}

// Protection is what a stream's `encryption:` says.
type Protection int

// The protections.
const (
	// Unstated: the field is empty.
	Unstated Protection = iota
	// None: no encryption ("none", "cleartext").
	None
	// OptionalOnly: encryption that may or may not be enabled ("TLS
	// (optional)", "if configured"); it does not count as encrypted.
	OptionalOnly
	// Weak: an encryption that is no longer considered secure (SSL, TLS
	// 1.0 or 1.1, WEP).
	Weak
	// Encrypted: some named encryption.
	Encrypted
)

var (
	noneRE     = regexp.MustCompile(`(?i)^\s*(none|no|n/a|cleartext|clear text|plain ?text|unencrypted|not encrypted|-)\s*\.?\s*$`)
	optionalRE = regexp.MustCompile(`(?i)\b(optional|optionally|if configured|if enabled|can be enabled|may be enabled|configurable|where supported|when supported)\b`)
	weakRE     = regexp.MustCompile(`(?i)\b(ssl ?v?[23]|sslv[23]|tls ?(v)?1\.[01]\b|wep)\b`)
	// modernTLSRE finds TLS 1.2 or 1.3, which make "TLS 1.1 or 1.2" not
	// weak as a whole.
	modernTLSRE = regexp.MustCompile(`(?i)tls ?(v)?1\.[23]|\b1\.[23]\b`)
	// listRE separates the protocols of "Telnet, SSH" or "HTTP and HTTPS".
	listRE = regexp.MustCompile(`\s*(?:,|;|\+|\band\b|&)\s*`)
)

// Encryption classifies the text of a stream's `encryption:` field.
func Encryption(text string) Protection {
	switch t := strings.TrimSpace(text); {
	case t == "":
		return Unstated
	case noneRE.MatchString(t):
		return None
	case optionalRE.MatchString(t):
		return OptionalOnly
	case weakRE.MatchString(t) && !modernTLSRE.MatchString(t):
		return Weak
	}
	return Encrypted
}

// Plain is what of a data stream travels in clear: the protocols that do,
// and whether its encryption is weak.
type Plain struct {
	Protocols []string
	Weak      bool
}

// Any reports whether anything of the stream travels in clear.
func (p Plain) Any() bool { return len(p.Protocols) > 0 || p.Weak }

// Cleartext judges a stream by its protocols and its encryption field:
// a protocol that never encrypts sends in clear; one that encrypts only when
// configured sends in clear unless the field names an encryption ("TLS
// (optional)" does not count); SNMP is judged by its version and security
// level. A protocol docgen does not know counts as cleartext only when the
// field says so. Whether the stream travels inside an encrypted tunnel is
// CarriedSecurely's question.
func Cleartext(ds spec.DataStream) Plain {
	var out Plain
	prot := Encryption(ds.Encryption)
	if prot == Weak {
		out.Weak = true
	}
	protos := ProtocolsIn(ds.Protocol)
	if ds.SNMP != nil {
		if ds.SNMP.Version != "v3" || ds.SNMP.SecurityLevel != "authPriv" {
			out.Protocols = append(out.Protocols, msg.Format("check.snmp", ds.SNMP.String()))
		}
		return out
	}
	if len(protos) == 0 {
		if prot == None || prot == OptionalOnly {
			name := ds.Protocol
			if name == "" {
				name = "-"
			}
			out.Protocols = append(out.Protocols, name)
		}
		return out
	}
	for _, p := range protos {
		switch {
		case p.Encryption == Never:
			out.Protocols = append(out.Protocols, p.Name)
		case p.Encryption == Optional && prot != Encrypted && prot != Weak:
			out.Protocols = append(out.Protocols, p.Name)
		case p.Encryption == Always && prot == None:
			out.Protocols = append(out.Protocols, p.Name)
		}
	}
	return out
}

// CarriedSecurely reports whether a stream of s travels inside an encrypted
// tunnel: the stream its `tunnel:` names, or the one that one runs in, is
// not in clear.
func CarriedSecurely(s *spec.Spec, ds spec.DataStream) bool {
	seen := map[string]bool{ds.ID: true}
	for t := ds.Tunnel; t != "" && !seen[t]; {
		seen[t] = true
		k := slices.IndexFunc(s.DataStreams, func(x spec.DataStream) bool { return x.ID == t })
		if k < 0 {
			return false
		}
		outer := s.DataStreams[k]
		if !Cleartext(outer).Any() {
			return true
		}
		t = outer.Tunnel
	}
	return false
}

// EndedLine returns the product line a platform item belongs to whose
// security support ended, matching its name and versions.
func EndedLine(item spec.PlatformItem) (Line, bool) {
	once.Do(load)
	text := item.Name + " " + strings.Join(item.Versions, " ")
	for _, l := range lines {
		if l.platform != nil && l.platform.MatchString(text) && (l.unless == nil || !l.unless.MatchString(text)) {
			return l, true
		}
	}
	return Line{}, false
}

// EndedComponent returns the product line an SBOM component with the given
// package URL type, name and version belongs to whose security support
// ended.
func EndedComponent(purlType, name, version string) (Line, bool) {
	once.Do(load)
	for _, l := range lines {
		c := l.Component
		if c == nil || !strings.EqualFold(c.Type, purlType) {
			continue
		}
		if c.name.MatchString(strings.ToLower(name)) && c.version.MatchString(version) {
			return l, true
		}
	}
	return Line{}, false
}

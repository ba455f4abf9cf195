package knowledge_test

import (
	"testing"
	"time"

	"github.com/docgen/docgen/generator/knowledge"
	"github.com/docgen/docgen/generator/spec"
)

func TestDataLoads(t *testing.T) {
	if err := knowledge.Err(); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, p := range knowledge.Protocols() {
		if p.Name == "" || len(p.Aliases) == 0 || len(p.Transports) == 0 {
			t.Errorf("incomplete protocol %+v", p)
		}
		switch p.Encryption {
		case knowledge.Always, knowledge.Never, knowledge.Optional:
		default:
			t.Errorf("%s: encryption %q", p.Name, p.Encryption)
		}
		for _, a := range p.Aliases {
			if seen[a] {
				t.Errorf("alias %q is given twice", a)
			}
			seen[a] = true
		}
	}
}

func TestProtocol(t *testing.T) {
	for in, want := range map[string]string{
		"DICOM":                 "DICOM",
		"DICOM C-STORE":         "DICOM",
		"DICOM TLS":             "DICOM TLS",
		"dicom tls (storage)":   "DICOM TLS",
		"HL7 v2 (MLLP)":         "HL7 v2 MLLP",
		"HL7 v2 over TLS":       "HL7 v2 over TLS",
		"Syslog":                "Syslog",
		"syslog over TLS":       "Syslog over TLS",
		"ATNA audit syslog":     "IHE ATNA audit syslog",
		"SNMPv2c":               "SNMPv2c",
		"NTP":                   "NTP",
		"HTTPS":                 "HTTPS",
		"Microsoft SQL Server":  "",
		"SMB3":                  "SMB",
		"something proprietary": "",
	} {
		p, ok := knowledge.Protocol(in)
		if got := p.Name; (ok && got != want) || (!ok && want != "") {
			t.Errorf("Protocol(%q) = %q, want %q", in, got, want)
		}
	}
	got := knowledge.ProtocolsIn("Telnet, SSH")
	if len(got) != 2 || got[0].Name != "Telnet" || got[1].Name != "SSH" {
		t.Errorf("ProtocolsIn(Telnet, SSH) = %+v", got)
	}
}

func TestEncryption(t *testing.T) {
	for in, want := range map[string]knowledge.Protection{
		"":                     knowledge.Unstated,
		"none":                 knowledge.None,
		"Cleartext":            knowledge.None,
		"TLS 1.3":              knowledge.Encrypted,
		"TLS 1.2 or 1.3":       knowledge.Encrypted,
		"TLS (optional)":       knowledge.OptionalOnly,
		"TLS if configured":    knowledge.OptionalOnly,
		"SSLv3":                knowledge.Weak,
		"TLS 1.0":              knowledge.Weak,
		"TLS 1.1 or 1.2":       knowledge.Encrypted,
		"IPsec (ESP, AES-GCM)": knowledge.Encrypted,
		"WEP":                  knowledge.Weak,
	} {
		if got := knowledge.Encryption(in); got != want {
			t.Errorf("Encryption(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestEndedLines(t *testing.T) {
	for _, tc := range []struct {
		name     string
		versions []string
		want     string
	}{
		{"Windows 10 Enterprise", []string{"22H2"}, "Windows 10 (Home, Pro, Enterprise, Education)"},
		{"Windows 10 IoT Enterprise LTSC 2021", nil, ""},
		{"Windows 11 IoT Enterprise LTSC 2024", nil, ""},
		{"CentOS Linux", []string{"7.9"}, "CentOS Linux 7"},
		{"Microsoft .NET Desktop Runtime", []string{"6.0.36"}, ".NET 6"},
	} {
		l, ok := knowledge.EndedLine(spec.PlatformItem{Name: tc.name, Versions: tc.versions})
		if (ok && l.Product != tc.want) || (!ok && tc.want != "") {
			t.Errorf("%s %v: %q, want %q", tc.name, tc.versions, l.Product, tc.want)
		}
		if ok && l.Ended.Before(time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)) && tc.want != "" {
			t.Errorf("%s: implausible date %v", tc.name, l.Ended)
		}
	}
	if l, ok := knowledge.EndedComponent("npm", "angular", "1.8.3"); !ok || l.Product != "AngularJS 1.x" {
		t.Errorf("AngularJS: %v %v", l, ok)
	}
	if _, ok := knowledge.EndedComponent("npm", "angular", "17.0.0"); ok {
		t.Error("Angular 17 matched AngularJS")
	}
}

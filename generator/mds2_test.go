package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/mds2"
	"github.com/docgen/docgen/generator/msg"
)

// buildEdited copies the imaging example, applies edits to its spec and
// builds it in Markdown.
func buildEdited(t *testing.T, edits map[string]string) *generator.Built {
	t.Helper()
	src := filepath.Join(root, "examples", "imaging-workstation")
	dir := t.TempDir()
	for _, f := range []string{"device.yaml", "device.de.yaml", "device.fr.yaml", "sbom.cdx.json"} {
		data, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if f == "device.yaml" {
			for old, repl := range edits {
				if strings.Count(text, old) != 1 {
					t.Fatalf("%q occurs %d times in the example", old, strings.Count(text, old))
				}
				text = strings.Replace(text, old, repl, 1)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, f), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := generator.BuildSpec(t.Context(), filepath.Join(dir, "device.yaml"), generator.BuildOptions{Formats: []string{"md"}, Today: goldenDate, Languages: []string{"en"}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func builtFile(t *testing.T, b *generator.Built, name string) string {
	t.Helper()
	for _, f := range b.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	t.Fatalf("the build wrote no %s", name)
	return ""
}

func mds2Answer(t *testing.T, b *generator.Built, id string) *mds2.Result {
	t.Helper()
	for _, r := range b.MDS2.Results() {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no %s", id)
	return nil
}

// TestFactChangesMDS2AndDocuments changes facts of the imaging example and
// checks that the MDS2 and the documents both follow, since both are made
// from the same spec facts: the cleartext DICOM port, whether anti-malware
// software may run, and the default service account.
func TestFactChangesMDS2AndDocuments(t *testing.T) {
	before := buildEdited(t, nil)
	after := buildEdited(t, map[string]string{
		// The legacy DICOM listener moves from port 104 to 11112, in the
		// interface, the data stream and the firewall rule.
		"    port: 104\n    transport: tcp\n    service: DICOM": "    port: 11112\n    transport: tcp\n    service: DICOM",
		"    protocol: DICOM\n    port: 104":                    "    protocol: DICOM\n    port: 11112",
		"    ports: 104\n":                                      "    ports: 11112\n",
		// Anti-malware software may no longer run on the workstation.
		"antimalware:\n  supported: true": "antimalware:\n  supported: false",
		// The manufacturer's service account is no default account.
		"  - name: meridian-service\n    type: service\n    role: mfr-service\n    default: true": "  - name: meridian-service\n    type: service\n    role: mfr-service\n    default: false",
	})
	net := "network-admin-guide.md"
	if !strings.Contains(builtFile(t, before, net), "104") || strings.Contains(builtFile(t, before, net), "11112") {
		t.Fatal("the example's network guide does not show port 104")
	}
	if !strings.Contains(builtFile(t, after, net), "11112") {
		t.Error("the network guide does not follow the new port")
	}
	if n := mds2Answer(t, before, "CONN-2").Note; !strings.Contains(n, "tcp/104 DICOM") {
		t.Errorf("CONN-2 before: %s", n)
	}
	if n := mds2Answer(t, after, "CONN-2").Note; !strings.Contains(n, "tcp/11112 DICOM") || strings.Contains(n, "tcp/104 ") {
		t.Errorf("CONN-2 does not follow the new port: %s", n)
	}
	if !strings.Contains(builtFile(t, after, "mds2.csv"), "tcp/11112 DICOM") {
		t.Error("mds2.csv does not follow the new port")
	}

	if a, b := mds2Answer(t, before, "MLDP-2").Answer, mds2Answer(t, after, "MLDP-2").Answer; a != "Yes" || b != "No" {
		t.Errorf("MLDP-2 %s -> %s, want Yes -> No", a, b)
	}
	admin := "admin-guide.md"
	supported, notSupported := msg.Get("fact.antimalware.supported"), msg.Get("fact.antimalware.not_supported")
	if !strings.Contains(builtFile(t, before, admin), supported) || !strings.Contains(builtFile(t, after, admin), notSupported) {
		t.Error("the administrator guide does not follow the anti-malware facts")
	}

	if a, b := mds2Answer(t, before, "PAUT-4").Answer, mds2Answer(t, after, "PAUT-4").Answer; a != "Yes" || b != "N/A" {
		t.Errorf("PAUT-4 %s -> %s, want Yes -> N/A", a, b)
	}
}

// TestPublishedClaims: where an MDS2 answer says that a generated document
// lists something, the document does list it, for every example.
func TestPublishedClaims(t *testing.T) {
	for _, name := range examples(t) {
		t.Run(name, func(t *testing.T) {
			b, err := generator.BuildSpec(t.Context(), filepath.Join(root, "examples", name, "device.yaml"), generator.BuildOptions{Formats: []string{"md"}, Today: goldenDate, Languages: []string{"en"}})
			if err != nil {
				t.Fatal(err)
			}
			s := b.Spec
			if b.MDS2 == nil {
				if !s.IsAbsent("mds2") {
					t.Fatal("no MDS2 statement, and the spec does not state absent.mds2")
				}
				return // the spec says no MDS2 is published: none is written
			}
			// Markdown escapes punctuation with a backslash, except in code
			// spans: look in the text as written and with escapes removed.
			doc := func(file string) string {
				md := builtFile(t, b, file)
				return md + "\n" + strings.ReplaceAll(md, `\`, "")
			}
			claim := func(id, file string, want []string) {
				t.Helper()
				if mds2Answer(t, b, id).Answer != "Yes" {
					return
				}
				text := doc(file)
				for _, w := range want {
					if !strings.Contains(text, strings.TrimSpace(w)) {
						t.Errorf("%s says %s lists it, but it lacks %q", id, file, w)
					}
				}
			}
			var rules, accounts, settings []string
			for _, r := range s.FirewallRules {
				rules = append(rules, r.ID)
			}
			for _, a := range s.Accounts {
				accounts = append(accounts, a.Name)
			}
			for _, h := range s.Hardening {
				settings = append(settings, h.Setting.Value)
			}
			claim("NAUT-2.1", "network-admin-guide.md", append(rules, "firewall-rules.csv"))
			claim("SGUD-3", "admin-guide.md", accounts)
			claim("PAUT-4", "admin-guide.md", accounts)
			claim("SAHD-14.1", "admin-guide.md", settings)
			claim("DOC-10", "network-admin-guide.md", []string{generator.DiagramFile})
			claim("AUDT-2.11", "admin-guide.md", []string{s.Logging.Format.Value})
			claim("RDMP-3", "security-information.md", []string{s.Support.EndOfSupport.String()})
			if len(s.Updates.Steps) > 0 {
				claim("CSUP-2.1", "ifu-security.md", []string{s.Updates.Steps[0].Value})
			}
			claim("CONN-2", "network-admin-guide.md", []string{"data-streams.csv"})
		})
	}
}

package mds2_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/mds2"
	"github.com/docgen/docgen/generator/spec"
)

// exampleStatement answers the form for examples/<name>.
func exampleStatement(t testing.TB, name string) (*mds2.Statement, *spec.Spec) {
	t.Helper()
	s, err := generator.LoadSpec(filepath.Join("../../examples", name, "device.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	bom, err := generator.LoadSBOM(s, false)
	if err != nil {
		t.Fatal(err)
	}
	st, err := generator.MDS2(s, bom)
	if err != nil {
		t.Fatal(err)
	}
	return st, s
}

// exampleWorkbook answers the form for examples/<name> and writes the
// workbook, dated like the documents.
func exampleWorkbook(t testing.TB, name string) (*mds2.Statement, []byte) {
	t.Helper()
	st, s := exampleStatement(t, name)
	data, err := st.XLSX(s.Document.Date.Time, "A4")
	if err != nil {
		t.Fatal(err)
	}
	return st, data
}

var exampleNames = []string{"home-monitor", "imaging-workstation", "lab-analyzer"}

var indexRE = regexp.MustCompile(`\[\d+\]`)

// TestExamplesAnswered: every example answers at least 85 % of the
// questions from its spec, and every answer names spec paths that exist.
func TestExamplesAnswered(t *testing.T) {
	for _, name := range exampleNames {
		t.Run(name, func(t *testing.T) {
			st, s := exampleStatement(t, name)
			sum := st.Summary()
			if sum.Questions != 240 {
				t.Fatalf("%d questions", sum.Questions)
			}
			if sum.Answered*100 < sum.Questions*85 {
				t.Errorf("%d of %d questions answered, want at least 85 %%", sum.Answered, sum.Questions)
			}
			for _, r := range st.Results() {
				if !r.Answered() {
					if r.Gap == "" {
						t.Errorf("%s is unanswered without a reason", r.ID)
					}
					continue
				}
				if len(r.Paths) == 0 {
					t.Errorf("%s (%s) names no spec path", r.ID, r.Answer)
				}
				if r.Answer == string(mds2.SeeNote) && r.Note == "" {
					t.Errorf("%s says See note but has no note", r.ID)
				}
				for _, p := range r.Paths {
					if err := catalog.CheckPath(indexRE.ReplaceAllString(p, "[]")); err != nil {
						t.Errorf("%s: path %q: %v", r.ID, p, err)
					}
					if strings.Contains(p, "[") && !s.Sources.Has(p) {
						t.Errorf("%s: path %q is not in the spec", r.ID, p)
					}
				}
			}
		})
	}
}

// answer returns the result of question id.
func answer(t testing.TB, st *mds2.Statement, id string) *mds2.Result {
	t.Helper()
	for _, r := range st.Results() {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no result for %s", id)
	return nil
}

// TestImagingFacts checks answers of the CONN, NAUT, PAUT, SBOM and CSUP
// questions against the facts of the imaging workstation's spec.
func TestImagingFacts(t *testing.T) {
	st, _ := exampleStatement(t, "imaging-workstation")
	cases := []struct {
		id, answer string
		note       []string // the note must contain each
		path       string   // and the paths this one
	}{
		// Ports and protocols listed, from the interfaces.
		{"CONN-2", "Yes", []string{"tcp/104 DICOM (in)", "tcp/2762 DICOM TLS (both)", "tcp/6514", "data-streams.csv"}, "interfaces[1]"},
		{"CONN-6", "See note", []string{"network.internet: restricted"}, "network.internet"},
		{"CONN-1.1.1", "No", nil, "interfaces"},
		{"CONN-1.2.2", "Yes", []string{"USB 3.2 ports"}, "interfaces[13]"},
		{"CONN-4", "Yes", []string{"updates (mvp-ws to meridian-update)", "rs-tunnel"}, "network.nodes[10].kind"},
		{"CONN-7", "Yes", []string{"1.2"}, "crypto.tls_min"},
		// Firewall documented, from the firewall rules.
		{"NAUT-2.1", "Yes", []string{"fw-01", "fw-18", "firewall-rules.csv"}, "firewall_rules"},
		{"NAUT-1", "Yes", []string{"mutual certificate authentication"}, "controls[10]"},
		// Default accounts listed, from the accounts.
		{"PAUT-4", "Yes", []string{"meridian-service (must be changed at first use: yes)"}, "accounts[6]"},
		{"PAUT-5", "No", []string{"svc-mvp"}, "accounts[4]"},
		{"PAUT-8", "See note", []string{"FIDO2"}, "authentication.mfa"},
		// SBOM format and where it is published.
		{"SBOM-1", "Yes", []string{"CycloneDX 1.6 JSON, 45 components", "https://security.meridian-imaging.example/products/viewpoint-rx/sbom/5.2.0"}, "sbom.path"},
		{"SBOM-2", "Yes", []string{"CycloneDX 1.6"}, "sbom.path"},
		{"SBOM-2.2", "Yes", []string{"45 name their supplier"}, "sbom.path"},
		{"SBOM-4", "Yes", nil, "sbom.uri"},
		// Updates: the operator installs them, customers are told, a cycle.
		{"CSUP-2", "Yes", []string{"Windows 11 IoT Enterprise LTSC 2024"}, "platform.os"},
		{"CSUP-2.1", "Yes", []string{"update steps"}, "updates.steps"},
		{"CSUP-2.2", "No", []string{"site-admin"}, "responsibilities[0]"},
		{"CSUP-7", "Yes", []string{"e-mailed to registered site contacts"}, "updates.notification"},
		{"CSUP-11.2", "Yes", []string{"second Thursday"}, "update_policy.regular_cycle"},
		// Remote service and explicit states.
		{"RMOT-1", "Yes", []string{"disabled"}, "device.remote_service"},
		{"STCF-1.2", "Yes", []string{"BitLocker"}, "controls[15]"},
		{"TXCF-2", "See note", []string{"dicom-ct (DICOM)", "Why:"}, "data_streams[0]"},
		{"EMRG-1", "Yes", []string{"mvp-emergency"}, "accounts[5]"},
		{"DOC-1", "Meridian Imaging Systems GmbH", nil, "device.manufacturer.name"},
	}
	for _, c := range cases {
		r := answer(t, st, c.id)
		if r.Answer != c.answer {
			t.Errorf("%s: answer %q, want %q (note: %s)", c.id, r.Answer, c.answer, r.Note)
		}
		for _, n := range c.note {
			if !strings.Contains(r.Note, n) {
				t.Errorf("%s: note %q lacks %q", c.id, r.Note, n)
			}
		}
		if !containsPath(r.Paths, c.path) {
			t.Errorf("%s: paths %v lack %q", c.id, r.Paths, c.path)
		}
	}
}

func containsPath(paths []string, p string) bool {
	for _, q := range paths {
		if q == p {
			return true
		}
	}
	return false
}

// TestRules answers small specs and checks single answers: explicit
// absences give No or N/A with the reason, missing facts leave the
// question blank.
func TestRules(t *testing.T) {
	const base = "spec_version: 1\ndevice: {name: D, regulation: MDR, class: IIa}\n"
	const v2 = "spec_version: 2\ndevice: {name: D, regulation: MDR, class: IIa}\n"
	cases := []struct {
		name, yaml, id, answer string
	}{
		{"no remote service", "device: {name: D, regulation: MDR, class: IIa, remote_service: false}\n", "RMOT-1", "No"},
		{"no remote service: sub-questions", "device: {name: D, regulation: MDR, class: IIa, remote_service: false}\n", "RMOT-1.2", "N/A"},
		{"unwritten flag is no statement", base, "RMOT-1", ""},
		{"remote service", "device: {name: D, regulation: MDR, class: IIa, remote_service: true}\nremote_access: {indicator: A red frame}\n", "RMOT-1.2", "See note"},
		{"no default accounts", base + "accounts: [{name: a, type: interactive, default: false}]\n", "PAUT-4", "N/A"},
		{"default account listed", base + "accounts: [{name: svc, type: service, default: true, must_change: true}]\n", "PAUT-4", "Yes"},
		{"no accounts listed", base, "PAUT-4", ""},
		{"all changeable", base + "accounts: [{name: a, type: interactive, changeable: true}]\n", "PAUT-5", "Yes"},
		{"one fixed credential", base + "accounts: [{name: a, type: interactive, changeable: true}, {name: b, type: service, changeable: false}]\n", "PAUT-5", "No"},
		{"changeability unknown", base + "accounts: [{name: a, type: interactive}]\n", "PAUT-5", ""},
		{"no wifi", base + "interfaces: [{id: e, name: Ethernet, kind: network}]\n", "CONN-1.1.1", "No"},
		{"wifi", base + "interfaces: [{id: w, name: WLAN, kind: wifi}]\n", "CONN-1.1.1", "Yes"},
		{"other interface may be a radio", base + "interfaces: [{id: o, name: Radio module, kind: other}]\n", "CONN-1.1.3", "See note"},
		{"no anti-malware", base + "antimalware: {supported: false}\n", "MLDP-2", "No"},
		{"no anti-malware: products", base + "antimalware: {supported: false}\n", "MLDP-2.1", "N/A"},
		{"no anti-malware: compensating", base + "antimalware: {supported: false}\ncontrols: [{id: c, capability: MLDP, description: Allow-listing}]\n", "MLDP-3", "Yes"},
		{"internet needed", base + "network: {internet_required: true}\n", "CONN-6", "Yes"},
		{"no personal data", base + "data_stores: [{data: Logs, personal_data: false}]\n", "MPII-2", "No"},
		{"no personal data: sub-question", base + "data_stores: [{data: Logs, personal_data: false}]\n", "MPII-2.4", "N/A"},
		{"personal data", base + "data_stores: [{data: Images, personal_data: true, location: Disk}]\n", "MPII-2.2", "Yes"},
		{"encrypted streams", base + "data_streams: [{id: s, source: a, destination: b, protocol: HTTPS, encryption: TLS 1.3}]\nnetwork: {nodes: [{id: a, name: A, kind: device}, {id: b, name: B, kind: server}]}\n", "TXCF-2", "Yes"},
		{"cleartext stream", base + "data_streams: [{id: s, source: a, destination: b, protocol: HL7, encryption: none}]\nnetwork: {nodes: [{id: a, name: A, kind: device}, {id: b, name: B, kind: server}]}\n", "TXCF-2", "See note"},
		{"only local streams", base + "data_streams: [{id: s, source: a, destination: b, protocol: HTTPS}]\nnetwork: {nodes: [{id: a, name: A, kind: device}, {id: b, name: B, kind: server}]}\n", "CONN-4", "No"},
		{"cloud stream", base + "data_streams: [{id: s, source: a, destination: b, protocol: HTTPS}]\nnetwork: {nodes: [{id: a, name: A, kind: device}, {id: b, name: B, kind: cloud}]}\n", "CONN-4", "Yes"},
		{"node kind unknown: not external", base + "data_streams: [{id: s, source: a, destination: b, protocol: HTTPS}]\nnetwork: {nodes: [{id: a, name: A, kind: device}, {id: b, name: B}]}\n", "CONN-4", ""},
		{"node kind unknown: not local", base + "data_streams: [{id: s, source: a, destination: b, protocol: HTTPS}]\nnetwork: {nodes: [{id: a, name: A, kind: device}, {id: b, name: B}]}\n", "CONN-3", ""},
		{"local stream", base + "data_streams: [{id: s, source: a, destination: b, protocol: HTTPS}]\nnetwork: {nodes: [{id: a, name: A, kind: device}, {id: b, name: B, kind: server}]}\n", "CONN-3", "Yes"},
		{"single role", base + "roles: [{id: r, name: User}]\n", "AUTH-2", "No"},
		{"roles", base + "roles: [{id: r, name: User}, {id: a, name: Admin}]\n", "AUTH-2", "Yes"},
		{"RBAC follows AUTH-2", base + "roles: [{id: r, name: User}, {id: a, name: Admin}]\n", "SAHD-5.1", "Yes"},
		{"hardware", base + "hardware: [{component: Board}]\n", "DOC-11", "No"},
		{"hardware: SaMD items", base + "hardware: [{component: Board}]\n", "DOC-11.3", "N/A"},
		{"hardware: physical locks apply", base + "hardware: [{component: Board}]\n", "PLOK-1", "No"},
		{"not networked", "device: {name: D, regulation: MDR, class: IIa, networked: false}\n", "NAUT-2.1", "N/A"},
		{"operator installs updates", base + "responsibilities: [{activity: patch-installation, responsible: [operator]}]\n", "CSUP-2.2", "No"},
		{"manufacturer installs updates", base + "responsibilities: [{activity: patch-installation, responsible: [manufacturer]}]\n", "CSUP-2.2", "Yes"},
		{"information item", base, "DOC-1", ""},
		// Facts of spec format 2: stated absences, credential kinds,
		// update and platform facts.
		{"no accounts stated", v2 + "absent: {accounts: The device has no login.}\n", "PAUT-4", "N/A"},
		{"no accounts stated: passwords", v2 + "absent: {accounts: The device has no login.}\n", "PAUT-5", "N/A"},
		{"no CVD policy stated", v2 + "absent: {cvd: Reports go to the distributor.}\n", "DOC-8", "No"},
		{"no SBOM stated", v2 + "absent: {sbom: Licence texts only.}\n", "SBOM-1", "No"},
		{"no SBOM stated: format", v2 + "absent: {sbom: Licence texts only.}\n", "SBOM-2", "N/A"},
		{"no log stated", v2 + "absent: {logging: No persistent storage.}\n", "AUDT-2", "No"},
		{"no log stated: events", v2 + "absent: {logging: No persistent storage.}\n", "AUDT-2.5", "N/A"},
		{"no log stated: export", v2 + "absent: {logging: No persistent storage.}\n", "AUDT-5.2", "N/A"},
		{"no remote access stated", v2 + "absent: {remote_access: Service is on site only.}\n", "RMOT-1", "No"},
		{"no data stored", v2 + "absent: {data_stores: Measurements are sent at once.}\n", "MPII-2", "No"},
		{"no settings to harden", v2 + "absent: {hardening: Sealed firmware.}\n", "SAHD-14", "No"},
		{"biometric login", v2 + "roles: [{id: u, name: User, credentials: [{kind: password}, {kind: biometric}]}]\n", "PAUT-11", "Yes"},
		{"no biometric login", v2 + "roles: [{id: u, name: User, credentials: [{kind: password}]}, {id: a, name: Admin, credentials: [{kind: smart-card}]}]\n", "PAUT-11", "No"},
		{"smart card", v2 + "roles: [{id: u, name: User, credentials: [{kind: password}]}, {id: a, name: Admin, credentials: [{kind: smart-card}]}]\n", "PAUT-12", "Yes"},
		{"credentials of one role unknown", v2 + "roles: [{id: u, name: User, credentials: [{kind: password}]}, {id: a, name: Admin}]\n", "PAUT-11", ""},
		{"shared PIN", v2 + "roles: [{id: n, name: Nurse, credentials: [{kind: shared-pin}]}]\n", "PAUT-13", "Yes"},
		{"automatic updates", v2 + "updates: {automatic: true}\n", "CSUP-8", "Yes"},
		{"manual updates", v2 + "updates: {automatic: false}\n", "CSUP-8", "No"},
		{"direct OS updates", v2 + "updates: {direct_os_updates: true}\n", "CSUP-2.4", "Yes"},
		{"no direct OS updates", v2 + "updates: {direct_os_updates: false}\n", "CSUP-2.4", "No"},
		{"no domain join", v2 + "authentication: {domain_join: false}\n", "AUTH-1.2", "No"},
		{"internet needed for some hosts", v2 + "network: {internet: restricted}\n", "CONN-6", "See note"},
		{"internet not needed", v2 + "network: {internet: none}\n", "CONN-6", "No"},
		{"software on the operator's platform", v2 + "platform: {provided_by: operator, os: [{name: Windows 11}]}\n", "DOC-11", "Yes"},
		{"software on the operator's platform: OS", v2 + "platform: {provided_by: operator, os: [{name: Windows 11}]}\n", "DOC-11.2", "Yes"},
		{"software on the operator's platform: locks", v2 + "platform: {provided_by: operator, os: [{name: Windows 11}]}\n", "PLOK-2", "N/A"},
		{"disk encryption", v2 + "crypto: {disk_encryption: {scope: All volumes, algorithm: XTS-AES-256, key_storage: TPM, recovery_key: operator}}\n", "STCF-1", "Yes"},
		{"disk encryption keys", v2 + "crypto: {disk_encryption: {scope: All volumes, algorithm: XTS-AES-256, key_storage: TPM, recovery_key: operator}}\n", "STCF-2", "See note"},
		{"the lay user installs updates", "spec_version: 2\ndevice: {name: D, regulation: MDR, class: IIa, lay_users: true}\nresponsibilities: [{activity: patch-installation, responsible: [lay-user]}]\n", "CSUP-2.2", "No"},
		{"format-1 user installs updates", "spec_version: 1\ndevice: {name: D, regulation: MDR, class: IIa, lay_users: true}\nresponsibilities: [{activity: patch-installation, responsible: [user]}]\n", "CSUP-2.2", "No"},
		{"placeholder is no content", base + "cvd: {policy_url: \"\", contact: {email: \"\"}}\nauthentication: {mfa: TODO}\n", "PAUT-8", ""},
	}
	f := loadForm(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			yaml := c.yaml
			if !strings.HasPrefix(yaml, "spec_version") {
				yaml = "spec_version: 1\n" + yaml
			}
			s, err := spec.Parse("device.yaml", []byte(yaml))
			if err != nil {
				t.Fatal(err)
			}
			st := f.Evaluate(mds2.Input{Spec: s})
			r := answer(t, st, c.id)
			if r.Answer != c.answer {
				t.Errorf("%s: answer %q (note %q), want %q", c.id, r.Answer, r.Note, c.answer)
			}
			if r.Answered() && len(r.Paths) == 0 {
				t.Errorf("%s: no paths", c.id)
			}
			if !r.Answered() && r.Gap == "" {
				t.Errorf("%s: blank without a reason", c.id)
			}
		})
	}
}

// TestEmptySpec answers a spec with nothing in it without failing, and
// leaves nearly everything blank rather than guessing.
func TestEmptySpec(t *testing.T) {
	s, err := spec.Parse("device.yaml", []byte("spec_version: 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	st := loadForm(t).Evaluate(mds2.Input{Spec: s})
	if n := st.Summary().Answered; n > 0 {
		for _, r := range st.Results() {
			if r.Answered() {
				t.Logf("%s %s %s %v", r.ID, r.Answer, r.Note, r.Paths)
			}
		}
		t.Errorf("an empty spec answers %d questions", n)
	}
}

// TestAnswersOnlySameAnswers checks that leaving the notes out changes no
// answer: check counts the unanswered questions that way.
func TestAnswersOnlySameAnswers(t *testing.T) {
	f, err := mds2.Load()
	if err != nil {
		t.Fatal(err)
	}
	specs, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", "device.yaml"))
	if len(specs) == 0 {
		t.Fatal("no examples")
	}
	for _, path := range specs {
		s, err := generator.LoadSpec(path)
		if err != nil {
			t.Fatal(err)
		}
		bom, err := generator.LoadSBOM(s, false)
		if err != nil {
			t.Fatal(err)
		}
		full, quick := f.Evaluate(mds2.Input{Spec: s, BOM: bom}), f.Evaluate(mds2.Input{Spec: s, BOM: bom, AnswersOnly: true})
		for i, sec := range full.Sections {
			for j, q := range sec.Questions {
				if got := quick.Sections[i].Questions[j]; got.Answer != q.Answer || got.Gap != q.Gap {
					t.Errorf("%s: %s answered %q with notes, %q without", path, q.ID, q.Answer, got.Answer)
				}
			}
		}
	}
}

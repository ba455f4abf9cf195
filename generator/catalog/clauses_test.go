package catalog_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/spec"
)

// clausePin is the clauses an item or rule cites for an MDR device and for
// an IVDR device.
type clausePin struct {
	id        string
	mdr, ivdr []string
}

// pinnedClauses pins the clause of every item and rule of every profile for
// both regulations, so that a change to a citation is a reviewed change to
// this table. The clauses were checked against the MDR and IVDR Annex I
// texts, MDCG 2019-16 and the FDA guidance (see the catalog files).
var pinnedClauses = map[string][]clausePin{
	"mdcg-2019-16": {
		{"IFU-ENV", []string{"MDCG 2019-16 §3.6", "MDCG 2019-16 §4.2", "MDCG 2019-16 §4.3 #9", "MDR Annex I 23.4(ab)"}, []string{"MDCG 2019-16 §3.6", "MDCG 2019-16 §4.2", "MDCG 2019-16 §4.3 #9", "IVDR Annex I 20.4.1(ah)"}},
		{"IFU-MIN-PLATFORM", []string{"MDCG 2019-16 §4.2", "MDR Annex I 17.4", "MDR Annex I 23.4(ab)", "MDR Annex I 23.4(q)", "MDR Annex I 23.4(h)"}, []string{"MDCG 2019-16 §4.2", "IVDR Annex I 16.4", "IVDR Annex I 20.4.1(ah)", "IVDR Annex I 20.4.1(j)"}},
		{"IFU-MOBILE-PLATFORM", []string{"MDR Annex I 17.3", "MDR Annex I 17.4", "MDR Annex I 23.4(ab)"}, []string{"IVDR Annex I 16.3", "IVDR Annex I 16.4", "IVDR Annex I 20.4.1(ah)"}},
		{"IFU-MIN-NETWORK", []string{"MDCG 2019-16 §4.3 #4", "MDR Annex I 17.4", "MDR Annex I 23.4(ab)"}, []string{"MDCG 2019-16 §4.3 #4", "IVDR Annex I 16.4", "IVDR Annex I 20.4.1(ah)"}},
		{"IFU-ENV-CONTROLS", []string{"MDCG 2019-16 §3.6", "MDCG 2019-16 §4.2", "MDCG 2019-16 §4.3 #1", "MDR Annex I 17.4", "MDR Annex I 23.4(ab)"}, []string{"MDCG 2019-16 §3.6", "MDCG 2019-16 §4.2", "MDCG 2019-16 §4.3 #1", "IVDR Annex I 16.4", "IVDR Annex I 20.4.1(ah)"}},
		{"IFU-RESIDUAL-RISK", []string{"MDCG 2019-16 §3.3", "MDCG 2019-16 §4.2", "MDR Annex I 23.1(g)", "MDR Annex I 23.2(m)", "MDR Annex I 23.4(g)", "MDR Annex I 23.4(s)"}, []string{"MDCG 2019-16 §3.3", "MDCG 2019-16 §4.2", "IVDR Annex I 20.1(g)", "IVDR Annex I 20.2(m)", "IVDR Annex I 20.4.1(n)"}},
		{"IFU-FEATURES", []string{"MDCG 2019-16 §3.6", "MDCG 2019-16 §4.2", "MDR Annex I 23.4(i)"}, []string{"MDCG 2019-16 §3.6", "MDCG 2019-16 §4.2", "IVDR Annex I 20.4.1(r)"}},
		{"IFU-INITIAL-SETUP", []string{"MDCG 2019-16 §4.2", "MDR Annex I 23.4(i)", "MDR Annex I 23.4(k)"}, []string{"MDCG 2019-16 §4.2", "IVDR Annex I 20.4.1(r)", "IVDR Annex I 20.4.1(s)"}},
		{"IFU-UPDATES", []string{"MDCG 2019-16 §4.2", "MDR Annex I 23.4(k)", "MDR Annex I 23.4(h)", "IEC 81001-5-1 6.3.1"}, []string{"MDCG 2019-16 §4.2", "IVDR Annex I 20.4.1(s)", "IEC 81001-5-1 6.3.1"}},
		{"IFU-BACKUP", []string{"MDCG 2019-16 §4.2", "MDCG 2019-16 §4.3 #3", "MDR Annex I 23.4(ab)"}, []string{"MDCG 2019-16 §4.2", "MDCG 2019-16 §4.3 #3", "IVDR Annex I 20.4.1(ah)"}},
		{"IFU-FAILSAFE", []string{"MDCG 2019-16 §4.2", "MDCG 2019-16 §4.3 #2", "MDR Annex I 23.4(i)", "MDR Annex I 23.4(s)"}, []string{"MDCG 2019-16 §4.2", "MDCG 2019-16 §4.3 #2", "IVDR Annex I 20.4.1(r)", "IVDR Annex I 20.4.1(n)"}},
		{"IFU-ALERTS", []string{"MDCG 2019-16 §4.2", "MDCG 2019-16 §4.3 #8", "MDR Annex I 23.4(i)", "MDR Annex I 23.4(s)"}, []string{"MDCG 2019-16 §4.2", "MDCG 2019-16 §4.3 #8", "IVDR Annex I 20.4.1(r)", "IVDR Annex I 20.4.1(n)"}},
		{"IFU-INCIDENT", []string{"MDCG 2019-16 §2.6.2", "MDCG 2019-16 §4.3 #8"}, nil},
		{"IFU-SERIOUS-INCIDENT", []string{"MDCG 2019-16 §5.2", "MDR Annex I 23.4(z)"}, []string{"MDCG 2019-16 §5.2", "IVDR Annex I 20.4.1(af)"}},
		{"IFU-USER-SKILLS", []string{"MDCG 2019-16 §4.2", "MDR Annex I 23.4(j)"}, []string{"MDCG 2019-16 §4.2", "IVDR Annex I 20.4.1(p)"}},
		{"IFU-COMPAT", []string{"MDCG 2019-16 §4.2", "MDR Annex I 14.5", "MDR Annex I 23.4(q)"}, []string{"MDCG 2019-16 §4.2", "IVDR Annex I 13.5", "IVDR Annex I 20.4.1(j)"}},
		{"IFU-LAY-HYGIENE", []string{"MDCG 2019-16 §2.6.3", "MDCG 2019-16 §4.3", "MDR Annex I 22.1"}, []string{"MDCG 2019-16 §2.6.3", "MDCG 2019-16 §4.3", "IVDR Annex I 19.1", "IVDR Annex I 19.2", "IVDR Annex I 20.4.2"}},
		{"IFU-RESPONSIBILITIES", []string{"MDCG 2019-16 §2.6", "MDCG 2019-16 §2.6.2", "MDCG 2019-16 §2.6.3"}, nil},
		{"IFU-EOS", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 13", "IMDRF N60 §5.5.2", "MDS2 RDMP-3"}, nil},
		{"IFU-DECOMMISSION", []string{"MDCG 2019-16 §2.6.2", "IEC 81001-5-1 5.8.7", "MDS2 SGUD-2", "MDR Annex I 23.4(v) (by analogy)"}, []string{"MDCG 2019-16 §2.6.2", "IEC 81001-5-1 5.8.7", "MDS2 SGUD-2", "IVDR Annex I 20.4.1(ac) (by analogy)"}},
		{"IFU-REVISION", []string{"MDCG 2019-16 §3.6", "MDR Annex I 23.4(y)"}, []string{"MDCG 2019-16 §3.6", "IVDR Annex I 20.4.1(ae)"}},
		{"ADM-CONTROLS", []string{"MDCG 2019-16 §3.3", "MDCG 2019-16 §4.2"}, nil},
		{"ADM-RESPONSIBILITIES", []string{"MDCG 2019-16 §2.6", "MDCG 2019-16 §2.6.1", "MDCG 2019-16 §2.6.2"}, nil},
		{"ADM-ROLES", []string{"MDCG 2019-16 §4.2", "MDR Annex I 18.8", "MDR Annex I 17.4", "MDS2 AUTH-2", "MDS2 PAUT-4", "MDS2 SGUD-3"}, []string{"MDCG 2019-16 §4.2", "IVDR Annex I 16.4", "MDS2 AUTH-2", "MDS2 PAUT-4", "MDS2 SGUD-3"}},
		{"ADM-AUTH", []string{"MDCG 2019-16 §3.3", "MDR Annex I 18.8", "MDR Annex I 17.4", "MDR Annex I 23.4(ab)", "MDS2 PAUT", "MDS2 ALOF", "MDS2 EMRG"}, []string{"MDCG 2019-16 §3.3", "IVDR Annex I 16.4", "IVDR Annex I 20.4.1(ah)", "MDS2 PAUT", "MDS2 ALOF", "MDS2 EMRG"}},
		{"ADM-LOGGING", []string{"MDCG 2019-16 §4.2", "MDCG 2019-16 §4.3 #8", "MDS2 AUDT"}, nil},
		{"ADM-HARDENING", []string{"MDCG 2019-16 §4.3 #5", "IEC 81001-5-1 Annex E.2.4", "MDS2 SAHD"}, nil},
		{"ADM-DEFENSE-DEPTH", []string{"MDCG 2019-16 §3.6", "IEC 81001-5-1 Annex E.2.2-E.2.3"}, nil},
		{"ADM-HW", []string{"MDCG 2019-16 §4.2"}, nil},
		{"ADM-SBOM", []string{"MDCG 2019-16 §4.2", "MDS2 SBOM"}, nil},
		{"ADM-UPDATE-MGMT", []string{"MDCG 2019-16 §2.6", "MDCG 2019-16 §4.2", "MDS2 CSUP", "MDS2 MLDP"}, nil},
		{"ADM-INTEGRATION", []string{"MDCG 2019-16 §2.6.1", "MDCG 2019-16 §4.2"}, nil},
		{"ADM-ADMIN-WS", []string{"MDCG 2019-16 §4.2"}, nil},
		{"ADM-CONFIG-RECOVERY", []string{"MDCG 2019-16 §4.3 #8"}, nil},
		{"ADM-REMOTE", []string{"MDCG 2019-16 Annex I 2.4", "MDS2 RMOT"}, nil},
		{"ADM-DATA-PROTECTION", []string{"MDCG 2019-16 §3.3", "MDS2 MPII", "MDS2 STCF", "MDS2 TXCF"}, nil},
		{"NET-PORTS", []string{"MDCG 2019-16 §4.3 #6", "IMDRF N60 §5.5.1", "MDS2 CONN-2", "MDS2 SAHD-8"}, nil},
		{"NET-FLOW-MATRIX", []string{"MDCG 2019-16 §4.2"}, nil},
		{"NET-FIREWALL", []string{"MDCG 2019-16 §4.2", "MDCG 2019-16 §4.3 #5", "MDS2 NAUT-2.1"}, nil},
		{"NET-DIAGRAM", []string{"MDCG 2019-16 §4.3 #7", "MDS2 DOC-10"}, nil},
		{"NET-SEGMENTATION", []string{"MDCG 2019-16 §2.5", "MDCG 2019-16 §2.6.2", "MDCG 2019-16 §3.6"}, nil},
		{"NET-INFRA", []string{"MDCG 2019-16 §4.3 #4"}, nil},
		{"NET-CLOUD", []string{"MDCG 2019-16 §4.2", "MDS2 DOC-11"}, nil},
		{"NET-SECURE-DEPLOY", []string{"MDCG 2019-16 §4.3 #8"}, nil},
		{"NET-MONITORING", []string{"MDCG 2019-16 §4.3 #8"}, nil},
		{"PUB-CVD", []string{"IEC 81001-5-1 4.1.7", "IMDRF N60 §6.3", "MDS2 DOC-8"}, nil},
		{"PUB-ADVISORIES", []string{"MDCG 2019-16 §3.8", "MDCG 2019-16 §5", "MDS2 CSUP-7"}, nil},
		{"PUB-UPDATE-POLICY", []string{"IEC 81001-5-1 6.1.1"}, nil},
		{"PUB-SUPPORT", []string{"MDS2 RDMP-3", "MDS2 RDMP-4"}, nil},
		{"PUB-SBOM", []string{"MDS2 SBOM"}, nil},
		{"PUB-MDS2", []string{"MDCG 2019-16 §2.6.2", "MDCG 2019-16 §4.3"}, nil},
		{"PUB-CAPABILITIES", []string{"MDCG 2019-16 §3.3", "MDS2"}, nil},
		{"PUB-STANDARDS", []string{"MDCG 2019-16 §6", "MDCG 2019-16 Annex III"}, nil},
		{"PUB-INCIDENT-REPORT", []string{"MDCG 2019-16 §2.6.2"}, nil},
		{"NET-STREAM-RULE", []string{"MDCG 2019-16 §4.2", "MDS2 NAUT-2.1"}, nil},
		{"NET-STREAM-PORT", []string{"MDCG 2019-16 §4.2", "MDCG 2019-16 §4.3 #6"}, nil},
		{"NET-RULE-PURPOSE", []string{"MDCG 2019-16 §4.2", "MDCG 2019-16 §4.3 #5"}, nil},
		{"NET-CLEARTEXT", []string{"MDCG 2019-16 §3.3", "MDS2 TXCF", "MDS2 TXIG"}, nil},
		{"NET-INBOUND-ANY", []string{"MDCG 2019-16 §2.5", "MDCG 2019-16 §3.6"}, nil},
		{"ADM-DEFAULT-ACCOUNT", []string{"MDCG 2019-16 §4.2", "MDR Annex I 23.4(i)", "MDS2 PAUT-4"}, []string{"MDCG 2019-16 §4.2", "IVDR Annex I 20.4.1(r)", "MDS2 PAUT-4"}},
		{"PLAT-EOS", []string{"MDCG 2019-16 §3.8", "MDR Annex I 17.2"}, []string{"MDCG 2019-16 §3.8", "IVDR Annex I 16.2"}},
		{"IFU-REVISION-HISTORY", []string{"MDR Annex I 23.4(y)"}, []string{"IVDR Annex I 20.4.1(ae)"}},
		{"NET-RULE-CONFLICT", []string{"MDCG 2019-16 §4.2"}, nil},
		{"NET-RULE-DUPLICATE", []string{"MDCG 2019-16 §4.2"}, nil},
		{"NET-UNUSED-PORT", []string{"MDCG 2019-16 §4.3 #6", "MDS2 SAHD-8"}, nil},
		{"ADM-SBOM-FILE", []string{"MDCG 2019-16 §4.2", "MDS2 SBOM"}, nil},
		{"SBOM-OVERRIDE", []string{"MDCG 2019-16 §4.2", "MDS2 SBOM"}, nil},
		{"SBOM-TEXT", []string{"MDCG 2019-16 §4.2", "MDS2 SBOM"}, nil},
		{"SBOM-NTIA", []string{"NTIA Minimum Elements for an SBOM (2021)", "FDA premarket cybersecurity guidance (2026) §V.A.4 (by analogy)", "MDS2 SBOM"}, nil},
		{"SBOM-SUPPORT", []string{"FDA premarket cybersecurity guidance (2026) §V.A.4 (by analogy)", "MDS2 RDMP-3"}, nil},
		{"SBOM-VULN-ANALYSIS", []string{"MDCG 2019-16 §3.8", "MDCG 2019-16 §5"}, nil},
		{"SBOM-EOS", []string{"MDCG 2019-16 §3.8", "MDS2 RDMP-3"}, nil},
		{"RESP-ACTIVITY", []string{"MDCG 2019-16 §2.6"}, nil},
		{"RESP-OWNER", []string{"MDCG 2019-16 §2.6", "MDCG 2019-16 §2.6.2"}, nil},
		{"RESP-LAY-OPERATOR", []string{"MDCG 2019-16 §2.6.3", "MDR Annex I 22.1"}, []string{"MDCG 2019-16 §2.6.3", "IVDR Annex I 19.1", "IVDR Annex I 19.2"}},
		{"ENV-CONTROL-OWNER", []string{"MDCG 2019-16 §2.6", "MDCG 2019-16 §3.6"}, nil},
		{"NET-PROTOCOL-TRANSPORT", []string{"MDCG 2019-16 §4.2", "MDCG 2019-16 §4.3 #6"}, nil},
		{"NET-ICMP-ALL", []string{"MDCG 2019-16 §2.5"}, nil},
		{"NET-WIFI", []string{"MDCG 2019-16 §3.3", "MDS2 TXCF"}, nil},
		{"CRYPTO-TLS", []string{"MDCG 2019-16 §3.3", "MDS2 TXCF", "MDS2 TXIG"}, nil},
		{"NET-INTERNET", []string{"MDCG 2019-16 §2.6.2", "MDCG 2019-16 §4.2"}, nil},
		{"TEXT-PLACEHOLDER", []string{"MDCG 2019-16 §4.2"}, nil},
		{"SUPPORT-EOL", []string{"MDCG 2019-16 §3.8", "FDA premarket cybersecurity guidance (2026) §VI.A item 13"}, nil},
		{"ADM-ANTIMALWARE", []string{"MDCG 2019-16 §4.2", "MDS2 MLDP"}, nil},
		{"TEXT-ANTIMALWARE", []string{"MDCG 2019-16 §4.2", "MDS2 MLDP"}, nil},
		{"TEXT-DOMAIN-JOIN", []string{"MDCG 2019-16 §4.2"}, nil},
		{"TEXT-OS-UPDATES", []string{"MDCG 2019-16 §2.6", "MDCG 2019-16 §4.2"}, nil},
		{"TEXT-AUTO-UPDATE", []string{"MDCG 2019-16 §4.2"}, nil},
		{"TEXT-THIS-DOCUMENT", []string{"MDCG 2019-16 §4.2"}, nil},
		{"TEXT-RISK-TRANSFER", []string{"MDCG 2019-16 §2.6"}, nil},
		{"SPEC-DEPRECATED", []string{}, nil},
		{"SPEC-TRANSLATION-MISSING", []string{"MDR Art. 10(11)"}, []string{"IVDR Art. 10(10)"}},
		{"SPEC-TRANSLATION-STALE", []string{"MDR Art. 10(11)"}, []string{"IVDR Art. 10(10)"}},
		{"PLAT-KNOWN-EOS", []string{"MDCG 2019-16 §3.8", "MDR Annex I 17.2"}, []string{"MDCG 2019-16 §3.8", "IVDR Annex I 16.2"}},
		{"LAY-TEXTS", []string{"MDCG 2019-16 §2.6.3"}, nil},
		{"MDS2-UNANSWERED", []string{"MDCG 2019-16 §4.3", "MDS2"}, nil},
		{"LANG-INCOMPLETE", []string{"MDR Art. 10(11)"}, []string{"IVDR Art. 10(10)"}},
		{"SPEC-WAIVER", []string{}, nil},
	},
	"fda-premarket-2026": {
		{"FDA-L1", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 1"}, nil},
		{"FDA-L2", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 2", "FDA premarket cybersecurity guidance (2026) §V.B.2 (Global System View)"}, nil},
		{"FDA-L3", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 3"}, nil},
		{"FDA-L4", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 4"}, nil},
		{"FDA-L4-RESPONSE", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 4"}, nil},
		{"FDA-L5", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 5", "FDA premarket cybersecurity guidance (2026) §V.A.4"}, nil},
		{"FDA-L6", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 6"}, nil},
		{"FDA-L7", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 7"}, nil},
		{"FDA-L8", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 8"}, nil},
		{"FDA-L9", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 9"}, nil},
		{"FDA-L10", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 10"}, nil},
		{"FDA-L11", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 11"}, nil},
		{"FDA-L12", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 12"}, nil},
		{"FDA-L13", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 13"}, nil},
		{"FDA-L14", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 14"}, nil},
		{"FDA-SBOM", []string{"FD&C Act §524B(b)(3)", "FDA premarket cybersecurity guidance (2026) §V.A.4", "FDA premarket cybersecurity guidance (2026) §VII.C.3"}, nil},
		{"FDA-CVD", []string{"FD&C Act §524B(b)(1)", "FDA premarket cybersecurity guidance (2026) §VII.C.1", "FDA premarket cybersecurity guidance (2026) §VI.B"}, nil},
		{"FDA-UPDATE-POLICY", []string{"FD&C Act §524B(b)(2)", "FDA premarket cybersecurity guidance (2026) §VII.C.2", "FDA premarket cybersecurity guidance (2026) §VI.B"}, nil},
		{"NET-STREAM-RULE", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 2", "FDA premarket cybersecurity guidance (2026) §VI.A item 3"}, nil},
		{"NET-STREAM-PORT", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 3"}, nil},
		{"NET-RULE-PURPOSE", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 3", "FDA premarket cybersecurity guidance (2026) §VI.A item 11"}, nil},
		{"NET-CLEARTEXT", []string{"FDA premarket cybersecurity guidance (2026) §V.B.1 (Cryptography)", "FDA premarket cybersecurity guidance (2026) Appendix 1 (Cryptography)"}, nil},
		{"NET-INBOUND-ANY", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 3", "FDA premarket cybersecurity guidance (2026) §VI.A item 11"}, nil},
		{"ADM-DEFAULT-ACCOUNT", []string{"FDA premarket cybersecurity guidance (2026) Appendix 1 (Authentication; no hardcoded or default passwords)", "FDA premarket cybersecurity guidance (2026) §VI.A item 11"}, nil},
		{"PLAT-EOS", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 13", "FDA premarket cybersecurity guidance (2026) §V.A.4"}, nil},
		{"NET-RULE-CONFLICT", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 11"}, nil},
		{"NET-RULE-DUPLICATE", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 11"}, nil},
		{"NET-UNUSED-PORT", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 3", "FDA premarket cybersecurity guidance (2026) §VI.A item 8"}, nil},
		{"ADM-SBOM-FILE", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 5"}, nil},
		{"SBOM-OVERRIDE", []string{"FDA premarket cybersecurity guidance (2026) §V.A.4"}, nil},
		{"SBOM-TEXT", []string{"FDA premarket cybersecurity guidance (2026) §V.A.4"}, nil},
		{"SBOM-NTIA", []string{"FDA premarket cybersecurity guidance (2026) §V.A.4", "NTIA Minimum Elements for an SBOM (2021)"}, nil},
		{"SBOM-SUPPORT", []string{"FDA premarket cybersecurity guidance (2026) §V.A.4"}, nil},
		{"SBOM-VULN-ANALYSIS", []string{"FDA premarket cybersecurity guidance (2026) §V.A.4"}, nil},
		{"SBOM-EOS", []string{"FDA premarket cybersecurity guidance (2026) §VI.A item 13"}, nil},
		{"SPEC-WAIVER", []string{}, nil},
	},
}

// TestClausesPinned compares every item's and rule's clauses, as cited for
// an MDR and an IVDR device, with pinnedClauses. A nil ivdr list means the
// same clauses as for MDR.
func TestClausesPinned(t *testing.T) {
	for _, c := range loadAll(t) {
		pins, ok := pinnedClauses[c.Profile]
		if !ok {
			t.Errorf("profile %s has no pinned clauses", c.Profile)
			continue
		}
		type entry struct {
			id      string
			clauses []catalog.Clause
		}
		var entries []entry
		for _, it := range c.Items {
			entries = append(entries, entry{it.ID, it.Clauses})
		}
		for _, r := range c.Rules {
			entries = append(entries, entry{r.ID, r.Clauses})
		}
		if len(entries) != len(pins) {
			t.Errorf("%s: %d items and rules, %d pinned", c.Profile, len(entries), len(pins))
		}
		for _, e := range entries {
			i := slices.IndexFunc(pins, func(p clausePin) bool { return p.id == e.id })
			if i < 0 {
				t.Errorf("%s: %s has no pinned clauses", c.Profile, e.id)
				continue
			}
			p := pins[i]
			if p.ivdr == nil {
				p.ivdr = p.mdr
			}
			if got := catalog.Clauses(e.clauses, spec.MDR); !slices.Equal(got, p.mdr) {
				t.Errorf("%s: %s cites for MDR devices\n%q\nwant\n%q", c.Profile, e.id, got, p.mdr)
			}
			if got := catalog.Clauses(e.clauses, spec.IVDR); !slices.Equal(got, p.ivdr) {
				t.Errorf("%s: %s cites for IVDR devices\n%q\nwant\n%q", c.Profile, e.id, got, p.ivdr)
			}
		}
	}
}

// TestNoMDRClauseForIVDR makes sure no clause cited for an IVDR device names
// the MDR, and none cited for an MDR device names the IVDR.
func TestNoMDRClauseForIVDR(t *testing.T) {
	for _, c := range loadAll(t) {
		var all [][]catalog.Clause
		for _, it := range c.Items {
			all = append(all, it.Clauses)
		}
		for _, r := range c.Rules {
			all = append(all, r.Clauses)
		}
		for _, cs := range all {
			for _, cl := range catalog.Clauses(cs, spec.IVDR) {
				if strings.Contains(cl, "MDR ") && !strings.Contains(cl, "IVDR") {
					t.Errorf("%s: IVDR device cites %q", c.Profile, cl)
				}
			}
			for _, cl := range catalog.Clauses(cs, spec.MDR) {
				if strings.Contains(cl, "IVDR") {
					t.Errorf("%s: MDR device cites %q", c.Profile, cl)
				}
			}
		}
	}
}

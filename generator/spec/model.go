package spec

import "github.com/docgen/docgen/generator/yamlx"

// FormatVersion is the current spec format version. Specs of every earlier
// version (FormatVersions) keep loading with the same meaning; docgen
// migrate rewrites them to this one.
const FormatVersion = 2

// FormatVersions lists the format versions this package reads.
var FormatVersions = []int{1, 2}

// Spec is a device-security spec: everything docgen needs to write the
// cybersecurity documentation of one medical device. The YAML keys are the
// `yaml` tags; the `doc` tags describe each field in the JSON Schema.
type Spec struct {
	SpecVersion int      `yaml:"spec_version" doc:"Format version of this file: 2 (current) or 1."`
	Profiles    []string `yaml:"profiles" doc:"Requirement catalogs to check against; default [mdcg-2019-16]. Known: mdcg-2019-16, fda-premarket-2026 (fda-premarket-2023 is its former name and still selects it)."`
	Language    string   `yaml:"language" doc:"Language of the texts in this file, as a BCP 47 tag; default en."`
	Languages   []string `yaml:"languages" doc:"Languages to write the documents in, as BCP 47 tags, e.g. [en, de, fr]; default: the spec's language. Free texts need a translation in each (MDR Art. 10(11), IVDR Art. 10(10))."`
	// Translations lists side files; the loader reads them (ReadTranslations).
	Translations []string `yaml:"translations" doc:"Side files with translations of the free texts, one per language, relative to this file, e.g. [device.de.yaml, device.fr.yaml]; docgen translate import writes them."`

	Device   Device   `yaml:"device" doc:"Device identity, regulation and applicability flags."`
	Document Document `yaml:"document" doc:"Document control: id, revision, date, history, approvals."`

	Environment        Environment   `yaml:"environment" doc:"Intended environment of use, assumptions, risks outside it and controls the operator provides {item:IFU-ENV}."`
	SecurityObjectives []Text        `yaml:"security_objectives" doc:"IT-security objectives of the device, e.g. confidentiality of patient data, uninterrupted operation."`
	Platform           Platform      `yaml:"platform" doc:"Minimum hardware and software platform {item:IFU-MIN-PLATFORM}."`
	Network            Network       `yaml:"network" doc:"Network requirements, zones and nodes."`
	Crypto             Crypto        `yaml:"crypto" doc:"Cryptography: TLS versions, cipher suites, certificates."`
	Risks              Risks         `yaml:"risks" doc:"Residual security risks the user must know."`
	Compatibility      Compatibility `yaml:"compatibility" doc:"Compatible equipment and combination restrictions {item:IFU-COMPAT}."`
	LayGuidance        []Text        `yaml:"lay_guidance" doc:"Security hygiene guidance for lay users {item:IFU-LAY-HYGIENE}."`

	Controls       []Control      `yaml:"controls" doc:"Security controls built into the device, each tagged with an IEC TR 80001-2-2 code."`
	Roles          []Role         `yaml:"roles" doc:"User roles with permissions and required skills."`
	Accounts       []Account      `yaml:"accounts" doc:"Every account on the device, including service and default accounts."`
	Authentication Authentication `yaml:"authentication" doc:"Authentication policy: passwords, lockout, timeout, SSO, MFA, emergency access."`

	Installation     Installation     `yaml:"installation" doc:"Installation and initial secure setup."`
	Updates          Updates          `yaml:"updates" doc:"Security updates: how they are announced, obtained, verified and installed."`
	Antimalware      Antimalware      `yaml:"antimalware" doc:"Anti-malware compatibility."`
	Backup           Backup           `yaml:"backup" doc:"Backup and restore of data and configuration."`
	Failsafe         Failsafe         `yaml:"failsafe" doc:"Failsafe or degraded mode and protection of critical functions."`
	SecurityEvents   []SecurityEvent  `yaml:"security_events" doc:"Security events and alerts the device raises, with the user's action for each."`
	IncidentResp     IncidentResp     `yaml:"incident_response" doc:"What to do on a suspected security incident, and whom to contact."`
	Logging          Logging          `yaml:"logging" doc:"Security logging: events, format, location, capacity, retention, export."`
	Hardening        []Hardening      `yaml:"hardening" doc:"Hardening settings, their recommended values and the risk of changing them."`
	Hardware         []HardwarePart   `yaml:"hardware" doc:"Hardware components and their security-relevant properties."`
	Interfaces       []Interface      `yaml:"interfaces" doc:"Ports and interfaces: protocol, direction, purpose, default state, allowed end-points."`
	DataStreams      []DataStream     `yaml:"data_streams" doc:"Complete matrix of data streams between nodes {item:NET-FLOW-MATRIX}."`
	FirewallRules    []FirewallRule   `yaml:"firewall_rules" doc:"Firewall rules the operator configures for the device."`
	Hosting          Hosting          `yaml:"hosting" doc:"Cloud or external hosting: what data, where, how protected, who operates it."`
	RemoteAccess     RemoteAccess     `yaml:"remote_access" doc:"Remote service access."`
	DataStores       []DataStore      `yaml:"data_stores" doc:"Where data, in particular personal data, is stored and how."`
	Integration      Integration      `yaml:"integration" doc:"Going live and integration into the hospital information system."`
	Operations       Operations       `yaml:"operations" doc:"Operation, monitoring and support."`
	Deployment       Deployment       `yaml:"deployment" doc:"Secure network deployment and servicing."`
	Support          Support          `yaml:"support" doc:"Support period and end-of-support dates."`
	Decommissioning  Decommissioning  `yaml:"decommissioning" doc:"Secure decommissioning and data sanitisation."`
	CVD              CVD              `yaml:"cvd" doc:"Coordinated vulnerability disclosure policy and contact."`
	Advisories       Advisories       `yaml:"advisories" doc:"How customers learn of vulnerabilities, mitigations and patches."`
	UpdatePolicy     UpdatePolicy     `yaml:"update_policy" doc:"Regular patch cycle and handling of critical fixes."`
	SBOM             SBOMRef          `yaml:"sbom" doc:"The software bill of materials."`
	Components       []ComponentInfo  `yaml:"components" doc:"Support data for SBOM components, added to or overriding the SBOM (matched by purl or bom-ref)."`
	MDS2             MDS2             `yaml:"mds2" doc:"Manufacturer Disclosure Statement for Medical Device Security."`
	Responsibilities []Responsibility `yaml:"responsibilities" doc:"Who does what {item:IFU-RESPONSIBILITIES}: entries override docgen's default responsibility matrix by activity id; an entry with a new id and a title adds an activity."`
	Standards        []Text           `yaml:"standards" doc:"Regulations, guidance and standards the device and its documentation follow, as listed in the public security information."`
	Variants         []Variant        `yaml:"variants" doc:"Model variants or software lines this spec also covers; data streams, rules, interfaces and nodes name the variants they apply to."`
	Absent           Absences         `yaml:"absent" doc:"Things the device does not have, each with the reason, stated on purpose: they satisfy the catalog items where that is a legitimate answer and the documents say so plainly."`
	Waivers          []Waiver         `yaml:"waivers" doc:"Findings accepted on purpose, each with a written rationale."`

	// File is the path the spec was loaded from.
	File string `yaml:"-"`
	// Sources maps field paths to positions in File.
	Sources *yamlx.SourceMap `yaml:"-"`
	// TranslationEntries are the translations read from the side files,
	// in file order, for the check of stale translations.
	TranslationEntries []TranslationEntry `yaml:"-"`
	// Deprecations are the deprecated forms the file uses, each with the
	// current form; they still load with the same meaning.
	Deprecations []Deprecation `yaml:"-"`
}

// Deprecation is a use of a deprecated field or value in a spec. The
// loader's list of them is the one table of deprecated forms: check reports
// each (SPEC-DEPRECATED) and docgen migrate applies each Rewrite, so the two
// cannot disagree.
type Deprecation struct {
	// Path is the spec path of the deprecated form.
	Path string
	// Old and New are the deprecated form and the one to use instead, as
	// the user reads them.
	Old, New string
	// Rewrite is the change to the file that gives the current form.
	Rewrite Rewrite
}

// Rewrite is how a deprecated form becomes the current one, applied at the
// path of its Deprecation: the field there is renamed to Key and its value
// replaced by Value, or, with Drop, the field is removed because its
// current form Key: Value is already written next to it. An empty Key
// keeps the field's name (or the path is a list item); an empty Value keeps
// the value.
type Rewrite struct {
	Key   string
	Value string
	Drop  bool
}

// Current returns the current form as the user writes it: "key: value",
// or the value alone.
func (r Rewrite) Current() string {
	if r.Key == "" {
		return r.Value
	}
	return r.Key + ": " + r.Value
}

// Device identifies the device and says which catalog items apply to it.
type Device struct {
	Name            string       `yaml:"name" doc:"Trade name of the device."`
	Model           string       `yaml:"model" doc:"Model or catalogue number."`
	Version         string       `yaml:"version" doc:"Software or firmware version the documents describe."`
	Description     Text         `yaml:"description" doc:"Short description of the device."`
	IntendedPurpose Text         `yaml:"intended_purpose" doc:"Intended purpose, as in the technical documentation."`
	Regulation      Regulation   `yaml:"regulation" doc:"MDR (EU 2017/745) or IVDR (EU 2017/746)."`
	Class           DeviceClass  `yaml:"class" doc:"Risk class: I, Is, Im, Ir, IIa, IIb or III under the MDR; A, B, C or D under the IVDR."`
	UDIDI           string       `yaml:"udi_di" doc:"UDI-DI of the device."`
	BasicUDIDI      string       `yaml:"basic_udi_di" doc:"Basic UDI-DI."`
	Manufacturer    Manufacturer `yaml:"manufacturer" doc:"Legal manufacturer."`
	Networked       bool         `yaml:"networked" doc:"The device connects to an IT network; network items apply."`
	Cloud           bool         `yaml:"cloud" doc:"Data is hosted outside the operator's premises; cloud items apply."`
	LayUsers        bool         `yaml:"lay_users" doc:"The device is used by lay persons (patients, consumers); lay-user items apply."`
	ProfessionalOp  *bool        `yaml:"professional_operator" doc:"A healthcare organisation (hospital, clinic, practice) operates the device or a part of it, such as the clinician portal of a home device. Default: true unless lay_users is set."`
	RemoteService   bool         `yaml:"remote_service" doc:"The manufacturer or a service partner can access the device remotely; remote-service items apply."`
	AdminWS         bool         `yaml:"admin_workstation" doc:"Administration uses a separate computer; its minimum specification is required."`
	USMarket        bool         `yaml:"us_market" doc:"The device is also a cyber device on the US market (as section 524B of the FD&C Act defines it): the statutory FDA items and the vulnerability disclosure policy become required."`
}

// Manufacturer is the legal manufacturer.
type Manufacturer struct {
	Name            string  `yaml:"name" doc:"Legal name."`
	Address         Text    `yaml:"address" doc:"Registered postal address."`
	SRN             string  `yaml:"srn" doc:"EUDAMED single registration number."`
	Contact         Contact `yaml:"contact" doc:"General contact, also for reporting serious incidents."`
	SecurityContact Contact `yaml:"security_contact" doc:"Contact for security questions and reports."`
}

// Contact is a way to reach a person or team.
type Contact struct {
	Name  string `yaml:"name" doc:"Person or team."`
	Email Email  `yaml:"email" doc:"E-mail address."`
	Phone string `yaml:"phone" doc:"Telephone number."`
	URL   URL    `yaml:"url" doc:"Web page or form."`
}

// Document is the document-control block shared by all generated documents.
type Document struct {
	ID              string     `yaml:"id" doc:"Document identifier in the manufacturer's document system."`
	Revision        string     `yaml:"revision" doc:"Revision identifier."`
	Date            Date       `yaml:"date" doc:"Issue date (YYYY-MM-DD). Check compares end-of-support dates against it."`
	SecurityInfoURL URL        `yaml:"security_info_url" doc:"Where the current security information is published electronically."`
	History         []Revision `yaml:"history" doc:"Revision history, oldest first."`
	Approvals       []Approval `yaml:"approvals" doc:"Approvals of this revision."`
}

// Revision is one entry of the revision history.
type Revision struct {
	Revision string `yaml:"revision" doc:"Revision identifier."`
	Date     Date   `yaml:"date" doc:"Date of the revision."`
	Author   string `yaml:"author" doc:"Who made the change."`
	Changes  Text   `yaml:"changes" doc:"What changed {item:IFU-REVISION}."`
}

// Approval is one sign-off of a document revision.
type Approval struct {
	Name string `yaml:"name" doc:"Name of the approver."`
	Role string `yaml:"role" doc:"Function, e.g. Head of Regulatory Affairs."`
	Date Date   `yaml:"date" doc:"Date of approval."`
}

// Environment describes the intended environment of use.
type Environment struct {
	Intended         []Text               `yaml:"intended" doc:"Intended environments of use, e.g. hospital radiology department."`
	Assumptions      []Text               `yaml:"assumptions" doc:"Security assumptions about the environment {item:IFU-ENV}."`
	OutOfScopeRisks  []Text               `yaml:"out_of_scope_risks" doc:"Risks of use outside the intended environment."`
	RequiredControls []EnvironmentControl `yaml:"required_controls" doc:"Security controls the operator's environment must provide."`
}

// EnvironmentControl is a control the operator's environment provides.
type EnvironmentControl struct {
	ID          string      `yaml:"id" doc:"Identifier, e.g. env-firewall."`
	Description Text        `yaml:"description" doc:"What the environment must provide."`
	Mandatory   *bool       `yaml:"mandatory" doc:"true if the device must not be operated without it."`
	ReliedOn    *bool       `yaml:"relied_on" doc:"true if the device's risk controls rely on it {item:IFU-ENV-CONTROLS}."`
	Owner       Stakeholder `yaml:"owner" doc:"Who provides it: manufacturer, integrator, operator or user."`
}

// Platform is the minimum platform the device software needs.
type Platform struct {
	Hardware         Text              `yaml:"hardware" doc:"Minimum hardware: CPU, memory, storage, display."`
	OS               []PlatformItem    `yaml:"os" doc:"Supported operating systems and versions."`
	Middleware       []PlatformItem    `yaml:"middleware" doc:"Required middleware, runtimes, drivers and databases."`
	Peripherals      []Text            `yaml:"peripherals" doc:"Supported peripherals."`
	Mobile           []Text            `yaml:"mobile" doc:"For an app on phones or tablets: what it needs from the mobile platform and how it allows for it, e.g. screen size and contrast, use in bright light or noise, screen lock, no jailbreak or root {item:IFU-MOBILE-PLATFORM}."`
	AdminWorkstation *AdminWorkstation `yaml:"admin_workstation" doc:"Minimum administration workstation, if administration uses a separate computer."`
	ProvidedBy       PlatformProvider  `yaml:"provided_by" doc:"Who provides the hardware and operating system: manufacturer (they come with the device) or operator (the software is installed on the operator's own computers)."`
}

// PlatformItem is an operating system or middleware with its versions.
type PlatformItem struct {
	Name         string   `yaml:"name" doc:"Product name, e.g. Windows 11 IoT Enterprise LTSC."`
	Versions     []string `yaml:"versions" doc:"Supported versions or builds."`
	EndOfSupport Date     `yaml:"end_of_support" doc:"Vendor end-of-support date (YYYY-MM-DD)."`
	Notes        Text     `yaml:"notes" doc:"Anything the reader must know."`
}

// NodePlatform is the platform of one component of a multi-component
// system, such as the server that comes with an instrument.
type NodePlatform struct {
	Hardware   Text           `yaml:"hardware" doc:"Minimum hardware of this component."`
	OS         []PlatformItem `yaml:"os" doc:"Operating systems of this component."`
	Middleware []PlatformItem `yaml:"middleware" doc:"Middleware, runtimes and databases of this component."`
}

// AdminWorkstation is the minimum administration workstation.
type AdminWorkstation struct {
	Hardware    Text           `yaml:"hardware" doc:"Minimum hardware."`
	OS          []PlatformItem `yaml:"os" doc:"Supported operating systems."`
	Software    []PlatformItem `yaml:"software" doc:"Required software, e.g. browsers."`
	Peripherals []Text         `yaml:"peripherals" doc:"Required peripherals."`
}

// Network holds network requirements and the network model used for the
// diagram, the data-flow matrix and the firewall rules.
type Network struct {
	Requirements     NetworkRequirements `yaml:"requirements" doc:"Minimum IT-network characteristics."`
	Zone             string              `yaml:"zone" doc:"Id of the zone the device belongs in."`
	Internet         InternetAccess      `yaml:"internet" doc:"Internet access the device needs: none (isolate it from the internet {item:NET-SEGMENTATION}), restricted (only to the hosts of its data streams) or required."`
	InternetRequired *bool               `yaml:"internet_required" doc:"Deprecated: use internet (true is required, false is none)."`
	Segmentation     Text                `yaml:"segmentation" doc:"Recommended segmentation."`
	Zones            []Zone              `yaml:"zones" doc:"Network zones (segments, VLANs, the internet)."`
	Nodes            []Node              `yaml:"nodes" doc:"Network nodes: the device, servers, workstations, cloud services."`
}

// NetworkRequirements are the minimum network characteristics.
type NetworkRequirements struct {
	Bandwidth  Text       `yaml:"bandwidth" doc:"Minimum bandwidth."`
	Latency    Text       `yaml:"latency" doc:"Maximum latency."`
	Addressing Addressing `yaml:"addressing" doc:"static, dhcp or static-or-dhcp."`
	IP         Text       `yaml:"ip" doc:"IP version and addressing notes."`
	DNS        Text       `yaml:"dns" doc:"DNS requirements."`
	NTP        Text       `yaml:"ntp" doc:"Time synchronisation requirements."`
	Other      []Text     `yaml:"other" doc:"Further requirements."`
}

// Zone is a network zone.
type Zone struct {
	ID          string `yaml:"id" doc:"Identifier referenced by nodes and rules."`
	Name        string `yaml:"name" doc:"Display name."`
	CIDRs       []CIDR `yaml:"cidrs" doc:"Address ranges of the zone."`
	Description Text   `yaml:"description" doc:"Purpose of the zone."`
	Internet    bool   `yaml:"internet" doc:"true if the zone is the public internet; streams to its nodes count as internet access."`
}

// Node is a network node.
type Node struct {
	ID          string        `yaml:"id" doc:"Identifier referenced by data streams and rules."`
	Name        string        `yaml:"name" doc:"Display name."`
	Kind        NodeKind      `yaml:"kind" doc:"device, server, workstation, mobile (a phone or tablet app: the mobile-platform item applies), cloud, network or external."`
	Zone        string        `yaml:"zone" doc:"Id of the zone the node is in."`
	Addresses   []Address     `yaml:"addresses" doc:"IP addresses, CIDR prefixes, host names, or dhcp."`
	Description Text          `yaml:"description" doc:"What the node is."`
	Supplied    *bool         `yaml:"supplied" doc:"true if the manufacturer supplies this node as part of the system (the device itself, its server, its app); by default only the first node of kind device, the device itself, is."`
	Platform    *NodePlatform `yaml:"platform" doc:"Platform of this component, for systems of several components."`
	Variants    []string      `yaml:"variants" doc:"Ids of the variants that have this node; empty for all."`
}

// Crypto describes the cryptography the device uses.
type Crypto struct {
	TLSMin         string          `yaml:"tls_min" doc:"Minimum TLS version: 1.2 or 1.3 (1.0 and 1.1 are deprecated)."`
	Ciphers        []string        `yaml:"ciphers" doc:"Supported cipher suites, by IANA or OpenSSL name."`
	Certificates   Text            `yaml:"certificates" doc:"Certificates: who issues them, how they are installed and renewed."`
	Modules        []CryptoModule  `yaml:"modules" doc:"Cryptographic modules, with their FIPS 140 validation where there is one."`
	DiskEncryption *DiskEncryption `yaml:"disk_encryption" doc:"Encryption of the device's storage and who holds the recovery key."`
}

// CryptoModule is a cryptographic module the device uses.
type CryptoModule struct {
	Name        string       `yaml:"name" doc:"Module name, e.g. OpenSSL FIPS provider."`
	Version     string       `yaml:"version" doc:"Module version."`
	Validation  FIPSStandard `yaml:"validation" doc:"FIPS 140-2 or FIPS 140-3, if validated."`
	Certificate string       `yaml:"certificate" doc:"Validation certificate number, e.g. 4282."`
	Notes       Text         `yaml:"notes" doc:"Scope and anything the reader must know."`
}

// DiskEncryption is the encryption of the device's storage.
type DiskEncryption struct {
	Scope       Text      `yaml:"scope" doc:"What is encrypted, e.g. the system and data volumes."`
	Algorithm   string    `yaml:"algorithm" doc:"Algorithm and key length, e.g. XTS-AES-256."`
	KeyStorage  Text      `yaml:"key_storage" doc:"Where the key is kept, e.g. sealed in the TPM."`
	RecoveryKey KeyHolder `yaml:"recovery_key" doc:"Who holds the recovery key: manufacturer, operator, integrator or nobody."`
}

// Risks holds the residual risks.
type Risks struct {
	Residual []ResidualRisk `yaml:"residual" doc:"Residual security risks with the user's action."`
}

// ResidualRisk is a residual security risk communicated as a warning.
type ResidualRisk struct {
	ID          string `yaml:"id" doc:"Identifier, e.g. the risk-file reference."`
	Description Text   `yaml:"description" doc:"The risk."`
	UserAction  Text   `yaml:"user_action" doc:"What the user must do about it."`
}

// Compatibility lists compatible equipment.
type Compatibility struct {
	Devices      []Text `yaml:"devices" doc:"Devices and equipment the device may be combined with."`
	Restrictions []Text `yaml:"restrictions" doc:"Known restrictions on combinations."`
}

// Control is a security control built into the device.
type Control struct {
	ID           string     `yaml:"id" doc:"Identifier."`
	Capability   Capability `yaml:"capability" doc:"IEC TR 80001-2-2 capability code, e.g. PAUT."`
	Description  Text       `yaml:"description" doc:"What the control does."`
	Default      Setting    `yaml:"default" doc:"State as shipped: enabled or disabled."`
	Configurable *bool      `yaml:"configurable" doc:"Whether the operator can change it."`
	ForLayUsers  Text       `yaml:"lay_description" doc:"What the control does, in plain words for lay users; the IfU of a device for lay users lists these."`
}

// Role is a user role.
type Role struct {
	ID             string       `yaml:"id" doc:"Identifier referenced by accounts."`
	Name           string       `yaml:"name" doc:"Display name."`
	Permissions    []Text       `yaml:"permissions" doc:"What the role may do."`
	RequiredSkills Text         `yaml:"required_skills" doc:"Training and IT skills the role needs {item:IFU-USER-SKILLS}."`
	Credentials    []Credential `yaml:"credentials" doc:"How persons in this role authenticate: password, PIN, smart card, ..."`
	HeldBy         Stakeholder  `yaml:"held_by" doc:"Who holds the role: lay-user, professional-user, operator, integrator or manufacturer; the IfU shows the roles of its readers."`
}

// Credential is a way a role authenticates.
type Credential struct {
	Kind   CredentialKind `yaml:"kind" doc:"password, pin, shared-pin, smart-card, certificate, biometric, physical-key, otp, fido2 or none."`
	Detail Text           `yaml:"detail" doc:"Details, e.g. 6-digit PIN, service level 2."`
}

// Account is an account on the device.
type Account struct {
	Name              string      `yaml:"name" doc:"Account name."`
	Type              AccountType `yaml:"type" doc:"interactive, administrator, service or emergency."`
	Role              string      `yaml:"role" doc:"Id of the role the account has."`
	Default           bool        `yaml:"default" doc:"true if the account exists as shipped with a default credential."`
	DefaultCredential Text        `yaml:"default_credential" doc:"How the default credential is set (never the password itself)."`
	MustChange        *bool       `yaml:"must_change" doc:"Whether the credential must be changed at first use."`
	Changeable        *bool       `yaml:"changeable" doc:"Whether the credential can be changed."`
	Justification     Text        `yaml:"justification" doc:"Why a default credential need not be changed, if so."`
	Node              string      `yaml:"node" doc:"Id of the component the account is on, for systems of several components."`
}

// Authentication is the authentication policy.
type Authentication struct {
	PasswordPolicy  Text  `yaml:"password_policy" doc:"Password length, complexity and history."`
	Lockout         Text  `yaml:"lockout" doc:"Account lockout after failed attempts."`
	SessionTimeout  Text  `yaml:"session_timeout" doc:"Automatic logoff."`
	SSO             Text  `yaml:"sso" doc:"Single sign-on or directory (LDAP, Active Directory)."`
	MFA             Text  `yaml:"mfa" doc:"Multi-factor authentication."`
	EmergencyAccess Text  `yaml:"emergency_access" doc:"Break-glass access."`
	DomainJoin      *bool `yaml:"domain_join" doc:"Whether the device may be joined to the operator's directory domain (e.g. Active Directory)."`
}

// Installation is the installation and initial setup.
type Installation struct {
	Steps        []Text `yaml:"steps" doc:"Installation and initial secure setup, step by step."`
	Verification Text   `yaml:"verification" doc:"How to check that installation is correct."`
}

// Updates describes security updates.
type Updates struct {
	Channel               Text   `yaml:"channel" doc:"How updates are obtained."`
	Notification          Text   `yaml:"notification" doc:"How users learn that an update exists."`
	Steps                 []Text `yaml:"steps" doc:"How to install an update, step by step."`
	Integrity             Text   `yaml:"integrity" doc:"How update integrity and authenticity are verified."`
	InstallerRole         string `yaml:"installer_role" doc:"Id of the role that installs updates."`
	ThirdPartyPatchPolicy Text   `yaml:"third_party_patch_policy" doc:"Policy for OS and third-party patches."`
	Automatic             *bool  `yaml:"automatic" doc:"true if updates install automatically, false if a person installs them."`
	DirectOSUpdates       *bool  `yaml:"direct_os_updates" doc:"Whether the operator may install operating-system updates directly from the OS vendor (e.g. Windows Update, WSUS)."`
}

// Antimalware describes anti-malware compatibility.
type Antimalware struct {
	Supported   *bool  `yaml:"supported" doc:"Whether anti-malware software may run on the device."`
	Approved    []Text `yaml:"approved" doc:"Validated anti-malware products."`
	Notes       Text   `yaml:"notes" doc:"Scan exclusions and other notes."`
	Alternative Text   `yaml:"alternative" doc:"What protects the device instead when anti-malware software may not run, e.g. application allow-listing."`
}

// Backup describes backup and restore.
type Backup struct {
	Data          Text         `yaml:"data" doc:"Which data is backed up, how and how often."`
	Configuration ConfigBackup `yaml:"configuration" doc:"Backup and recovery of the configuration."`
	Procedure     []Text       `yaml:"procedure" doc:"Backup procedure."`
	Restore       []Text       `yaml:"restore" doc:"Restore procedure."`
}

// ConfigBackup describes configuration backup and recovery.
type ConfigBackup struct {
	Who string `yaml:"who" doc:"Id of the privileged role that may back up and restore the configuration."`
	How Text   `yaml:"how" doc:"How the configuration is kept and recovered."`
}

// Failsafe describes the failsafe mode.
type Failsafe struct {
	Enter    Text `yaml:"enter" doc:"How the device enters failsafe mode."`
	Exit     Text `yaml:"exit" doc:"How it leaves it."`
	Limits   Text `yaml:"limits" doc:"What does not work in failsafe mode."`
	Recovery Text `yaml:"recovery" doc:"Data recovery afterwards."`
}

// SecurityEvent is an event the device detects and announces.
type SecurityEvent struct {
	ID           string `yaml:"id" doc:"Identifier."`
	Type         Text   `yaml:"type" doc:"The event, e.g. repeated failed logins."`
	Notification Text   `yaml:"notification" doc:"How the device announces it."`
	UserAction   Text   `yaml:"user_action" doc:"What the user does when it appears."`
	Logged       *bool  `yaml:"logged" doc:"Whether it is written to the security log."`
}

// IncidentResp is the incident-response guidance.
type IncidentResp struct {
	Steps   []Text  `yaml:"steps" doc:"What to do on a suspected incident."`
	Contact Contact `yaml:"contact" doc:"Whom to report it to at the manufacturer."`
}

// Logging describes the security log.
type Logging struct {
	Events    []Text      `yaml:"events" doc:"Events logged."`
	Format    Text        `yaml:"format" doc:"Log format, e.g. RFC 5424 syslog."`
	Location  Text        `yaml:"location" doc:"Where logs are stored."`
	Capacity  Text        `yaml:"capacity" doc:"Log storage capacity {item:ADM-LOGGING}."`
	Retention Text        `yaml:"retention" doc:"Retention and rotation."`
	Export    []LogExport `yaml:"export" doc:"Export to SIEM or IDS."`
	Backup    Text        `yaml:"backup" doc:"Advice on backing up logs."`
}

// LogExport is a log export channel.
type LogExport struct {
	Protocol    string `yaml:"protocol" doc:"e.g. syslog over TLS."`
	Destination string `yaml:"destination" doc:"Id of the receiving node, or a description."`
	Format      Text   `yaml:"format" doc:"Format of exported records."`
}

// Hardening is one hardening setting.
type Hardening struct {
	Setting       Text `yaml:"setting" doc:"The setting."`
	Recommended   Text `yaml:"recommended" doc:"Recommended value."`
	Default       Text `yaml:"default" doc:"Value as shipped."`
	RiskIfChanged Text `yaml:"risk_if_changed" doc:"Risk of changing it away from the recommendation."`
}

// HardwarePart is a hardware component.
type HardwarePart struct {
	Component  Text     `yaml:"component" doc:"The component."`
	Model      string   `yaml:"model" doc:"Model."`
	Interfaces []string `yaml:"interfaces" doc:"Ids of the interfaces it provides."`
	Properties Text     `yaml:"properties" doc:"Security-relevant properties, e.g. TPM 2.0, secure boot."`
}

// Interface is a port or interface of the device.
type Interface struct {
	ID             string        `yaml:"id" doc:"Identifier."`
	Name           string        `yaml:"name" doc:"Display name."`
	Kind           InterfaceKind `yaml:"kind" doc:"network, usb, serial, wifi, bluetooth, display or other."`
	Port           Ports         `yaml:"port" doc:"Port number or range, for network interfaces."`
	Transport      Transport     `yaml:"transport" doc:"tcp or udp for network ports; bluetooth-le, bluetooth, usb, serial or nfc for other links."`
	Service        string        `yaml:"service" doc:"Service or protocol, e.g. DICOM."`
	Direction      Direction     `yaml:"direction" doc:"in, out or both, seen from the device."`
	Purpose        Text          `yaml:"purpose" doc:"What it is for."`
	DefaultEnabled *bool         `yaml:"default_enabled" doc:"Whether it is enabled as shipped."`
	Endpoints      []string      `yaml:"endpoints" doc:"Ids of the nodes or zones it may talk to."`
	Justification  Text          `yaml:"justification" doc:"Why a cleartext service is acceptable, if it is one."`
	Node           string        `yaml:"node" doc:"Id of the component the interface belongs to, for systems of several components; default: the node of kind device."`
	Configurable   bool          `yaml:"port_configurable" doc:"true if the port is a default the site may change."`
	Condition      Text          `yaml:"condition" doc:"When the interface is used or enabled, e.g. only for remote service."`
	WiFi           *WiFi         `yaml:"wifi" doc:"Wi-Fi security, for wifi interfaces."`
	Variants       []string      `yaml:"variants" doc:"Ids of the variants that have this interface; empty for all."`
}

// WiFi is the security of a Wi-Fi interface.
type WiFi struct {
	Security WiFiSecurity `yaml:"security" doc:"open, wep, wpa2-personal, wpa2-enterprise, wpa3-personal, wpa3-enterprise or wpa3-enterprise-192."`
	EAP      []string     `yaml:"eap" doc:"EAP methods for enterprise security, e.g. EAP-TLS."`
	Notes    Text         `yaml:"notes" doc:"Anything the network administrator must know."`
}

// DataStream is one row of the data-flow matrix.
type DataStream struct {
	ID             string    `yaml:"id" doc:"Identifier referenced by firewall rules."`
	Name           string    `yaml:"name" doc:"Display name."`
	Source         string    `yaml:"source" doc:"Id of the node or zone the stream starts at."`
	Destination    string    `yaml:"destination" doc:"Id of the node or zone it goes to."`
	Protocol       string    `yaml:"protocol" doc:"Application protocol, e.g. DICOM, HL7 MLLP, HTTPS."`
	Port           Ports     `yaml:"port" doc:"Destination port or range, for tcp and udp streams."`
	Transport      Transport `yaml:"transport" doc:"tcp or udp; or bluetooth-le, bluetooth, usb, serial or nfc for a non-IP link."`
	Encryption     string    `yaml:"encryption" doc:"Encryption in transit, e.g. TLS 1.3; none for cleartext."`
	Authentication Text      `yaml:"authentication" doc:"How the end-points authenticate each other."`
	Addressing     Text      `yaml:"addressing" doc:"Addressing scheme, e.g. static IP, DNS name, AE title."`
	Data           Text      `yaml:"data" doc:"Data carried."`
	Justification  Text      `yaml:"justification" doc:"Why cleartext is acceptable, if the stream is not encrypted."`

	SourcePort     Ports           `yaml:"source_port" doc:"Source port or range, e.g. 1024-65535, when the manufacturer states it."`
	Direction      StreamDirection `yaml:"direction" doc:"one-way (default: the source opens connections or sends) or both (either end does; source_port is then the port the source listens on)."`
	DefaultEnabled *bool           `yaml:"default_enabled" doc:"false if the stream is off as delivered and enabled only on demand."`
	Condition      Text            `yaml:"condition" doc:"When the stream occurs, e.g. only when query/retrieve is used."`
	Configurable   bool            `yaml:"port_configurable" doc:"true if the port is a default the site may change."`
	ICMPTypes      []ICMPType      `yaml:"icmp_types" doc:"ICMP message types, for icmp streams; empty means all."`
	Tunnel         string          `yaml:"tunnel" doc:"Id of the data stream that carries this one inside it (e.g. remote desktop inside a TLS tunnel)."`
	SNMP           *SNMP           `yaml:"snmp" doc:"SNMP version and security level, for SNMP streams."`
	Variants       []string        `yaml:"variants" doc:"Ids of the variants that have this stream; empty for all."`
}

// SNMP is the SNMP version and security level of a stream.
type SNMP struct {
	Version       SNMPVersion       `yaml:"version" doc:"v1, v2c or v3."`
	SecurityLevel SNMPSecurityLevel `yaml:"security_level" doc:"For v3: noAuthNoPriv, authNoPriv or authPriv."`
}

// FirewallRule is a rule the operator configures.
type FirewallRule struct {
	ID            string        `yaml:"id" doc:"Identifier."`
	Direction     RuleDirection `yaml:"direction" doc:"inbound: traffic entering the zone of the protected node; outbound: traffic leaving it."`
	Source        string        `yaml:"source" doc:"Id of a node or zone, or any."`
	Destination   string        `yaml:"destination" doc:"Id of a node or zone, or any."`
	Ports         Ports         `yaml:"ports" doc:"Destination ports or ranges."`
	Protocol      Transport     `yaml:"protocol" doc:"tcp, udp, icmp or any."`
	Interface     string        `yaml:"interface" doc:"Id of the device interface or the firewall interface."`
	Action        Action        `yaml:"action" doc:"allow or deny."`
	Stream        string        `yaml:"stream" doc:"Id of the data stream this rule serves."`
	Rationale     Text          `yaml:"rationale" doc:"Why the rule exists; required when it serves no data stream."`
	Justification Text          `yaml:"justification" doc:"Why an inbound rule from any source is acceptable."`
	SourcePorts   Ports         `yaml:"source_ports" doc:"Source ports or ranges; empty means any."`
	Stateful      *bool         `yaml:"stateful" doc:"true: replies to connections this rule admits are allowed by connection tracking (established/related); false: the firewall filters statelessly, and docgen adds the return rule."`
	ICMPTypes     []ICMPType    `yaml:"icmp_types" doc:"ICMP message types, for icmp rules; empty means all."`
	Condition     Text          `yaml:"condition" doc:"When the rule is needed, e.g. only while remote service is enabled."`
	Configurable  bool          `yaml:"ports_configurable" doc:"true if the ports are defaults the site may change."`
	Variants      []string      `yaml:"variants" doc:"Ids of the variants that need this rule; empty for all."`
}

// Hosting describes cloud or external hosting.
type Hosting struct {
	Provider   string   `yaml:"provider" doc:"Hosting provider."`
	Regions    []string `yaml:"regions" doc:"Regions where data is stored and processed."`
	Residency  Text     `yaml:"residency" doc:"Data-residency statement."`
	Data       []Text   `yaml:"data" doc:"What data is stored."`
	Storage    Text     `yaml:"storage" doc:"How it is stored."`
	Encryption Text     `yaml:"encryption" doc:"Encryption at rest and in transit."`
	OperatedBy string   `yaml:"operated_by" doc:"Who operates the hosted service."`
}

// RemoteAccess describes remote service access.
type RemoteAccess struct {
	Method     Text    `yaml:"method" doc:"How remote access works."`
	Default    Setting `yaml:"default" doc:"enabled or disabled as shipped."`
	Initiator  Text    `yaml:"initiator" doc:"Who starts a session."`
	Indicator  Text    `yaml:"indicator" doc:"How an active session is shown on the device."`
	DataAccess Text    `yaml:"data_access" doc:"Which data the remote user can access."`
}

// DataStore is a place where data is stored.
type DataStore struct {
	Data         Text  `yaml:"data" doc:"What is stored."`
	Location     Text  `yaml:"location" doc:"Where."`
	PersonalData *bool `yaml:"personal_data" doc:"Whether it includes personal or health data."`
	Encrypted    *bool `yaml:"encrypted" doc:"Whether it is encrypted at rest."`
	Protection   Text  `yaml:"protection" doc:"How it is protected."`
}

// Integration describes go-live and HIS integration.
type Integration struct {
	Interfaces []Text `yaml:"interfaces" doc:"Interfaces to the hospital information system."`
	Steps      []Text `yaml:"steps" doc:"Go-live steps and security recommendations."`
}

// Operations describes operation and support.
type Operations struct {
	Monitoring Text `yaml:"monitoring" doc:"What to monitor in operation."`
	Support    Text `yaml:"support" doc:"How to get operational support."`
}

// Deployment describes secure network deployment.
type Deployment struct {
	Steps []Text `yaml:"steps" doc:"Secure deployment and servicing steps."`
}

// Support gives the support period.
type Support struct {
	EndOfSupport Date `yaml:"end_of_support" doc:"End of security support of the device (YYYY-MM-DD)."`
	EndOfLife    Date `yaml:"end_of_life" doc:"End of life of the device."`
	PostEOS      Text `yaml:"post_eos" doc:"What happens after end of support: what the manufacturer still provides and what users should do. It cannot move the manufacturer's obligations to anyone else."`
}

// Decommissioning describes secure decommissioning.
type Decommissioning struct {
	Steps            []Text `yaml:"steps" doc:"Decommissioning steps."`
	DataSanitization Text   `yaml:"data_sanitization" doc:"How data and software are sanitised."`
}

// CVD is the coordinated vulnerability disclosure policy.
type CVD struct {
	PolicyURL URL     `yaml:"policy_url" doc:"Where the policy is published."`
	Contact   Contact `yaml:"contact" doc:"Where to report vulnerabilities."`
	PGP       string  `yaml:"pgp" doc:"PGP key fingerprint or URL."`
	AckDays   int     `yaml:"ack_days" doc:"Days within which reports are acknowledged."`
}

// Advisories says how advisories are published.
type Advisories struct {
	Channel Text `yaml:"channel" doc:"How customers are notified."`
	URL     URL  `yaml:"url" doc:"Where advisories are published."`
}

// UpdatePolicy is the public update policy.
type UpdatePolicy struct {
	RegularCycle Text `yaml:"regular_cycle" doc:"Regular patch cycle."`
	CriticalSLA  Text `yaml:"critical_sla" doc:"How fast critical vulnerabilities are fixed out of band."`
}

// SBOMRef points to the software bill of materials.
type SBOMRef struct {
	Path    string `yaml:"path" doc:"Path of the SBOM file, relative to this spec."`
	Format  string `yaml:"format" doc:"Format, e.g. CycloneDX 1.6 JSON."`
	URI     URL    `yaml:"uri" doc:"Where customers can get the current SBOM."`
	VEX     string `yaml:"vex" doc:"Path of a separate CycloneDX VEX file, relative to this spec."`
	Updates Text   `yaml:"updates" doc:"When the SBOM is updated, e.g. with every software release."`
}

// ComponentInfo adds or overrides support data for one SBOM component.
type ComponentInfo struct {
	Purl         string       `yaml:"purl" doc:"Package URL of the component."`
	BOMRef       string       `yaml:"bom_ref" doc:"bom-ref of the component, if it has no purl."`
	SupportLevel SupportLevel `yaml:"support_level" doc:"actively-maintained, no-longer-maintained, abandoned or unknown."`
	EndOfSupport Date         `yaml:"end_of_support" doc:"End-of-support date."`
}

// MDS2 points to the MDS2 form.
type MDS2 struct {
	Version string `yaml:"version" doc:"Form version, e.g. HN 1-2019."`
	URI     URL    `yaml:"uri" doc:"Where the current MDS2 is published."`
}

// Responsibility assigns a security activity to stakeholders.
type Responsibility struct {
	Activity    string        `yaml:"activity" doc:"Activity id, e.g. os-patching; see docgen rules for the defaults."`
	Title       Text          `yaml:"title" doc:"What the activity is; required for a new activity."`
	Responsible []Stakeholder `yaml:"responsible" doc:"Who does it: manufacturer, integrator, operator, user."`
	Consulted   []Stakeholder `yaml:"consulted" doc:"Who is consulted or supports it."`
	Notes       Text          `yaml:"notes" doc:"How, when, or with what."`
}

// Variant is a model variant or software line that a spec covers together
// with the base device.
type Variant struct {
	ID          string `yaml:"id" doc:"Identifier referenced by streams, rules, interfaces and nodes."`
	Name        string `yaml:"name" doc:"Display name."`
	Model       string `yaml:"model" doc:"Model or catalogue number."`
	Description Text   `yaml:"description" doc:"How it differs from the other variants."`
}

// Absences are things a device does not have, stated on purpose with the
// reason. Each field is named after the spec section whose absence it
// states; a stated absence satisfies the requirements on that section.
type Absences struct {
	Accounts       Text `yaml:"accounts" doc:"The device has no user accounts (e.g. no login at all), and why."`
	RemoteAccess   Text `yaml:"remote_access" doc:"The device offers no remote access, and why."`
	Logging        Text `yaml:"logging" doc:"The device keeps no security log, and why."`
	SBOM           Text `yaml:"sbom" doc:"No SBOM is published (e.g. licence texts only), and why."`
	CVD            Text `yaml:"cvd" doc:"No coordinated vulnerability disclosure policy is published, and why."`
	MDS2           Text `yaml:"mds2" doc:"No MDS2 form is published, and why."`
	Backup         Text `yaml:"backup" doc:"The device keeps no data or configuration that needs a backup, and why."`
	Failsafe       Text `yaml:"failsafe" doc:"The device has no failsafe or degraded mode, and why."`
	SecurityEvents Text `yaml:"security_events" doc:"The device raises no security alerts, and why."`
	DataStores     Text `yaml:"data_stores" doc:"The device stores no data, and why."`
	Hardening      Text `yaml:"hardening" doc:"The device has no security settings the operator can change, and why."`
}

// Waiver accepts a finding on purpose.
type Waiver struct {
	Rule       string `yaml:"rule" doc:"Rule or catalog item id, e.g. IFU-FAILSAFE."`
	Path       string `yaml:"path" doc:"Optional spec path the waiver is limited to, e.g. firewall_rules[3]."`
	Rationale  Text   `yaml:"rationale" doc:"Why the finding is acceptable."`
	ApprovedBy string `yaml:"approved_by" doc:"Who accepted it."`
	Expires    Date   `yaml:"expires" doc:"After this date the waiver no longer applies."`
}

package spec

// Regulation is the EU regulation a device is placed on the market under.
type Regulation string

// The regulations docgen knows.
const (
	MDR  Regulation = "MDR"
	IVDR Regulation = "IVDR"
)

// EnumValues implements yamlx.Enum.
func (Regulation) EnumValues() []string { return []string{"MDR", "IVDR"} }

// DeviceClass is the risk class: I, Is, Im, Ir, IIa, IIb, III under the MDR;
// A, B, C, D under the IVDR.
type DeviceClass string

// MDRClasses and IVDRClasses list the classes valid under each regulation.
var (
	MDRClasses  = []string{"I", "Is", "Im", "Ir", "IIa", "IIb", "III"}
	IVDRClasses = []string{"A", "B", "C", "D"}
)

// EnumValues implements yamlx.Enum.
func (DeviceClass) EnumValues() []string {
	return append(append([]string{}, MDRClasses...), IVDRClasses...)
}

// Capability is an IEC TR 80001-2-2 security capability code, as used in
// MDCG 2019-16 Table 3 and the MDS2 form.
type Capability string

// Capabilities lists the IEC TR 80001-2-2 codes in the order of the standard.
var Capabilities = []string{
	"ALOF", "AUDT", "AUTH", "CNFS", "CSUP", "DIDT", "DTBK", "EMRG", "IGAU", "MLDP",
	"NAUT", "PAUT", "PLOK", "RDMP", "SAHD", "SGUD", "STCF", "TXCF", "TXIG",
}

// EnumValues implements yamlx.Enum.
func (Capability) EnumValues() []string { return Capabilities }

// Direction is the direction of traffic at an interface, seen from the device.
type Direction string

// EnumValues implements yamlx.Enum.
func (Direction) EnumValues() []string { return []string{"in", "out", "both"} }

// RuleDirection is the direction a firewall rule filters: inbound towards the
// device's zone, or outbound from it.
type RuleDirection string

// The firewall rule directions.
const (
	Inbound  RuleDirection = "inbound"
	Outbound RuleDirection = "outbound"
)

// EnumValues implements yamlx.Enum.
func (RuleDirection) EnumValues() []string { return []string{"inbound", "outbound"} }

// Transport is how data travels: an IP transport protocol (tcp, udp, icmp;
// "any" only in firewall rules) or a non-IP link such as Bluetooth LE or USB,
// which has no ports and no firewall rules.
type Transport string

// The transports.
const (
	TCP         Transport = "tcp"
	UDP         Transport = "udp"
	ICMP        Transport = "icmp"
	ICMPv6      Transport = "icmpv6"
	AnyProtocol Transport = "any"
)

// EnumValues implements yamlx.Enum.
func (Transport) EnumValues() []string {
	return []string{"tcp", "udp", "icmp", "icmpv6", "any", "bluetooth-le", "bluetooth", "usb", "serial", "nfc", "arp", "ethernet"}
}

// IsIP reports whether t is an IP transport (or unset, which is treated as
// IP so that a missing transport does not hide firewall findings).
func (t Transport) IsIP() bool {
	switch t {
	case "", TCP, UDP, ICMP, ICMPv6, AnyProtocol:
		return true
	}
	return false
}

// HasPorts reports whether t has ports: tcp and udp.
func (t Transport) HasPorts() bool { return t == TCP || t == UDP }

// IsICMP reports whether t is ICMP or ICMPv6.
func (t Transport) IsICMP() bool { return t == ICMP || t == ICMPv6 }

// Action is what a firewall rule does with matching traffic.
type Action string

// The firewall actions.
const (
	Allow Action = "allow"
	Deny  Action = "deny"
)

// EnumValues implements yamlx.Enum.
func (Action) EnumValues() []string { return []string{"allow", "deny"} }

// NodeKind classifies a network node for the diagram and the tables.
type NodeKind string

// EnumValues implements yamlx.Enum.
func (NodeKind) EnumValues() []string {
	return []string{"device", "server", "workstation", "mobile", "cloud", "network", "external"}
}

// AccountType says how an account is used.
type AccountType string

// EnumValues implements yamlx.Enum.
func (AccountType) EnumValues() []string {
	return []string{"interactive", "administrator", "service", "emergency"}
}

// InterfaceKind says what kind of interface a port or connector is.
type InterfaceKind string

// EnumValues implements yamlx.Enum.
func (InterfaceKind) EnumValues() []string {
	return []string{"network", "usb", "serial", "wifi", "bluetooth", "display", "other"}
}

// Setting is the default state of a control or interface.
type Setting string

// EnumValues implements yamlx.Enum.
func (Setting) EnumValues() []string { return []string{"enabled", "disabled"} }

// Stakeholder is a party that can own a security duty (MDCG 2019-16 §2.6).
type Stakeholder string

// The stakeholders.
const (
	ByManufacturer   Stakeholder = "manufacturer"
	ByIntegrator     Stakeholder = "integrator"
	ByOperator       Stakeholder = "operator"
	ProfessionalUser Stakeholder = "professional-user"
	LayUser          Stakeholder = "lay-user"
	// AnyUser is the format-1 "user": the lay user of a lay-user device,
	// else the professional user. Deprecated.
	AnyUser Stakeholder = "user"
)

// EnumValues implements yamlx.Enum.
func (Stakeholder) EnumValues() []string {
	return []string{"manufacturer", "integrator", "operator", "professional-user", "lay-user", "user"}
}

// PlatformProvider says who provides a device's hardware and operating
// system.
type PlatformProvider string

// EnumValues implements yamlx.Enum.
func (PlatformProvider) EnumValues() []string { return []string{"manufacturer", "operator"} }

// InternetAccess is the internet access a device needs.
type InternetAccess string

// The internet access levels.
const (
	NoInternet         InternetAccess = "none"
	RestrictedInternet InternetAccess = "restricted"
	InternetRequired   InternetAccess = "required"
)

// EnumValues implements yamlx.Enum.
func (InternetAccess) EnumValues() []string { return []string{"none", "restricted", "required"} }

// StreamDirection says which end of a data stream opens connections.
type StreamDirection string

// The stream directions.
const (
	OneWay   StreamDirection = "one-way"
	BothWays StreamDirection = "both"
)

// EnumValues implements yamlx.Enum.
func (StreamDirection) EnumValues() []string { return []string{"one-way", "both"} }

// ICMPType is an ICMP or ICMPv6 message type.
type ICMPType string

// EnumValues implements yamlx.Enum.
func (ICMPType) EnumValues() []string {
	return []string{
		"echo-request", "echo-reply", "destination-unreachable", "time-exceeded", "parameter-problem",
		"redirect", "timestamp", "router-solicitation", "router-advertisement",
		"neighbor-solicitation", "neighbor-advertisement", "packet-too-big",
	}
}

// SNMPVersion is an SNMP protocol version.
type SNMPVersion string

// EnumValues implements yamlx.Enum.
func (SNMPVersion) EnumValues() []string { return []string{"v1", "v2c", "v3"} }

// SNMPSecurityLevel is an SNMPv3 security level.
type SNMPSecurityLevel string

// EnumValues implements yamlx.Enum.
func (SNMPSecurityLevel) EnumValues() []string {
	return []string{"noAuthNoPriv", "authNoPriv", "authPriv"}
}

// WiFiSecurity is the security mode of a Wi-Fi interface.
type WiFiSecurity string

// EnumValues implements yamlx.Enum.
func (WiFiSecurity) EnumValues() []string {
	return []string{"open", "wep", "wpa-personal", "wpa2-personal", "wpa2-enterprise", "wpa3-personal", "wpa3-enterprise", "wpa3-enterprise-192"}
}

// FIPSStandard is a FIPS 140 edition a module is validated against.
type FIPSStandard string

// EnumValues implements yamlx.Enum.
func (FIPSStandard) EnumValues() []string { return []string{"FIPS 140-2", "FIPS 140-3"} }

// KeyHolder is who holds a recovery key.
type KeyHolder string

// EnumValues implements yamlx.Enum.
func (KeyHolder) EnumValues() []string {
	return []string{"manufacturer", "operator", "integrator", "nobody"}
}

// CredentialKind is a kind of authenticator.
type CredentialKind string

// EnumValues implements yamlx.Enum.
func (CredentialKind) EnumValues() []string {
	return []string{"password", "pin", "shared-pin", "smart-card", "certificate", "biometric", "physical-key", "otp", "fido2", "none"}
}

// Addressing says how an address is assigned.
type Addressing string

// EnumValues implements yamlx.Enum.
func (Addressing) EnumValues() []string { return []string{"static", "dhcp", "static-or-dhcp"} }

// SupportLevel is the FDA level of support of a software component.
type SupportLevel string

// EnumValues implements yamlx.Enum.
func (SupportLevel) EnumValues() []string {
	return []string{"actively-maintained", "no-longer-maintained", "abandoned", "unknown"}
}

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
	AnyProtocol Transport = "any"
)

// EnumValues implements yamlx.Enum.
func (Transport) EnumValues() []string {
	return []string{"tcp", "udp", "icmp", "any", "bluetooth-le", "bluetooth", "usb", "serial", "nfc"}
}

// IsIP reports whether t is an IP transport (or unset, which is treated as
// IP so that a missing transport does not hide firewall findings).
func (t Transport) IsIP() bool {
	switch t {
	case "", TCP, UDP, ICMP, AnyProtocol:
		return true
	}
	return false
}

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

// EnumValues implements yamlx.Enum.
func (Stakeholder) EnumValues() []string {
	return []string{"manufacturer", "integrator", "operator", "user"}
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

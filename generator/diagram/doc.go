// Package diagram draws the network diagram of a device spec: the network
// zones as labelled groups, the nodes inside them, and the data streams as
// labelled arrows from source to destination. It is written for network
// administrators who have to place the device in their network and open
// their firewalls for it.
//
// The work is split in two steps so that every output format draws the same
// picture. [Build] lays the diagram out and returns a [Diagram]: plain data
// (boxes, polylines, arrowheads and text lines with coordinates, in abstract
// units of which one is one SVG pixel). A renderer then only draws what it is
// given; [Diagram.WriteSVG] is one such renderer, a PDF renderer scales the
// same numbers to points.
//
//	s, err := spec.Load("examples/imaging-workstation/device.yaml")
//	if err != nil {
//		return err
//	}
//	d, err := diagram.Build(s)
//	if err != nil {
//		return err
//	}
//	if d == nil {
//		return nil // the spec has no network nodes: there is nothing to draw
//	}
//	return d.WriteSVG(w)
//
// # Reading the diagram
//
// Zones are stacked in columns. The zone the device belongs in
// (network.zone) starts the first column; every other zone follows the
// nearest zone it exchanges data with, one level further right, so that
// every arrow joins neighbouring columns or turns back into its own column
// through the gap beside it. When a chain of zones is long, neighbouring
// levels share a column: Build tries each number of columns and keeps the
// layout that prints largest on an A4 page, upright or turned. Zones of a
// column are stacked in the order they are reached; nodes inside a zone keep
// the order of the spec. Nodes without a zone share an implicit group drawn
// with a dashed border.
//
// An arrow points at the end that accepts the connection, the direction in
// which a firewall must let it pass; a stream that either end opens
// (direction: both) has arrowheads at both ends. Streams between the same
// ends, with the same direction, encryption and state, are merged into one
// arrow with one label line per protocol, such as "DICOM TLS · tcp/2762".
// The line pattern says what a stream is: solid when it is encrypted and
// always there, dotted when it is not encrypted (encryption "none", "no",
// "cleartext", "plaintext" or nothing), dashed when it is off by default or
// conditional (default_enabled: false, condition), dash-dotted when both. A
// stream carried inside a tunnel is no arrow of its own, since it opens no
// port: the tunnel's label names it ("carrying VNC, SFTP"). A stream that
// stays inside one host (a node to itself, or two nodes at the same
// address) is not drawn; the text description ([Diagram.Describe]) lists
// it. A stream whose end-point is a zone attaches to the zone's border.
//
// Nodes the manufacturer supplies (spec.Spec.IsSupplied) have a heavy black
// outline; other nodes, including other manufacturers' devices, a thin one.
// When the spec has variants, a node or stream of some variants only says
// which ("only Model B") in its box or label. The legend has an entry for
// each arrow, pattern, outline and node colour that occurs, and no other.
//
// Each label sits on its own arrow, next to the box at one of its ends, in a
// band beside the column that only the arrows of that column enter, each at
// its own height; so labels never overlap each other, a box or another line. Text sizes are estimated from the metrics of
// DejaVu Sans (see [TextWidth]), the font the SVG asks for first.
//
// # Determinism
//
// The layout uses no randomness, no clock and no map iteration: the same spec
// gives the same diagram and the same SVG bytes. All coordinates are whole or
// half units, so they print identically on every platform.
package diagram

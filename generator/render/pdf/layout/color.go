package layout

// Color is an RGB colour as 0xRRGGBB, or [None].
type Color uint32

// None is the absence of a colour: no fill, or no stroke.
const None Color = 1 << 24

// Black is the colour of text.
const Black Color = 0

// RGB returns the colour with the given components.
func RGB(r, g, b uint8) Color { return Color(r)<<16 | Color(g)<<8 | Color(b) }

// Hex parses a colour written as #rrggbb or #rgb; it returns def if s is
// not such a colour.
func Hex(s string, def Color) Color {
	if len(s) == 4 && s[0] == '#' {
		s = string([]byte{'#', s[1], s[1], s[2], s[2], s[3], s[3]})
	}
	if len(s) != 7 || s[0] != '#' {
		return def
	}
	var c Color
	for _, ch := range []byte(s[1:]) {
		var v byte
		switch {
		case ch >= '0' && ch <= '9':
			v = ch - '0'
		case ch >= 'a' && ch <= 'f':
			v = ch - 'a' + 10
		case ch >= 'A' && ch <= 'F':
			v = ch - 'A' + 10
		default:
			return def
		}
		c = c<<4 | Color(v)
	}
	return c
}

// RGB returns the components of c; c must not be None.
func (c Color) RGB() (r, g, b uint8) { return uint8(c >> 16), uint8(c >> 8), uint8(c) }

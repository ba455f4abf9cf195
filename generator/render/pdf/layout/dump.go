package layout

import (
	"fmt"
	"strings"
)

// Dump describes pages as text for golden tests: the page count, and for
// every page its size and, in drawing order, its text, images, links and
// outline marks, with coordinates rounded to whole points. Rectangles and
// paths are only counted, so the dump stays readable.
func Dump(pages []*Page) string {
	var b strings.Builder
	fmt.Fprintf(&b, "pages: %d\n", len(pages))
	for n, p := range pages {
		fmt.Fprintf(&b, "\npage %d (%.0f x %.0f)\n", n+1, p.Template.Width, p.Template.Height)
		shapes := 0
		for _, op := range p.Ops {
			switch o := op.(type) {
			case Text:
				fmt.Fprintf(&b, "  text %4.0f %4.0f %s %.1f %q\n", o.X, o.Y, o.Face, o.Size, o.S)
			case Image:
				fmt.Fprintf(&b, "  image %4.0f %4.0f %.0fx%.0f %s\n", o.X, o.Y, o.W, o.H, o.Key)
			case Link:
				target := o.URL
				switch {
				case target != "":
				case o.File != "":
					target = o.File + "#" + o.Dest
				default:
					target = fmt.Sprintf("#%s -> page %d", o.Dest, o.Page)
				}
				fmt.Fprintf(&b, "  link %4.0f %4.0f %.0fx%.0f %s\n", o.X, o.Y, o.W, o.H, target)
			case Mark:
				fmt.Fprintf(&b, "  mark %d %4.0f %q\n", o.Level, o.Y, o.Title)
			case Anchor:
				fmt.Fprintf(&b, "  anchor %4.0f %s\n", o.Y, o.Name)
			default:
				shapes++
			}
		}
		fmt.Fprintf(&b, "  shapes %d\n", shapes)
	}
	return b.String()
}

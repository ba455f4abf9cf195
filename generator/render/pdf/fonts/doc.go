// Package fonts holds the typefaces of docgen's PDF documents and their
// metrics: DejaVu Sans (regular, bold, oblique, bold oblique) for text and
// DejaVu Sans Mono for code, as shipped by github.com/go-fonts/dejavu. They
// cover the Latin, Greek and Cyrillic scripts, and so every official
// language of the European Union.
//
// A [Face] names one typeface. [Face.Width] measures text set in it,
// [Face.Has] tells whether it has a glyph for a character, and [Face.TTF]
// returns the font file for embedding. The metrics are read from the font
// files once per process, on first use, and kept in flat tables, so
// measuring costs one table look-up per character.
//
//	w := fonts.Bold.Width("Contents", 14) // in points at 14 pt
//
// Only characters of the Basic Multilingual Plane (U+0000 to U+FFFF) are
// supported; [Face.Has] reports false for all others, so that callers
// replace them.
//
// # Licence
//
// The DejaVu fonts are free: Bitstream Vera licence with public-domain
// DejaVu changes (see [License]); they may be embedded in documents and
// redistributed.
package fonts

package diagram

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Advance widths of the printable ASCII characters (space to tilde) in
// DejaVu Sans and DejaVu Sans Bold, in thousandths of an em.
var (
	asciiRegular = [95]uint16{
		318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
		636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
		1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
		603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
		500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
		635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
	}
	asciiBold = [95]uint16{
		348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
		696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
		1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
		733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
		500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
		716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
	}
)

// TextWidth estimates the width of s set in DejaVu Sans (bold if bold) at
// size units, rounded up to a whole unit. ASCII uses the font's real
// advance widths; other letters count 0.7 em, wide East Asian characters
// 1 em and combining marks nothing. Arial, the fallback font, is narrower,
// so text measured here always fits.
func TextWidth(s string, size float64, bold bool) float64 {
	table := &asciiRegular
	if bold {
		table = &asciiBold
	}
	var w float64
	for _, r := range s {
		switch {
		case r >= ' ' && r <= '~':
			w += float64(table[r-' '])
		case r == '\u00b7': // middle dot, used in labels
			w += 318
		case r == nbsp:
			w += float64(table[0])
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == '\u200b':
		case isWide(r):
			w += 1000
		default:
			w += 700
		}
	}
	return math.Ceil(w * size / 1000)
}

// isWide reports whether r is a wide (East Asian) character.
func isWide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) ||
		(r >= 0xac00 && r <= 0xd7a3) || (r >= 0xf900 && r <= 0xfaff) ||
		(r >= 0xfe30 && r <= 0xfe4f) || (r >= 0xff00 && r <= 0xff60) ||
		(r >= 0xffe0 && r <= 0xffe6) || (r >= 0x1f300 && r <= 0x1faff) ||
		(r >= 0x20000 && r <= 0x3fffd))
}

// ellipsis marks text cut short.
const ellipsis = "…"

// nbsp is a no-break space: wrap never breaks a line there.
const nbsp = '\u00a0'

// wrap breaks s into lines no wider than max, at most maxLines of them; the
// last line ends in an ellipsis if text was left over. Lines break at spaces
// (not at no-break spaces);
// a word wider than a line breaks after '.', '-', '/', ',' or ':', or else
// between any two characters.
func wrap(s string, size float64, bold bool, max float64, maxLines int) []string {
	s = clean(s)
	if s == "" {
		return nil
	}
	var lines []string
	line := ""
	for _, word := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' }) {
		cand := word
		if line != "" {
			cand = line + " " + word
		}
		if TextWidth(cand, size, bold) <= max {
			line = cand
			continue
		}
		if line != "" {
			lines = append(lines, line)
			line = ""
		}
		// The word alone is too wide: cut it into pieces that fit.
		for TextWidth(word, size, bold) > max {
			head, tail := splitWord(word, size, bold, max)
			lines = append(lines, head)
			word = tail
		}
		line = word
	}
	if line != "" {
		lines = append(lines, line)
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = shorten(lines[maxLines-1]+ellipsis, size, bold, max)
	}
	return lines
}

// splitWord cuts the longest head off word that fits in max, preferring a
// cut after a punctuation character. The head is never empty.
func splitWord(word string, size float64, bold bool, max float64) (string, string) {
	fit, punct := 0, 0
	for i, r := range word {
		end := i + utf8.RuneLen(r)
		if TextWidth(word[:end], size, bold) > max {
			break
		}
		fit = end
		if strings.ContainsRune(".-/,:_@", r) && end < len(word) {
			punct = end
		}
	}
	if fit == 0 {
		_, n := utf8.DecodeRuneInString(word)
		fit = n
	}
	if punct > fit/2 {
		fit = punct
	}
	return word[:fit], word[fit:]
}

// shorten cuts s, which ends in an ellipsis, until it fits in max.
func shorten(s string, size float64, bold bool, max float64) string {
	body := strings.TrimSuffix(s, ellipsis)
	for body != "" && TextWidth(body+ellipsis, size, bold) > max {
		_, n := utf8.DecodeLastRuneInString(body)
		body = strings.TrimRight(body[:len(body)-n], " ")
	}
	return body + ellipsis
}

// clean replaces control characters and other runes that XML or a PDF
// cannot carry by spaces, and invalid UTF-8 by U+FFFD.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError:
			return '\uFFFD'
		case r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xfffe || r == 0xffff:
			return ' '
		case r >= 0xd800 && r <= 0xdfff:
			return '\uFFFD'
		}
		return r
	}, s)
}

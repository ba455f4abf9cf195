package sbom

// jsonTooDeep scans JSON text and returns the byte offset of the first
// opening bracket or brace nested deeper than max, or -1. It only tracks
// strings and brackets, so it runs before (and much faster than) decoding;
// syntax errors are left to the decoder.
func jsonTooDeep(data []byte, max int) int64 {
	depth := 0
	inString, escaped := false, false
	for i, c := range data {
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{', '[':
			depth++
			if depth > max {
				return int64(i)
			}
		case '}', ']':
			depth--
		}
	}
	return -1
}

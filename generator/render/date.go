package render

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// DocumentDate returns the date to write into a document's metadata: t
// when it is set, else the time SOURCE_DATE_EPOCH gives (seconds since
// 1970, see reproducible-builds.org), else the zero time, for which formats
// leave the date out or use a fixed one. The clock is never read, so that
// the output is reproducible.
func DocumentDate(t time.Time) time.Time {
	if !t.IsZero() {
		return t.UTC()
	}
	if v := strings.TrimSpace(os.Getenv("SOURCE_DATE_EPOCH")); v != "" {
		if sec, err := strconv.ParseInt(v, 10, 64); err == nil && sec >= 0 && sec < 253402300800 {
			return time.Unix(sec, 0).UTC()
		}
	}
	return time.Time{}
}

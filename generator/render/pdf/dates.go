package pdf

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// documentDate returns the date written into the document: t if set, else
// the time SOURCE_DATE_EPOCH gives (see reproducible-builds.org), else the
// Unix epoch. The clock is never read, so that the output is reproducible.
func documentDate(t time.Time) time.Time {
	if !t.IsZero() {
		return t.UTC()
	}
	if v := strings.TrimSpace(os.Getenv("SOURCE_DATE_EPOCH")); v != "" {
		if sec, err := strconv.ParseInt(v, 10, 64); err == nil && sec >= 0 && sec < 253402300800 {
			return time.Unix(sec, 0).UTC()
		}
	}
	return time.Unix(0, 0).UTC()
}

package fpdfbackend

import (
	"bytes"
	"compress/zlib"
)

// deflater compresses streams with one reused zlib writer.
type deflater struct {
	buf bytes.Buffer
	w   *zlib.Writer
}

func newDeflater() *deflater {
	d := &deflater{}
	d.w, _ = zlib.NewWriterLevel(&d.buf, zlib.BestSpeed) // the level is valid
	return d
}

// deflate returns data compressed in the zlib format (/FlateDecode). The
// result is valid until the next call.
func (d *deflater) deflate(data []byte) []byte {
	d.buf.Reset()
	d.w.Reset(&d.buf)
	_, _ = d.w.Write(data) // writes to a bytes.Buffer do not fail
	_ = d.w.Close()
	return d.buf.Bytes()
}

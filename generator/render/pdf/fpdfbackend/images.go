package fpdfbackend

import (
	"bytes"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"sort"

	"github.com/go-pdf/fpdf"

	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// MaxPixels is the largest image, in pixels, that is embedded; larger ones
// are left out rather than decoded.
const MaxPixels = 40 << 20

// addImages registers the images the pages draw. PNG files are decoded and
// written again as 8-bit PNG, which fpdf reads in all cases (it rejects
// interlaced and 16-bit files); JPEG files are embedded as they are. An
// image that does not decode is left out.
func (s *state) addImages() {
	s.images = map[string]string{}
	used := map[string]bool{}
	for _, p := range s.doc.Pages {
		for _, op := range p.Ops {
			if o, ok := op.(layout.Image); ok {
				used[o.Key] = true
			}
		}
	}
	keys := make([]string, 0, len(used))
	for k := range used {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		data, kind, ok := Normalize(s.doc.Images[k])
		if !ok {
			continue
		}
		info := s.f.RegisterImageOptionsReader(k, fpdf.ImageOptions{ImageType: kind}, bytes.NewReader(data))
		if info == nil || s.f.Err() {
			// Should not happen after Normalize; never fail the document
			// for one image.
			s.f.ClearError()
			continue
		}
		s.images[k] = kind
	}
}

func (s *state) drawImage(o layout.Image) {
	kind, ok := s.images[o.Key]
	if !ok || o.W <= 0 || o.H <= 0 {
		return
	}
	s.f.ImageOptions(o.Key, o.X, o.Y, o.W, o.H, false, fpdf.ImageOptions{ImageType: kind}, 0, "")
}

// Normalize checks that data is a PNG or JPEG image no larger than
// [MaxPixels] and returns it in a form fpdf embeds, with its type ("png" or
// "jpg"). PNG images are re-encoded as non-interlaced 8-bit PNG.
func Normalize(data []byte) ([]byte, string, bool) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > MaxPixels {
		return nil, "", false
	}
	switch format {
	case "jpeg":
		if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
			return nil, "", false
		}
		return data, "jpg", true
	case "png":
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, "", false
		}
		switch img.(type) {
		case *image.Gray, *image.NRGBA, *image.RGBA, *image.Paletted:
		default:
			n := image.NewNRGBA(img.Bounds())
			draw.Draw(n, n.Bounds(), img, img.Bounds().Min, draw.Src)
			img = n
		}
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(&buf, img); err != nil {
			return nil, "", false
		}
		return buf.Bytes(), "png", true
	}
	return nil, "", false
}

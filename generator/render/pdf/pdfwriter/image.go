package pdfwriter

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strconv"
)

// MaxPixels is the largest image, in pixels, that is embedded; larger ones
// are left out rather than decoded.
const MaxPixels = 40 << 20

// imageObj is an image XObject of the document.
type imageObj struct {
	name string
	obj  int
	data []byte
}

// image returns the XObject of the image registered under key, reserving
// its number on first use; nil if the image cannot be embedded.
func (w *writer) image(key string) *imageObj {
	if im, ok := w.images[key]; ok {
		return im
	}
	var im *imageObj
	if data := w.d.Images[key]; Embeddable(data) {
		im = &imageObj{name: "Im" + strconv.Itoa(len(w.imageOrder)), obj: w.alloc(), data: data}
		w.imageOrder = append(w.imageOrder, key)
	}
	w.images[key] = im
	return im
}

// writeImages writes the images used, in order of first use.
func (w *writer) writeImages() {
	for _, k := range w.imageOrder {
		im := w.images[k]
		w.writeImage(im)
	}
}

// Embeddable reports whether data is a PNG or JPEG image of at most
// [MaxPixels] that decodes.
func Embeddable(data []byte) bool {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > MaxPixels || (format != "png" && format != "jpeg") {
		return false
	}
	_, _, err = image.Decode(bytes.NewReader(data))
	return err == nil
}

// writeImage writes an image: a JPEG file in RGB or grey as it is
// (DCTDecode), anything else as 8-bit RGB or grey samples, with a soft
// mask for transparency.
func (w *writer) writeImage(im *imageObj) {
	cfg, format, _ := image.DecodeConfig(bytes.NewReader(im.data))
	if format == "jpeg" {
		cs := ""
		switch cfg.ColorModel {
		case color.YCbCrModel, color.RGBAModel:
			cs = "/DeviceRGB"
		case color.GrayModel:
			cs = "/DeviceGray"
		}
		if cs != "" {
			w.stream(im.obj, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode",
				cfg.Width, cfg.Height, cs), im.data, false)
			return
		}
	}
	var img image.Image
	var err error
	if format == "jpeg" {
		img, err = jpeg.Decode(bytes.NewReader(im.data))
	} else {
		img, err = png.Decode(bytes.NewReader(im.data))
	}
	if err != nil {
		// Embeddable decoded it; write a blank pixel rather than fail.
		img = image.NewGray(image.Rect(0, 0, 1, 1))
	}
	b := img.Bounds()
	gray := false
	switch img.(type) {
	case *image.Gray, *image.Gray16:
		gray = true
	}
	n := 3
	if gray {
		n = 1
	}
	samples := make([]byte, 0, b.Dx()*b.Dy()*n)
	alpha := make([]byte, 0, b.Dx()*b.Dy())
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if gray {
				samples = append(samples, c.R)
			} else {
				samples = append(samples, c.R, c.G, c.B)
			}
			alpha = append(alpha, c.A)
			if c.A != 0xff {
				opaque = false
			}
		}
	}
	cs := "/DeviceRGB"
	if gray {
		cs = "/DeviceGray"
	}
	dict := fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8", b.Dx(), b.Dy(), cs)
	if !opaque {
		mask := w.alloc()
		w.stream(mask, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8", b.Dx(), b.Dy()), alpha, true)
		dict += " /SMask " + ref(mask)
	}
	w.stream(im.obj, dict, samples, true)
}

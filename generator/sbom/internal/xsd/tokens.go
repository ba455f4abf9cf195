package xsd

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// tokenKind says what a token is.
type tokenKind uint8

const (
	tokStart tokenKind = iota
	tokEnd
	tokText
	tokEOF
	tokErr
)

// token is what parse needs of one token of the decoder: start tags with
// their names and attributes, end tags, character data, the end of the
// document or a syntax error. Comments, processing instructions and the
// DOCTYPE are not passed on.
type token struct {
	kind  tokenKind
	start xml.StartElement
	text  string // character data
	line  int    // for start tags and text: the decoder's line after it
	err   error  // a *SyntaxError
}

// tokenizer reads tokens from an encoding/xml decoder.
type tokenizer struct {
	d *xml.Decoder
	// space holds the white-space runs seen, so that the indentation
	// between elements is not copied again for every element.
	space map[string]string
}

func newTokenizer(r io.Reader) *tokenizer {
	d := xml.NewDecoder(r)
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return in, nil
		}
		return nil, fmt.Errorf("%w: %s", errEncoding, label)
	}
	return &tokenizer{d: d, space: map[string]string{}}
}

// next returns the next token. Its text is a copy: it stays valid after
// the next call.
func (tz *tokenizer) next() token {
	for {
		tok, err := tz.d.Token()
		if err == io.EOF {
			return token{kind: tokEOF}
		}
		if err != nil {
			line, _ := tz.d.InputPos()
			if errors.Is(err, errEncoding) {
				_, label, _ := strings.Cut(err.Error(), ": ")
				return token{kind: tokErr, err: &SyntaxError{Line: line, Code: CodeEncoding, Detail: label}}
			}
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return token{kind: tokErr, err: &SyntaxError{Line: se.Line, Detail: se.Msg}}
			}
			return token{kind: tokErr, err: &SyntaxError{Line: line, Detail: err.Error()}}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			// Names and attribute values are new strings for each token;
			// only character data points into the decoder's buffer.
			line, _ := tz.d.InputPos()
			return token{kind: tokStart, start: t, line: line}
		case xml.EndElement:
			return token{kind: tokEnd}
		case xml.CharData:
			line, _ := tz.d.InputPos()
			return token{kind: tokText, text: tz.copyText(t), line: line}
		}
	}
}

// copyText returns t as a string, sharing short white-space runs.
func (tz *tokenizer) copyText(t []byte) string {
	if len(t) > 64 || len(bytes.TrimLeft(t, " \t\r\n")) > 0 {
		return string(t)
	}
	if s, ok := tz.space[string(t)]; ok {
		return s
	}
	s := string(t)
	tz.space[s] = s
	return s
}

// tokenBatch is the number of tokens handed over at a time by [readAhead].
const tokenBatch = 512

// readAhead reads the tokens in a goroutine of their own, a batch ahead of
// next, so that decoding the XML and building and validating the tree run
// side by side. Batches go back to the reader once read, so that a long
// document does not allocate one per 512 tokens. stop must be called once
// the caller is done with next, whether or not it read to the end.
func readAhead(tz *tokenizer) (next func() token, stop func()) {
	batches := make(chan []token, 4)
	free := make(chan []token, 8)
	quit := make(chan struct{})
	go func() {
		defer close(batches)
		for {
			var batch []token
			select {
			case batch = <-free:
			default:
				batch = make([]token, 0, tokenBatch)
			}
			last := false
			for !last && len(batch) < tokenBatch {
				t := tz.next()
				batch = append(batch, t)
				last = t.kind == tokEOF || t.kind == tokErr
			}
			select {
			case batches <- batch:
			case <-quit:
				return
			}
			if last {
				return
			}
		}
	}()
	var batch []token
	pos := 0
	next = func() token {
		for pos == len(batch) {
			if batch != nil {
				clear(batch)
				select {
				case free <- batch[:0]:
				default:
				}
			}
			b, ok := <-batches
			if !ok {
				batch = nil
				return token{kind: tokEOF}
			}
			batch, pos = b, 0
		}
		pos++
		return batch[pos-1]
	}
	stop = func() {
		close(quit)
		for range batches { // let the reader see quit and end
		}
	}
	return next, stop
}

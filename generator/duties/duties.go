// Package duties computes a device's responsibility matrix: for each
// security activity (patching, backups, firewalling, incident reporting, ...)
// who is responsible and who is consulted among the manufacturer, the
// integrator, the operator (the healthcare organisation), professional users
// and lay users, as MDCG 2019-16 §2.6 asks.
//
// The defaults are data (specs/responsibility/mdcg-2019-16.yaml, their
// titles in templates/messages/<lang>/duties.yaml) with two
// settings per activity: professional (an operator organisation) and home
// (lay users, no operator). A device takes the settings it has, from its
// flags lay_users and professional_operator; a device with both takes the
// parties of both. A spec's `responsibilities:` entries override the
// defaults by activity id or add new activities:
//
//	m, err := duties.Matrix(s)
//	for _, d := range m { fmt.Println(d.ID, d.Responsible) }
package duties

import (
	"bytes"
	"fmt"
	"slices"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/specs"
)

// Duty is one row of the matrix.
type Duty struct {
	ID          string
	Title       string
	Responsible []spec.Stakeholder
	Consulted   []spec.Stakeholder
	Notes       string
	Clauses     []string
	// Path is the spec path of the entry that set the duty, or "" when it
	// is a default.
	Path string
	// NotForLay is set for default activities that have no home setting:
	// duties that never fall to a lay user.
	NotForLay bool
}

// Has reports whether stakeholder s is responsible for or consulted on d.
func (d Duty) Has(s spec.Stakeholder) bool {
	return slices.Contains(d.Responsible, s) || slices.Contains(d.Consulted, s)
}

// parties is who does an activity in one setting.
type parties struct {
	Responsible []spec.Stakeholder `yaml:"responsible"`
	Consulted   []spec.Stakeholder `yaml:"consulted"`
}

// activity is a default of the matrix as written in the data file.
type activity struct {
	ID           string   `yaml:"id"`
	Professional *parties `yaml:"professional"`
	Home         *parties `yaml:"home"`
	Clauses      []string `yaml:"clauses"`
	// UnlessAbsent names the absences (spec `absent:` sections) that make
	// the activity not arise: no account management for a device that
	// states it has no accounts.
	UnlessAbsent []string `yaml:"unless_absent"`
}

var (
	loadOnce sync.Once
	defaults []activity
	loadErr  error
)

// defaultActivities returns the default activities in their order.
func defaultActivities() ([]activity, error) {
	loadOnce.Do(func() {
		data, err := specs.FS.ReadFile("responsibility/mdcg-2019-16.yaml")
		if err != nil {
			loadErr = err
			return
		}
		var f struct {
			Activities []activity `yaml:"activities"`
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(&f); err != nil {
			loadErr = fmt.Errorf("specs/responsibility: %w", err)
			return
		}
		defaults = f.Activities
	})
	return defaults, loadErr
}

// DefaultIDs lists the ids of the default activities.
func DefaultIDs() []string {
	acts, _ := defaultActivities()
	ids := make([]string, len(acts))
	for i, a := range acts {
		ids[i] = a.ID
	}
	return ids
}

// Matrix returns the responsibility matrix of s in English; see [MatrixIn].
func Matrix(s *spec.Spec) ([]Duty, error) { return MatrixIn(s, msg.DefaultLanguage) }

// MatrixIn returns the responsibility matrix of s with its texts in
// language lang: the titles and notes of the default activities from the
// message set of lang (duty.<id>.title, duty.<id>.notes in
// templates/messages/<lang>/duties.yaml), a spec's own in their translation
// into lang. It consists of the default activities
// that arise in the device's settings, in their order, overridden by the
// spec's entries, then the spec's new activities in spec order. An override
// replaces the lists it gives and keeps the others. The deprecated
// stakeholder "user" is resolved to the lay or professional user.
func MatrixIn(s *spec.Spec, lang string) ([]Duty, error) {
	m := msg.For(lang)
	title := func(id string) string { return m.Get("duty." + id + ".title") }
	notes := func(id string) string {
		if m.Has("duty." + id + ".notes") {
			return m.Get("duty." + id + ".notes")
		}
		return ""
	}
	acts, err := defaultActivities()
	if err != nil {
		return nil, err
	}
	home, professional := s.Device.LayUsers, s.Device.HasOperator()
	out := make([]Duty, 0, len(acts)+len(s.Responsibilities))
	for _, a := range acts {
		var settings []*parties
		if professional && a.Professional != nil {
			settings = append(settings, a.Professional)
		}
		if home && a.Home != nil {
			settings = append(settings, a.Home)
		}
		if len(settings) == 0 || slices.ContainsFunc(a.UnlessAbsent, s.IsAbsent) {
			continue // the activity does not arise for this device
		}
		d := Duty{ID: a.ID, Title: title(a.ID), Notes: notes(a.ID), Clauses: a.Clauses, NotForLay: a.Home == nil}
		for _, p := range settings {
			d.Responsible = union(d.Responsible, p.Responsible)
		}
		for _, p := range settings {
			for _, c := range p.Consulted {
				if !slices.Contains(d.Responsible, c) {
					d.Consulted = union(d.Consulted, []spec.Stakeholder{c})
				}
			}
		}
		out = append(out, d)
	}
	known := DefaultIDs()
	for i, r := range s.Responsibilities {
		k := slices.IndexFunc(out, func(d Duty) bool { return d.ID == r.Activity })
		if k < 0 {
			d := Duty{ID: r.Activity, Clauses: []string{}}
			if j := slices.Index(known, r.Activity); j >= 0 {
				// A default that does not arise in the device's settings,
				// given on purpose by the spec.
				a := acts[j]
				d.Title, d.Notes, d.Clauses, d.NotForLay = title(a.ID), notes(a.ID), a.Clauses, a.Home == nil
			}
			out = append(out, d)
			k = len(out) - 1
		}
		d := &out[k]
		d.Path = fmt.Sprintf("responsibilities[%d]", i)
		if t := r.Title.In(lang); t != "" {
			d.Title = t
		}
		if r.Responsible != nil {
			d.Responsible = resolve(s, r.Responsible)
		}
		if r.Consulted != nil {
			d.Consulted = resolve(s, r.Consulted)
		}
		if n := r.Notes.In(lang); n != "" {
			d.Notes = n
		}
	}
	for i := range out {
		if out[i].Responsible == nil {
			out[i].Responsible = []spec.Stakeholder{}
		}
		if out[i].Consulted == nil {
			out[i].Consulted = []spec.Stakeholder{}
		}
	}
	return out, nil
}

// union appends the members of add that list lacks.
func union(list, add []spec.Stakeholder) []spec.Stakeholder {
	for _, a := range add {
		if !slices.Contains(list, a) {
			list = append(list, a)
		}
	}
	return list
}

// resolve gives the deprecated "user" its current name.
func resolve(s *spec.Spec, ss []spec.Stakeholder) []spec.Stakeholder {
	out := make([]spec.Stakeholder, 0, len(ss))
	for _, st := range ss {
		out = union(out, []spec.Stakeholder{s.Resolve(st)})
	}
	return out
}

// Package duties computes a device's responsibility matrix: for each
// security activity (patching, backups, firewalling, incident reporting, ...)
// who is responsible and who is consulted among manufacturer, integrator,
// operator and user, as MDCG 2019-16 §2.6 asks.
//
// The defaults are data (specs/responsibility/mdcg-2019-16.yaml); a spec's
// `responsibilities:` entries override them by activity id or add new
// activities:
//
//	m, err := duties.Matrix(s)
//	for _, d := range m { fmt.Println(d.ID, d.Responsible) }
//
// For devices used by lay persons (device flag lay_users) the defaults'
// lay_responsible and lay_consulted lists apply, since there is no operator
// organisation in a patient's home.
package duties

import (
	"fmt"
	"slices"
	"sync"

	"gopkg.in/yaml.v3"

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
}

// Has reports whether stakeholder s is responsible for or consulted on d.
func (d Duty) Has(s spec.Stakeholder) bool {
	return slices.Contains(d.Responsible, s) || slices.Contains(d.Consulted, s)
}

// activity is a default of the matrix as written in the data file.
type activity struct {
	ID             string             `yaml:"id"`
	Title          string             `yaml:"title"`
	Responsible    []spec.Stakeholder `yaml:"responsible"`
	Consulted      []spec.Stakeholder `yaml:"consulted"`
	LayResponsible []spec.Stakeholder `yaml:"lay_responsible"`
	LayConsulted   []spec.Stakeholder `yaml:"lay_consulted"`
	Clauses        []string           `yaml:"clauses"`
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
		if err := yaml.Unmarshal(data, &f); err != nil {
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

// Matrix returns the responsibility matrix of s: the defaults in their
// order, overridden by the spec's entries, then the spec's new activities in
// spec order. An override replaces the lists it gives and keeps the others.
func Matrix(s *spec.Spec) ([]Duty, error) {
	acts, err := defaultActivities()
	if err != nil {
		return nil, err
	}
	lay := s.Device.LayUsers
	out := make([]Duty, 0, len(acts)+len(s.Responsibilities))
	for _, a := range acts {
		d := Duty{ID: a.ID, Title: a.Title, Responsible: a.Responsible, Consulted: a.Consulted, Clauses: a.Clauses}
		if lay {
			if a.LayResponsible != nil {
				d.Responsible = a.LayResponsible
			}
			d.Consulted = a.LayConsulted
		}
		out = append(out, d)
	}
	for i, r := range s.Responsibilities {
		k := slices.IndexFunc(out, func(d Duty) bool { return d.ID == r.Activity })
		if k < 0 {
			out = append(out, Duty{ID: r.Activity, Clauses: []string{}})
			k = len(out) - 1
		}
		d := &out[k]
		d.Path = fmt.Sprintf("responsibilities[%d]", i)
		if t := r.Title.Value; t != "" {
			d.Title = t
		}
		if r.Responsible != nil {
			d.Responsible = r.Responsible
		}
		if r.Consulted != nil {
			d.Consulted = r.Consulted
		}
		d.Notes = r.Notes.Value
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

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
)

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:        "rules",
		Usage:       msg.Get("cli.rules.usage"),
		UsageText:   "docgen rules [--profile P] [--regulation MDR|IVDR] [--format text|json|markdown] [SPEC]",
		Description: help("rules"),
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "profile", Aliases: []string{"p"}, Usage: msg.Format("cli.flag.profile", strings.Join(catalog.Profiles(), ", "))},
			&cli.StringFlag{Name: "regulation", Usage: msg.Get("cli.flag.regulation")},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: msg.Get("cli.flag.rules_format")},
		},
		Action: func(c *cli.Context) error {
			profiles, reg := c.StringSlice("profile"), spec.Regulation(strings.ToUpper(c.String("regulation")))
			if reg != "" && !slices.Contains(reg.EnumValues(), string(reg)) {
				return fail(exitInput, msg.Format("cli.bad_regulation", c.String("regulation")))
			}
			switch c.NArg() {
			case 0:
			case 1:
				s, err := generator.LoadSpec(c.Args().First())
				if err != nil {
					return fail(exitInput, err.Error())
				}
				if len(profiles) == 0 {
					profiles = s.Profiles
					if len(profiles) == 0 {
						profiles = []string{catalog.DefaultProfile}
					}
				}
				if reg == "" {
					reg = s.Device.Regulation
				}
			default:
				return fail(exitInput, msg.Get("cli.rules.one_spec"))
			}
			return listRules(c, profiles, c.String("format"), reg)
		},
	}
}

// listRules prints the catalogs of profiles (default: every profile), with
// the clauses for a device under regulation reg, or with both the MDR and
// the IVDR clauses when reg is "".
func listRules(c *cli.Context, profiles []string, format string, reg spec.Regulation) error {
	if len(profiles) == 0 {
		profiles = catalog.Profiles()
	}
	var cats []*catalog.Catalog
	for _, p := range profiles {
		cat, err := catalog.Load(p)
		if err != nil {
			return fail(exitInput, err.Error())
		}
		if !slices.ContainsFunc(cats, func(o *catalog.Catalog) bool { return o.Profile == cat.Profile }) {
			cats = append(cats, cat)
		}
	}
	l := ruleLister{reg: reg}
	w := c.App.Writer
	switch format {
	case "text":
		l.writeText(w, cats)
	case "markdown", "md":
		l.writeMarkdown(w, cats)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(l.json(cats))
	default:
		return fail(exitInput, msg.Format("cli.bad_format", format, "text, json, markdown"))
	}
	return nil
}

// ruleLister prints catalogs with the clauses for one regulation, or for
// both when reg is "".
type ruleLister struct {
	reg spec.Regulation
}

// clauseList returns the clause texts of cs: for the lister's regulation, or
// each with its MDR and IVDR variants.
func (l ruleLister) clauseList(cs []catalog.Clause) []string {
	if l.reg != "" {
		return catalog.Clauses(cs, l.reg)
	}
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = clauseText(c)
	}
	return out
}

// clauseJoin returns the clause texts of cs joined by "; ", or "none".
func (l ruleLister) clauseJoin(cs []catalog.Clause) string {
	if len(cs) == 0 {
		return msg.Get("cli.rules.no_clauses")
	}
	return strings.Join(l.clauseList(cs), "; ")
}

// clauseText shows a clause with its MDR and IVDR variants.
func clauseText(cl catalog.Clause) string {
	switch {
	case cl.Text != "":
		return cl.Text
	case cl.IVDR == "":
		return cl.MDR + " " + msg.Get("cli.rules.no_ivdr")
	case cl.MDR == "":
		return cl.IVDR
	}
	return cl.MDR + " / " + cl.IVDR
}

func flagList(fs []catalog.Flag) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = string(f)
	}
	return out
}

func levelText(it catalog.Item) string {
	s := string(it.Level)
	if len(it.When) > 0 {
		s += " " + msg.Format("cli.rules.when", strings.Join(flagList(it.When), ", "))
	}
	if len(it.RequiredWhen) > 0 {
		s += " " + msg.Format("cli.rules.required_when", strings.Join(flagList(it.RequiredWhen), ", "))
	}
	if len(it.StatuteWhen) > 0 {
		s += " " + msg.Format("cli.rules.statute_when", strings.Join(flagList(it.StatuteWhen), ", "))
	}
	return s
}

func (l ruleLister) writeText(w io.Writer, cats []*catalog.Catalog) {
	for _, c := range cats {
		fmt.Fprintf(w, "%s: %s\n%s\n", c.Profile, c.Title, c.Description)
		if len(c.Aliases) > 0 {
			fmt.Fprintln(w, msg.Format("cli.rules.aliases", strings.Join(c.Aliases, ", ")))
		}
		fmt.Fprintln(w)
		for _, it := range c.Items {
			fmt.Fprintf(w, "%-20s %s\n", it.ID, it.Title)
			fmt.Fprintf(w, "%-20s %s: %s; %s: %s\n", "", msg.Get("cli.rules.level"), levelText(it), msg.Get("cli.rules.document"), strings.Join(it.Targets, ", "))
			fmt.Fprintf(w, "%-20s %s: %s\n", "", msg.Get("cli.rules.clauses"), l.clauseJoin(it.Clauses))
			fmt.Fprintf(w, "%-20s %s: %s\n\n", "", msg.Get("cli.rules.spec"), strings.Join(it.Requires, ", "))
		}
		for _, r := range c.Rules {
			fmt.Fprintf(w, "%-20s %s\n", r.ID, r.Title)
			sev := string(r.Severity)
			if len(r.When) > 0 {
				sev += " " + msg.Format("cli.rules.when", strings.Join(flagList(r.When), ", "))
			}
			fmt.Fprintf(w, "%-20s %s: %s\n", "", msg.Get("cli.rules.severity"), sev)
			fmt.Fprintf(w, "%-20s %s: %s\n\n", "", msg.Get("cli.rules.clauses"), l.clauseJoin(r.Clauses))
		}
	}
}

// mdCell escapes text for a Markdown table cell.
func mdCell(s string) string {
	r := strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ")
	return r.Replace(s)
}

func (l ruleLister) writeMarkdown(w io.Writer, cats []*catalog.Catalog) {
	for _, c := range cats {
		fmt.Fprintf(w, "## %s\n\n%s\n\n%s\n\n", mdCell(c.Profile), mdCell(c.Title), mdCell(c.Description))
		if len(c.Aliases) > 0 {
			fmt.Fprintf(w, "%s\n\n", mdCell(msg.Format("cli.rules.aliases", "`"+strings.Join(c.Aliases, "`, `")+"`")))
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n",
			msg.Get("cli.rules.id"), msg.Get("cli.rules.title"), msg.Get("cli.rules.document"),
			msg.Get("cli.rules.level"), msg.Get("cli.rules.clauses"), msg.Get("cli.rules.spec"))
		for _, it := range c.Items {
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", it.ID, mdCell(it.Title), strings.Join(it.Targets, ", "),
				mdCell(levelText(it)), mdCell(l.clauseJoin(it.Clauses)), mdCell("`"+strings.Join(it.Requires, "`, `")+"`"))
		}
		for _, r := range c.Rules {
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", r.ID, mdCell(r.Title), "", r.Severity,
				mdCell(l.clauseJoin(r.Clauses)), "")
		}
		fmt.Fprintln(w)
	}
}

type ruleJSON struct {
	ID           string   `json:"id"`
	Kind         string   `json:"kind"`
	Title        string   `json:"title"`
	Targets      []string `json:"targets"`
	Level        string   `json:"level"`
	When         []string `json:"when"`
	RequiredWhen []string `json:"required_when"`
	StatuteWhen  []string `json:"statute_when"`
	Clauses      []string `json:"clauses"`
	Requires     []string `json:"requires"`
	Optional     []string `json:"optional"`
	Anchor       string   `json:"anchor,omitempty"`
}

type profileJSON struct {
	Profile     string     `json:"profile"`
	Aliases     []string   `json:"aliases"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Version     string     `json:"version"`
	Rules       []ruleJSON `json:"rules"`
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (l ruleLister) json(cats []*catalog.Catalog) []profileJSON {
	out := []profileJSON{}
	for _, c := range cats {
		p := profileJSON{Profile: c.Profile, Aliases: orEmpty(c.Aliases), Title: c.Title, Description: c.Description, Version: c.Version, Rules: []ruleJSON{}}
		for _, it := range c.Items {
			p.Rules = append(p.Rules, ruleJSON{
				ID: it.ID, Kind: "item", Title: it.Title, Targets: orEmpty(it.Targets), Level: string(it.Level),
				When: orEmpty(flagList(it.When)), RequiredWhen: orEmpty(flagList(it.RequiredWhen)), StatuteWhen: orEmpty(flagList(it.StatuteWhen)),
				Clauses: orEmpty(l.clauseList(it.Clauses)), Requires: orEmpty(it.Requires), Optional: orEmpty(it.Optional), Anchor: it.Anchor,
			})
		}
		for _, r := range c.Rules {
			p.Rules = append(p.Rules, ruleJSON{
				ID: r.ID, Kind: "rule", Title: r.Title, Targets: []string{}, Level: string(r.Severity),
				When: orEmpty(flagList(r.When)), RequiredWhen: []string{}, StatuteWhen: []string{}, Clauses: orEmpty(l.clauseList(r.Clauses)),
				Requires: []string{}, Optional: []string{},
			})
		}
		out = append(out, p)
	}
	return out
}

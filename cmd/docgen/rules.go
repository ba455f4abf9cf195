package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/msg"
)

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:        "rules",
		Usage:       msg.Get("cli.rules.usage"),
		UsageText:   "docgen rules [--profile P] [--format text|json|markdown]",
		Description: help("rules"),
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "profile", Aliases: []string{"p"}, Usage: msg.Format("cli.flag.profile", strings.Join(catalog.Profiles(), ", "))},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: msg.Get("cli.flag.rules_format")},
		},
		Action: func(c *cli.Context) error {
			return listRules(c, c.StringSlice("profile"), c.String("format"))
		},
	}
}

// listRules prints the catalogs of profiles (default: every profile).
func listRules(c *cli.Context, profiles []string, format string) error {
	if len(profiles) == 0 {
		profiles = catalog.Profiles()
	}
	var cats []*catalog.Catalog
	for _, p := range profiles {
		cat, err := catalog.Load(p)
		if err != nil {
			return fail(exitInput, err.Error())
		}
		cats = append(cats, cat)
	}
	w := c.App.Writer
	switch format {
	case "text":
		writeRulesText(w, cats)
	case "markdown", "md":
		writeRulesMarkdown(w, cats)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rulesJSON(cats))
	default:
		return fail(exitInput, msg.Format("cli.bad_format", format, "text, json, markdown"))
	}
	return nil
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

func clauseList(cs []catalog.Clause) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = clauseText(c)
	}
	return out
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
	return s
}

func writeRulesText(w io.Writer, cats []*catalog.Catalog) {
	for _, c := range cats {
		fmt.Fprintf(w, "%s: %s\n\n", c.Profile, c.Title)
		for _, it := range c.Items {
			fmt.Fprintf(w, "%-20s %s\n", it.ID, it.Title)
			fmt.Fprintf(w, "%-20s %s: %s; %s: %s\n", "", msg.Get("cli.rules.level"), levelText(it), msg.Get("cli.rules.document"), strings.Join(it.Targets, ", "))
			fmt.Fprintf(w, "%-20s %s: %s\n", "", msg.Get("cli.rules.clauses"), strings.Join(clauseList(it.Clauses), "; "))
			fmt.Fprintf(w, "%-20s %s: %s\n\n", "", msg.Get("cli.rules.spec"), strings.Join(it.Requires, ", "))
		}
		for _, r := range c.Rules {
			fmt.Fprintf(w, "%-20s %s\n", r.ID, r.Title)
			sev := string(r.Severity)
			if len(r.When) > 0 {
				sev += " " + msg.Format("cli.rules.when", strings.Join(flagList(r.When), ", "))
			}
			fmt.Fprintf(w, "%-20s %s: %s\n", "", msg.Get("cli.rules.severity"), sev)
			fmt.Fprintf(w, "%-20s %s: %s\n\n", "", msg.Get("cli.rules.clauses"), strings.Join(clauseList(r.Clauses), "; "))
		}
	}
}

// mdCell escapes text for a Markdown table cell.
func mdCell(s string) string {
	r := strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ")
	return r.Replace(s)
}

func writeRulesMarkdown(w io.Writer, cats []*catalog.Catalog) {
	for _, c := range cats {
		fmt.Fprintf(w, "## %s\n\n%s\n\n", mdCell(c.Profile), mdCell(c.Title))
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n",
			msg.Get("cli.rules.id"), msg.Get("cli.rules.title"), msg.Get("cli.rules.document"),
			msg.Get("cli.rules.level"), msg.Get("cli.rules.clauses"), msg.Get("cli.rules.spec"))
		for _, it := range c.Items {
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", it.ID, mdCell(it.Title), strings.Join(it.Targets, ", "),
				mdCell(levelText(it)), mdCell(strings.Join(clauseList(it.Clauses), "; ")), mdCell("`"+strings.Join(it.Requires, "`, `")+"`"))
		}
		for _, r := range c.Rules {
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", r.ID, mdCell(r.Title), "", r.Severity,
				mdCell(strings.Join(clauseList(r.Clauses), "; ")), "")
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
	Clauses      []string `json:"clauses"`
	Requires     []string `json:"requires"`
	Optional     []string `json:"optional"`
	Anchor       string   `json:"anchor,omitempty"`
}

type profileJSON struct {
	Profile string     `json:"profile"`
	Title   string     `json:"title"`
	Version string     `json:"version"`
	Rules   []ruleJSON `json:"rules"`
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func rulesJSON(cats []*catalog.Catalog) []profileJSON {
	out := []profileJSON{}
	for _, c := range cats {
		p := profileJSON{Profile: c.Profile, Title: c.Title, Version: c.Version, Rules: []ruleJSON{}}
		for _, it := range c.Items {
			p.Rules = append(p.Rules, ruleJSON{
				ID: it.ID, Kind: "item", Title: it.Title, Targets: orEmpty(it.Targets), Level: string(it.Level),
				When: orEmpty(flagList(it.When)), RequiredWhen: orEmpty(flagList(it.RequiredWhen)),
				Clauses: orEmpty(clauseList(it.Clauses)), Requires: orEmpty(it.Requires), Optional: orEmpty(it.Optional), Anchor: it.Anchor,
			})
		}
		for _, r := range c.Rules {
			p.Rules = append(p.Rules, ruleJSON{
				ID: r.ID, Kind: "rule", Title: r.Title, Targets: []string{}, Level: string(r.Severity),
				When: orEmpty(flagList(r.When)), RequiredWhen: []string{}, Clauses: orEmpty(clauseList(r.Clauses)),
				Requires: []string{}, Optional: []string{},
			})
		}
		out = append(out, p)
	}
	return out
}

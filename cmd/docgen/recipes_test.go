package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The CI recipes under examples/ci, checked by TestCIRecipes.
const (
	githubRecipe = "../../examples/ci/github/docgen.yml"
	gitlabRecipe = "../../examples/ci/gitlab/.gitlab-ci.yml"
)

// installDocgen matches the one command of a recipe that installs docgen;
// the test runs the locally built docgen instead (no network).
var installDocgen = regexp.MustCompile(`^go install "?github\.com/docgen/docgen/cmd/docgen@`)

// recipe is what a CI file runs: environment variables, shell commands in
// order, and the files the CI keeps or uploads afterwards.
type recipe struct {
	env      map[string]string
	commands []string
	outputs  []string
}

// githubWorkflow reads a GitHub Actions workflow with one job and checks its
// shape: every step runs a command or uses a pinned action.
func githubWorkflow(t *testing.T, path string) recipe {
	t.Helper()
	var wf struct {
		Name        string            `yaml:"name"`
		On          yaml.Node         `yaml:"on"`
		Permissions map[string]string `yaml:"permissions"`
		Env         map[string]string `yaml:"env"`
		Jobs        map[string]struct {
			RunsOn string            `yaml:"runs-on"`
			Env    map[string]string `yaml:"env"`
			Steps  []struct {
				Name string            `yaml:"name"`
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				If   string            `yaml:"if"`
				Env  map[string]string `yaml:"env"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	decodeStrict(t, path, &wf)
	if wf.Name == "" || wf.On.Kind == 0 || len(wf.Jobs) != 1 {
		t.Fatalf("%s: want name, on and one job", path)
	}
	r := recipe{env: map[string]string{}}
	for k, v := range wf.Env {
		r.env[k] = v
	}
	for name, job := range wf.Jobs {
		if job.RunsOn == "" || len(job.Steps) == 0 {
			t.Fatalf("%s: job %s needs runs-on and steps", path, name)
		}
		for k, v := range job.Env {
			r.env[k] = v
		}
		for i, st := range job.Steps {
			if (st.Run == "") == (st.Uses == "") {
				t.Errorf("%s: step %d of %s must have exactly one of run and uses", path, i+1, name)
			}
			if st.Uses != "" && !regexp.MustCompile(`^[\w.-]+/[\w./-]+@v\d+$`).MatchString(st.Uses) {
				t.Errorf("%s: step %d uses %q, not an action pinned to a major version", path, i+1, st.Uses)
			}
			if len(st.Env) > 0 {
				t.Errorf("%s: step %d: step-level env is not supported by this test", path, i+1)
			}
			if st.Run != "" {
				r.commands = append(r.commands, strings.TrimSpace(st.Run))
			}
			for _, k := range []string{"sarif_file", "path"} {
				if v := st.With[k]; v != "" {
					r.outputs = append(r.outputs, v)
				}
			}
		}
	}
	return r
}

// gitlabJob reads a GitLab CI file with one job.
func gitlabJob(t *testing.T, path string) recipe {
	t.Helper()
	var file map[string]struct {
		Image        string            `yaml:"image"`
		Variables    map[string]string `yaml:"variables"`
		BeforeScript []string          `yaml:"before_script"`
		Script       []string          `yaml:"script"`
		Artifacts    struct {
			When    string            `yaml:"when"`
			Reports map[string]string `yaml:"reports"`
			Paths   []string          `yaml:"paths"`
		} `yaml:"artifacts"`
	}
	decodeStrict(t, path, &file)
	if len(file) != 1 {
		t.Fatalf("%s: want one job, found %d", path, len(file))
	}
	var r recipe
	for name, job := range file {
		if job.Image == "" || len(job.Script) == 0 {
			t.Fatalf("%s: job %s needs an image and a script", path, name)
		}
		r.env = job.Variables
		r.commands = append(append(r.commands, job.BeforeScript...), job.Script...)
		for _, k := range []string{"codequality", "junit"} {
			if job.Artifacts.Reports[k] == "" {
				t.Errorf("%s: job %s reports no %s artifact", path, name, k)
			}
			r.outputs = append(r.outputs, job.Artifacts.Reports[k])
		}
		r.outputs = append(r.outputs, job.Artifacts.Paths...)
	}
	return r
}

// decodeStrict decodes a YAML file, rejecting unknown fields, so that a
// misspelt key in a recipe fails the test.
func decodeStrict(t *testing.T, path string, v any) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := yaml.NewDecoder(f)
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// run runs the recipe's commands in dir as the CI's bash would (-e, -o
// pipefail), with docgen from binDir, and returns the index of the first
// command that failed, or -1.
func (r recipe) run(t *testing.T, dir, binDir string) int {
	t.Helper()
	env := append(os.Environ(), "PATH="+binDir+string(os.PathListSeparator)+os.Getenv("PATH"))
	for k, v := range r.env {
		env = append(env, k+"="+v)
	}
	installs := 0
	for i, c := range r.commands {
		if installDocgen.MatchString(c) {
			installs++
			continue
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", c)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		t.Logf("$ %s\n%s", c, out)
		if err != nil {
			return i
		}
	}
	if installs != 1 {
		t.Errorf("the recipe has %d commands that install docgen, want 1", installs)
	}
	return -1
}

// TestCIRecipes runs the commands of the GitHub Actions workflow and the
// GitLab CI job in examples/ci against the imaging workstation example, with
// a locally built docgen: a clean spec passes and leaves every report and
// artifact the CI uploads; a spec with a contradiction fails at the check
// that should stop the job, after the machine-readable report was written;
// an unreadable spec fails at the first check.
func TestCIRecipes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the recipes run bash commands on Linux CI runners")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	bin := t.TempDir()
	if out, err := exec.Command("go", "build", "-o", filepath.Join(bin, "docgen"), ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	spec, err := os.ReadFile("../../examples/imaging-workstation/device.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sbom, err := os.ReadFile("../../examples/imaging-workstation/sbom.cdx.json")
	if err != nil {
		t.Fatal(err)
	}
	de, err := os.ReadFile("../../examples/imaging-workstation/device.de.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fr, err := os.ReadFile("../../examples/imaging-workstation/device.fr.yaml")
	if err != nil {
		t.Fatal(err)
	}
	workspace := func(t *testing.T, specData []byte) string {
		dir := t.TempDir()
		for name, data := range map[string][]byte{"device.yaml": specData, "device.de.yaml": de, "device.fr.yaml": fr, "sbom.cdx.json": sbom} {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	// The contradiction of the README: a firewall rule's port mistyped.
	broken := strings.Replace(string(spec), "ports: 2762\n", "ports: 2726\n", 1)
	if broken == string(spec) {
		t.Fatal("the example no longer has a firewall rule with `ports: 2762`; update the test")
	}

	recipes := []struct {
		name string
		r    recipe
		// failsAt is the command a spec with an error-level finding stops at.
		failsAt string
	}{
		{"github", githubWorkflow(t, githubRecipe), "docgen check --format github"},
		{"gitlab", gitlabJob(t, gitlabRecipe), `docgen check "$SPEC"`},
	}
	for _, rc := range recipes {
		t.Run(rc.name, func(t *testing.T) {
			if rc.r.env["SPEC"] != "device.yaml" {
				t.Fatalf("SPEC = %q, want device.yaml", rc.r.env["SPEC"])
			}
			dir := workspace(t, spec)
			if i := rc.r.run(t, dir, bin); i >= 0 {
				t.Fatalf("the example spec fails at %q", rc.r.commands[i])
			}
			if len(rc.r.outputs) == 0 {
				t.Fatal("the recipe keeps no reports or documents")
			}
			for _, out := range rc.r.outputs {
				checkOutput(t, filepath.Join(dir, out))
			}

			dir = workspace(t, []byte(broken))
			i := rc.r.run(t, dir, bin)
			if i < 0 || !strings.HasPrefix(rc.r.commands[i], rc.failsAt) {
				t.Fatalf("a spec with an error finding stops at command %d, want the one starting %q", i, rc.failsAt)
			}
			report := filepath.Join(dir, rc.r.outputs[0])
			if data, err := os.ReadFile(report); err != nil || !strings.Contains(string(data), "NET-STREAM-RULE") {
				t.Errorf("%s does not carry the finding (err %v)", report, err)
			}

			dir = workspace(t, []byte("spec_version: 1\ndevice: {name: [\n"))
			if i := rc.r.run(t, dir, bin); i < 0 || !strings.HasPrefix(rc.r.commands[i], "docgen check --format") {
				t.Fatalf("an unreadable spec stops at command %d, want the first check", i)
			}
		})
	}
}

// checkOutput checks that a file or folder the CI keeps was written and is
// well-formed.
func checkOutput(t *testing.T, path string) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Errorf("the recipe keeps %s, which was not written", path)
		return
	}
	if st.IsDir() {
		if _, err := os.Stat(filepath.Join(path, "manifest.json")); err != nil {
			t.Errorf("%s has no manifest.json: the documents were not built", path)
		}
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	switch ext := filepath.Ext(path); {
	case ext == ".xml":
		if err := xml.Unmarshal(data, new(struct{})); err != nil {
			t.Errorf("%s is not XML: %v", path, err)
		}
	case slices.Contains([]string{".json", ".sarif"}, ext):
		if !json.Valid(data) {
			t.Errorf("%s is not JSON", path)
		}
	}
}

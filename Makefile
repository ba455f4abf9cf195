# docgen: cybersecurity documentation for EU MDR/IVDR medical devices.
#
#   make demo    build docgen and the documents of the example device into out/
#   make test    formatting, vet and every test (what CI runs)
#   make bench   benchmarks (load and check the examples and a large spec)
#   make fuzz    run every fuzz target for FUZZTIME each (default 30s)
#   make lint    gofmt, go vet and staticcheck
#   make release static binaries for every platform, checksums and SBOMs into dist/
GO        ?= go
BIN       := bin/docgen
OUT       ?= out
DIST      ?= dist
EXAMPLE   ?= examples/imaging-workstation/device.yaml
FUZZTIME  ?= 30s
STATICCHECK_VERSION := v0.8.2
.PHONY: all build demo test bench fuzz lint lint-md fmt-check vet clean release

# VERSION is the tag when HEAD is tagged (v1.2.0), git describe between tags
# (v1.2.0-3-g4e0ea9a1b2c3), dev-COMMIT on an untagged tree and dev without git;
# -dirty marks uncommitted changes. docgen --version prints it.
VERSION ?= $(shell v=$$(git describe --tags --match 'v[0-9]*' --dirty --always --abbrev=12 2>/dev/null); \
	case "$$v" in (v[0-9]*) echo "$$v";; ("") echo dev;; (*) echo "dev-$$v";; esac)
GO_LDFLAGS := -X main.version=$(VERSION)

all: build

build:
	$(GO) build -trimpath -ldflags "$(GO_LDFLAGS)" -o $(BIN) ./cmd/docgen

demo: build
	@mkdir -p $(OUT)
	$(BIN) build --out $(OUT)/documents $(EXAMPLE)
	$(BIN) check $(EXAMPLE) | tee $(OUT)/check.txt
	$(BIN) check --format json -o $(OUT)/check.json $(EXAMPLE)
	$(BIN) check --format sarif -o $(OUT)/check.sarif $(EXAMPLE)
	$(BIN) check --format junit -o $(OUT)/check-junit.xml $(EXAMPLE)
	$(BIN) check --format codequality -o $(OUT)/gl-code-quality-report.json $(EXAMPLE)
	$(BIN) rules --format markdown > $(OUT)/catalog.md
	$(BIN) schema -o $(OUT)/device-spec.schema.json
	@echo "demo outputs are in $(OUT)/"

# go test runs last, so that its summary closes the output CI reads.
test: fmt-check vet lint-md
	$(GO) test ./...

# lint-md builds the Markdown of every example and lints it with the pinned
# markdownlint-cli (tools/markdownlint, installed from the npm registry on
# first use) and the checked-in configuration, whose disabled rules say why.
MDLINT := tools/markdownlint/node_modules/.bin/markdownlint
$(MDLINT): tools/markdownlint/package.json tools/markdownlint/package-lock.json
	cd tools/markdownlint && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

lint-md: $(MDLINT)
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(GO) build -o $$tmp/docgen ./cmd/docgen && \
	for spec in examples/*/device.yaml; do \
		$$tmp/docgen build --format md --out $$tmp/out/$$(basename $$(dirname $$spec)) $$spec > /dev/null || exit 1; \
	done && \
	$(MDLINT) --config tools/markdownlint/markdownlint.yaml $$tmp/out/*/*.md && \
	echo "markdownlint: $$(ls $$tmp/out/*/*.md | wc -l) generated Markdown files clean"

fmt-check:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi

vet:
	$(GO) vet ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Each fuzz target runs on its own: go test accepts one -fuzz pattern per package run.
FUZZ_TARGETS := \
	./generator/spec:FuzzParse \
	./generator/migrate:FuzzMigrate \
	./generator/sbom:FuzzParseJSON \
	./generator/sbom:FuzzParseXML \
	./generator/sbom:FuzzParseSPDX \
	./generator/sbom:FuzzJSONParser \
	./generator/sbom/internal/xsd:FuzzStreamMatchesTree \
	./generator/render/markdown:FuzzInline \
	./generator/render/markdown:FuzzRead \
	./generator/render/html:FuzzRender \
	./generator/report:FuzzReport \
	./generator/docscheck:FuzzHeadings \
	./generator/render/pdf:FuzzRender \
	./generator/mds2:FuzzReadWorkbook \
	./generator/render/docx:FuzzRender \
	./generator/render/docx:FuzzTemplateStyles \
	./generator/diff:FuzzCompare \
	./generator/gitrev:FuzzParse

fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t##*:}; \
		echo "fuzzing $$fn in $$pkg for $(FUZZTIME)"; \
		$(GO) test $$pkg -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) || exit 1; \
	done

lint: fmt-check vet
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

# release cross-compiles static binaries (no cgo, paths trimmed, no build id,
# symbols stripped: the same commit gives the same bytes on any machine with
# the same Go), writes for each a CycloneDX SBOM of docgen itself and
# validates it with docgen sbom, collects LICENSE, NOTICE and the licence
# texts of every linked module, and lists SHA-256 checksums in SHA256SUMS.
# SOURCE_DATE_EPOCH (default: the commit time) dates the SBOMs.
RELEASE_PLATFORMS := linux/amd64 linux/arm64 darwin/arm64 windows/amd64
release: build
	@rm -rf $(DIST) && mkdir -p $(DIST)
	@export SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || echo 0)}; \
	for p in $(RELEASE_PLATFORMS); do \
		os=$${p%/*}; arch=$${p#*/}; ext=; if [ $$os = windows ]; then ext=.exe; fi; \
		out=$(DIST)/docgen-$$os-$$arch$$ext; \
		echo "building $$out"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -buildvcs=false \
			-ldflags "-s -w -buildid= $(GO_LDFLAGS)" -o $$out ./cmd/docgen || exit 1; \
		$(BIN) version --sbom --binary $$out --binary-version "$(VERSION)" -o $$out.cdx.json || exit 1; \
		$(BIN) sbom $$out.cdx.json > /dev/null || exit 1; \
	done
	cp LICENSE NOTICE $(DIST)/
	@{ echo "Licence texts of the Go standard library and of every module linked into docgen $(VERSION)."; \
	   echo "See NOTICE for what each provides."; echo; \
	   echo "==== Go standard library: LICENSE"; echo; cat "$$($(GO) env GOROOT)/LICENSE"; echo; \
	   $(GO) list -deps -f '{{with .Module}}{{if not .Main}}{{.Path}}@{{.Version}}={{.Dir}}{{end}}{{end}}' ./cmd/docgen | sort -u | \
	   while IFS== read -r mod dir; do \
		for f in "$$dir"/LICENSE* "$$dir"/NOTICE* "$$dir"/PATENTS* "$$dir"/COPYING*; do \
			if [ -f "$$f" ]; then echo "==== $$mod: $${f##*/}"; echo; cat "$$f"; echo; fi; \
		done; \
	   done; } > $(DIST)/THIRD-PARTY-LICENSES.txt
	@cd $(DIST) && if command -v sha256sum >/dev/null; then sha256sum docgen-* LICENSE NOTICE THIRD-PARTY-LICENSES.txt; \
		else shasum -a 256 docgen-* LICENSE NOTICE THIRD-PARTY-LICENSES.txt; fi > SHA256SUMS
	@echo "release $(VERSION) is in $(DIST)/:"; cat $(DIST)/SHA256SUMS

clean:
	rm -rf bin $(OUT) $(DIST)

# docgen: cybersecurity documentation for EU MDR/IVDR medical devices.
#
#   make demo    build docgen and the documents of the example device into out/
#   make test    formatting, vet and every test (what CI runs)
#   make bench   benchmarks (load and check the examples and a large spec)
#   make fuzz    run every fuzz target for FUZZTIME each (default 30s)
#   make lint    gofmt, go vet and staticcheck
GO        ?= go
BIN       := bin/docgen
OUT       ?= out
EXAMPLE   ?= examples/imaging-workstation/device.yaml
FUZZTIME  ?= 30s
STATICCHECK_VERSION := v0.8.2
.PHONY: all build demo test bench fuzz lint lint-md fmt-check vet clean

all: build

build:
	$(GO) build -trimpath -o $(BIN) ./cmd/docgen

demo: build
	@mkdir -p $(OUT)
	$(BIN) build --out $(OUT) $(EXAMPLE)
	$(BIN) check $(EXAMPLE) | tee $(OUT)/check.txt
	$(BIN) check --format json -o $(OUT)/check.json $(EXAMPLE)
	$(BIN) check --format sarif -o $(OUT)/check.sarif $(EXAMPLE)
	$(BIN) check --format junit -o $(OUT)/check-junit.xml $(EXAMPLE)
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
	./generator/sbom:FuzzParseJSON \
	./generator/sbom:FuzzParseXML \
	./generator/sbom:FuzzParseSPDX \
	./generator/sbom:FuzzJSONParser \
	./generator/render/markdown:FuzzInline \
	./generator/render/markdown:FuzzRead \
	./generator/render/html:FuzzRender \
	./generator/report:FuzzReport \
	./generator/docscheck:FuzzHeadings \
	./generator/render/pdf:FuzzRender \
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

clean:
	rm -rf bin $(OUT)

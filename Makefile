# Counterpart: `make run` serves the app, `make test` runs every test.

GO       ?= go
ADDR     ?= 127.0.0.1:8000
WASM_ENV  = GOOS=js GOARCH=wasm
# -s -w drop the symbol table and DWARF data: a smaller download, same code.
WASM_FLAGS = -trimpath -ldflags="-s -w"
# What the browser tests load from npm (see browser-deps).
AXE = e2e/node_modules/axe-core/axe.min.js

.PHONY: build content run test fmt-check size-check vet unit browser browser-deps bench clean

## build: compile the app to web/app.wasm and the server to bin/counterpart
build: content
	$(WASM_ENV) $(GO) build $(WASM_FLAGS) -o web/app.wasm ./cmd/counterpart
	$(GO) build -trimpath -o bin/counterpart ./cmd/counterpart

## content: write the guide's text (content/) as Go values, its Markdown
## rendered to HTML, in app/guide/content_gen.go (go generate; see
## app/guide/internal/source). The browser parses no Markdown; a clean
## clone builds from the committed file, make build writes it again, and
## make test fails while it is out of date. Run it after editing content/,
## and commit the result.
content:
	$(GO) generate ./app/guide

## run: build, then serve on http://$(ADDR)/
run: build
	./bin/counterpart -addr $(ADDR)

## test: formatting, file sizes, vet, unit tests, then the browser tests in Chromium
test: fmt-check size-check vet unit browser

fmt-check:
	@unformatted=$$(gofmt -l cmd app content e2e bench); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi

# size-check: no file git tracks is over 1 MB. Git keeps every version of
# every file for good, so one large file (a compiled test binary, a
# profile, a build) makes every clone slower forever; what is built goes
# in .gitignore instead. It checks what git would commit (the index).
MAX_FILE_BYTES = 1048576
size-check:
	@big=$$(git ls-files --format='%(objectname) %(path)' | git cat-file --batch-check='%(objectsize) %(rest)' | \
		awk -v max=$(MAX_FILE_BYTES) '$$1 ~ /^[0-9]+$$/ && $$1 > max { printf "  %s (%.1f MB)\n", substr($$0, length($$1) + 2), $$1 / 1048576 }'); \
	if [ -n "$$big" ]; then echo "files over 1 MB are tracked; remove them and ignore them in .gitignore:"; echo "$$big"; exit 1; fi

# The browser tests and the bench carry the build tag browser: plain
# `go test ./...` skips them, and every target here that runs them passes it.
TAGS = -tags browser

vet:
	$(GO) vet $(TAGS) ./...
	$(WASM_ENV) $(GO) vet ./cmd/... ./app/...

# After the unit tests, each fuzz target runs briefly on top of its seed
# corpus (go test takes one -fuzz at a time). An input that finds a bug
# lands in the package's testdata/fuzz/: commit it, and it runs every time.
# The budget is a count of inputs, not a duration: with a duration, Go 1.26's
# fuzz coordinator can fail a target with "context deadline exceeded" as
# time runs out on a busy machine (golang/go#75804, fixed in Go 1.27).
# A target may name its own count after a second colon: each input of
# FuzzLayout loads, saves and reads again a whole quarter of 1:1s in parts,
# so 1000 of them take as long as 5000 of the others. Each input of
# FuzzSimulation is a whole run of the simulation of issue 23 (up to 100
# steps of four devices), a fifth of a second on average, more with the
# fuzzer's coverage counters: 20 of them.
#
# Each input that reaches new code is first made as small as it can be, for
# up to a minute by default, before it joins the corpus in the build cache.
# Those minutes are not counted in the budget and were most of the time:
# FuzzSaveOverStored spent 2 seconds on its 5000 inputs and 107 more
# shrinking the 4 new ones. FUZZMINIMIZE caps the shrinking at a count of
# runs: as many inputs are tried, and the corpus keeps them less small, so
# it grows faster (go clean -fuzzcache empties it).
FUZZTIME ?= 5000x
FUZZMINIMIZE ?= 100x
FUZZ_TARGETS = ./app/store:FuzzLoad ./app/store:FuzzSaveOverStored ./app/store:FuzzLayout:1000x ./app/store:FuzzSimulation:20x ./app/markdown:FuzzToHTML \
	./app/share:FuzzDecodeLink ./app/share:FuzzOpenBody ./app/share:FuzzDecodeFile ./app/share:FuzzReadBackup ./app/share:FuzzBudgetCounts \
	./app/contextmix:FuzzDecompress \
	./app/document:FuzzDocument

unit:
	$(GO) test ./...
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; rest=$${t#*:}; name=$${rest%%:*}; n=$${rest#*:}; \
		if [ "$$n" = "$$rest" ]; then n=$(FUZZTIME); fi; \
		echo "fuzz $$name ($$n)"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $$n -fuzzminimizetime $(FUZZMINIMIZE) $$pkg || exit 1; \
	done

# The browser tests run four at a time: each has a browser context of its
# own (storage, cache, permissions) in the one Chromium they share, and most
# share one server, which only hands out files; much of their time is spent
# waiting on the page, so on two cores four finish sooner than two. The
# longest ones are split into parts that run side by side.
browser: browser-deps
	@mkdir -p bin && rm -f bin/e2e-summary.txt
	E2E_SUMMARY=$(CURDIR)/bin/e2e-summary.txt $(GO) test $(TAGS) -count=1 -parallel 4 -timeout 30m ./e2e/; \
		status=$$?; cat bin/e2e-summary.txt 2>/dev/null; exit $$status

# The browser tests need Chromium; the worksheet tests need pdftotext and
# pdftoppm. All come from Debian's packages and are installed when missing,
# as is npm where node came without it.
browser-deps: $(AXE)
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then \
		echo "Installing Chromium and poppler-utils from Debian's packages..."; \
		if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils fonts-dejavu-core; \
	fi

# axe-core checks every page for accessibility in the browser tests. It
# comes from npm at the version e2e/package-lock.json pins, and is installed
# again whenever that file changes.
$(AXE): e2e/package.json e2e/package-lock.json
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "Installing npm from Debian's packages..."; \
		if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; \
	fi
	npm ci --prefix e2e --no-audit --no-fund --loglevel=error
	@touch $@

## bench: sizes and speeds as ratios against baselines built in the same run
bench:
	$(GO) test $(TAGS) -count=1 -v -timeout 30m -run 'Against' ./bench/

clean:
	rm -rf bin web/app.wasm web/app.wasm.br web/app.wasm.gz

#!/usr/bin/env bash
# Sets everything up (idempotent) and runs every test; exits non-zero on any failure.
#   1. native:  cargo test --workspace (core, CLI, app logic, server-rendered components), then
#               20 s of the validator fuzzer (scripts/fuzz.sh; findings go to fuzz/crashes/)
#   2. wasm:    wasm-bindgen-test in headless Chromium (the app mounts and shows the summary)
#   3. e2e:     release build under a sub-path (its load budget checked: scripts/budget.mjs), served
#               on 127.0.0.1, driven by playwright-core in headless Chromium; screenshots go to
#               test-output/ (git-ignored)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step() { printf '\n\033[1;34m== %s ==\033[0m\n' "$*"; }

step "GitHub Pages workflow parses"
# Debian's Python with Debian's PyYAML (scripts/setup.sh installs python3-yaml); no pip.
/usr/bin/python3 - <<'PY'
import yaml
wf = yaml.safe_load(open(".github/workflows/pages.yml"))
jobs = wf["jobs"]
assert set(jobs) == {"build", "deploy"}, jobs
steps = " ".join(str(s.get("run", "")) for s in jobs["build"]["steps"])
assert "--public-url \"/${{ github.event.repository.name }}/\"" in steps, steps
assert "powershift-cli -- social dist" in steps, steps
print("pages.yml: ok")
PY

step "format and lints (cargo fmt --check, clippy -D warnings)"
cargo fmt --all --check
cargo clippy --offline --workspace --all-targets -- -D warnings

step "native tests (cargo test --workspace)"
cargo test --workspace --offline

step "fuzz the validator for 20 s (scripts/fuzz.sh; release build, offline)"
scripts/fuzz.sh 20s

step "WebAssembly tests in headless Chromium (wasm-bindgen-test)"
export CHROMEDRIVER=/usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT=120
cargo test --offline --target wasm32-unknown-unknown -p powershift --test browser --test golden_wasm

step "end-to-end: release build under /powershift/ in headless Chromium"
rm -rf dist-e2e
trunk build --release --offline --public-url /powershift/ --dist dist-e2e
cargo build --offline --release -p powershift-cli

step "load budget of the release build (gzipped Wasm and first load; scripts/budget.mjs)"
node scripts/budget.mjs dist-e2e
DIST=dist-e2e BASE=/powershift/ node --test --test-reporter=spec --test-concurrency=1 tests/e2e/

step "all tests passed"

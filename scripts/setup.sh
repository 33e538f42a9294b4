#!/usr/bin/env bash
# Idempotent setup for building, serving and testing Power Shift.
#
# Installs only what is missing or at the wrong version:
#   - the wasm32-unknown-unknown Rust target
#   - Debian's chromium + chromium-driver (browser tests, screenshots) and python3-yaml
#   - networkx (PyPI; the GEXF export is read back with it) and fonts-dejavu-core (PNG export text)
#   - trunk 0.21.14 and wasm-bindgen-cli (pinned to the wasm-bindgen crate version in Cargo.toml)
#   - the npm tools in tools/ (binaryen's wasm-opt, playwright-core; d3-force, graphology-layout-forceatlas2
#     and @antv/layout-wasm for the benchmark page;
#     pym.js: the source of static/vendor/pym.v1.min.js, which a test compares with it)
#   - every crate (cargo fetch), so later builds run offline
#
# Nothing is downloaded from anywhere but the package registries (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must equal the crate version exactly; read it from the pin in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -n1)
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "setup: could not read the wasm-bindgen pin from Cargo.toml" >&2
  exit 1
fi

say() { printf '\033[1;34msetup:\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# 1. Rust target
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

# 2. Chromium and its driver from Debian
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver (apt)"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium chromium-driver fonts-dejavu-core >/dev/null
fi

# 2b. PyYAML from Debian, for the test command's check that the Pages workflow parses
if ! /usr/bin/python3 -c 'import yaml' 2>/dev/null; then
  say "installing python3-yaml (apt)"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq python3-yaml >/dev/null
fi

# 2c. networkx from PyPI: `cargo test` reads the GEXF export back with networkx.read_gexf
if ! python3 -c 'import networkx' 2>/dev/null; then
  say "installing networkx (pip)"
  python3 -m pip install --user --quiet networkx 2>/dev/null \
    || python3 -m pip install --user --quiet --break-system-packages networkx
fi

# 2d. DejaVu fonts: the PNG export (resvg) draws its text with the system's fonts
if ! fc-list 2>/dev/null | grep -q "DejaVu Sans" && [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  say "installing fonts-dejavu-core (apt)"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq fonts-dejavu-core >/dev/null
fi

# 3. trunk
if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 17 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 4. wasm-bindgen-cli, exactly the crate's version
if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 7 minutes, once)"
  # Not --locked: its lock file names a crate version that is no longer on crates.io.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# 5. npm tools (wasm-opt from binaryen 132, playwright-core, the benchmark peers, pym.js), exactly as locked
if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -d tools/node_modules/playwright-core ] \
   || [ ! -d tools/node_modules/pym.js ] || [ tools/package-lock.json -nt tools/node_modules/.stamp ]; then
  say "installing npm tools in tools/"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.stamp)
fi

# 6. crates, so trunk and cargo can run offline
if [ ! -f target/.fetched ] || [ Cargo.lock -nt target/.fetched ]; then
  say "fetching crates"
  cargo fetch
  mkdir -p target && touch target/.fetched
fi

say "ready"

#!/usr/bin/env bash
# Records the load profile the page's WebAssembly is split by (crates/powershift-cli/load-profile.txt,
# see crates/powershift-cli/src/page_split.rs): an instrumented release build into dist-prof/, then
# bench/split-profile.mjs in headless Chromium. Run it after changing what the first screen runs; the
# e2e suite fails when a load needs a function the profile left out ("loads without waiting for …").
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
rm -rf dist-prof
POWERSHIFT_SPLIT=instrument trunk build --release --offline --public-url /powershift/ --dist dist-prof
DIST=dist-prof BASE=/powershift/ node bench/split-profile.mjs > crates/powershift-cli/load-profile.txt.new
mv crates/powershift-cli/load-profile.txt.new crates/powershift-cli/load-profile.txt
echo "crates/powershift-cli/load-profile.txt: $(grep -vc '^#' crates/powershift-cli/load-profile.txt) functions"

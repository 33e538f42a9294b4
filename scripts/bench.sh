#!/usr/bin/env bash
# Benchmarks. Natively with criterion (`--criterion`), and in headless Chromium: the layout core as
# WebAssembly beside d3-force (same graph, forces, parameters, ticks), graphology's ForceAtlas2
# (Barnes–Hut) and AntV's layout-wasm (force2, single-threaded) on the same graphs and start: time
# per iteration over RUNS page runs (default 3) and, once, time to a settled layout (SETTLE=0 skips
# it); plus the Wasm/native ratio.
#   scripts/bench.sh              browser benchmark (about 8 minutes; RUNS=1 SETTLE=0: about a minute)
#   scripts/bench.sh --criterion  criterion benches of the core (several minutes)
#   scripts/bench.sh --frame      date change → updated page in Chromium (shipped story, 1k organisations)
#   scripts/bench.sh --lighthouse Lighthouse 12 mobile, three runs, on the release build served with gzip
#   scripts/bench.sh --profile    CPU profile of the first load, CPU 4× slower, by phase (User Timing)
#   scripts/bench.sh --load-trace the first load's main-thread tasks as Lighthouse observes them (unthrottled,
#                                 cold; WARM=1: a second visit), each with its script/style/layout/paint share
#   scripts/bench.sh --takeover DIST...  time until the app takes over the page on slow 4G and 4× CPU,
#                                 builds alternating (release builds made beforehand, e.g. two commits)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ "${1:-}" = "--criterion" ]; then
  exec cargo bench --offline -p powershift-core
fi
if [ "${1:-}" = "--frame" ]; then
  # Date change → updated page, in the release build, for the shipped story and 1,000 organisations.
  cargo build --offline --release -p powershift-cli
  rm -rf dist-bench
  trunk build --release --offline --public-url /powershift/ --dist dist-bench
  exec env DIST=dist-bench BASE=/powershift/ node bench/frame.mjs
fi
if [ "${1:-}" = "--profile" ]; then
  # The release build, its Wasm swapped for the same build with a name section (wasm-opt -g), so the
  # profile names Rust functions; then bench/profile.mjs (CPU 4× slower, the load's phases).
  rm -rf dist-bench target/profile-wasm
  trunk build --release --offline --public-url /powershift/ --dist dist-bench
  wasm-bindgen --target web --out-dir target/profile-wasm target/wasm32-unknown-unknown/release/powershift-app.wasm
  wasm-opt -Oz -g --strip-dwarf --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals target/profile-wasm/powershift-app_bg.wasm -o dist-bench/$(cd dist-bench && ls powershift-app-*_bg.wasm)
  exec env DIST=dist-bench BASE=/powershift/ node bench/profile.mjs
fi
if [ "${1:-}" = "--load-trace" ]; then
  rm -rf dist-bench
  trunk build --release --offline --public-url /powershift/ --dist dist-bench
  exec env DIST=dist-bench BASE=/powershift/ node bench/load-trace.mjs
fi
if [ "${1:-}" = "--takeover" ]; then
  shift
  exec env RUNS="${RUNS:-6}" node bench/takeover.mjs "$@"
fi
if [ "${1:-}" = "--lighthouse" ]; then
  rm -rf dist-bench
  trunk build --release --offline --public-url /powershift/ --dist dist-bench
  exec env DIST=dist-bench BASE=/powershift/ RUNS="${RUNS:-3}" node bench/lighthouse.mjs
fi
cargo build --offline --release -p powershift-cli
cargo build --offline --release --target wasm32-unknown-unknown -p powershift-bench-web
rm -rf target/bench-web && mkdir -p target/bench-web
wasm-bindgen --target web --out-dir target/bench-web/pkg target/wasm32-unknown-unknown/release/powershift_bench_web.wasm
wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  target/bench-web/pkg/powershift_bench_web_bg.wasm -o target/bench-web/pkg/powershift_bench_web_bg.wasm
cp bench/index.html bench/bench.mjs bench/quality.mjs target/bench-web/
node bench/run.mjs

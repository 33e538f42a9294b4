#!/usr/bin/env bash
# Fuzzes the dataset validator (crates/powershift-cli/examples/fuzz.rs) on mutated copies of the
# shipped dataset and the broken-dataset corpus, on stable Rust.
#   scripts/fuzz.sh [MINUTES]     default 10; "20s" means 20 seconds
#   SEED=123 scripts/fuzz.sh 5    another seed (default 15; it is printed at the start)
# Inputs that panic, run longer than a second or give an error without a place are saved to
# fuzz/crashes/ (git-ignored); exit code 1 when any was found. Re-check saved inputs with
#   target/release/examples/fuzz --check fuzz/crashes/*.json
# When the CSV importer exists, add it as a target in fuzz.rs (see `validator` there).
set -euo pipefail
cd "$(dirname "$0")/.."
arg="${1:-10}"
case "$arg" in
  *s) seconds="${arg%s}" ;;
  *) seconds=$((arg * 60)) ;;
esac
seed="${SEED:-15}"
cargo build --release --offline -p powershift-cli --example fuzz
exec target/release/examples/fuzz --seconds "$seconds" --seed "$seed" --crashes fuzz/crashes

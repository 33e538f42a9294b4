#!/usr/bin/env bash
# Sets everything up (idempotent) and serves the app at http://127.0.0.1:8080/ with live rebuilds.
#   scripts/serve.sh            development build, rebuilds on change
#   scripts/serve.sh --release  the optimised build (wasm-opt -Oz), as deployed
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
PORT="${PORT:-8080}"
echo
echo "Power Shift: serving at http://127.0.0.1:${PORT}/  (Ctrl-C stops)"
echo
exec trunk serve --offline --port "$PORT" --address 127.0.0.1 "$@"

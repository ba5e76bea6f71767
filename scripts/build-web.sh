#!/usr/bin/env bash
# Build the browser widget into web/ (wasm package in web/pkg/), installing what it needs first:
# the wasm32 target, wasm-bindgen-cli pinned to the crate's version (cached in .tools/), and
# wasm-opt from npm binaryen (optional: WASM_OPT=0 skips it).
#
#   ./scripts/build-web.sh            # build
#   ./scripts/build-web.sh --serve    # build, then serve web/ on http://127.0.0.1:8000/
#
# Environment: CARGO_TARGET_DIR (default target/), WASM_OPT=0 (skip wasm-opt), PORT (for --serve).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tools="$root/.tools"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
say() { printf '  [build-web] %s\n' "$*"; }

# 1. The wasm32 target (rust-toolchain.toml lists it; this is a no-op when present).
if command -v rustup >/dev/null 2>&1; then
  rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli, the same version as the wasm-bindgen crate in Cargo.lock (they must match).
wbg_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$wbg_version" ] || { echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; }
wbg="$tools/bin/wasm-bindgen"
if [ "$("$wbg" --version 2>/dev/null)" != "wasm-bindgen $wbg_version" ]; then
  say "installing wasm-bindgen-cli $wbg_version into .tools/ (a few minutes, once)"
  # No --locked: its lockfile pins a webpki-roots release missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "$wbg_version" --root "$tools" --force
fi

# 3. wasm-opt 132 from npm (Debian's wasm-opt 108 corrupts the module: see web/README.md).
wasm_opt="$tools/npm/node_modules/.bin/wasm-opt"
if [ "${WASM_OPT:-1}" != 0 ] && [ ! -x "$wasm_opt" ]; then
  say "installing binaryen 132 (wasm-opt) from npm into .tools/npm"
  npm install --silent --no-audit --no-fund --prefix "$tools/npm" binaryen@132.0.0 || say "binaryen unavailable: skipping wasm-opt"
fi

# 4. Compile and bind.
say "cargo build (release, wasm32)"
cargo build --release --locked -p leaflint-wasm --target wasm32-unknown-unknown
rm -rf web/pkg
"$wbg" --target web --out-dir web/pkg --remove-name-section --remove-producers-section \
  "$target_dir/wasm32-unknown-unknown/release/leaflint_wasm.wasm"
wasm=web/pkg/leaflint_wasm_bg.wasm

# 5. Optimise. -O3 rather than -Oz: the module is mostly word-list data, so -Oz saves little
# space but costs re-check time (see web/README.md for the figures).
if [ "${WASM_OPT:-1}" != 0 ] && [ -x "$wasm_opt" ]; then
  say "wasm-opt ${WASM_OPT_LEVEL:--O3}"
  "$wasm_opt" "${WASM_OPT_LEVEL:--O3}" --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
fi

raw=$(wc -c <"$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
say "web/$(basename "$(dirname "$wasm")")/$(basename "$wasm"): $raw bytes raw, $gz bytes gzip -9"
# The widget's size budget: 1.5 MiB gzip (the issues' "1.5 MB"). 2026-12-08: 1,500,670 bytes, at
# the edge: new analysis must pay for itself in size (web/README.md).
budget=${WIDGET_GZIP_BUDGET:-1572864}
if [ "$gz" -gt "$budget" ]; then
  echo "build-web: the widget is $gz bytes gzip, over its budget of $budget bytes" >&2
  exit 1
fi
say "ready: serve web/ with  python3 -m http.server --bind 127.0.0.1 -d web 8000"

if [ "${1:-}" = --serve ]; then
  port="${PORT:-8000}"
  say "serving http://127.0.0.1:$port/ (Ctrl+C stops)"
  exec python3 -m http.server --bind 127.0.0.1 -d web "$port"
fi

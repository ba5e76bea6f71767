#!/usr/bin/env bash
# Run every check CI runs, installing what they need first. Usage: ./scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "toolchain (rust-toolchain.toml: stable + wasm32-unknown-unknown, rustfmt, clippy)"
if command -v rustup >/dev/null 2>&1; then
  rustup show active-toolchain >/dev/null
  rustup target add wasm32-unknown-unknown >/dev/null
  rustup component add rustfmt clippy >/dev/null
fi

step "format"
cargo fmt --all -- --check

step "clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

# --- cli html report ---
step "chromium for the CLI's HTML report test (screenshot: tests/artifacts/html-report/report.png)"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq -o DPkg::Lock::Timeout=300
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 chromium
  else
    echo "chromium is missing and this is not root: run apt-get install chromium" >&2
  fi
fi
if command -v chromium >/dev/null 2>&1; then
  export LEAFLINT_REQUIRE_CHROMIUM=1
fi
# --- end ---

step "tests"
cargo test --workspace --locked

step "engine builds for wasm32"
cargo check -p leaflint --target wasm32-unknown-unknown --locked

step "docs"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

step "all checks passed"

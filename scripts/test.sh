#!/usr/bin/env bash
# Run every check CI runs, installing what they need first. Usage: ./scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

# Install Debian package PKG when command CMD is missing (as root); else say what is missing.
apt_install_for() {
  local cmd=$1 pkg=$2 otherwise=$3
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq -o DPkg::Lock::Timeout=300
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "$pkg"
  else
    echo "$pkg is missing and this is not root: $otherwise" >&2
  fi
}

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
apt_install_for chromium chromium "run apt-get install chromium"
if command -v chromium >/dev/null 2>&1; then
  export LEAFLINT_REQUIRE_CHROMIUM=1
fi
# --- end ---

# --- language server in a real editor ---
step "neovim for the language server's end-to-end test (crates/leaflint-cli/tests/lsp_neovim.rs)"
apt_install_for nvim neovim "the Neovim test will be skipped (apt-get install neovim)"
if command -v nvim >/dev/null 2>&1; then
  export LEAFLINT_REQUIRE_NEOVIM=1
fi
# --- end ---

step "tests (with the language server's JSON-RPC and Neovim tests: crates/leaflint-cli/tests/lsp*.rs)"
cargo test --workspace --locked

# --- fuzz smoke ---
# Each cargo-fuzz target (fuzz/README.md) for 30 seconds: 7 targets, 3.5 minutes plus the build.
# Needs the nightly toolchain; cargo-fuzz is installed here when it is missing.
step "fuzz smoke: each target for 30 s (nightly toolchain + cargo-fuzz)"
if command -v rustup >/dev/null 2>&1 && rustup run nightly rustc --version >/dev/null 2>&1; then
  if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
  fi
  ./fuzz/run.sh 30
else
  echo "skipped: no nightly toolchain (rustup toolchain install nightly, then run ./scripts/test.sh again)"
fi
# --- end fuzz smoke ---

step "python package (pip install ./crates/leaflint-py in a fresh venv, then pytest)"
./scripts/test-python.sh

step "engine builds for wasm32"
cargo check -p leaflint --target wasm32-unknown-unknown --locked

step "docs"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

# --- browser widget ---
# crates/leaflint-wasm, web/ and e2e/: build the widget, test the adapter in headless Chromium,
# then drive the page end to end with Playwright. Tools are cached in .tools/ (first run: a few
# minutes to build wasm-bindgen-cli); set WASM_OPT=0 to skip wasm-opt.
step "browser widget: test tools (Chromium, ChromeDriver, playwright-core)"
./scripts/install-web-tools.sh

step "browser widget: build web/ (wasm-bindgen-cli, wasm-opt, release wasm)"
./scripts/build-web.sh

step "browser widget: clippy for wasm32 (adapter and its browser tests)"
cargo clippy -p leaflint-wasm --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

step "browser widget: adapter tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER="$PWD/.tools/bin/wasm-bindgen-test-runner" \
  cargo test -p leaflint-wasm --target wasm32-unknown-unknown --test web --locked

step "browser widget: end-to-end test (Playwright + Chromium; screenshots in e2e/artifacts/)"
(cd e2e && node --test)
# --- end browser widget ---

step "all checks passed"

#!/usr/bin/env bash
# Install what the browser widget's tests need, once: Debian's Chromium and ChromeDriver (the
# wasm-bindgen-test runner and Playwright drive them), an emoji font (so screenshots show emoji
# rather than boxes) and the e2e npm packages (playwright-core only: it downloads no browser).
# The build tools (wasm-bindgen-cli, wasm-opt) are installed by scripts/build-web.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
apt_install() {
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=300 "$@"
}
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
font=()
dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || font=(fonts-noto-color-emoji)
if [ ${#need[@]} -gt 0 ] || [ ${#font[@]} -gt 0 ]; then
  echo "  [web-tools] apt-get install ${need[*]} ${font[*]}"
  $sudo apt-get update -qq
  [ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"
  [ ${#font[@]} -eq 0 ] || apt_install "${font[@]}" || echo "  [web-tools] no emoji font: screenshots show boxes for emoji"
fi
echo "  [web-tools] $(/usr/bin/chromium --version 2>/dev/null | tail -n 1); $(/usr/bin/chromedriver --version | cut -d' ' -f1-2)"

# playwright-core, exactly as e2e/package-lock.json pins it.
(cd e2e && npm ci --no-audit --no-fund --loglevel=error)

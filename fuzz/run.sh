#!/usr/bin/env bash
# Run fuzz targets for a while each, seeded from the tests and the corpus (seed.sh), with the
# target's dictionary. Usage: fuzz/run.sh SECONDS [TARGET...]   (default: every target)
# Needs the nightly toolchain and cargo-fuzz (cargo install cargo-fuzz). Crashes are saved in
# fuzz/artifacts/TARGET/; reproduce one with: cargo +nightly fuzz run -O TARGET fuzz/artifacts/TARGET/crash-…
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
./seed.sh >/dev/null
cargo +nightly fuzz build -O
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi
for t in "${targets[@]}"; do
  case $t in
    text | fix_round_trip) dict=dict/leaflet.dict ;;
    markdown) dict=dict/markdown.dict ;;
    html) dict=dict/html.dict ;;
    config) dict=dict/toml.dict ;;
    *) dict= ;;
  esac
  echo "==> fuzz $t for ${secs}s"
  # -rss_limit_mb: an input that needs more than 2 GB is a bug (README "Limits"); -timeout: so is
  # one that takes more than 10 s.
  log=$(mktemp)
  rc=0
  cargo +nightly fuzz run -O "$t" "corpus/$t" -- -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 ${dict:+-dict=$dict} >"$log" 2>&1 || rc=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done )' "$log" || true
  if [ "$rc" -ne 0 ]; then
    tail -60 "$log" >&2
    rm -f "$log"
    echo "fuzz target $t failed: the input is in fuzz/artifacts/$t/" >&2
    exit 1
  fi
  rm -f "$log"
done

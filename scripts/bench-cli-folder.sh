#!/usr/bin/env bash
# Files per second of `leaflint check` on a folder of 1,000 leaflets, at 1 and 2 threads.
# Each leaflet joins three texts of tests/corpus (about 7 KB). Needs python3; uses hyperfine when
# installed (apt-get install hyperfine), else times 5 runs of each.
# Usage: ./scripts/bench-cli-folder.sh [folder, default /tmp/leaflint-bench-1000]
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-/tmp/leaflint-bench-1000}"
cargo build --release -p leaflint-cli --locked
bin="${CARGO_TARGET_DIR:-target}/release/leaflint"
python3 - "$dir" <<'EOF'
import glob, os, sys
out = sys.argv[1]
srcs = sorted(glob.glob('tests/corpus/*.md')) + ['samples/metformin-leaflet.txt']
texts = [(p, open(p, encoding='utf-8').read()) for p in srcs]
for i in range(1000):
    a, b, c = texts[i % len(texts)], texts[(i * 7 + 3) % len(texts)], texts[(i * 13 + 5) % len(texts)]
    d = os.path.join(out, f'group-{i // 100:02d}')
    os.makedirs(d, exist_ok=True)
    ext = '.txt' if a[0].endswith('.txt') else '.md'
    with open(os.path.join(d, f'leaflet-{i:04d}{ext}'), 'w', encoding='utf-8') as f:
        f.write(a[1] + '\n\n' + b[1] + '\n\n' + c[1])
EOF
cmd() { echo "$bin check --no-config --format concise --fail-on never --threads $1 $dir"; }
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N -w 2 -r 10 "$(cmd 1)" "$(cmd 2)"
else
  for t in 1 2; do
    for _ in 1 2 3 4 5; do /usr/bin/time -f "threads=$t: %e s wall, %U s user" $(cmd "$t") >/dev/null; done
  done
fi
echo "files/s = 1000 / mean time"

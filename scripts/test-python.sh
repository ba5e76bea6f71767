#!/usr/bin/env bash
# The Python package's tests: build crates/leaflint-py into a fresh venv (.tools/py-venv) as a user
# would (`pip install ./crates/leaflint-py`: maturin from PyPI, release build), then run pytest
# against the CLI's JSON. Usage: ./scripts/test-python.sh
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.tools/py-venv
rm -rf "$VENV"
python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --upgrade pip
"$VENV/bin/pip" install -q ./crates/leaflint-py pytest
cargo build -q -p leaflint-cli --release --locked
target_dir="${CARGO_TARGET_DIR:-target}"
export LEAFLINT_CLI="$PWD/$target_dir/release/leaflint"
[ -x "$LEAFLINT_CLI" ] || LEAFLINT_CLI="$target_dir/release/leaflint"
"$VENV/bin/python" -c "import leaflint; print(leaflint.check('Take 2 tablets bd.')['findings'][0]['rule'])"
# pytest exits 5 when it collects no tests: that must fail here, and `set -e` makes it.
(cd crates/leaflint-py && "../../$VENV/bin/python" -m pytest -q tests)

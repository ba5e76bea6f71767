#!/usr/bin/env bash
# Copy seed inputs for each fuzz target from the tests and the real-text corpus into
# fuzz/corpus/<target>/ (not committed: fuzz/.gitignore). Usage: fuzz/seed.sh
set -euo pipefail
cd "$(dirname "$0")"
root=..
seed() { # target, files...
  local t=$1; shift
  mkdir -p "corpus/$t"
  for f in "$@"; do
    [ -f "$f" ] || continue
    # libFuzzer's default -max_len is 4096: longer seeds are cut to their first 4 KB here too, so
    # each seed starts a real document.
    head -c 4096 "$f" > "corpus/$t/$(basename "$f")"
  done
}
shopt -s nullglob
seed text $root/tests/corpus/*.txt $root/benches/fixtures/*.txt $root/samples/*.txt $root/crates/leaflint-cli/tests/data/leaflets/*.txt
seed fix_round_trip $root/tests/corpus/*.txt $root/samples/*.txt
seed markdown $root/tests/corpus/*.md $root/samples/*.md $root/README.md
seed html $root/tests/corpus/*.html $root/tests/fixtures/*.html
mkdir -p corpus/config
cat > corpus/config/nhs.toml <<'TOML'
profile = "nhs"
allow-words = ["paracetamol"]
allow-acronyms = ["NHS", "GP"]
exclude = ["drafts/*.md"]

[target]
grade = 6

[rules.long-sentence]
severity = "error"
words = 20

[rules.uncommon-word]
enabled = false

[jargon]
"myocardial infarction" = "heart attack"
TOML
printf 'profile = "easy-read"\n[rules.passive-voice]\nenabled = true\n' > corpus/config/easy-read.toml
printf 'profile = "us"\n' > corpus/config/us.toml
mkdir -p corpus/docx_parts corpus/docx_bytes
# Whole .docx files (not cut): a seed cut short is no longer a zip.
for f in $root/tests/corpus/*.docx $root/tests/fixtures/*.docx; do cp "$f" corpus/docx_bytes/; done
echo "seeds: $(for d in corpus/*; do printf '%s=%s ' "${d#corpus/}" "$(ls "$d" | wc -l)"; done)"

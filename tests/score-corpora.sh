#!/usr/bin/env bash
# Scores the release binary on the annotated corpora with the corpora's own score.py, dev and
# blind parts apart (tests/data/blind.txt).
#   tests/score-corpora.sh            dev parts of the three corpora
#   tests/score-corpora.sh --errors   the same, with every miss and false finding
#   tests/score-corpora.sh --blind    the blind parts (only when a stop ends)
#   CORPORA="corpus-zh" tests/score-corpora.sh   one corpus
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BIN:-target/release/plantrack}
part=dev
args=()
for a in "$@"; do
  case "$a" in
    --blind) part=blind ;;
    *) args+=("$a") ;;
  esac
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for c in ${CORPORA:-corpus corpus-2 corpus-zh}; do
  if [ "$c" = corpus ]; then dir=assets/samples; gold=tests/data/gold.jsonl; else dir=tests/data/$c; gold=$dir/gold.jsonl; fi
  docs=()
  for f in "$dir"/*.txt; do
    name=$(basename "$f")
    if grep -qx "$c/$name" tests/data/blind.txt; then inblind=1; else inblind=0; fi
    if { [ $part = dev ] && [ $inblind = 0 ]; } || { [ $part = blind ] && [ $inblind = 1 ]; }; then docs+=("$f"); fi
  done
  [ ${#docs[@]} -gt 0 ] || continue
  names=$(printf '%s\n' "${docs[@]}" | xargs -n1 basename)
  python3 - "$gold" "$tmp/gold.jsonl" $names <<'PY'
import json, sys
gold, out, names = sys.argv[1], sys.argv[2], set(sys.argv[3:])
with open(gold, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
    for line in f:
        if line.strip() and json.loads(line)["doc"] in names:
            o.write(line)
PY
  "$bin" extract --json "${docs[@]}" > "$tmp/pred.json"
  echo "== $c ($part, ${#docs[@]} documents)"
  python3 tests/data/score.py "$tmp/gold.jsonl" "$tmp/pred.json" --docs "$dir" ${args[@]+"${args[@]}"}
done

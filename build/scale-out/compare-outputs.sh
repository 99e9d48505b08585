#!/usr/bin/env bash
# Compares a sharded run's outputs with a single check's: every file the single check wrote (report.json, metrics.csv,
# kept.csv, summary.md, report.html, the split manifests) must exist in the reduce's folder with the same bytes.
# report.json is compared with timing fields aside (any key named *timing*/*elapsed*), should a version carry them.
# Usage: compare-outputs.sh LABEL SINGLE_DIR REDUCE_DIR SINGLE_EXIT REDUCE_EXIT      Exit: 0 equal, 1 mismatch.
set -uo pipefail
label=$1 single=$2 reduce=$3 single_exit=$4 reduce_exit=$5
bad=0
if [ "$single_exit" != "$reduce_exit" ]; then
  echo "MISMATCH $label: exit code $reduce_exit, single check $single_exit"
  bad=1
fi
files=0
for f in "$single"/*; do
  name=$(basename "$f")
  files=$((files + 1))
  if [ ! -f "$reduce/$name" ]; then
    echo "MISMATCH $label: $name missing from the sharded run"; bad=1; continue
  fi
  cmp -s "$f" "$reduce/$name" && continue
  if [ "$name" = report.json ] && /usr/bin/python3 - "$f" "$reduce/$name" <<'PY'
import json, sys
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if "timing" not in k.lower() and "elapsed" not in k.lower()}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
a, b = (strip(json.load(open(p, encoding="utf-8"))) for p in sys.argv[1:3])
sys.exit(0 if a == b else 1)
PY
  then
    continue
  fi
  echo "MISMATCH $label: $name differs from the single check's"
  diff <(head -c 200000 "$f") <(head -c 200000 "$reduce/$name") | head -20
  bad=1
done
for f in "$reduce"/*; do
  [ -e "$single/$(basename "$f")" ] || { echo "MISMATCH $label: $(basename "$f") only in the sharded run"; bad=1; }
done
if [ "$files" -eq 0 ]; then echo "MISMATCH $label: the single check wrote nothing"; bad=1; fi
if [ "$bad" -eq 0 ]; then
  echo "OK $label: $files output files byte-identical to a single check (exit $single_exit)"
fi
exit "$bad"

#!/usr/bin/env bash
# Issue 16 acceptance on a generated labelled set: `analyze` for n in {1,2,3,7} shards as concurrent processes, then
# `check --from`; every output (report.json, metrics.csv, kept.csv, summary.md, report.html, train/val/test.csv)
# must equal a single `check` byte for byte.
#
# Usage: build/scale-out/acceptance.sh [IMAGES (default 20000)] [SHARD COUNTS (default "1 2 3 7")]
# The set (Debian python3 + Pillow + numpy): 56×48 PNGs of smooth random patterns plus noise, named
# AGE_GENDER_RACE_n.png; every 7th image has an exact copy and every 11th a brightened near copy under names that sort
# into other shards, so duplicate groups (and label conflicts) span shards; a corrupt and an empty file. The rule file
# has percentile and IQR thresholds, exact and near duplicates, label conflicts, balance and stratified splits grouped
# by duplicate group. Exit 0 all equal, 1 a mismatch or a failed command. Prints wall times and the load average.
# MODEL=/path/ResNet18Onnx/ResNet18.onnx (from the Microsoft.ML.DnnImageFeaturizer.ResNet18 package; e.g. a test
# project's bin/Release/net10.0/DnnImageModels) switches the near rule to `method: both`: every shard then carries
# the embeddings, and the reduce must still equal the single check.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
images=${1:-20000}
counts=${2:-1 2 3 7}
datagate="${DATAGATE:-dotnet $repo/src/DataGate.Cli/bin/Release/net10.0/datagate.dll}"
work="$(mktemp -d "${TMPDIR:-/tmp}/datagate-acceptance.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

t0=$(date +%s.%N)
/usr/bin/python3 - "$images" <<'PY' || { echo "image generation failed (needs Debian python3-pil and python3-numpy)"; exit 1; }
import os, shutil, sys
import numpy as np
from PIL import Image

n = int(sys.argv[1])
os.makedirs("images", exist_ok=True)
rng = np.random.default_rng(16)

def pattern(i, brighten=0):
    r = np.random.default_rng(i)
    low = Image.fromarray(r.integers(0, 256, (6, 7, 3), dtype=np.uint8)).resize((56, 48), Image.BILINEAR)
    a = np.asarray(low, dtype=np.int16) + r.integers(-12, 13, (48, 56, 3)) + brighten
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))

for i in range(n):
    age, gender, race = int(rng.integers(1, 95)), int(rng.integers(0, 2)), int(rng.integers(0, 5))
    name = f"{age}_{gender}_{race}_{i:06d}.png"
    pattern(i).save(os.path.join("images", name), optimize=False, compress_level=1)
    if i % 7 == 0:   # exact copy, sorts last: another shard
        shutil.copyfile(os.path.join("images", name), os.path.join("images", f"99_{i % 2}_1_copy{i:06d}.png"))
    if i % 11 == 0:  # near copy, sorts first
        pattern(i, 3).save(os.path.join("images", f"01_1_2_near{i:06d}.png"), compress_level=1)
open(os.path.join("images", "50_0_0_corrupt.png"), "wb").write(bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]))
open(os.path.join("images", "51_1_0_empty.png"), "wb").close()
PY
files=$(ls images | wc -l)
cp "$repo/build/scale-out/datagate.scale.yml" datagate.yml
if [ -n "${MODEL:-}" ]; then
  sed -i "s|^  near:  { hash: phash,|  near:  { method: both, model: '$MODEL', hash: phash,|" datagate.yml
  grep -q "method: both" datagate.yml || { echo "could not switch the near rule to method: both"; exit 1; }
fi
t1=$(date +%s.%N)
printf 'generated %d files in %.1f s (load %s)\n' "$files" "$(awk "BEGIN {print $t1 - $t0}")" "$(cut -d' ' -f1-3 /proc/loadavg)"

$datagate check --config datagate.yml --out single --no-progress >single.log 2>&1
single_exit=$?
t2=$(date +%s.%N)
printf 'single check: exit %d, %.1f s (load %s); %s\n' "$single_exit" "$(awk "BEGIN {print $t2 - $t1}")" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(grep -E '^[0-9]+ files:' single.log)"
echo "  duplicates and conflicts: $(grep -oE 'DG203[0-2]: [^:]*' single.log | sort | uniq -c | sort -rn | head -4 | tr -s ' ' | tr '\n' ';')"

bad=0
for n in $counts; do
  ts=$(date +%s.%N)
  $datagate plan --config datagate.yml --shards "$n" --out "plan-$n" >"plan-$n.log" 2>&1 || { cat "plan-$n.log"; bad=1; continue; }
  pids=()
  for ((i = 0; i < n; i++)); do
    $datagate analyze --plan "plan-$n" --shard "$i/$n" --out "shards-$n" --no-progress >"analyze-$n-$i.log" 2>&1 &
    pids+=($!)
  done
  failed=0
  for ((i = 0; i < n; i++)); do
    wait "${pids[$i]}" || { echo "analyze $i/$n failed:"; cat "analyze-$n-$i.log"; failed=1; }
  done
  ta=$(date +%s.%N)
  $datagate check --config datagate.yml --from "shards-$n" --out "reduce-$n" --no-progress >"reduce-$n.log" 2>&1
  reduce_exit=$?
  te=$(date +%s.%N)
  printf '%d shards: %d concurrent analyze processes %.1f s, check --from %.1f s (load %s)\n' "$n" "$n" \
    "$(awk "BEGIN {print $ta - $ts}")" "$(awk "BEGIN {print $te - $ta}")" "$(cut -d' ' -f1-3 /proc/loadavg)"
  [ "$failed" -eq 0 ] || { bad=1; continue; }
  "$repo/build/scale-out/compare-outputs.sh" "$images images, $n shards" single "reduce-$n" "$single_exit" "$reduce_exit" || bad=1
done
exit "$bad"

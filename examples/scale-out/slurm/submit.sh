#!/usr/bin/env bash
# Usage: SHARDS=64 examples/scale-out/slurm/submit.sh   (run in the folder holding datagate.yml, on a shared filesystem)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shards="${SHARDS:-4}"
datagate="${DATAGATE:-datagate}"
mkdir -p logs
$datagate plan --config datagate.yml --shards "$shards" --out plan
array=$(sbatch --parsable --export=ALL,SHARDS="$shards",DATAGATE="$datagate" --array=0-$((shards - 1)) "$here/analyze.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable --export=ALL,DATAGATE="$datagate" --dependency=afterok:"$array" "$here/merge.sbatch")
echo "analyze array job $array, merge job ${merge%%;*}"

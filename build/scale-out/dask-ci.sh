#!/usr/bin/env bash
# CI (issue 16): a Dask LocalCluster (Debian python3-distributed, 2 worker processes on 127.0.0.1) runs
# examples/scale-out/dask/datagate_dask.py (bag.map over 4 shard indices, then the merge) on the bundled example; its
# outputs must equal a single `datagate check` byte for byte.
#
# Usage: build/scale-out/dask-ci.sh [datagate command]   (default: dotnet src/DataGate.Cli/bin/Release/net10.0/datagate.dll)
# Exit: 0 equal; 1 a real mismatch, a failed run or a Dask process left running; 3 skipped (python3-distributed cannot
# be installed here — a WARNING line says why). Debian's python is used (/usr/bin/python3), not a pyenv one on PATH.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
datagate="${1:-dotnet $repo/src/DataGate.Cli/bin/Release/net10.0/datagate.dll}"
shards=4
dll="$repo/src/DataGate.Cli/bin/Release/net10.0/datagate.dll"
if [ $# -eq 0 ] && [ ! -f "$dll" ]; then echo "$(basename "$0"): $dll is not built (dotnet build src/DataGate.Cli -c Release)"; exit 1; fi
python=/usr/bin/python3

skip() { echo "WARNING: dask scale-out check skipped: $*"; exit 3; }

if ! "$python" -c 'import dask.bag, distributed' >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "installing python3-distributed"
    flock "${TMPDIR:-/tmp}/datagate-ci-apt.lock" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-distributed' \
      >"${TMPDIR:-/tmp}/datagate-dask-install.log" 2>&1 ||
      skip "apt-get could not install python3-distributed (see ${TMPDIR:-/tmp}/datagate-dask-install.log)"
  else
    skip "python3-distributed is missing and cannot be installed here (no apt-get or not root)"
  fi
  "$python" -c 'import dask.bag, distributed' >/dev/null 2>&1 || skip "$python cannot import dask.bag/distributed"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/datagate-dask-ci.XXXXXX")"
trap 'rm -rf "$work"' EXIT
run="$work/run"
mkdir -p "$run"
cp "$repo/datagate.yml" "$run/"
ln -s "$repo/examples" "$run/examples"
cd "$run" || exit 1

# The recipe as shipped, in its own session so that any process it leaves behind can be found and stopped.
start=$(date +%s)
setsid "$python" "$repo/examples/scale-out/dask/datagate_dask.py" --config datagate.yml --shards "$shards" \
  --work "$run/dask" --datagate "$datagate" --workers 2 >dask.log 2>&1 &
leader=$!
wait "$leader"
dask_exit=$?
echo "dask: LocalCluster (2 worker processes), $shards shards, finished in $(( $(date +%s) - start )) s, merge exit $dask_exit"
grep -E '^shard [0-9]+/' dask.log | sed 's/^/  /'
# The LocalCluster's worker processes (nannies) exit asynchronously after cluster.close(): allow them 15 s.
for _ in $(seq 75); do
  left=$(ps -eo pid=,sid=,stat= | awk -v s="$leader" '$2 == s && $3 !~ /^Z/ {print $1}')
  [ -z "$left" ] && break
  sleep 0.2
done
if [ -n "$left" ]; then
  echo "MISMATCH dask: processes of the LocalCluster still running 15 s after the recipe ended:"
  ps -o pid=,cmd= -p "$(tr '\n' ',' <<<"$left" | sed 's/,$//')"
  kill $left 2>/dev/null
  exit 1
fi
echo "  no Dask process left running"
if [ ! -d "$run/dask/report" ]; then
  tail -30 dask.log
  echo "dask recipe: no report written (exit $dask_exit)"
  exit 1
fi

$datagate check --config datagate.yml --out single --no-progress >single.log 2>&1
single_exit=$?
"$repo/build/scale-out/compare-outputs.sh" "dask (LocalCluster, bag.map over $shards shards)" single "$run/dask/report" "$single_exit" "$dask_exit"
exit $?

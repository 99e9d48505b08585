#!/usr/bin/env bash
# CI (issue 16): a one-node Slurm on 127.0.0.1 runs examples/scale-out/slurm (a 4-task array + an afterok merge job)
# on the bundled example; its report.json, metrics.csv, kept.csv, summary.md and split manifests must equal a single
# `datagate check` byte for byte.
#
# Usage: build/scale-out/slurm-ci.sh [datagate command]   (default: dotnet src/DataGate.Cli/bin/Release/net10.0/datagate.dll)
# Exit: 0 equal; 1 a real mismatch or a failed job; 3 skipped (slurm-wlm/munge cannot be installed or started here —
# a WARNING line says why). Everything (munged, slurmctld, slurmd) is started in a private temporary folder with its own
# config, socket and ports, and stopped on exit.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
datagate="${1:-dotnet $repo/src/DataGate.Cli/bin/Release/net10.0/datagate.dll}"
shards=4
dll="$repo/src/DataGate.Cli/bin/Release/net10.0/datagate.dll"
if [ $# -eq 0 ] && [ ! -f "$dll" ]; then echo "$(basename "$0"): $dll is not built (dotnet build src/DataGate.Cli -c Release)"; exit 1; fi

skip() { echo "WARNING: slurm scale-out check skipped: $*"; exit 3; }

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "installing slurm-wlm and munge"
    flock "${TMPDIR:-/tmp}/datagate-ci-apt.lock" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge' \
      >"${TMPDIR:-/tmp}/datagate-slurm-install.log" 2>&1 ||
      skip "apt-get could not install slurm-wlm/munge (see ${TMPDIR:-/tmp}/datagate-slurm-install.log)"
  else
    skip "slurm-wlm/munge are missing and cannot be installed here (no apt-get or not root)"
  fi
fi
[ "$(id -u)" = 0 ] || skip "slurmd must run as root"

work="$(mktemp -d "${TMPDIR:-/tmp}/datagate-slurm-ci.XXXXXX")"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT

# Free TCP ports for slurmctld and slurmd (so a CI host's own Slurm, or a parallel run, is never disturbed).
read -r ctld_port slurmd_port < <(/usr/bin/python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')

# munge: a fresh key, its own socket.
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/log"
chmod 700 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/log/munged.log" --seed-file="$work/munge/seed" ||
  skip "munged did not start ($(tail -2 "$work/log/munged.log" 2>/dev/null))"
pids+=("$(cat "$work/munge/munged.pid")")

cpus=$(nproc)
mem=$(awk '/MemTotal/ {print int($2/1024/2)}' /proc/meminfo)
cat >"$work/slurm.conf" <<CONF
ClusterName=datagate-ci
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
SchedulerParameters=defer=0
MinJobAge=300
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=ci Nodes=localhost Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:4
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -f "$SLURM_CONF" -i || skip "slurmctld did not start ($(tail -2 "$work/log/slurmctld.log" 2>/dev/null))"
for _ in $(seq 50); do [ -s "$work/slurmctld.pid" ] && break; sleep 0.1; done
pids+=("$(cat "$work/slurmctld.pid")")
slurmd -f "$SLURM_CONF" -N localhost || skip "slurmd did not start ($(tail -2 "$work/log/slurmd.log" 2>/dev/null))"
for _ in $(seq 50); do [ -s "$work/slurmd.pid" ] && break; sleep 0.1; done
pids+=("$(cat "$work/slurmd.pid")")
for _ in $(seq 100); do
  state=$(sinfo -h -n localhost -o %t 2>/dev/null)
  [ "$state" = idle ] && break
  sleep 0.2
done
[ "$state" = idle ] || skip "the Slurm node did not come up (state '${state:-none}'; $(tail -2 "$work/log/slurmd.log" 2>/dev/null))"
echo "slurm: one node on 127.0.0.1 (slurmctld :$ctld_port, slurmd :$slurmd_port), $(sinfo -V)"

# The run folder: the example's rule file with examples/ beside it, so its relative dataset root holds.
run="$work/run"
mkdir -p "$run"
cp "$repo/datagate.yml" "$run/"
ln -s "$repo/examples" "$run/examples"
cd "$run" || exit 1

# The recipe exactly as shipped: plan, `sbatch --array=0-3 analyze.sbatch`, `sbatch --dependency=afterok merge.sbatch`.
start=$(date +%s)
submitted=$(SHARDS=$shards DATAGATE="$datagate" bash "$repo/examples/scale-out/slurm/submit.sh") || {
  echo "slurm recipe: submit.sh failed"; exit 1; }
echo "$submitted"
merge=$(sed -n 's/.*merge job \([0-9]*\).*/\1/p' <<<"$submitted")
array=$(sed -n 's/.*array job \([0-9]*\).*/\1/p' <<<"$submitted")
[ -n "$merge" ] || { echo "slurm recipe: no merge job id in submit.sh output"; exit 1; }
for _ in $(seq 900); do
  [ -z "$(squeue -h -j "$array,$merge" 2>/dev/null)" ] && break
  sleep 0.2
done
if [ -n "$(squeue -h -j "$array,$merge" 2>/dev/null)" ]; then
  echo "slurm recipe: jobs still queued after 180 s:"; squeue; exit 1
fi
echo "slurm jobs finished in $(( $(date +%s) - start )) s"
for f in logs/analyze-*.out; do echo "  $(basename "$f"): $(tr '\n' ' ' <"$f")"; done

# The merge job ran `check --from`; its exit code must be the single check's.
merge_exit=$(scontrol show job "$merge" 2>/dev/null | sed -n 's/.*ExitCode=\([0-9]*\):.*/\1/p')
echo "  merge job $merge: exit ${merge_exit:-unknown}, $(tail -1 logs/merge-"$merge".out 2>/dev/null)"
analyzed=$(ls shards/shard-*-of-0000$shards.parquet 2>/dev/null | wc -l)
[ "$analyzed" -eq "$shards" ] || { echo "slurm recipe: $analyzed of $shards shard files written"; exit 1; }
[ -d report ] || { cat logs/merge-*.out; echo "slurm recipe: the merge job wrote no report (exit ${merge_exit:-unknown}; state $(scontrol show job "$merge" | grep -o 'JobState=[A-Z]*'))"; exit 1; }

# The single check, same rule file, same folder.
$datagate check --config datagate.yml --out single --no-progress >single.log 2>&1
single_exit=$?
"$repo/build/scale-out/compare-outputs.sh" "slurm ($shards-task array + afterok merge)" single report "$single_exit" "${merge_exit:-unknown}"
exit $?

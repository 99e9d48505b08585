"""Dask: bag.map over shard indices, then the merge. With no --scheduler it starts a LocalCluster (Debian:
python3-distributed); pass --scheduler tcp://host:8786 to use a cluster whose workers see the same filesystem.

    python3 examples/scale-out/dask/datagate_dask.py --config datagate.yml --shards 4 --work /tmp/dg-run

Exit code: the merge's (0 pass, 1 gate failed, 2 configuration or shard problem)."""
import argparse
import os
import subprocess
import sys


def analyze(index, plan, shards, count, datagate):
    """One shard; returns (index, exit code, output). Raises on failure so Dask reports it."""
    result = subprocess.run([*datagate, "analyze", "--plan", plan, "--shard", f"{index}/{count}", "--out", shards,
                             "--no-progress"], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"shard {index}/{count} failed ({result.returncode}): {result.stdout}{result.stderr}")
    return index, result.returncode, result.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument("--shards", type=int, required=True)
    parser.add_argument("--work", required=True, help="folder for plan/, shards/ and report/")
    parser.add_argument("--datagate", default="datagate", help="command, e.g. 'dotnet /opt/datagate/datagate.dll'")
    parser.add_argument("--scheduler", default=None, help="address of a Dask scheduler; default: a LocalCluster")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    datagate = args.datagate.split()
    plan = os.path.join(args.work, "plan")
    shards = os.path.join(args.work, "shards")
    subprocess.run([*datagate, "plan", "--config", args.config, "--shards", str(args.shards), "--out", plan], check=True)

    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    cluster = None if args.scheduler else LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                                       dashboard_address=None, host="127.0.0.1")
    client = Client(args.scheduler or cluster)
    try:
        bag = db.from_sequence(range(args.shards), npartitions=args.shards)
        for index, _, output in bag.map(analyze, plan, shards, args.shards, datagate).compute():
            print(output)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    merge = subprocess.run([*datagate, "check", "--config", args.config, "--from", shards,
                            "--out", os.path.join(args.work, "report"), "--no-progress"])
    return merge.returncode


if __name__ == "__main__":
    sys.exit(main())

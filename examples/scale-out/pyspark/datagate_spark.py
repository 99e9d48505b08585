"""PySpark: the plan's shards as an RDD of "I/N" strings, one partition each, piped through `datagate analyze`
(RDD.pipe runs the command once per partition with the elements on stdin). Spark retries a failed task; a shard
already complete is skipped and a re-run writes the same bytes, so speculative execution is harmless.

    spark-submit examples/scale-out/pyspark/datagate_spark.py --config /shared/datagate.yml --shards 64 --work /shared/run

Every executor needs `datagate` on its PATH and the dataset at the same path (a shared filesystem)."""
import argparse
import os
import subprocess
import sys

from pyspark.sql import SparkSession


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument("--shards", type=int, required=True)
    parser.add_argument("--work", required=True, help="shared folder for plan/, shards/ and report/")
    parser.add_argument("--datagate", default="datagate")
    args = parser.parse_args()
    plan = os.path.join(args.work, "plan")
    shards = os.path.join(args.work, "shards")
    subprocess.run([args.datagate, "plan", "--config", args.config, "--shards", str(args.shards), "--out", plan], check=True)

    spark = SparkSession.builder.appName("datagate-analyze").getOrCreate()
    specs = [f"{i}/{args.shards}" for i in range(args.shards)]
    command = f"xargs -I{{}} {args.datagate} analyze --plan {plan} --shard {{}} --out {shards} --no-progress"
    lines = spark.sparkContext.parallelize(specs, len(specs)).pipe(command).collect()
    print("\n".join(lines))
    spark.stop()

    merge = subprocess.run([args.datagate, "check", "--config", args.config, "--from", shards,
                            "--out", os.path.join(args.work, "report"), "--no-progress"])
    return merge.returncode


if __name__ == "__main__":
    sys.exit(main())

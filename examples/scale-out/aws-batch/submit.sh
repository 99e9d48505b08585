#!/usr/bin/env bash
# AWS Batch array job: AWS_BATCH_JOB_ARRAY_INDEX (0..size-1) is the shard index of --shard auto/N; the merge job
# depends on the whole array (it starts when every child succeeded).
set -euo pipefail
shards="${SHARDS:-64}"
queue="${QUEUE:-datagate}"
here="$(cd "$(dirname "$0")" && pwd)"
aws batch register-job-definition --cli-input-json "file://$here/job-definition.json" >/dev/null
array=$(aws batch submit-job --job-name datagate-analyze --job-queue "$queue" --job-definition datagate-analyze \
  --array-properties size="$shards" --parameters shard="auto/$shards" --query jobId --output text)
aws batch submit-job --job-name datagate-merge --job-queue "$queue" --job-definition datagate-analyze \
  --depends-on jobId="$array" \
  --container-overrides 'command=["datagate","check","--config","/data/datagate.yml","--from","/data/shards","--out","/data/report","--no-progress"]'

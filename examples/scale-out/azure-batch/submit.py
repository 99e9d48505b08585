"""Azure Batch: one task per shard (explicit --shard I/N: Azure Batch has no array index variable) and a merge task
that depends on all of them. Needs `pip install azure-batch`; the pool's nodes mount the dataset at /data."""
import os
import sys

from azure.batch import BatchServiceClient
from azure.batch.batch_auth import SharedKeyCredentials
import azure.batch.models as batchmodels

SHARDS = int(os.environ.get("SHARDS", "64"))
JOB_ID = os.environ.get("JOB_ID", "datagate")
POOL_ID = os.environ.get("POOL_ID", "datagate-pool")


def main() -> int:
    credentials = SharedKeyCredentials(os.environ["BATCH_ACCOUNT"], os.environ["BATCH_KEY"])
    client = BatchServiceClient(credentials, batch_url=os.environ["BATCH_URL"])
    client.job.add(batchmodels.JobAddParameter(
        id=JOB_ID,
        pool_info=batchmodels.PoolInformation(pool_id=POOL_ID),
        uses_task_dependencies=True))
    retry = batchmodels.TaskConstraints(max_task_retry_count=3)
    tasks = [
        batchmodels.TaskAddParameter(
            id=f"analyze-{i}",
            command_line=f"/bin/sh -c 'cd /data && datagate analyze --plan plan --shard {i}/{SHARDS} --out shards --no-progress'",
            constraints=retry)
        for i in range(SHARDS)
    ]
    tasks.append(batchmodels.TaskAddParameter(
        id="merge",
        command_line="/bin/sh -c 'cd /data && datagate check --config datagate.yml --from shards --out report --no-progress'",
        depends_on=batchmodels.TaskDependencies(task_ids=[t.id for t in tasks])))
    for start in range(0, len(tasks), 100):  # add_collection takes at most 100 tasks
        client.task.add_collection(JOB_ID, tasks[start:start + 100])
    return 0


if __name__ == "__main__":
    sys.exit(main())

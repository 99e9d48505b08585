#!/usr/bin/env bash
# Runs the three Jobs in order on the current kubectl context.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
kubectl apply -f "$here/plan-job.yaml"
kubectl wait --for=condition=complete --timeout=1h job/datagate-plan
kubectl apply -f "$here/analyze-indexed-job.yaml"
kubectl wait --for=condition=complete --timeout=48h job/datagate-analyze
kubectl apply -f "$here/merge-job.yaml"
kubectl wait --for=condition=complete --timeout=6h job/datagate-merge

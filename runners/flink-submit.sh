#!/usr/bin/env bash
# Submits the daily rebalance to a running Flink 1.19 cluster, waits for the job, then publishes
# its outputs. Exit 0 only if the job finished and the outputs were published.
# Usage: runners/flink-submit.sh [--flinkMaster=HOST:PORT] [--parallelism=N] [options...]
#        (default master 127.0.0.1:8081, as started by runners/flink-cluster.sh)
source "$(dirname "${BASH_SOURCE[0]}")/help.sh" "$@"  # --help, -h, --help=NAME: print and exit
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
master="--flinkMaster=127.0.0.1:8081"
address="127.0.0.1:8081"
for arg in "$@"; do
  if [[ "$arg" == --flinkMaster=* ]]; then master=""; address="${arg#--flinkMaster=}"; fi
done
# Before building anything: a master that does not answer would otherwise fail a minute later
# with the client's "Connection refused". ([local] and [auto] are no REST address.)
if [[ "$address" != \[* ]]; then
  url="http://${address#*://}"
  if ! curl -s -o /dev/null --max-time 3 "$url/overview"; then
    echo "error: no Flink cluster answers at $url (--flinkMaster=$address): start one with runners/flink-cluster.sh start, or pass --flinkMaster=HOST:PORT of a running cluster" >&2
    exit 1
  fi
fi
ensure_bundled_jar
JAVA_OPTS="${JAVA_OPTS:-} $FLINK_JAVA_OPTS"
mapfile -t defaults < <(option_defaults "$FLINK_DEFAULTS" "$@")
run_pipeline --runner=FlinkRunner "${defaults[@]}" $master --filesToStage="$BUNDLED_JAR" "$@"

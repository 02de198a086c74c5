#!/usr/bin/env bash
# Submits the daily rebalance to a running Flink 1.19 cluster, waits for the job, then publishes
# its outputs. Exit 0 only if the job finished and the outputs were published.
# Usage: runners/flink-submit.sh [--flinkMaster=HOST:PORT] [--parallelism=N] [options...]
#        (default master 127.0.0.1:8081, as started by runners/flink-cluster.sh)
source "$(dirname "${BASH_SOURCE[0]}")/help.sh" "$@"  # --help, -h, --help=NAME: print and exit
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_bundled_jar
master="--flinkMaster=127.0.0.1:8081"
for arg in "$@"; do
  [[ "$arg" == --flinkMaster=* ]] && master=""
done
JAVA_OPTS="${JAVA_OPTS:-} $FLINK_JAVA_OPTS"
mapfile -t defaults < <(option_defaults "$FLINK_DEFAULTS" "$@")
run_pipeline --runner=FlinkRunner "${defaults[@]}" $master --filesToStage="$BUNDLED_JAR" "$@"

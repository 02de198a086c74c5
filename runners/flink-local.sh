#!/usr/bin/env bash
# Runs the daily rebalance on an embedded Flink mini-cluster, in this one JVM.
# Usage: runners/flink-local.sh [--parallelism=N] [--name=value ...]; --help lists every option.
source "$(dirname "${BASH_SOURCE[0]}")/help.sh" "$@"  # --help, -h, --help=NAME: print and exit
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
JAVA_OPTS="${JAVA_OPTS:-} $FLINK_JAVA_OPTS"
HEAP_MB=$FLINK_HEAP_MB
mapfile -t defaults < <(option_defaults "$FLINK_DEFAULTS" "$@")
run_pipeline --runner=FlinkRunner "${defaults[@]}" --flinkMaster=[local] "$@"

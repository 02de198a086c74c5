#!/usr/bin/env bash
# Publishes a run that a detached Flink submission (REST API, web UI, `flink run -d`) left staged
# in its output folder, once its job has finished: loads the warehouse and renames the outputs.
# Usage: runners/publish.sh [--outputDir=DIR] [--runId=ID] [--warehouse=FILE] [--verbose]
source "$(dirname "${BASH_SOURCE[0]}")/help.sh" "$@"  # --help, -h: print and exit
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_built
exec java $(default_heap "$DIRECT_HEAP_MB") ${JAVA_OPTS:-} \
    -cp "$PROJECT_DIR/target/classes:$(cat "$CLASSPATH_FILE")" io.rebalancer.PublishCommand "$@"

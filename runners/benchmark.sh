#!/usr/bin/env bash
# Times the pipeline on a synthetic book of ACCOUNTS accounts (default 10000), on the Direct
# runner unless a --runner option says otherwise. Usage: runners/benchmark.sh [ACCOUNTS] [options]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ ! -f "$PROJECT_DIR/target/test-classpath.txt" || "$PROJECT_DIR/pom.xml" -nt "$PROJECT_DIR/target/test-classpath.txt" ]]; then
  (cd "$PROJECT_DIR" && mvn -q -B -Dstyle.color=never dependency:build-classpath \
      -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null)
fi
(cd "$PROJECT_DIR" && mvn -q -B -Dstyle.color=never -DskipTests test-compile >/dev/null)
# The same defaults as runners/direct.sh (they apply on the Direct runner only).
mapfile -t defaults < <(option_defaults "$DIRECT_DEFAULTS" "$@")
exec java ${JAVA_OPTS:-} -cp "$PROJECT_DIR/target/test-classes:$PROJECT_DIR/target/classes:$(cat "$PROJECT_DIR/target/test-classpath.txt")" \
    io.rebalancer.bench.VolumeBenchmark "$@" "${defaults[@]}"

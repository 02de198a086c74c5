# Shared by the launchers: builds the project on first use (or when sources changed) and runs
# the pipeline's main class on the chosen runner. Sourced, not run.
set -euo pipefail
PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STAMP="$PROJECT_DIR/target/.launcher-build"
CLASSPATH_FILE="$PROJECT_DIR/target/classpath.txt"

# Compiles the classes and records the dependency classpath, unless nothing changed since.
ensure_built() {
  if [[ -f "$STAMP" && -f "$CLASSPATH_FILE" ]] \
      && [[ -z "$(find "$PROJECT_DIR/src/main" "$PROJECT_DIR/pom.xml" -newer "$STAMP" -print -quit)" ]]; then
    return
  fi
  echo "building (first run or sources changed)..." >&2
  mkdir -p "$PROJECT_DIR/target"
  local log="$PROJECT_DIR/target/launcher-build.log"
  if ! (cd "$PROJECT_DIR" && mvn -B -Dstyle.color=never -DskipTests compile dependency:build-classpath \
      -Dmdep.outputFile="$CLASSPATH_FILE" -DincludeScope=runtime >"$log" 2>&1); then
    grep -E "ERROR|BUILD" "$log" >&2 || cat "$log" >&2
    echo "error: the build failed (full log: $log)" >&2
    exit 1
  fi
  touch "$STAMP"
}

BUNDLED_JAR="$PROJECT_DIR/target/portfolio-rebalancer-bundled.jar"

# Builds the bundled (shaded) jar that a Flink cluster runs, unless it is newer than the sources.
ensure_bundled_jar() {
  if [[ -f "$BUNDLED_JAR" ]] \
      && [[ -z "$(find "$PROJECT_DIR/src/main" "$PROJECT_DIR/pom.xml" -newer "$BUNDLED_JAR" -print -quit)" ]]; then
    return
  fi
  echo "building the bundled jar..." >&2
  local log="$PROJECT_DIR/target/bundle-build.log"
  mkdir -p "$PROJECT_DIR/target"
  if ! (cd "$PROJECT_DIR" && mvn -B -Dstyle.color=never -DskipTests package >"$log" 2>&1); then
    grep -E "ERROR|BUILD" "$log" >&2 || cat "$log" >&2
    echo "error: the build failed (full log: $log)" >&2
    exit 1
  fi
}

# option_defaults "--a=1 --b=2" [user options...]: prints each default the user did not set.
option_defaults() {
  local d name out=()
  for d in $1; do
    name="${d%%=*}"
    if ! printf '%s\n' "${@:2}" | grep -q -- "^$name\(=\|$\)"; then out+=("$d"); fi
  done
  if [[ ${#out[@]} -gt 0 ]]; then printf '%s\n' "${out[@]}"; fi
}

# Flink, for this batch job: records are immutable and no step holds on to an input after
# processing it, so Flink may reuse objects and skip defensive copies between operators.
FLINK_DEFAULTS="--objectReuse=true --fasterCopy=true"
# Direct runner: its immutability and encodability checks are testing aids (the tests keep them
# on); a production run skips them, as they re-encode every element.
DIRECT_DEFAULTS="--enforceImmutability=false --enforceEncodability=false"
# A Direct runner run lasts seconds to a minute or two, and the JVM's optimising compiler (C2)
# spent more CPU compiling Beam's code than it gave back: on this 2-core machine, 10,000 accounts
# took 22.5 s with it and 13.8 s with the quick compiler alone, 100,000 accounts 68.2 s and
# 62.7 s. JAVA_OPTS can set the JIT otherwise.
DIRECT_JAVA_OPTS="-XX:TieredStopAtLevel=1"

# default_heap MAX_MB: the heap a launcher gives the JVM unless JAVA_OPTS sets -Xmx: half the
# machine's memory, at most MAX_MB. The JVM's own default (a quarter of the machine) lets a
# 24 GB machine's run grow far past what it needs before collecting, so peak memory would grow
# with the book instead of with what the run holds at once.
default_heap() {
  if [[ "${JAVA_OPTS:-}" == *-Xmx* ]]; then
    return
  fi
  local total_kb
  total_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo 2>/dev/null || echo 0)
  local mb=$(( total_kb / 2048 ))
  if (( mb <= 0 || mb > $1 )); then mb=$1; fi
  echo "-Xmx${mb}m"
}
# The Direct runner keeps every step's output in memory: 3 GB holds a 100,000-account book and
# leaves room, under 4 GB, for the JVM itself and DuckDB's load. Embedded Flink sorts and spills
# through its own memory off the heap, so its heap holds little more than what is in flight:
# 1.5 GB ran 1,000,000 accounts as fast as 3 GB did (405 s against 396 s) in 2.1 GB, not 4.8 GB.
DIRECT_HEAP_MB=3072
FLINK_HEAP_MB=1536
HEAP_MB=$DIRECT_HEAP_MB

# run_pipeline RUNNER_OPTION [user options...]
run_pipeline() {
  ensure_built
  local runner="$1"
  shift
  exec java $(default_heap "$HEAP_MB") ${JAVA_OPTS:-} -cp "$PROJECT_DIR/target/classes:$(cat "$CLASSPATH_FILE")" \
      io.rebalancer.RunCommand "$runner" "$@"
}

# Flink 1.19 on Java 17 reflects into these JDK packages (as Flink's own launch scripts allow).
FLINK_JAVA_OPTS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.math=ALL-UNNAMED"

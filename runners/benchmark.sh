#!/usr/bin/env bash
# Times the pipeline on a seeded synthetic book, each run its own process under /usr/bin/time -v,
# through the real launcher (runners/direct.sh, or runners/flink-local.sh with --runner=FlinkRunner).
# Usage: runners/benchmark.sh [ACCOUNTS] [--runs=N] [--seed=N] [--fresh] [--duckdb|--compare-duckdb]
#                             [pipeline options, e.g. --runner=FlinkRunner --parallelism=2]
# The book (default 10000 accounts, seed 42) is generated once into target/bench-books/ and reused;
# --fresh regenerates it. --duckdb times src/test/resources/bench/rebalance.sql on the same book
# instead of the pipeline; --compare-duckdb times both and prints the ratio. Every run writes into
# its own folder under target/bench-runs/. A failed run stops the benchmark with its stderr.
source "$(dirname "${BASH_SOURCE[0]}")/help.sh" "$@"  # --help, -h, --help=NAME: print and exit
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export LC_ALL=C # decimal points in awk and printf

RUN_DATE=2026-11-20 # the synthetic book's price history ends on this date
SQL_SCRIPT="$PROJECT_DIR/src/test/resources/bench/rebalance.sql"
TEST_CLASSPATH_FILE="$PROJECT_DIR/target/test-classpath.txt"

accounts=10000 runs=1 seed=42 fresh=false mode=pipeline launcher=direct.sh
options=()
for arg in "$@"; do
  if [[ "$arg" =~ ^[0-9]+$ ]]; then
    accounts="$arg"
    continue
  fi
  case "$arg" in
    --runs=*) runs="${arg#--runs=}" ;;
    --seed=*) seed="${arg#--seed=}" ;;
    --fresh) fresh=true ;;
    --duckdb) mode=duckdb ;;
    --compare-duckdb) mode=compare ;;
    # The launcher names its runner itself; passing it again would set the option twice.
    --runner=FlinkRunner) launcher=flink-local.sh ;;
    --runner=DirectRunner) launcher=direct.sh ;;
    --runner=*) echo "error: $arg: the benchmark runs DirectRunner or FlinkRunner" >&2; exit 2 ;;
    --config=* | --runDate=* | --outputDir=* | --warehouse=*)
      echo "error: $arg: the benchmark sets ${arg%%=*} itself" >&2; exit 2 ;;
    *) options+=("$arg") ;;
  esac
done
if [[ ! "$runs" =~ ^[1-9][0-9]*$ || ! "$seed" =~ ^[0-9]+$ || "$accounts" -lt 1 ]]; then
  echo "error: ACCOUNTS, --runs and --seed must be positive whole numbers" >&2
  exit 2
fi

# Compiles the benchmark's own classes and the launchers' build, so that no timed run compiles.
build() {
  local log="$PROJECT_DIR/target/benchmark-build.log"
  mkdir -p "$PROJECT_DIR/target"
  if [[ ! -f "$TEST_CLASSPATH_FILE" || "$PROJECT_DIR/pom.xml" -nt "$TEST_CLASSPATH_FILE" ]]; then
    (cd "$PROJECT_DIR" && mvn -q -B -Dstyle.color=never dependency:build-classpath \
        -Dmdep.outputFile="$TEST_CLASSPATH_FILE" -Dmdep.includeScope=test >"$log" 2>&1) \
      || { cat "$log" >&2; echo "error: the build failed" >&2; exit 1; }
  fi
  (cd "$PROJECT_DIR" && mvn -q -B -Dstyle.color=never -DskipTests test-compile >"$log" 2>&1) \
    || { cat "$log" >&2; echo "error: the build failed" >&2; exit 1; }
  ensure_built
  TEST_CP="$PROJECT_DIR/target/test-classes:$PROJECT_DIR/target/classes:$(cat "$TEST_CLASSPATH_FILE")"
}

# Generates the book once per (accounts, seed, generator source); sets BOOK and HOLDINGS_ROWS.
prepare_book() {
  BOOK="$PROJECT_DIR/target/bench-books/$accounts/seed-$seed"
  local generator="$PROJECT_DIR/src/test/java/io/rebalancer/bench/SyntheticBook.java"
  local version
  version="$(sha1sum "$generator")"
  version="${version%% *}"
  # The marker is written last, so an interrupted generation is redone rather than reused.
  if [[ "$fresh" == true || ! -f "$BOOK/.complete" || "$(cat "$BOOK/.complete")" != "$version" ]]; then
    rm -rf "$BOOK"
    local start=$SECONDS
    java ${JAVA_OPTS:-} -cp "$TEST_CP" io.rebalancer.bench.GenerateBook "$BOOK" "$accounts" "$seed" \
        "$RUN_DATE" >/dev/null
    echo "$version" >"$BOOK/.complete"
    echo "generated the book in $((SECONDS - start)) s: $BOOK"
  else
    echo "reusing the book: $BOOK"
  fi
  local files=("$BOOK"/brokerages/*/positions.csv)
  local lines
  lines=$(cat "${files[@]}" | wc -l)
  HOLDINGS_ROWS=$((lines - ${#files[@]})) # one header line per source file
}

# median VALUE...: the middle value, or the mean of the two middle ones.
median() {
  printf '%s\n' "$@" | sort -g \
    | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# report LABEL WALL_S RSS_KB WAREHOUSE_BYTES: one line of figures.
report() {
  awk -v label="$1" -v wall="$2" -v rss="$3" -v wh="$4" -v accounts="$accounts" \
      -v rows="$HOLDINGS_ROWS" 'BEGIN {
    printf "  %-14s wall %7.1f s  %8.0f accounts/s  %9.0f holdings rows/s  peak RSS %6.0f MB  warehouse %7.1f MB\n",
        label, wall, accounts / wall, rows / wall, rss / 1024, wh / 1048576 }'
}

# run_kind KIND (pipeline|duckdb): times $runs runs, prints each and the median; sets MEDIAN_WALL.
run_kind() {
  local kind="$1" i dir walls=() rsss=() sizes=() wall rss size stages
  if [[ "$kind" == pipeline ]]; then
    echo "pipeline: runners/$launcher${options[*]:+ ${options[*]}}"
  else
    echo "duckdb: ${SQL_SCRIPT#"$PROJECT_DIR/"}"
  fi
  for ((i = 1; i <= runs; i++)); do
    dir="$RUNS_DIR/$kind-$i"
    mkdir -p "$dir/out"
    local command
    if [[ "$kind" == pipeline ]]; then
      command=("$PROJECT_DIR/runners/$launcher" --config="$BOOK/config.yaml" --runDate="$RUN_DATE"
        --outputDir="$dir/out" "${options[@]}")
    else
      command=(java ${JAVA_OPTS:-} -cp "$TEST_CP" io.rebalancer.bench.SqlScriptBenchmark "$SQL_SCRIPT"
        "$dir/out/warehouse.duckdb" "BOOK=$BOOK" "OUT=$dir/out" "RUN_DATE=$RUN_DATE"
        "RUN_DATE_BASIC=${RUN_DATE//-/}")
    fi
    if ! /usr/bin/time -v -o "$dir/time.txt" "${command[@]}" >"$dir/stdout.txt" 2>"$dir/stderr.txt"; then
      echo "error: $kind run $i failed ($(sed -n 's/^Command exited with //p' "$dir/time.txt")); its stderr:" >&2
      cat "$dir/stderr.txt" >&2
      exit 1
    fi
    # "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34" and "Maximum resident set size (kbytes): N"
    wall=$(awk '/Elapsed \(wall clock\)/ { n = split($NF, t, ":"); s = 0
      for (j = 1; j <= n; j++) s = s * 60 + t[j]; print s }' "$dir/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/time.txt")
    size=$(stat -c %s "$dir/out/warehouse.duckdb")
    stages=$(sed -n 's/^  timings: //p' "$dir/stdout.txt")
    walls+=("$wall") rsss+=("$rss") sizes+=("$size")
    report "run $i/$runs" "$wall" "$rss" "$size"
    echo "                 stages: ${stages:-not reported}"
  done
  # What the first run computed, to see at a glance that both sides did the same book.
  grep -E '^  [0-9]+ (accounts in|orders \()|^  records_read' "$RUNS_DIR/$kind-1/stdout.txt" \
    | sed 's/^  /                 result: /' || true
  MEDIAN_WALL=$(median "${walls[@]}")
  if ((runs > 1)); then
    report "median" "$MEDIAN_WALL" "$(median "${rsss[@]}")" "$(median "${sizes[@]}")"
  fi
}

build
prepare_book
RUNS_DIR="$PROJECT_DIR/target/bench-runs/$(date +%Y%m%d-%H%M%S)-$accounts-$$"
echo "book: $accounts accounts, $HOLDINGS_ROWS holdings rows (seed $seed, run date $RUN_DATE)"
echo "runs: $RUNS_DIR"
if [[ "$mode" == duckdb && ${#options[@]} -gt 0 ]]; then
  echo "note: pipeline options ignored by --duckdb: ${options[*]}"
fi
if [[ "$mode" != duckdb ]]; then
  run_kind pipeline
  pipeline_wall="$MEDIAN_WALL"
fi
if [[ "$mode" != pipeline ]]; then
  run_kind duckdb
fi
if [[ "$mode" == compare ]]; then
  awk -v p="$pipeline_wall" -v d="$MEDIAN_WALL" \
    'BEGIN { printf "pipeline / duckdb wall time: %.1fx (%.1f s / %.1f s)\n", p / d, p, d }'
fi

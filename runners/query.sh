#!/usr/bin/env bash
# Prints the result of one SQL query on a warehouse file as CSV (read-only; no DuckDB CLI needed).
# Usage: runners/query.sh output/warehouse.duckdb "SELECT * FROM trade_orders"
source "$(dirname "${BASH_SOURCE[0]}")/help.sh" "$@"  # --help, -h, --help=NAME: print and exit
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_built
exec java ${JAVA_OPTS:-} -cp "$PROJECT_DIR/target/classes:$(cat "$CLASSPATH_FILE")" \
    io.rebalancer.QueryWarehouse "$@"

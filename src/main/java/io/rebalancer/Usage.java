package io.rebalancer;

/** The launchers' --help. */
final class Usage {
  static final String TEXT = """
      Daily portfolio rebalance: reads every brokerage's holdings, analyses each account,
      rebalances each household against its model, writes trade orders and loads a DuckDB
      warehouse.

      Options (--name=value):
        --config=FILE       pipeline configuration (default pipelines/daily-rebalance.yaml)
        --runDate=DATE      run date, YYYY-MM-DD (default: the config's runDate:, else today)
        --outputDir=DIR     where trade_orders_YYYYMMDD.csv goes (default output)
        --warehouse=FILE    DuckDB file (default <outputDir>/warehouse.duckdb)
        --keyBuckets=N      hash buckets accounts and households are grouped in
                            (default 16 on the Direct runner, 65536 on Flink)
        --logLevel=LEVEL    the pipeline's log lines: ERROR, WARN, INFO (default: a progress
                            line per stage) or DEBUG; each run logs to <outputDir>/logs/
        --verbose           print stack traces of failures
        --help              this text

      Any Beam or runner option is accepted too, for example --targetParallelism=4 on the
      Direct runner or --parallelism=2 on Flink.
      Exit status: 0 on success; 1 with one line on stderr naming what failed.
      """;

  private Usage() {}
}

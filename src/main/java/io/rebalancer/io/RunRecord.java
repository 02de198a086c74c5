package io.rebalancer.io;

import java.time.Instant;
import java.time.LocalDate;

/** One row of pipeline_runs: what ran, when, how it ended, and its counts. */
public record RunRecord(String runId, LocalDate runDate, Instant startedAt, Instant finishedAt,
    String runner, String status, long recordsRead, long recordsRejected, long accounts,
    long households, long orders, long unplaced, String config, String error, int checks) {

  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String FAILED = "FAILED";

  public static RunRecord failed(String runId, LocalDate runDate, Instant startedAt,
      String runner, String config, String error) {
    return new RunRecord(runId, runDate, startedAt, Instant.now(), runner, FAILED, 0, 0, 0, 0, 0,
        0, config, error, 0);
  }

  public RunRecord withChecks(int n) {
    return new RunRecord(runId, runDate, startedAt, finishedAt, runner, status, recordsRead,
        recordsRejected, accounts, households, orders, unplaced, config, error, n);
  }
}

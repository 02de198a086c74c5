package io.rebalancer;

import io.rebalancer.io.RunLock;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A run's two locks: its output folder's (staging, orders, report) and its warehouse's, which
 * --warehouse may put elsewhere and several output folders may share. Taken before the run
 * touches either, in that order, and released when it has finished with both.
 */
final class RunLocks implements AutoCloseable {
  private final RunLock outputFolder;
  private final RunLock warehouse;

  private RunLocks(RunLock outputFolder, RunLock warehouse) {
    this.outputFolder = outputFolder;
    this.warehouse = warehouse;
  }

  static RunLocks take(Path outputDir, Path warehouse, String runId, Instant startedAt) {
    RunLock folder = OutputFolder.lock(outputDir, runId, startedAt);
    try {
      return new RunLocks(folder, RunLock.take(RunLock.ofWarehouse(warehouse),
          "warehouse " + warehouse, "--warehouse", runId, startedAt));
    } catch (RuntimeException e) {
      folder.close();
      throw e;
    }
  }

  @Override
  public void close() {
    warehouse.close();
    outputFolder.close();
  }
}

package io.rebalancer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.io.FullDisk;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.junit.jupiter.api.Test;

/** The one line of a run stopped by a full disk, however the runner wrapped the write's error. */
class FullDiskLineTest {
  private static final Path OUT = Path.of("/mnt/small/out");
  private static final String NO_SPACE = "No space left on device";

  @Test
  void aFullOutputFolderAtAWriteSiteNamesTheFolderAndTheStepThroughTheRunnersWrapping() {
    IOException write = new FileSystemException(OUT + "/.staging-r1/order-runs/x.csv.tmp", null,
        NO_SPACE);
    FullDisk full = assertThrows(FullDisk.class, () -> FullDisk.ofStagedFile(write,
        OUT.resolve(".staging-r1/order-runs/x.csv"), "the trade-order shards"));

    assertThat(Failures.oneLine(new PipelineExecutionException(new RuntimeException(full))),
        is("the file system of output folder /mnt/small/out is full (No space left on device)"
            + " while writing the trade-order shards: free space there or pass --outputDir on a"
            + " larger one"));
  }

  @Test
  void duckDbsIoErrorForAFullDiskNamesTheWarehouse() {
    SQLException commit = new SQLException("IO Error: Could not write file"
        + " \"/mnt/small/out/warehouse.duckdb.wal\": " + NO_SPACE);
    Path warehouse = OUT.resolve("warehouse.duckdb");

    FullDisk full = assertThrows(FullDisk.class,
        () -> FullDisk.ofWarehouse(commit, warehouse, "loading the run"));

    assertThat(Failures.oneLine(full), is("the file system of warehouse"
        + " /mnt/small/out/warehouse.duckdb is full (No space left on device) while loading the"
        + " run: free space there or pass --warehouse on a larger one; the warehouse is"
        + " unchanged"));
  }

  @Test
  void aFullDiskNoWriteSiteNamedStillSaysSoWithTheFileSystemsMessage() {
    IOException write = new IOException(NO_SPACE);
    RuntimeException beam = new PipelineExecutionException(
        new IOException("Failed to write /mnt/small/out/.staging-r1/tmp/x", write));

    assertThat(Failures.oneLine(beam), is("a file system the run writes to is full (No space"
        + " left on device): Failed to write /mnt/small/out/.staging-r1/tmp/x: free space there,"
        + " or pass --outputDir or --warehouse on a larger one"));
  }

  @Test
  void anotherFailedWriteIsNotAFullDisk() {
    IOException denied = new FileSystemException("/mnt/small/out/x", null, "Permission denied");

    FullDisk.ofOutputFolder(denied, OUT, "the trade-order shards"); // returns: not full

    assertThat(FullDisk.isFull(new RuntimeException(denied)), is(false));
    assertThat(Failures.oneLine(new RuntimeException(denied)),
        is("FileSystemException: /mnt/small/out/x: Permission denied"));
  }
}

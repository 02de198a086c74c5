package io.rebalancer.transforms;

import io.rebalancer.io.StagedCsv;
import io.rebalancer.io.StagingArea;
import io.rebalancer.io.WarehouseRow;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Stages every warehouse row as CSV files, one set per table, in the staging area. DuckDB allows
 * one writing process per file, and the rows may come from many workers, so the rows are loaded
 * later, in one transaction, in one place (the publisher).
 */
public final class StageWarehouseRows
    extends PTransform<PCollection<WarehouseRow>, WriteFilesResult<String>> {
  private static final int SHARDS = 4;
  private final StagingArea staging;

  private StageWarehouseRows(StagingArea staging) {
    this.staging = staging;
  }

  public static StageWarehouseRows in(StagingArea staging) {
    return new StageWarehouseRows(staging);
  }

  @Override
  public WriteFilesResult<String> expand(PCollection<WarehouseRow> rows) {
    return rows.apply("WriteTableFiles", FileIO.<String, WarehouseRow>writeDynamic()
        .by(WarehouseRow::table)
        .withDestinationCoder(StringUtf8Coder.of())
        .via(Contextful.fn(row -> StagedCsv.line(row.cells())), TextIO.sink())
        .to(staging.tables().toString())
        .withTempDirectory(staging.path().resolve("tmp").toString())
        .withNaming(table -> FileIO.Write.defaultNaming(table + "-part", ".csv"))
        // A fixed shard count: otherwise a file per bundle, and bundles can be many.
        .withNumShards(SHARDS));
  }
}

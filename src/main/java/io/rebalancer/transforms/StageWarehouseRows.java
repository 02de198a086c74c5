package io.rebalancer.transforms;

import io.rebalancer.io.RowBlock;
import io.rebalancer.io.StagingArea;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Stages every warehouse row as CSV files, one set per table, in the staging area. DuckDB allows
 * one writing process per file, and the rows may come from many workers, so the rows are loaded
 * later, in one transaction, in one place (the publisher). The rows arrive as blocks of rendered
 * lines ({@link RowBlocks}): the file writer groups what it writes, and the Direct runner copies
 * a group each time a bundle adds to it, so a few large elements keep that cheap.
 */
public final class StageWarehouseRows
    extends PTransform<PCollection<RowBlock>, WriteFilesResult<String>> {
  private final StagingArea staging;

  private StageWarehouseRows(StagingArea staging) {
    this.staging = staging;
  }

  public static StageWarehouseRows in(StagingArea staging) {
    return new StageWarehouseRows(staging);
  }

  @Override
  public WriteFilesResult<String> expand(PCollection<RowBlock> blocks) {
    return blocks.apply("WriteTableFiles", FileIO.<String, RowBlock>writeDynamic()
        .by(RowBlock::table)
        .withDestinationCoder(StringUtf8Coder.of())
        .via(Contextful.fn(RowBlock::lines), new TableFileSink(staging.path().getParent()))
        .to(staging.tables().toString())
        .withTempDirectory(staging.path().resolve("tmp").toString())
        .withNaming(table -> FileIO.Write.defaultNaming(table + "-part", ".csv")));
  }
}

package io.rebalancer.transforms;

import io.rebalancer.io.StagedCsv;
import io.rebalancer.io.StagingArea;
import io.rebalancer.io.WarehouseRow;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Stages every warehouse row as CSV files, one set per table, in the staging area. DuckDB allows
 * one writing process per file, and the rows may come from many workers, so the rows are loaded
 * later, in one transaction, in one place (the publisher).
 */
public final class StageWarehouseRows
    extends PTransform<PCollection<WarehouseRow>, WriteFilesResult<String>> {
  private final StagingArea staging;

  private StageWarehouseRows(StagingArea staging) {
    this.staging = staging;
  }

  public static StageWarehouseRows in(StagingArea staging) {
    return new StageWarehouseRows(staging);
  }

  @Override
  public WriteFilesResult<String> expand(PCollection<WarehouseRow> rows) {
    return rows
        .apply("RenderLines", ParDo.of(new RenderBlocks()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("WriteTableFiles", FileIO.<String, KV<String, String>>writeDynamic()
            .by(KV::getKey)
            .withDestinationCoder(StringUtf8Coder.of())
            .via(Contextful.fn(KV::getValue), TextIO.sink())
            .to(staging.tables().toString())
            .withTempDirectory(staging.path().resolve("tmp").toString())
            .withNaming(table -> FileIO.Write.defaultNaming(table + "-part", ".csv")));
  }

  /**
   * Renders rows as CSV lines and joins a bundle's lines per table into blocks of up to
   * {@link #BLOCK} lines. The file writer groups what it writes, and the Direct runner copies a
   * group each time a bundle adds to it: a few large blocks instead of millions of rows keep that
   * cheap (the price-history series alone are hundreds of rows per account).
   */
  static final class RenderBlocks extends DoFn<WarehouseRow, KV<String, String>> {
    static final int BLOCK = 5_000;
    private transient Map<String, StringBuilder> blocks;
    private transient Map<String, Integer> lines;

    @StartBundle
    public void startBundle() {
      blocks = new HashMap<>();
      lines = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element WarehouseRow row, OutputReceiver<KV<String, String>> out) {
      StringBuilder block = blocks.computeIfAbsent(row.table(), t -> new StringBuilder());
      if (block.length() > 0) {
        block.append('\n');
      }
      block.append(StagedCsv.line(row.cells()));
      if (lines.merge(row.table(), 1, Integer::sum) >= BLOCK) {
        out.output(KV.of(row.table(), block.toString()));
        blocks.remove(row.table());
        lines.remove(row.table());
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      blocks.forEach((table, block) -> c.output(KV.of(table, block.toString()),
          BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE));
      blocks.clear();
      lines.clear();
    }
  }
}

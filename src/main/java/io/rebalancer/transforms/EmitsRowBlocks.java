package io.rebalancer.transforms;

import io.rebalancer.io.RowBlock;
import io.rebalancer.io.WarehouseRow;
import java.util.function.Consumer;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.TupleTag;

/**
 * A DoFn whose side output is warehouse rows, handed on as blocks per bundle ({@link RowBlocks}):
 * the rows of a bundle are gathered as they are made and flushed when the bundle ends.
 */
abstract class EmitsRowBlocks<InputT, OutputT> extends DoFn<InputT, OutputT> {
  private final TupleTag<RowBlock> rowsTag;
  private transient RowBlocks blocks;

  EmitsRowBlocks(TupleTag<RowBlock> rowsTag) {
    this.rowsTag = rowsTag;
  }

  @StartBundle
  public void startBundle() {
    blocks = new RowBlocks();
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext c) {
    blocks.flush(b -> c.output(rowsTag, b, BoundedWindow.TIMESTAMP_MIN_VALUE,
        GlobalWindow.INSTANCE));
  }

  /** Where the current element's warehouse rows go. */
  Consumer<WarehouseRow> rows(MultiOutputReceiver out) {
    OutputReceiver<RowBlock> receiver = out.get(rowsTag);
    return row -> blocks.add(row, receiver::output);
  }
}

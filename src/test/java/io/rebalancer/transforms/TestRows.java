package io.rebalancer.transforms;

import io.rebalancer.io.RowBlock;
import io.rebalancer.io.WarehouseRow;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/** A composite's blocks of warehouse rows read back as rows, for assertions. */
final class TestRows {
  private TestRows() {}

  static PCollection<WarehouseRow> of(PCollection<RowBlock> blocks) {
    return blocks.apply("ReadBackRows" + blocks.getName().hashCode(), FlatMapElements
        .into(TypeDescriptor.of(WarehouseRow.class)).via(RowBlock::rows));
  }
}

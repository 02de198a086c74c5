package io.rebalancer.transforms;

import io.rebalancer.io.RowBlock;
import io.rebalancer.io.StagedCsv;
import io.rebalancer.io.WarehouseRow;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A DoFn's warehouse rows of one bundle, rendered as they are added and handed on as blocks of up
 * to {@link #BLOCK} lines per table: a few large elements instead of one per row. Made at the
 * start of a bundle, flushed at its end.
 */
final class RowBlocks {
  static final int BLOCK = 5_000;
  private final Map<String, StringBuilder> text = new HashMap<>();
  private final Map<String, Integer> lines = new HashMap<>();

  void add(WarehouseRow row, Consumer<RowBlock> out) {
    StringBuilder block = text.computeIfAbsent(row.table(), t -> new StringBuilder());
    if (block.length() > 0) {
      block.append('\n');
    }
    block.append(StagedCsv.line(row.cells()));
    int count = lines.merge(row.table(), 1, Integer::sum);
    if (count >= BLOCK) {
      out.accept(new RowBlock(row.table(), block.toString(), count));
      text.remove(row.table());
      lines.remove(row.table());
    }
  }

  void flush(Consumer<RowBlock> out) {
    text.forEach((table, block) -> out.accept(new RowBlock(table, block.toString(),
        lines.get(table))));
    text.clear();
    lines.clear();
  }
}

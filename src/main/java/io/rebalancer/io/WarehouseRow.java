package io.rebalancer.io;

import java.util.Arrays;
import java.util.List;

/**
 * One row for one warehouse table, its cells already rendered as text (null for SQL NULL), so that
 * every composite's side output can be staged by one writer.
 */
public record WarehouseRow(String table, List<String> cells) {
  public static WarehouseRow of(String table, String... cells) {
    return new WarehouseRow(table, Arrays.asList(cells));
  }
}

package io.rebalancer.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Warehouse rows of one table, already rendered as staged CSV lines (joined by a line feed). A
 * book of a million accounts makes tens of millions of rows; moving them between steps a few
 * thousand to an element, as the text they are staged as, spares a coder call and a copy each.
 *
 * @param count how many rows lines holds (a quoted cell may hold a line feed, so it is kept, not
 *     counted from the text)
 */
public record RowBlock(String table, String lines, int count) {
  public static RowBlock of(WarehouseRow row) {
    return new RowBlock(row.table(), StagedCsv.line(row.cells()), 1);
  }

  /** The block read back as rows, NULL cells as null. */
  public List<WarehouseRow> rows() {
    List<WarehouseRow> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(lines), StagedCsv.FORMAT)) {
      for (CSVRecord r : parser) {
        rows.add(new WarehouseRow(table, r.toList()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}

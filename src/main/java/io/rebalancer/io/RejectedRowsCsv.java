package io.rebalancer.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * `rejected_rows_YYYYMMDD.csv` beside the orders: the input rows a run turned down, with source,
 * file, line and reason, for whoever fixes the input. Written only when there are any.
 */
public final class RejectedRowsCsv {
  /** The columns of rejected_records, as staged. */
  public static final List<String> HEADER = WarehouseTables.REJECTED_RECORDS.stagedColumns()
      .stream().map(Table.Column::name).toList();

  private RejectedRowsCsv() {}

  public static String fileName(LocalDate runDate) {
    return "rejected_rows_" + runDate.format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv";
  }

  /**
   * Writes the rows (rejected_records cells, in file order) to target; returns it, or null when
   * there are no rows.
   */
  public static Path write(List<? extends Table<?>.Staged> rows, Path target) {
    if (rows.isEmpty()) {
      return null;
    }
    try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, TradeOrderCsv.FORMAT)) {
      p.printRecord(HEADER);
      for (Table<?>.Staged row : rows) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.cells()) {
          cells.add(cell == null ? "" : TradeOrderCsv.safe(cell));
        }
        p.printRecord(cells);
      }
    } catch (IOException e) {
      FullDisk.ofStagedFile(e, target, "the rejected rows " + target.getFileName());
      throw new UncheckedIOException("cannot write " + target, e);
    }
    return target;
  }
}

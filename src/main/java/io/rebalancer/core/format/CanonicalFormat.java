package io.rebalancer.core.format;

import io.rebalancer.core.InputException;
import java.util.List;

/**
 * The plain layout: header `account_id,symbol,quantity,price,asset_class[,currency]` on the first
 * non-blank line, one holding per row. Cash is symbol CASH (quantity = amount) or class CASH.
 */
public final class CanonicalFormat implements ExportFormat {
  public static final String NAME = "canonical";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void read(SourceFile file, Iterable<ExportRow> rows, ParseSink sink) {
    int[] col = null;
    for (ExportRow row : rows) {
      if (row.isBlank()) {
        sink.recognised(row, "blank");
      } else if (col == null) {
        col = columns(file, row);
        sink.recognised(row, "header");
      } else {
        holding(file, row, col, sink);
      }
    }
  }

  /**
   * Reads a part of a file that lies after its header: every row is a holding or a blank line.
   * A large file is read in parts by several workers, each given the file's header row.
   */
  public void readPart(SourceFile file, ExportRow header, Iterable<ExportRow> rows,
      ParseSink sink) {
    int[] col = columns(file, header);
    for (ExportRow row : rows) {
      if (row.isBlank()) {
        sink.recognised(row, "blank");
      } else {
        holding(file, row, col, sink);
      }
    }
  }

  private static void holding(SourceFile file, ExportRow row, int[] col, ParseSink sink) {
    HoldingFields.emit(file, row, new HoldingFields.Cells(cell(row, col[0]), cell(row, col[1]),
        cell(row, col[2]), cell(row, col[3]), cell(row, col[4]), cell(row, col[5])), sink);
  }

  private static int[] columns(SourceFile file, ExportRow header) {
    HeaderColumns h = new HeaderColumns(header.cells());
    int[] col = {
      h.find("account_id", "account", "account number"),
      h.find("symbol", "ticker"),
      h.find("quantity", "qty", "shares"),
      h.find("price", "close", "last price"),
      h.find("asset_class", "class"),
      h.find("currency")
    };
    String[] names = {"account_id", "symbol", "quantity", "price", "asset_class"};
    for (int i = 1; i < names.length; i++) {
      if (col[i] < 0) {
        throw new InputException(String.format("source %s: %s: line %d: header has no %s column",
            file.sourceId(), file.uri(), header.lineNumber(), names[i]));
      }
    }
    if (col[0] < 0 && file.account() == null) {
      throw new InputException(String.format(
          "source %s: %s: line %d: header has no account_id column and the source sets no account",
          file.sourceId(), file.uri(), header.lineNumber()));
    }
    return col;
  }

  private static String cell(ExportRow row, int index) {
    return index < 0 ? null : row.cell(index);
  }
}

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
    int width = 0;
    for (ExportRow row : rows) {
      if (row.isBlank()) {
        sink.recognised(row, "blank");
      } else if (col == null) {
        col = columns(file, row);
        width = filledWidth(row);
        sink.recognised(row, "header");
      } else {
        holding(file, row, col, width, sink);
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
        holding(file, row, col, filledWidth(header), sink);
      }
    }
  }

  /**
   * Our own layout is never ragged: a row with fewer cells than the header is cut short (a
   * download cut mid-row would else pass "A1,CASH,15" as cash of 15), one with more filled cells
   * has its cells shifted (an unquoted "1,250"). Empty trailing cells are a trailing comma.
   */
  private static void holding(SourceFile file, ExportRow row, int[] col, int width,
      ParseSink sink) {
    int filled = Math.max(filledWidth(row), Math.min(row.cells().size(), width));
    if (filled != width) {
      sink.rejected(HoldingFields.reject(file, row, String.format(
          "row has %d cells, the header has %d (%s)", filled, width, filled < width
              ? "a row cut short" : "an unquoted comma in a number or name?")));
      return;
    }
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
    String[] names = {"account_id", "symbol", "quantity", "price", "asset_class", "currency"};
    for (int i = 0; i < names.length; i++) {
      int again = col[i] < 0 ? -1 : h.findAfter(col[i], header.cell(col[i]));
      if (again >= 0) {
        throw new InputException(String.format(
            "source %s: %s: line %d: header has the column %s twice (columns %d and %d)",
            file.sourceId(), file.uri(), header.lineNumber(), names[i], col[i] + 1, again + 1));
      }
    }
    for (int i = 1; i < 5; i++) {
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

  /** Cells up to the last non-blank one: a trailing comma adds none. */
  private static int filledWidth(ExportRow row) {
    int n = row.cells().size();
    while (n > 0 && row.cell(n - 1).isBlank()) {
      n--;
    }
    return n;
  }

  private static String cell(ExportRow row, int index) {
    return index < 0 ? null : row.cell(index);
  }
}

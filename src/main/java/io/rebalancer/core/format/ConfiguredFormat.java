package io.rebalancer.core.format;

import io.rebalancer.core.Holding;
import io.rebalancer.core.InputException;
import java.math.BigDecimal;
import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.List;
import java.util.Locale;

/**
 * Reads a layout described by a {@link FormatSpec}: header, columns, cash rows, table end, and,
 * where the spec says, the date line (before the header or after the table) and total rows.
 */
public final class ConfiguredFormat implements ExportFormat {
  static final String UNCLASSIFIED = "UNCLASSIFIED";
  private final FormatSpec spec;
  /** The asOf pattern, compiled once; null when the layout states no date. */
  private final DateTimeFormatter dateFormat;

  public ConfiguredFormat(FormatSpec spec) {
    this.spec = spec;
    this.dateFormat = spec.asOf() == null ? null : spec.asOf().formatter();
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public void read(SourceFile file, Iterable<ExportRow> rows, ParseSink sink) {
    Reader reader = new Reader(file, sink);
    boolean any = false;
    for (ExportRow row : rows) {
      any = true;
      reader.accept(row);
    }
    if (reader.col == null && any) {
      throw new InputException("source " + file.sourceId() + ": " + file.uri() + ": format "
          + spec.name() + ": no header row " + (spec.headerLine() > 0
              ? "on line " + spec.headerLine() : "starting with '" + spec.headerMarker() + "'"));
    }
  }

  /** One file's reading: its columns once the header is read, whether the table has ended. */
  private final class Reader {
    private final SourceFile file;
    private final ParseSink sink;
    private Columns col;
    private boolean ended;
    private boolean dated;

    Reader(SourceFile file, ParseSink sink) {
      this.file = file;
      this.sink = sink;
    }

    void accept(ExportRow row) {
      if (ended) {
        dateLine(row);
        sink.recognised(row, "footer");
      } else if (col == null) {
        if (isHeader(row)) {
          col = columns(file, row);
          sink.recognised(row, "header");
        } else {
          dateLine(row);
          sink.recognised(row, "before header");
        }
      } else if (row.isBlank()) {
        sink.recognised(row, "blank");
      } else if (spec.totalRow() != null
          && startsWithAny(row.cell(0), List.of(spec.totalRow().marker()))) {
        ended = startsWithAny(row.cell(0), spec.endRows()); // a total may end the table too
        total(row);
      } else if (startsWithAny(row.cell(0), spec.endRows())) {
        ended = true;
        dateLine(row);
        sink.recognised(row, "end of table");
      } else if (startsWithAny(row.cell(0), spec.skipRows())) {
        dateLine(row);
        sink.recognised(row, "skipped");
      } else {
        holding(file, row, col, sink);
      }
    }

    /**
     * Reports the date of a row outside the holdings that contains the asOf marker: the first
     * text after the marker that the pattern reads. Holding rows are not searched, so a security
     * named like the marker cannot pass for the date line.
     */
    private void dateLine(ExportRow row) {
      if (dateFormat == null || dated) {
        return;
      }
      String line = row.raw();
      String marker = spec.asOf().marker().toLowerCase(Locale.ROOT);
      int at = line.toLowerCase(Locale.ROOT).indexOf(marker);
      if (at < 0) {
        return;
      }
      String after = line.substring(at + marker.length());
      for (int i = 0; i < after.length(); i++) {
        try {
          TemporalAccessor read = dateFormat.parse(after, new ParsePosition(i));
          sink.asOf(new AsOf(LocalDate.from(read), read.query(TemporalQueries.localTime()),
              line.trim(), row.lineNumber()));
          dated = true;
          return;
        } catch (DateTimeException e) {
          // the date starts further on, if anywhere
        }
      }
      throw ExportDates.unreadable(file, row, line);
    }

    /** A total row: recognised, its amount the stated total of the row's account. */
    private void total(ExportRow row) {
      FormatSpec.TotalRow total = spec.totalRow();
      String cell = col.cell(row, col.total);
      // In the first column, the account cell holds the marker ("Total"), not an account.
      String account = col.account == 0 ? null
          : HoldingFields.blankToNull(col.cell(row, col.account));
      account = account == null ? file.account() : account;
      BigDecimal amount;
      try {
        String problem = spec.separatorProblem(cell);
        if (problem != null) {
          throw new NumberFormatException(problem);
        }
        amount = Numbers.parse(spec.normalizeNumber(cell));
      } catch (NumberFormatException e) {
        sink.rejected(HoldingFields.reject(file, row, "cannot read the stated total in column '"
            + total.column() + "': " + e.getMessage()));
        return;
      }
      if (amount != null && account == null) {
        sink.rejected(HoldingFields.reject(file, row, "cannot read the stated total: no account"
            + " id (the row has none and the source sets no account:)"));
        return;
      }
      if (amount != null) {
        sink.statedTotal(new StatedTotal(account, row.cell(0).trim(), amount,
            total.includesCash(), row.lineNumber()));
      }
      sink.recognised(row, ended ? "end of table" : "total");
    }
  }

  private boolean isHeader(ExportRow row) {
    if (spec.headerLine() > 0) {
      return row.lineNumber() == spec.headerLine();
    }
    return row.cell(0).trim().equalsIgnoreCase(spec.headerMarker());
  }

  private void holding(SourceFile file, ExportRow row, Columns col, ParseSink sink) {
    for (int number : new int[] {col.quantity, col.price, col.marketValue, col.costBasis}) {
      String problem = spec.separatorProblem(col.cell(row, number));
      if (problem != null) {
        sink.rejected(HoldingFields.reject(file, row, problem));
        return;
      }
    }
    String symbol = col.cell(row, col.symbol).trim();
    String assetClass = col.cell(row, col.assetClass);
    String account = col.cell(row, col.account);
    if (isCash(symbol, assetClass)) {
      String amount = col.marketValue >= 0 ? col.cell(row, col.marketValue)
          : col.cell(row, col.quantity);
      HoldingFields.emitCash(file, row, account, cashSymbol(symbol),
          spec.normalizeNumber(amount), sink);
      return;
    }
    HoldingFields.emit(file, row, new HoldingFields.Cells(account, symbol,
        spec.normalizeNumber(col.cell(row, col.quantity)),
        spec.normalizeNumber(col.cell(row, col.price)),
        assetClass == null || assetClass.isBlank() ? UNCLASSIFIED : assetClass,
        col.cell(row, col.currency), spec.normalizeNumber(col.cell(row, col.costBasis))), sink);
  }

  private boolean isCash(String symbol, String assetClass) {
    String s = symbol.toUpperCase(Locale.ROOT);
    return spec.cashSymbols().stream().anyMatch(c -> c.equalsIgnoreCase(symbol))
        || (spec.cashSymbolSuffix() != null && s.endsWith(spec.cashSymbolSuffix()))
        || (assetClass != null
            && spec.cashAssetClasses().stream().anyMatch(c -> c.equalsIgnoreCase(assetClass.trim())));
  }

  private String cashSymbol(String symbol) {
    String s = symbol;
    if (spec.cashSymbolSuffix() != null && s.endsWith(spec.cashSymbolSuffix())) {
      s = s.substring(0, s.length() - spec.cashSymbolSuffix().length());
    }
    return s.isBlank() ? Holding.CASH : s;
  }

  private static boolean startsWithAny(String cell, List<String> prefixes) {
    String c = cell.trim().toLowerCase(Locale.ROOT);
    return prefixes.stream().anyMatch(p -> c.startsWith(p.toLowerCase(Locale.ROOT)));
  }

  private Columns columns(SourceFile file, ExportRow header) {
    HeaderColumns h = new HeaderColumns(header.cells());
    String totalColumn = spec.totalRow() == null ? null : spec.totalRow().column();
    Columns c = new Columns(find(h, spec.account()), find(h, spec.symbol()),
        find(h, spec.quantity()), find(h, spec.price()), find(h, spec.marketValue()),
        find(h, spec.assetClass()), find(h, spec.currency()), find(h, totalColumn),
        find(h, spec.costBasis()));
    String missing = c.symbol < 0 ? spec.symbol() : c.quantity < 0 ? spec.quantity()
        : missing(c.account, spec.account()) ? spec.account()
        : missing(c.price, spec.price()) ? spec.price()
        : missing(c.marketValue, spec.marketValue()) ? spec.marketValue()
        : missing(c.assetClass, spec.assetClass()) ? spec.assetClass()
        : missing(c.currency, spec.currency()) ? spec.currency()
        : missing(c.total, totalColumn) ? totalColumn
        : missing(c.costBasis, spec.costBasis()) ? spec.costBasis() : null;
    if (missing != null) {
      throw new InputException(String.format("source %s: %s: line %d: format %s: header has no"
          + " column '%s'", file.sourceId(), file.uri(), header.lineNumber(), spec.name(), missing));
    }
    return c;
  }

  private static boolean missing(int index, String name) {
    return name != null && index < 0;
  }

  private static int find(HeaderColumns h, String name) {
    return name == null ? -1 : h.find(name);
  }

  /** Column positions; -1 where the layout has none. */
  private record Columns(int account, int symbol, int quantity, int price, int marketValue,
      int assetClass, int currency, int total, int costBasis) {
    String cell(ExportRow row, int index) {
      return index < 0 ? null : row.cell(index);
    }
  }
}

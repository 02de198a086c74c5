package io.rebalancer.core.format;

import io.rebalancer.core.Holding;
import io.rebalancer.core.InputException;
import java.util.List;
import java.util.Locale;

/** Reads a layout described by a {@link FormatSpec}: header, columns, cash rows, table end. */
public final class ConfiguredFormat implements ExportFormat {
  static final String UNCLASSIFIED = "UNCLASSIFIED";
  private final FormatSpec spec;

  public ConfiguredFormat(FormatSpec spec) {
    this.spec = spec;
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public void read(SourceFile file, Iterable<ExportRow> rows, ParseSink sink) {
    Columns col = null;
    boolean ended = false;
    boolean any = false;
    for (ExportRow row : rows) {
      any = true;
      if (ended) {
        sink.recognised(row, "footer");
      } else if (col == null) {
        if (isHeader(row)) {
          col = columns(file, row);
          sink.recognised(row, "header");
        } else {
          sink.recognised(row, "before header");
        }
      } else if (row.isBlank()) {
        sink.recognised(row, "blank");
      } else if (startsWithAny(row.cell(0), spec.endRows())) {
        ended = true;
        sink.recognised(row, "end of table");
      } else if (startsWithAny(row.cell(0), spec.skipRows())) {
        sink.recognised(row, "skipped");
      } else {
        holding(file, row, col, sink);
      }
    }
    if (col == null && any) {
      throw new InputException("source " + file.sourceId() + ": " + file.uri() + ": format "
          + spec.name() + ": no header row " + (spec.headerLine() > 0
              ? "on line " + spec.headerLine() : "starting with '" + spec.headerMarker() + "'"));
    }
  }

  private boolean isHeader(ExportRow row) {
    if (spec.headerLine() > 0) {
      return row.lineNumber() == spec.headerLine();
    }
    return row.cell(0).trim().equalsIgnoreCase(spec.headerMarker());
  }

  private void holding(SourceFile file, ExportRow row, Columns col, ParseSink sink) {
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
        col.cell(row, col.currency)), sink);
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
    Columns c = new Columns(find(h, spec.account()), find(h, spec.symbol()),
        find(h, spec.quantity()), find(h, spec.price()), find(h, spec.marketValue()),
        find(h, spec.assetClass()), find(h, spec.currency()));
    String missing = c.symbol < 0 ? spec.symbol() : c.quantity < 0 ? spec.quantity()
        : missing(c.account, spec.account()) ? spec.account()
        : missing(c.price, spec.price()) ? spec.price()
        : missing(c.marketValue, spec.marketValue()) ? spec.marketValue()
        : missing(c.assetClass, spec.assetClass()) ? spec.assetClass()
        : missing(c.currency, spec.currency()) ? spec.currency() : null;
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
      int assetClass, int currency) {
    String cell(ExportRow row, int index) {
      return index < 0 ? null : row.cell(index);
    }
  }
}

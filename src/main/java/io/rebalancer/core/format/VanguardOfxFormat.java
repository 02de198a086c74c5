package io.rebalancer.core.format;

import io.rebalancer.core.Holding;
import io.rebalancer.core.InputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Vanguard's `OfxDownload.csv`: two CSVs in one file, every line ending in a comma. First the
 * holdings (`Account Number,Investment Name,Symbol,Shares,Share Price,Total Value`), then, after
 * blank lines, the transactions under their own header (`Account Number,Trade Date,...`): those
 * are recognised, never holdings. Columns are found by meaning, since their names change by year.
 *
 * <p>Cash is the settlement money-market fund (VMFXX and its siblings, or any investment named
 * "... MONEY MARKET ..."): a cash holding of its Total Value (else shares × price) at price 1,
 * under its own symbol. The file names no asset class, so every other position is
 * {@value HoldingFields#UNCLASSIFIED}.
 */
public final class VanguardOfxFormat implements ExportFormat {
  public static final String NAME = "vanguard-ofx";
  /** Vanguard's money-market funds, any of which can be an account's settlement fund. */
  public static final Set<String> MONEY_MARKET_FUNDS =
      Set.of("VMFXX", "VMMXX", "VMRXX", "VUSXX", "VYFXX", "VMSXX");

  private static final String[] ACCOUNT = {"account number", "account", "account no", "account #"};
  private static final String[] NAME_COLUMN =
      {"investment name", "fund name", "security name", "name", "description"};
  private static final String[] SYMBOL = {"symbol", "ticker", "ticker symbol"};
  private static final String[] QUANTITY = {"shares", "quantity", "share quantity", "units"};
  private static final String[] PRICE = {"share price", "price", "last price", "nav"};
  private static final String[] VALUE = {"total value", "market value", "current value", "value"};
  private static final String[] TRANSACTION = {"trade date", "settlement date", "transaction type",
      "transaction date", "transaction description"};

  private enum Section { NONE, HOLDINGS, TRANSACTIONS }

  /** Where the holdings section keeps each field; -1 where this year's export has none. */
  private record Columns(int account, int name, int symbol, int quantity, int price, int value) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void read(SourceFile file, Iterable<ExportRow> rows, ParseSink sink) {
    if (!hasHoldingsHeader(rows)) {
      throw new InputException(String.format("source %s: %s: no holdings header (Account Number,"
          + "Investment Name,Symbol,Shares,Share Price,Total Value) in the file",
          file.sourceId(), file.uri()));
    }
    Section section = Section.NONE;
    Columns col = null;
    for (ExportRow row : rows) {
      if (row.isBlank()) {
        sink.recognised(row, "blank");
      } else if (isHeader(row) && isTransactionsHeader(row)) {
        section = Section.TRANSACTIONS;
        sink.recognised(row, "transactions header");
      } else if (isHeader(row)) {
        col = columns(file, row);
        section = Section.HOLDINGS;
        sink.recognised(row, "holdings header");
      } else if (section == Section.HOLDINGS) {
        holding(file, row, col, sink);
      } else if (section == Section.TRANSACTIONS) {
        sink.recognised(row, "transaction");
      } else {
        sink.rejected(HoldingFields.reject(file, row, "line before the holdings header"));
      }
    }
  }

  /** True for a Symbol or Investment Name cell that names a Vanguard money-market fund. */
  public static boolean isMoneyMarket(String symbol, String investmentName) {
    return (symbol != null && MONEY_MARKET_FUNDS.contains(symbol.trim().toUpperCase(Locale.ROOT)))
        || (investmentName != null
            && investmentName.toUpperCase(Locale.ROOT).contains("MONEY MARKET"));
  }

  private static void holding(SourceFile file, ExportRow row, Columns col, ParseSink sink) {
    String account = cell(row, col.account());
    String symbol = cell(row, col.symbol());
    if (!isMoneyMarket(symbol, cell(row, col.name()))) {
      String mismatch = ValueCheck.problem(cell(row, col.quantity()), cell(row, col.price()),
          cell(row, col.value()));
      if (mismatch != null) {
        sink.rejected(HoldingFields.reject(file, row, mismatch));
        return;
      }
      HoldingFields.emit(file, row, new HoldingFields.Cells(account, symbol,
          cell(row, col.quantity()), cell(row, col.price()), HoldingFields.UNCLASSIFIED, null),
          sink);
      return;
    }
    String cashSymbol = symbol == null || symbol.isBlank() ? Holding.CASH : symbol.trim();
    String amount = cell(row, col.value());
    if (Numbers.isMissing(amount)) {
      BigDecimal product = product(cell(row, col.quantity()), cell(row, col.price()));
      if (product == null) {
        sink.rejected(HoldingFields.reject(file, row,
            "missing cash amount (no Total Value, and Shares × Share Price is not known)"));
        return;
      }
      amount = product.toPlainString();
    }
    HoldingFields.emitCash(file, row, account, cashSymbol, amount, sink);
  }

  /** shares × price, or null unless both cells hold numbers. */
  private static BigDecimal product(String shares, String price) {
    try {
      BigDecimal q = Numbers.parse(shares);
      BigDecimal p = Numbers.parse(price);
      return q == null || p == null ? null : q.multiply(p);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A header names a Symbol and either the holdings' Shares or a transaction's Trade Date. */
  private static boolean hasHoldingsHeader(Iterable<ExportRow> rows) {
    for (ExportRow r : rows) {
      if (isHeader(r) && !isTransactionsHeader(r)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHeader(ExportRow row) {
    HeaderColumns h = new HeaderColumns(row.cells());
    return h.find(SYMBOL) >= 0 && (h.find(QUANTITY) >= 0 || h.find(TRANSACTION) >= 0);
  }

  private static boolean isTransactionsHeader(ExportRow row) {
    return new HeaderColumns(row.cells()).find(TRANSACTION) >= 0;
  }

  private static Columns columns(SourceFile file, ExportRow header) {
    HeaderColumns h = new HeaderColumns(header.cells());
    Columns col = new Columns(h.find(ACCOUNT), h.find(NAME_COLUMN), h.find(SYMBOL),
        h.find(QUANTITY), h.find(PRICE), h.find(VALUE));
    if (col.price() < 0) {
      throw new InputException(String.format("source %s: %s: line %d: holdings header has no "
          + "Share Price column", file.sourceId(), file.uri(), header.lineNumber()));
    }
    if (col.account() < 0 && file.account() == null) {
      throw new InputException(String.format("source %s: %s: line %d: holdings header has no "
          + "Account Number column and the source sets no account",
          file.sourceId(), file.uri(), header.lineNumber()));
    }
    return col;
  }

  private static String cell(ExportRow row, int index) {
    return index < 0 ? null : row.cell(index);
  }
}

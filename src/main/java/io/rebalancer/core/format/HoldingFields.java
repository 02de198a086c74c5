package io.rebalancer.core.format;

import io.rebalancer.core.Holding;
import io.rebalancer.core.Lot;
import io.rebalancer.core.RejectedRow;
import io.rebalancer.core.StoredNumbers;
import java.math.BigDecimal;

/**
 * The checks every format makes of a holding row's cells, once they are found: a symbol, a number
 * for the quantity, a non-negative price or none (to be priced from history), USD only, and numbers
 * the warehouse stores exactly ({@link StoredNumbers}).
 */
public final class HoldingFields {
  /** The asset class of a position whose export names none (Vanguard, E*TRADE). */
  public static final String UNCLASSIFIED = "UNCLASSIFIED";

  private HoldingFields() {}

  /**
   * Raw cell texts of one holding row; null where the layout has no such column.
   *
   * @param costBasis the position's total cost (one lot of unknown open date), or null
   */
  public record Cells(String account, String symbol, String quantity, String price,
      String assetClass, String currency, String costBasis) {
    /** A row of a layout without a cost-basis column. */
    public Cells(String account, String symbol, String quantity, String price,
        String assetClass, String currency) {
      this(account, symbol, quantity, price, assetClass, currency, null);
    }
  }

  /** A holding passed to the sink, with the lot its cost-basis cell states (or null). */
  record Emitted(Holding holding, Lot costBasisLot) {}

  /**
   * Emits the row's holding, then the lot its cost-basis cell states; or rejects the row with the
   * first thing wrong with it.
   */
  public static void emit(SourceFile file, ExportRow row, Cells cells, ParseSink sink) {
    Emitted emitted = emitHolding(file, row, cells, sink);
    if (emitted != null && emitted.costBasisLot() != null) {
      sink.lot(emitted.costBasisLot());
    }
  }

  /**
   * Emits the row's holding or rejects it, and returns the holding with its cost-basis lot for
   * the caller to emit (IBKR's Summary lot waits to see whether Lot rows detail it); null when
   * the row was rejected.
   */
  static Emitted emitHolding(SourceFile file, ExportRow row, Cells cells, ParseSink sink) {
    String account = blankToNull(cells.account());
    if (account == null) {
      account = file.account();
    }
    String symbol = blankToNull(cells.symbol());
    String assetClass = blankToNull(cells.assetClass());
    String currency = blankToNull(cells.currency());
    String problem = null;
    BigDecimal quantity = null;
    BigDecimal price = null;
    if (account == null) {
      problem = "no account id (the file has none on this row and the source sets no account:)";
    } else if (symbol == null) {
      problem = "missing symbol";
    } else if (currency != null && !currency.equalsIgnoreCase("USD")) {
      problem = "currency " + currency + " is not supported (only USD)";
    } else {
      try {
        quantity = Numbers.parse(cells.quantity());
      } catch (NumberFormatException e) {
        problem = "quantity " + e.getMessage();
      }
      try {
        price = Numbers.parse(cells.price());
      } catch (NumberFormatException e) {
        problem = problem == null ? "price " + e.getMessage() : problem;
      }
      if (problem == null && quantity == null) {
        problem = "missing quantity";
      } else if (problem == null && price != null && price.signum() < 0) {
        problem = "negative price " + cells.price().trim();
      } else if (problem == null && assetClass == null && !Holding.CASH.equalsIgnoreCase(symbol)) {
        problem = "missing asset class";
      }
    }
    if (problem != null) {
      sink.rejected(reject(file, row, problem));
      return null;
    }
    boolean cash = Holding.isCash(symbol, assetClass);
    if (cash && price == null && Holding.CASH.equalsIgnoreCase(symbol)) {
      price = BigDecimal.ONE; // a CASH row is an amount: its quantity is the value
    }
    Holding holding = new Holding(file.brokerageId(), account, symbol, quantity, price,
        assetClass == null ? Holding.CASH : assetClass, cash, file.sourceId(), file.uri(),
        row.lineNumber());
    String unstorable = StoredNumbers.problem(holding);
    Lot lot = null;
    try {
      lot = ExportLots.ofCostBasis(file, row, holding, cells.costBasis());
    } catch (NumberFormatException e) {
      unstorable = unstorable == null ? e.getMessage() : unstorable;
    }
    if (unstorable != null) {
      sink.rejected(reject(file, row, unstorable));
      return null;
    }
    sink.holding(holding, row);
    return new Emitted(holding, lot);
  }

  /**
   * A cash line (a cash pseudo-row, a sweep or settlement fund, pending activity): its amount is
   * the value in the file, so the holding has quantity = amount and price 1, class CASH. The
   * amount may be negative (unsettled debits).
   */
  public static void emitCash(SourceFile file, ExportRow row, String accountCell, String symbol,
      String amountCell, ParseSink sink) {
    String account = blankToNull(accountCell);
    if (account == null) {
      account = file.account();
    }
    BigDecimal amount;
    try {
      amount = Numbers.parse(amountCell);
    } catch (NumberFormatException e) {
      sink.rejected(reject(file, row, "cash amount " + e.getMessage()));
      return;
    }
    String unstorable = amount == null ? null : StoredNumbers.problem("cash amount", amount);
    if (account == null) {
      sink.rejected(reject(file, row,
          "no account id (the file has none on this row and the source sets no account:)"));
    } else if (amount == null) {
      sink.rejected(reject(file, row, "missing cash amount"));
    } else if (unstorable != null) {
      sink.rejected(reject(file, row, unstorable));
    } else {
      sink.holding(new Holding(file.brokerageId(), account, symbol, amount, BigDecimal.ONE,
          Holding.CASH, true, file.sourceId(), file.uri(), row.lineNumber()), row);
    }
  }

  public static RejectedRow reject(SourceFile file, ExportRow row, String reason) {
    return new RejectedRow(file.sourceId(), file.uri(), row.lineNumber(), reason, row.raw());
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}

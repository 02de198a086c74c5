package io.rebalancer.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * A tax lot: shares of one symbol in one account bought together, at one total cost. Lots come
 * from lots.csv and from the exports that carry them (IBKR's Lot rows; a layout's cost-basis
 * column as one lot of unknown date); what they leave of a holding is one lot of unknown basis.
 *
 * @param lotId the lot's id (lots.csv), or one derived from the export line; empty for the
 *     unknown-basis remainder
 * @param openDate the day it was bought; null when unknown
 * @param costBasis the lot's total cost; null when unknown (the remainder)
 * @param sourceUri the file the lot came from (lots.csv or an export), for error lines
 * @param lineNumber its 1-based line there; 0 for the remainder, which no line states
 */
public record Lot(String brokerageId, String accountId, String symbol, String lotId,
    LocalDate openDate, BigDecimal quantity, BigDecimal costBasis, String sourceUri,
    long lineNumber) {

  /**
   * The order a sell takes lots in: highest cost per share first; ties by later open date
   * (unknown dates after known ones), then lot_id; unknown basis last. Costs per share are
   * compared by cross-multiplying, exactly, with no division.
   */
  public static final Comparator<Lot> SELL_ORDER = (a, b) -> {
    if (a.knownBasis() != b.knownBasis()) {
      return a.knownBasis() ? -1 : 1;
    }
    if (a.knownBasis()) {
      int cost = b.costBasis.multiply(a.quantity).compareTo(a.costBasis.multiply(b.quantity));
      if (cost != 0) {
        return cost;
      }
    }
    if (a.openDate == null || b.openDate == null) {
      if (a.openDate != b.openDate) {
        return a.openDate == null ? 1 : -1;
      }
    } else if (!a.openDate.equals(b.openDate)) {
      return b.openDate.compareTo(a.openDate);
    }
    return a.lotId.compareTo(b.lotId);
  };

  public AccountKey account() {
    return new AccountKey(brokerageId, accountId);
  }

  public boolean knownBasis() {
    return costBasis != null;
  }

  /** What a holding's lots leave of it: shares of unknown basis, date and id. */
  public static Lot remainder(AccountKey account, String symbol, BigDecimal quantity) {
    return new Lot(account.brokerageId(), account.accountId(), symbol, "", null, quantity, null,
        "", 0);
  }

  /** Selling at this price realises a gain: price * quantity above the cost (exact). */
  public boolean gainAt(BigDecimal price) {
    return knownBasis() && price.multiply(quantity).compareTo(costBasis) > 0;
  }

  /** Selling at this price realises a loss. */
  public boolean lossAt(BigDecimal price) {
    return knownBasis() && price.multiply(quantity).compareTo(costBasis) < 0;
  }

  public LotTerm term(LocalDate runDate) {
    return LotTerm.of(openDate, runDate);
  }
}

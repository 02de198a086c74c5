package io.rebalancer.core;

import java.math.BigDecimal;

/**
 * The verdict on a holding's price: the export's, else the latest close of the price history. A
 * price of 0 is no price (an export prints 0 where it has no quote, and a position worth nothing
 * at 0 would make every per-unit step divide by zero); with no close to take its place the holding
 * is a rejected row, never a crash downstream. So is a holding whose value at the close has more
 * decimals than the warehouse stores ({@link StoredNumbers}).
 *
 * @param holding the priced holding, or null when it is rejected
 * @param rejection why it cannot be priced, or null
 */
public record HoldingPricing(Holding holding, String rejection) {

  public static HoldingPricing of(Holding h, PriceBook prices) {
    if (h.price() != null && h.price().signum() != 0) {
      return new HoldingPricing(h, null);
    }
    BigDecimal close = prices.latestClose(h.symbol()).orElse(null);
    if (close != null && close.signum() != 0) {
      Holding priced = h.withPrice(close);
      String unstorable = StoredNumbers.problem(priced); // the close's decimals add to the value's
      return unstorable == null ? new HoldingPricing(priced, null)
          : new HoldingPricing(null, unstorable);
    }
    String why = h.price() == null
        ? "no price for " + h.symbol() + " in the export or the price history"
        : "price 0 for " + h.symbol() + " in the export and no close above 0 in the price"
            + " history: give the position its price";
    return new HoldingPricing(null, why);
  }

  /** Whether the holding's price came from its export (so it can be compared with the history). */
  public static boolean pricedByExport(Holding fromExport) {
    return fromExport.price() != null && fromExport.price().signum() != 0;
  }

  public RejectedRow rejectedRow(Holding h, String rawLine) {
    return new RejectedRow(h.sourceId(), h.sourceUri(), h.lineNumber(), rejection, rawLine);
  }
}

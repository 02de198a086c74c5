package io.rebalancer.core;

import java.math.BigDecimal;

/**
 * An account's holding of one symbol, its rows in the export summed (a symbol can appear twice, as
 * Fidelity's Cash and Margin lines do). The price is that of the first such row. Only rows of the
 * same cash flag are summed: a symbol on a CASH-class row and on another row is two positions,
 * one cash and one not, so that each row's cash rule ({@link Holding#isCash}) holds.
 */
public record Position(String symbol, String assetClass, BigDecimal quantity, BigDecimal price,
    BigDecimal marketValue, boolean cash) {

  Position plus(Holding more) {
    return new Position(symbol, assetClass, quantity.add(more.quantity()), price,
        marketValue.add(more.marketValue()), cash);
  }

  static Position of(Holding h) {
    return new Position(h.symbol(), h.assetClass(), h.quantity(), h.price(), h.marketValue(),
        h.cash());
  }
}

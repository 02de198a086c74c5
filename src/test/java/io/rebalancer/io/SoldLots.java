package io.rebalancer.io;

import io.rebalancer.core.AccountType;
import io.rebalancer.core.LotTerm;
import io.rebalancer.core.RealizedGain;
import io.rebalancer.core.Side;
import io.rebalancer.core.TradeOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * realized_gains rows built by hand for the warehouse tests, as the tax-lot decisions define
 * them: proceeds = shares * trading price at cents (half-even), cost basis pro rata at cents,
 * gain = proceeds - cost basis. The rebalancer's lot selection is not this file's subject.
 */
public final class SoldLots {
  private SoldLots() {}

  /** What a sell of an account without lots takes: its whole quantity, of unknown basis. */
  public static RealizedGain remainder(TradeOrder sell) {
    return new RealizedGain(sell.householdId(), sell.brokerageId(), sell.accountId(),
        AccountType.TAXABLE, sell.symbol(), "", null, sell.quantity(), null,
        cents(sell.quantity().multiply(sell.price())), null, LotTerm.UNKNOWN, false);
  }

  /** The remainder rows of every SELL among the orders, staged. */
  public static List<WarehouseRow> remainders(LocalDate runDate, List<TradeOrder> orders) {
    return orders.stream().filter(o -> o.side() == Side.SELL)
        .map(o -> WarehouseRows.realizedGain(runDate, remainder(o))).toList();
  }

  /**
   * shares of a lot of known basis that a sell takes at price: the lot held lotShares for
   * lotCost in all.
   */
  public static RealizedGain lot(TradeOrder sell, AccountType type, String lotId,
      LocalDate opened, LocalDate runDate, String shares, String lotShares, String lotCost,
      boolean washSaleRisk) {
    BigDecimal taken = new BigDecimal(shares);
    BigDecimal cost = cents(new BigDecimal(lotCost).multiply(taken)
        .divide(new BigDecimal(lotShares), 20, RoundingMode.HALF_EVEN));
    BigDecimal proceeds = cents(taken.multiply(sell.price()));
    return new RealizedGain(sell.householdId(), sell.brokerageId(), sell.accountId(), type,
        sell.symbol(), lotId, opened, taken, cost, proceeds, proceeds.subtract(cost),
        LotTerm.of(opened, runDate), washSaleRisk);
  }

  static BigDecimal cents(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_EVEN);
  }
}

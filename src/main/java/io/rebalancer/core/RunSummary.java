package io.rebalancer.core;

import java.math.BigDecimal;

/**
 * Run-wide counts and totals over all households; summaries add up.
 *
 * @param gains what the sells realised (taxable estimates, wash-sale risks, lots of known basis)
 */
public record RunSummary(long households, long accounts, long rebalanced, long withinTolerance,
    long sells, long buys, long unplaced, BigDecimal sellAmount, BigDecimal buyAmount,
    BigDecimal totalValue, RealizedGainTotals gains) implements java.io.Serializable {

  public static final RunSummary EMPTY =
      new RunSummary(0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  /** A summary whose sells took no lot of known basis. */
  public RunSummary(long households, long accounts, long rebalanced, long withinTolerance,
      long sells, long buys, long unplaced, BigDecimal sellAmount, BigDecimal buyAmount,
      BigDecimal totalValue) {
    this(households, accounts, rebalanced, withinTolerance, sells, buys, unplaced, sellAmount,
        buyAmount, totalValue, RealizedGainTotals.NONE);
  }

  public static RunSummary of(HouseholdPlan plan) {
    long sells = plan.orders().stream().filter(o -> o.side() == Side.SELL).count();
    BigDecimal sellAmount = BigDecimal.ZERO;
    BigDecimal buyAmount = BigDecimal.ZERO;
    for (TradeOrder o : plan.orders()) {
      if (o.side() == Side.SELL) {
        sellAmount = sellAmount.add(o.estimatedAmount());
      } else {
        buyAmount = buyAmount.add(o.estimatedAmount());
      }
    }
    return new RunSummary(1, plan.accounts(),
        plan.status() == HouseholdPlan.Status.REBALANCED ? 1 : 0,
        plan.status() == HouseholdPlan.Status.WITHIN_TOLERANCE ? 1 : 0,
        sells, plan.orders().size() - sells, plan.unplaced().size(), sellAmount, buyAmount,
        plan.totalValue(), RealizedGainTotals.of(plan.realizedGains()));
  }

  public RunSummary plus(RunSummary o) {
    return new RunSummary(households + o.households, accounts + o.accounts,
        rebalanced + o.rebalanced, withinTolerance + o.withinTolerance, sells + o.sells,
        buys + o.buys, unplaced + o.unplaced, sellAmount.add(o.sellAmount),
        buyAmount.add(o.buyAmount), totalValue.add(o.totalValue), gains.plus(o.gains));
  }

  public long orders() {
    return sells + buys;
  }
}

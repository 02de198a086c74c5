package io.rebalancer.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A symbol's share of an account or household against the target model. Cash of any kind is one
 * row, CASH. Drift = weight - target.
 *
 * <p>On a model of asset classes ({@link Model#byClass}) a symbol has no target of its own: its
 * target and drift are null and it is never out of band; its class is ({@link ClassAllocation}).
 *
 * @param targetWeight the model's weight of the symbol; null when the model is by asset class
 * @param drift weight - targetWeight; null when the model is by asset class
 * @param postTradeWeight the symbol's share once the run's orders are executed ({@link
 *     AfterTrades}), weighed as {@code weight} is; equal to it where the scope trades nothing
 */
public record Allocation(String scope, String scopeId, String symbol, BigDecimal marketValue,
    BigDecimal weight, BigDecimal targetWeight, BigDecimal drift, boolean outOfBand,
    BigDecimal postTradeWeight) {
  public static final String ACCOUNT = "account";
  public static final String HOUSEHOLD = "household";

  /** A scope that trades nothing: its post-trade weights are its weights. */
  public static List<Allocation> of(String scope, String scopeId,
      SortedMap<String, BigDecimal> values, BigDecimal total, Model model, RebalanceRules rules) {
    return of(scope, scopeId, values, total, AfterTrades.unchanged(values, total), model, rules);
  }

  /**
   * Every symbol held (cash summed as CASH), named by the model or held after the orders (a
   * symbol bought new, the cash of an account that had none). Out of band follows the
   * rebalancing test, so restricted symbols and cash are never out of band. On a class model the
   * rows carry no target (see the record's comment).
   */
  public static List<Allocation> of(String scope, String scopeId,
      SortedMap<String, BigDecimal> values, BigDecimal total, AfterTrades after, Model model,
      RebalanceRules rules) {
    SortedMap<String, BigDecimal> all = new TreeMap<>(values);
    model.targets().forEach(t -> all.putIfAbsent(t.symbol(), BigDecimal.ZERO));
    after.values().keySet().forEach(s -> all.putIfAbsent(s, BigDecimal.ZERO));
    List<Allocation> out = new ArrayList<>(all.size());
    for (var e : all.entrySet()) {
      String symbol = e.getKey();
      BigDecimal value = e.getValue();
      BigDecimal weight = weight(value, total);
      if (model.byClass()) {
        out.add(new Allocation(scope, scopeId, symbol, value, weight, null, null, false,
            after.weightOf(symbol)));
        continue;
      }
      BigDecimal target = model.targetOf(symbol);
      boolean tradable = !Holding.CASH.equals(symbol) && !rules.isRestricted(symbol);
      boolean outside = tradable && outOfBand(value, target, total, rules);
      out.add(new Allocation(scope, scopeId, symbol, value, weight, target, weight.subtract(target),
          outside, after.weightOf(symbol)));
    }
    return out;
  }

  /**
   * The rebalancer's test for a traded symbol or class: a held one the model does not want (target
   * 0) is out of band (it is liquidated), any other one when outside its bands; nothing is out of
   * band in a scope of no value.
   */
  static boolean outOfBand(BigDecimal value, BigDecimal target, BigDecimal total,
      RebalanceRules rules) {
    return total.signum() > 0
        && (target.signum() == 0 ? value.signum() != 0 : rules.outsideBands(value, target, total));
  }

  /**
   * value / total to 34 significant digits; zero when there is no total (a scope worth exactly
   * nothing has no shares to weigh, and a weight of 0 drives no trade: see Rebalancer's NO_VALUE).
   */
  public static BigDecimal weight(BigDecimal value, BigDecimal total) {
    return total.signum() == 0 ? BigDecimal.ZERO : value.divide(total, MathContext.DECIMAL128);
  }

  /**
   * value / total rounded once, half-even, at {@code scale} decimals, straight from the exact
   * quotient; zero when there is no total. Rounding the 34-digit {@link #weight} again would
   * round twice: 0.1234565 + 1e-40 is 0.1234565000... at 34 digits, then 0.123456, not 0.123457.
   */
  public static BigDecimal weight(BigDecimal value, BigDecimal total, int scale) {
    return total.signum() == 0 ? BigDecimal.ZERO.setScale(scale)
        : value.divide(total, scale, RoundingMode.HALF_EVEN);
  }
}

package io.rebalancer.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The drift bands and trade rules of the `rebalance:` config section.
 *
 * @param quantityScale decimals of a fractional quantity (used when wholeShares is false)
 * @param restricted symbols never traded (they still count in value and weights)
 * @param taxAware sells on tax-deferred and tax-exempt accounts first, buys on the symbol's
 *     preferred account type first (SPEC "Tax lots")
 * @param avoidShortTermGains with taxAware: a taxable lot held short-term at a gain is not sold
 */
public record RebalanceRules(BigDecimal absoluteBand, BigDecimal relativeBand,
    BigDecimal minTradeValue, boolean wholeShares, int quantityScale, List<String> restricted,
    RebalanceMode mode, TradeTo tradeTo, boolean taxAware, boolean avoidShortTermGains)
    implements java.io.Serializable {

  public RebalanceRules {
    restricted = List.copyOf(restricted);
  }

  /** Bands, traded to target: the SPEC's "Rebalancing, per household" as written. */
  public RebalanceRules(BigDecimal absoluteBand, BigDecimal relativeBand,
      BigDecimal minTradeValue, boolean wholeShares, int quantityScale, List<String> restricted) {
    this(absoluteBand, relativeBand, minTradeValue, wholeShares, quantityScale, restricted,
        RebalanceMode.BANDS, TradeTo.TARGET);
  }

  /** Not tax-aware: sells on the largest holders, buys on the largest budgets (SPEC step 5). */
  public RebalanceRules(BigDecimal absoluteBand, BigDecimal relativeBand,
      BigDecimal minTradeValue, boolean wholeShares, int quantityScale, List<String> restricted,
      RebalanceMode mode, TradeTo tradeTo) {
    this(absoluteBand, relativeBand, minTradeValue, wholeShares, quantityScale, restricted, mode,
        tradeTo, false, false);
  }

  public static RebalanceRules defaults() {
    return new RebalanceRules(new BigDecimal("0.05"), new BigDecimal("0.25"),
        new BigDecimal("100.00"), true, 6, List.of());
  }

  /** These rules with a household's own mode and trade-to (households.csv), where it sets them. */
  public RebalanceRules forHousehold(HouseholdRules household) {
    if (household == null) {
      return this;
    }
    return new RebalanceRules(absoluteBand, relativeBand, minTradeValue, wholeShares,
        quantityScale, restricted, household.mode() == null ? mode : household.mode(),
        household.tradeTo() == null ? tradeTo : household.tradeTo(), taxAware,
        avoidShortTermGains);
  }

  public boolean isRestricted(String symbol) {
    return restricted.contains(symbol);
  }

  /**
   * |w - t| > absoluteBand, or t > 0 and |w - t| > relativeBand * t, with w = value / total. Both
   * sides are multiplied by the total so that the test is exact, with no division.
   */
  public boolean outsideBands(BigDecimal value, BigDecimal target, BigDecimal total) {
    BigDecimal gap = value.subtract(target.multiply(total)).abs();
    if (gap.compareTo(absoluteBand.multiply(total)) > 0) {
      return true;
    }
    return target.signum() > 0 && gap.compareTo(relativeBand.multiply(target).multiply(total)) > 0;
  }

  /**
   * The drift, in weight points either side of the target, that a symbol of this target may have
   * before it is out of band: the narrower of the two bands (either one breached is out), and
   * zero for a symbol the model does not hold (any position in it is liquidated). The report
   * draws it; {@link #outsideBands} stays the test, exact and without division.
   */
  public BigDecimal band(BigDecimal target) {
    if (target.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    return absoluteBand.min(relativeBand.multiply(target));
  }

  /** The decimals a traded quantity may have: none for whole shares. */
  public int tradeScale() {
    return wholeShares ? 0 : quantityScale;
  }

  /** numerator / denominator rounded down at the trade scale, exactly. */
  public BigDecimal floorQuantity(BigDecimal numerator, BigDecimal denominator) {
    return numerator.divide(denominator, tradeScale(), RoundingMode.FLOOR);
  }
}

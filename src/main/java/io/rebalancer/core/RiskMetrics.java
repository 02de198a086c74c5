package io.rebalancer.core;

import java.math.BigDecimal;
import java.util.List;

/**
 * Volatility, drawdown and a 1-10 risk score of a value series. These are statistics, so doubles;
 * all three are null with fewer than three dates (fewer than two returns have no sample deviation).
 */
public record RiskMetrics(Double volatility, Double maxDrawdown, Integer riskScore) {
  public static final double TRADING_DAYS = 252;
  private static final double SCORE_STEP = 0.03;

  public static final RiskMetrics NONE = new RiskMetrics(null, null, null);

  public static RiskMetrics of(List<ValuePoint> series) {
    if (series.size() < 3) {
      return NONE;
    }
    double[] returns = dailyReturns(series);
    if (returns == null) {
      return NONE;
    }
    double volatility = sampleStdDev(returns, 0, returns.length) * Math.sqrt(TRADING_DAYS);
    return new RiskMetrics(volatility, maxDrawdown(series), score(volatility));
  }

  /** The same figures from the series' values as doubles, all positive (see ValueSeries.values). */
  public static RiskMetrics ofValues(double[] values) {
    if (values.length < 3) {
      return NONE;
    }
    double[] returns = new double[values.length - 1];
    double peak = values[0];
    double maxDrawdown = 0;
    for (int i = 1; i < values.length; i++) {
      returns[i - 1] = (values[i] - values[i - 1]) / values[i - 1];
      peak = Math.max(peak, values[i]);
      maxDrawdown = Math.max(maxDrawdown, (peak - values[i]) / peak);
    }
    double volatility = sampleStdDev(returns, 0, returns.length) * Math.sqrt(TRADING_DAYS);
    return new RiskMetrics(volatility, maxDrawdown, score(volatility));
  }

  /** Simple returns between consecutive dates; null when a value is zero or less (undefined). */
  public static double[] dailyReturns(List<ValuePoint> series) {
    double[] out = new double[Math.max(0, series.size() - 1)];
    for (int i = 1; i < series.size(); i++) {
      BigDecimal previous = series.get(i - 1).value();
      if (previous.signum() <= 0) {
        return null;
      }
      out[i - 1] = ratio(series.get(i).value().subtract(previous), previous);
    }
    return out;
  }

  /**
   * a / b as a double. The difference a - b is exact, so a small return keeps its digits; dividing
   * the two doubles is within an ulp or two of the exact quotient, where a 34-digit decimal
   * quotient would cost a decimal division and a conversion through text per date.
   */
  static double ratio(BigDecimal a, BigDecimal b) {
    return a.doubleValue() / b.doubleValue();
  }

  /** Sample standard deviation (n - 1) of values[from, to). */
  public static double sampleStdDev(double[] values, int from, int to) {
    int n = to - from;
    double mean = 0;
    for (int i = from; i < to; i++) {
      mean += values[i];
    }
    mean /= n;
    double squares = 0;
    for (int i = from; i < to; i++) {
      double d = values[i] - mean;
      squares += d * d;
    }
    return Math.sqrt(squares / (n - 1));
  }

  /** 1 - value / highest value so far, per date (the peak includes the same date). */
  public static double[] drawdowns(List<ValuePoint> series) {
    double[] out = new double[series.size()];
    BigDecimal peak = null;
    for (int i = 0; i < series.size(); i++) {
      BigDecimal v = series.get(i).value();
      peak = peak == null || v.compareTo(peak) > 0 ? v : peak;
      out[i] = peak.signum() <= 0 ? 0.0 : ratio(peak.subtract(v), peak);
    }
    return out;
  }

  static double maxDrawdown(List<ValuePoint> series) {
    double max = 0;
    for (double d : drawdowns(series)) {
      max = Math.max(max, d);
    }
    return max;
  }

  static int score(double volatility) {
    int raw = (int) Math.ceil(volatility / SCORE_STEP);
    return Math.max(1, Math.min(10, raw));
  }
}

package io.rebalancer.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The warehouse's price-history series of an account or household: daily returns, cumulative
 * return since the first date, drawdown from the running peak, and the annualised volatility of
 * the last 30 daily returns (sample standard deviation, from the 30th return on).
 */
public final class SeriesAnalytics {
  public static final int ROLLING_WINDOW = 30;

  private SeriesAnalytics() {}

  public static List<SeriesPoint> of(List<ValuePoint> series) {
    List<SeriesPoint> out = new ArrayList<>(series.size());
    if (series.isEmpty() || series.get(0).value().signum() <= 0) {
      return out; // returns are undefined without a positive starting value
    }
    double[] returns = RiskMetrics.dailyReturns(series);
    if (returns == null) {
      return out;
    }
    double[] drawdowns = RiskMetrics.drawdowns(series);
    BigDecimal first = series.get(0).value();
    for (int i = 0; i < series.size(); i++) {
      ValuePoint p = series.get(i);
      Double daily = i == 0 ? null : returns[i - 1];
      Double rolling = i < ROLLING_WINDOW ? null
          : RiskMetrics.sampleStdDev(returns, i - ROLLING_WINDOW, i)
              * Math.sqrt(RiskMetrics.TRADING_DAYS);
      double cumulative = p.value().divide(first, MathContext.DECIMAL128)
          .subtract(BigDecimal.ONE).doubleValue();
      out.add(new SeriesPoint(p.date(), p.value(), daily, cumulative, drawdowns[i], rolling));
    }
    return out;
  }
}

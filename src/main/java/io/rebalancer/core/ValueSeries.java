package io.rebalancer.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Today's holdings held constant over the price history: the value on every date on which each held
 * symbol has a close, cash counted at its constant value.
 */
public final class ValueSeries {
  private ValueSeries() {}

  /**
   * @param quantities quantity by non-cash symbol (symbols with zero quantity are ignored)
   * @param cash the constant cash value
   */
  public static List<ValuePoint> of(Map<String, BigDecimal> quantities, BigDecimal cash,
      PriceBook prices) {
    // Each held symbol's quantity beside its closes, so the per-date loop looks nothing up.
    List<BigDecimal> held = new ArrayList<>();
    List<PriceSeries> series = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> e : quantities.entrySet()) {
      if (e.getValue().signum() == 0) {
        continue;
      }
      PriceSeries s = prices.seriesOf(e.getKey());
      if (s == null) {
        return List.of(); // a held symbol never closes, so no date values the whole account
      }
      held.add(e.getValue());
      series.add(s);
    }
    List<LocalDate> candidates = held.isEmpty() ? prices.dates() : shortest(series);
    List<ValuePoint> out = new ArrayList<>(candidates.size());
    for (LocalDate date : candidates) {
      BigDecimal value = cash;
      boolean complete = true;
      for (int i = 0; i < held.size() && complete; i++) {
        BigDecimal close = series.get(i).closeOn(date);
        if (close == null) {
          complete = false;
        } else {
          value = value.add(held.get(i).multiply(close));
        }
      }
      if (complete) {
        out.add(new ValuePoint(date, value));
      }
    }
    return out;
  }

  /**
   * The same series' values as doubles, for the risk statistics: a date is an index into aligned
   * closes, where the exact series costs a decimal product and a search per symbol and date.
   * Null when a value comes near zero or below, where rounding could change whether a return
   * is defined; the caller then takes the exact series.
   */
  public static double[] values(Map<String, BigDecimal> quantities, BigDecimal cash,
      PriceBook prices) {
    List<double[]> series = new ArrayList<>();
    List<BigDecimal> quantity = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> e : quantities.entrySet()) {
      if (e.getValue().signum() == 0) {
        continue;
      }
      double[] c = prices.closesOnDates(e.getKey());
      if (c == null) {
        return new double[0];
      }
      series.add(c);
      quantity.add(e.getValue());
    }
    double[][] closes = series.toArray(double[][]::new);
    double[] held = quantity.stream().mapToDouble(BigDecimal::doubleValue).toArray();
    double base = cash.doubleValue();
    int dates = prices.dates().size();
    double[] out = new double[dates];
    int n = 0;
    double largest = Math.abs(base); // the largest term of any valued date, to judge "near zero"
    for (int d = 0; d < dates; d++) {
      double value = base;
      double term = 0;
      boolean complete = true;
      for (int i = 0; i < closes.length && complete; i++) {
        double close = closes[i][d];
        complete = !Double.isNaN(close);
        value += held[i] * close;
        term = Math.max(term, Math.abs(held[i] * close));
      }
      if (complete) {
        out[n++] = value;
        largest = Math.max(largest, term);
      }
    }
    for (int i = 0; i < n; i++) {
      if (out[i] <= largest * 1e-9) {
        return null;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * A household's series: its accounts' holdings summed and valued on the dates on which every
   * symbol it holds has a close; on those dates it is the sum of its accounts' values.
   */
  public static List<ValuePoint> ofHousehold(List<AccountAnalysis> accounts, PriceBook prices) {
    Map<String, BigDecimal> quantities = new TreeMap<>();
    BigDecimal cash = BigDecimal.ZERO;
    for (AccountAnalysis a : accounts) {
      a.investedQuantities().forEach((s, q) -> quantities.merge(s, q, BigDecimal::add));
      cash = cash.add(a.cashValue());
    }
    return of(quantities, cash, prices);
  }

  private static List<LocalDate> shortest(List<PriceSeries> series) {
    PriceSeries min = series.get(0);
    for (PriceSeries s : series) {
      if (s.points().size() < min.points().size()) {
        min = s;
      }
    }
    List<LocalDate> dates = new ArrayList<>(min.points().size());
    min.points().forEach(p -> dates.add(p.date()));
    return dates;
  }
}

package io.rebalancer.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The price history up to the run date: every symbol's series, and every date that has any close. */
public final class PriceBook {
  private final Map<String, PriceSeries> bySymbol = new HashMap<>();
  private final List<LocalDate> dates;
  /** Each symbol's closes on dates(), NaN where it has none: a date is an index, not a search. */
  private final Map<String, double[]> aligned = new HashMap<>();

  public PriceBook(Collection<PriceSeries> series) {
    TreeSet<LocalDate> all = new TreeSet<>();
    for (PriceSeries s : series) {
      if (bySymbol.put(s.symbol(), s) != null) {
        throw new IllegalArgumentException("two price series for " + s.symbol());
      }
      s.points().forEach(p -> all.add(p.date()));
    }
    dates = List.copyOf(all);
    Map<LocalDate, Integer> index = new HashMap<>();
    for (int i = 0; i < dates.size(); i++) {
      index.put(dates.get(i), i);
    }
    for (PriceSeries s : series) {
      double[] closes = new double[dates.size()];
      Arrays.fill(closes, Double.NaN);
      s.points().forEach(p -> closes[index.get(p.date())] = p.close().doubleValue());
      aligned.put(s.symbol(), closes);
    }
  }

  /** The symbol's closes as doubles on every date of dates() (NaN: no close), or null. */
  public double[] closesOnDates(String symbol) {
    return aligned.get(symbol);
  }

  public static PriceBook empty() {
    return new PriceBook(List.of());
  }

  public boolean isEmpty() {
    return bySymbol.isEmpty();
  }

  /** The series in symbol order, for encoding. */
  public List<PriceSeries> series() {
    List<PriceSeries> out = new ArrayList<>(bySymbol.values());
    out.sort((a, b) -> a.symbol().compareTo(b.symbol()));
    return out;
  }

  public PriceSeries seriesOf(String symbol) {
    return bySymbol.get(symbol);
  }

  /** The latest close on or before the run date, if the history has one. */
  public Optional<BigDecimal> latestClose(String symbol) {
    PriceSeries s = bySymbol.get(symbol);
    return s == null ? Optional.empty() : s.latestClose();
  }

  /** The latest close on or before the run date with its date, if the history has one. */
  public Optional<PricePoint> latest(String symbol) {
    PriceSeries s = bySymbol.get(symbol);
    return s == null ? Optional.empty() : s.latest();
  }

  /** Every date on which at least one symbol closed, oldest first. */
  public List<LocalDate> dates() {
    return dates;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PriceBook other && other.bySymbol.equals(bySymbol);
  }

  @Override
  public int hashCode() {
    return bySymbol.hashCode();
  }
}

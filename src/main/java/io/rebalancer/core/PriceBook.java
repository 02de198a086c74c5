package io.rebalancer.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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

  public PriceBook(Collection<PriceSeries> series) {
    TreeSet<LocalDate> all = new TreeSet<>();
    for (PriceSeries s : series) {
      if (bySymbol.put(s.symbol(), s) != null) {
        throw new IllegalArgumentException("two price series for " + s.symbol());
      }
      s.points().forEach(p -> all.add(p.date()));
    }
    dates = List.copyOf(all);
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

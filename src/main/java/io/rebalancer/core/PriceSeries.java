package io.rebalancer.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The daily closes of one symbol up to the run date, oldest first, one per date. */
public record PriceSeries(String symbol, List<PricePoint> points) {
  public PriceSeries {
    List<PricePoint> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparing(PricePoint::date));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).date().equals(sorted.get(i - 1).date())) {
        throw new IllegalArgumentException(
            "two closes for " + symbol + " on " + sorted.get(i).date());
      }
    }
    points = List.copyOf(sorted);
  }

  /** The latest close on or before the run date: the series holds nothing later. */
  /** The latest close (on or before the run date) with its date. */
  public Optional<PricePoint> latest() {
    return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
  }

  public Optional<BigDecimal> latestClose() {
    return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1).close());
  }

  /** The close on exactly this date, or null when the symbol has none that day. */
  public BigDecimal closeOn(LocalDate date) {
    int lo = 0;
    int hi = points.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = points.get(mid).date().compareTo(date);
      if (c == 0) {
        return points.get(mid).close();
      } else if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return null;
  }
}

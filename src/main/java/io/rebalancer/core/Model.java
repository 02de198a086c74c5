package io.rebalancer.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A target model: weights by symbol, sorted by symbol, summing to 1. */
public record Model(String modelId, List<TargetWeight> targets) {
  public Model {
    List<TargetWeight> sorted = new ArrayList<>(targets);
    sorted.sort(Comparator.comparing(TargetWeight::symbol));
    targets = List.copyOf(sorted);
  }

  /** The target weight of a symbol, zero when the model does not name it. */
  public BigDecimal targetOf(String symbol) {
    int lo = 0;
    int hi = targets.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = targets.get(mid).symbol().compareTo(symbol);
      if (c == 0) {
        return targets.get(mid).weight();
      } else if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return BigDecimal.ZERO;
  }
}

package io.rebalancer.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A target model: weights by symbol (models.csv) or by asset class with a symbol to buy for each
 * (classModels), sorted, summing to 1. A model is one or the other: exactly one list is non-empty.
 */
public record Model(String modelId, List<TargetWeight> targets, List<ClassTarget> classes) {
  public Model {
    List<TargetWeight> sorted = new ArrayList<>(targets);
    sorted.sort(Comparator.comparing(TargetWeight::symbol));
    targets = List.copyOf(sorted);
    List<ClassTarget> byClass = new ArrayList<>(classes);
    byClass.sort(Comparator.comparing(ClassTarget::assetClass));
    classes = List.copyOf(byClass);
  }

  /** A model of symbols (models.csv). */
  public Model(String modelId, List<TargetWeight> targets) {
    this(modelId, targets, List.of());
  }

  /** A model of asset classes (classModels). */
  public static Model ofClasses(String modelId, List<ClassTarget> classes) {
    return new Model(modelId, List.of(), classes);
  }

  /** True when the targets are asset classes: the household is rebalanced on classes. */
  public boolean byClass() {
    return !classes.isEmpty();
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

  /** A class model's line for an asset class, empty when the model does not name it. */
  public Optional<ClassTarget> classTarget(String assetClass) {
    for (ClassTarget c : classes) {
      if (c.assetClass().equals(assetClass)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The target weight of an asset class, zero when the class model does not name it. */
  public BigDecimal classTargetOf(String assetClass) {
    return classTarget(assetClass).map(ClassTarget::weight).orElse(BigDecimal.ZERO);
  }
}

package io.rebalancer.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Hand-built prices, models and holding rows for the rebalancer's hand-computed tests. */
final class TestHouseholds {
  static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);

  private TestHouseholds() {}

  /** One close per symbol, on the run date. */
  static PriceBook prices(String... symbolClosePairs) {
    List<PriceSeries> series = new ArrayList<>();
    for (int i = 0; i < symbolClosePairs.length; i += 2) {
      series.add(new PriceSeries(symbolClosePairs[i], List.of(new PricePoint(RUN_DATE,
          new BigDecimal(symbolClosePairs[i + 1])))));
    }
    return new PriceBook(series);
  }

  /** A symbol model "m" from symbol, weight pairs. */
  static Model model(String... symbolWeightPairs) {
    List<TargetWeight> targets = new ArrayList<>();
    for (int i = 0; i < symbolWeightPairs.length; i += 2) {
      targets.add(new TargetWeight(symbolWeightPairs[i], new BigDecimal(symbolWeightPairs[i + 1])));
    }
    return new Model("m", targets);
  }

  /** A class model "m" from triples: asset class, weight, buy symbol (null for none). */
  static Model classModel(String... classWeightBuy) {
    List<ClassTarget> classes = new ArrayList<>();
    for (int i = 0; i < classWeightBuy.length; i += 3) {
      classes.add(new ClassTarget(classWeightBuy[i], new BigDecimal(classWeightBuy[i + 1]),
          classWeightBuy[i + 2]));
    }
    return Model.ofClasses("m", classes);
  }

  /** A row of no account yet (the account helpers of each test place it), EQUITY or CASH. */
  static Holding hold(String symbol, String quantity, String price) {
    return hold(symbol, quantity, price, symbol.equals("CASH") ? "CASH" : "EQUITY");
  }

  static Holding hold(String symbol, String quantity, String price, String assetClass) {
    return new Holding("?", "?", symbol, new BigDecimal(quantity), new BigDecimal(price),
        assetClass, Holding.isCash(symbol, assetClass), "?", "file", 0);
  }
}

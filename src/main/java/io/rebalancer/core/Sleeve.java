package io.rebalancer.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * What one line of a model steers: a symbol (models.csv) or an asset class (classModels), with its
 * target weight, its value in the household, the symbols held in it and the symbol bought when
 * it is underweight. The rebalancer's steps run on sleeves, so a symbol model and a class model
 * are the same rules given different sleeves: a symbol's sleeve holds that symbol alone.
 *
 * @param assetClass the class this sleeve is, or null for a symbol's
 * @param members the held symbols of the sleeve, largest market value first, ties by symbol
 * @param buySymbol what a buy buys, or null (a class of weight 0 is only sold)
 */
record Sleeve(String key, String assetClass, BigDecimal target, BigDecimal value,
    List<String> members, String buySymbol) {

  boolean byClass() {
    return assetClass != null;
  }

  /** Held: a position (long or short) in any of its symbols. */
  boolean held(HouseholdBook book) {
    return members.stream().anyMatch(book::holds);
  }

  String overweight() {
    return byClass() ? "overweight: asset class " + assetClass : "overweight";
  }

  String underweight() {
    return byClass() ? "underweight: asset class " + assetClass : "underweight";
  }

  String liquidate() {
    return byClass() ? "liquidate: asset class " + assetClass + " not in model"
        : Rebalancer.LIQUIDATE;
  }

  /**
   * The household's sleeves in key order: every symbol (or class) held or named by the model with
   * a weight above 0; cash is never one (it is what buys are paid with).
   */
  static List<Sleeve> of(Model model, HouseholdBook book) {
    return model.byClass() ? classes(model, book) : symbols(model, book);
  }

  private static List<Sleeve> symbols(Model model, HouseholdBook book) {
    TreeMap<String, Sleeve> out = new TreeMap<>();
    book.quantities.forEach((s, q) -> {
      if (q.signum() != 0) {
        out.put(s, symbol(s, model, book));
      }
    });
    for (TargetWeight t : model.targets()) {
      if (t.weight().signum() > 0 && !Holding.CASH.equals(t.symbol())) {
        out.computeIfAbsent(t.symbol(), s -> symbol(s, model, book));
      }
    }
    return List.copyOf(out.values());
  }

  private static Sleeve symbol(String symbol, Model model, HouseholdBook book) {
    return new Sleeve(symbol, null, model.targetOf(symbol), book.valueOf(symbol),
        List.of(symbol), symbol);
  }

  /**
   * A class's value is that of the held symbols of the class; a symbol is of the class its first
   * holding row (in brokerage, account order) gives it, as its row price is, so that a symbol two
   * exports label differently is in one class.
   */
  private static List<Sleeve> classes(Model model, HouseholdBook book) {
    TreeMap<String, List<String>> members = new TreeMap<>();
    book.quantities.forEach((s, q) -> {
      if (q.signum() != 0) {
        members.computeIfAbsent(book.assetClassOf(s), c -> new ArrayList<>()).add(s);
      }
    });
    for (ClassTarget t : model.classes()) {
      if (t.weight().signum() > 0 && !Holding.CASH.equals(t.assetClass())) {
        members.computeIfAbsent(t.assetClass(), c -> new ArrayList<>());
      }
    }
    List<Sleeve> out = new ArrayList<>();
    members.forEach((assetClass, symbols) -> {
      BigDecimal value = BigDecimal.ZERO;
      for (String s : symbols) {
        value = value.add(book.valueOf(s));
      }
      List<String> byValue = new ArrayList<>(symbols);
      byValue.sort(Comparator.comparing(book::valueOf).reversed()
          .thenComparing(Comparator.naturalOrder()));
      String buy = model.classTarget(assetClass).map(ClassTarget::buySymbol).orElse(null);
      out.add(new Sleeve(assetClass, assetClass, model.classTargetOf(assetClass), value,
          List.copyOf(byValue), buy));
    });
    return out;
  }
}

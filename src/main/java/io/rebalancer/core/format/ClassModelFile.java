package io.rebalancer.core.format;

import io.rebalancer.core.ClassTarget;
import io.rebalancer.core.Holding;
import io.rebalancer.core.Model;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The asset-class models (`classModels:`): model_id, asset_class, target_weight, buy_symbol. The
 * weights follow models.csv's rules. A class with a weight above 0 needs a symbol to buy; the
 * CASH class has none (cash is never bought); and a buy symbol belongs to one class of its
 * model, else one symbol's buys would count toward two classes.
 */
public final class ClassModelFile {
  private ClassModelFile() {}

  /** Where a buy symbol was first named in a model, for the error that names both lines. */
  private record Named(String assetClass, long line) {}

  /** The class models, sorted by id (and each by class, as {@link Model} keeps them). */
  public static List<Model> classModels(String file, Reader in) {
    Map<String, Map<String, ClassTarget>> classes = new TreeMap<>();
    Map<String, Map<String, Named>> buySymbols = new HashMap<>();
    ReferenceRows.read(file, in, List.of("model_id", "asset_class", "target_weight",
        "buy_symbol"), row -> {
          String modelId = row.text("model_id");
          String assetClass = row.text("asset_class");
          boolean cash = Holding.CASH.equalsIgnoreCase(assetClass);
          if (cash) {
            assetClass = Holding.CASH; // the label the analysis gives every kind of cash
          }
          BigDecimal weight = row.targetWeight();
          String buy = buySymbol(row, assetClass, cash, weight);
          ClassTarget target = new ClassTarget(assetClass, weight, buy);
          if (classes.computeIfAbsent(modelId, m -> new TreeMap<>())
              .put(assetClass, target) != null) {
            throw row.error("model " + modelId + " names class " + assetClass + " twice");
          }
          if (buy != null) {
            Named first = buySymbols.computeIfAbsent(modelId, m -> new HashMap<>())
                .putIfAbsent(buy, new Named(assetClass, row.line()));
            if (first != null) {
              throw row.error("model " + modelId + ": buy_symbol " + buy + " is already class "
                  + first.assetClass() + "'s (line " + first.line() + "): a buy symbol belongs"
                  + " to one class of its model");
            }
          }
        });
    List<Model> out = new ArrayList<>();
    classes.forEach((id, targets) -> {
      ReferenceRows.checkWeightSum(file, id, targets.values().stream()
          .map(ClassTarget::weight).reduce(BigDecimal.ZERO, BigDecimal::add));
      out.add(Model.ofClasses(id, List.copyOf(targets.values())));
    });
    return out;
  }

  /** The line's buy symbol, or null where the class is never bought. */
  private static String buySymbol(ReferenceRows.Row row, String assetClass, boolean cash,
      BigDecimal weight) {
    String buy = row.optionalText("buy_symbol");
    if (cash) {
      if (buy != null) {
        throw row.error("class CASH has buy_symbol " + buy + ": cash is never bought, leave"
            + " buy_symbol empty");
      }
      return null;
    }
    if (buy == null && weight.signum() > 0) {
      throw row.error("missing buy_symbol: class " + assetClass + " has target_weight "
          + weight.toPlainString() + ", so it needs a symbol to buy");
    }
    if (buy != null && Holding.CASH.equalsIgnoreCase(buy)) {
      throw row.error("buy_symbol of class " + assetClass + " is CASH: cash is never bought,"
          + " name a security of the class");
    }
    return buy;
  }
}

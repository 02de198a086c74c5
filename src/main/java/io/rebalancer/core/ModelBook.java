package io.rebalancer.core;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every model a household can be on, by id: models.csv's (by symbol) and the class models' (by
 * asset class), checked against each other and against the security master. A model id in both
 * files would leave a household's targets to chance; a class whose buy symbol the master puts in
 * another class would buy into the wrong class, and the next run would find it out of band again.
 */
public final class ModelBook {
  private ModelBook() {}

  /**
   * @param classModelsFile the class models' file, or null when there is none (classModels empty)
   * @param securitiesFile the security master's file, or null when there is none (master empty)
   */
  public static Map<String, Model> of(String modelsFile, List<Model> models,
      String classModelsFile, List<Model> classModels, String securitiesFile,
      SecurityMaster master) {
    Map<String, Model> out = new TreeMap<>();
    models.forEach(m -> out.put(m.modelId(), m));
    for (Model m : classModels) {
      if (out.containsKey(m.modelId())) {
        throw new InputException(modelsFile + " and " + classModelsFile + ": model "
            + m.modelId() + " is in both: a model is by symbol (models) or by asset class"
            + " (classModels), never both; rename one");
      }
      checkBuySymbols(m, classModelsFile, securitiesFile, master);
      out.put(m.modelId(), m);
    }
    return out;
  }

  private static void checkBuySymbols(Model m, String classModelsFile, String securitiesFile,
      SecurityMaster master) {
    for (ClassTarget c : m.classes()) {
      if (c.buySymbol() == null) {
        continue;
      }
      master.security(c.buySymbol())
          .filter(s -> !s.assetClass().equals(c.assetClass()))
          .ifPresent(s -> {
            throw new InputException(classModelsFile + ": model " + m.modelId() + ": class "
                + c.assetClass() + " buys " + c.buySymbol() + ", which " + securitiesFile
                + " puts in class " + s.assetClass() + ": name a buy_symbol of class "
                + c.assetClass() + ", or correct the security's asset_class");
          });
    }
  }
}

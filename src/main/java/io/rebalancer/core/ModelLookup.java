package io.rebalancer.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which model an account or a household is compared with (SPEC "Inputs"): the model its line of
 * accounts.csv names (without that file, {@link AccountInfo#DEFAULT_MODEL}). A model id that
 * models.csv does not define, or a household whose accounts name different models, stops the run:
 * comparing with a guessed model would trade real money against the wrong targets.
 */
public final class ModelLookup {
  private ModelLookup() {}

  /** The model an account's allocation is compared with. */
  public static Model ofAccount(AccountInfo account, Map<String, Model> models) {
    Model model = models.get(account.modelId());
    if (model == null) {
      throw new InputException("account " + account.key() + ": model '" + account.modelId()
          + "' is not in models.csv");
    }
    return model;
  }

  /** The model a household is rebalanced against: the one model all its accounts name. */
  public static Model ofHousehold(String householdId, List<AccountAnalysis> accounts,
      Map<String, Model> models) {
    String modelId = modelIdOf(householdId, accounts);
    Model model = models.get(modelId);
    if (model == null) {
      throw new InputException("household " + householdId + ": model '" + modelId
          + "' is not in models.csv");
    }
    return model;
  }

  /**
   * Every account of a household must follow the same model. Accounts are read in (brokerage,
   * account) order, so that the error names the same two models whatever order they arrived in.
   */
  static String modelIdOf(String householdId, List<AccountAnalysis> accounts) {
    List<AccountAnalysis> ordered = new ArrayList<>(accounts);
    ordered.sort(Comparator.comparing(AccountAnalysis::key));
    String modelId = ordered.get(0).modelId();
    for (AccountAnalysis a : ordered) {
      if (!a.modelId().equals(modelId)) {
        throw new InputException("household " + householdId + ": its accounts name different"
            + " models (" + modelId + ", " + a.modelId() + ") in accounts.csv");
      }
    }
    return modelId;
  }
}

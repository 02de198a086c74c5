package io.rebalancer.transforms;

import io.rebalancer.core.HouseholdRules;
import io.rebalancer.core.Model;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.RebalanceRules;
import io.rebalancer.core.Security;
import io.rebalancer.core.SecurityMaster;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The reference data every step looks things up in, as side inputs: the models (by symbol and by
 * asset class), the price history, the security master and the households' own rules, small
 * whatever the book's size. Accounts are not among them: a book of a million accounts is joined
 * to its holdings by key instead (see {@link Accounts}).
 */
public record ReferenceData(PCollectionView<Map<String, Model>> models,
    PCollectionView<PriceBook> prices, PCollectionView<Map<String, Security>> securities,
    PCollectionView<Map<String, HouseholdRules>> households) implements Serializable {

  /** Every view, for a DoFn's withSideInputs. */
  public List<PCollectionView<?>> views() {
    return List.of(models, prices, securities, households);
  }

  /**
   * The side inputs' values. A DoFn reads them once and keeps them: in the global window of a
   * batch run they never change, and the Direct runner rebuilds a side input on every read.
   */
  public Values read(DoFn<?, ?>.ProcessContext c) {
    return new Values(c.sideInput(models), c.sideInput(prices),
        new SecurityMaster(c.sideInput(securities)), c.sideInput(households));
  }

  /** Reference data in memory. */
  public record Values(Map<String, Model> models, PriceBook prices, SecurityMaster securities,
      Map<String, HouseholdRules> households) {

    /** The config's rules with the household's own mode and trade-to, where households.csv sets them. */
    public RebalanceRules rulesOf(String householdId, RebalanceRules rules) {
      return rules.forHousehold(households.get(householdId));
    }
  }
}

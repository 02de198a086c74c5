package io.rebalancer.transforms;

import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.Model;
import io.rebalancer.core.PriceBook;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The reference data every step looks things up in, as side inputs.
 *
 * @param accountsListed false without an accounts file: every account is then in the default
 *     household on the default model
 */
public record ReferenceData(PCollectionView<Map<AccountKey, AccountInfo>> accounts,
    boolean accountsListed, PCollectionView<Map<String, Model>> models,
    PCollectionView<PriceBook> prices) implements Serializable {

  /** Every view, for a DoFn's withSideInputs. */
  public List<PCollectionView<?>> views() {
    return List.of(accounts, models, prices);
  }

  /**
   * The side inputs' values. A DoFn reads them once and keeps them: in the global window of a
   * batch run they never change, and the Direct runner rebuilds a side input on every read.
   */
  public Values read(DoFn<?, ?>.ProcessContext c) {
    return new Values(c.sideInput(accounts), accountsListed, c.sideInput(models),
        c.sideInput(prices));
  }

  /** Reference data in memory. */
  public record Values(Map<AccountKey, AccountInfo> accounts, boolean accountsListed,
      Map<String, Model> models, PriceBook prices) {

    /** The account's household and model, or null when an accounts file is given and lacks it. */
    public AccountInfo account(AccountKey key) {
      return accountsListed ? accounts.get(key) : AccountInfo.unlisted(key);
    }
  }
}

package io.rebalancer.transforms;

import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.Model;
import io.rebalancer.core.PriceBook;
import java.io.Serializable;
import java.util.Map;
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

  /** The account's household and model, or null when an accounts file is given and lacks it. */
  public static AccountInfo lookUp(Map<AccountKey, AccountInfo> accounts, boolean listed,
      AccountKey key) {
    return listed ? accounts.get(key) : AccountInfo.unlisted(key);
  }
}

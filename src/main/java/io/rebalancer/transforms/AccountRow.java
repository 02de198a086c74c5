package io.rebalancer.transforms;

import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.Holding;
import java.util.Comparator;

/**
 * One element of the join of holdings with accounts.csv: either a parsed holding (with its raw
 * line, for a dead letter should its account be unknown) or an account's line. Joining by key
 * keeps memory flat where a side input would hold every account in every worker.
 */
public record AccountRow(Holding holding, String rawLine, AccountInfo info) {
  /** The account's line first, then holdings in file order. */
  static final Comparator<AccountRow> ORDER = Comparator
      .comparing((AccountRow r) -> r.info == null)
      .thenComparing(r -> r.holding == null ? "" : r.holding.sourceUri())
      .thenComparingLong(r -> r.holding == null ? 0 : r.holding.lineNumber());

  static AccountRow of(Holding holding, String rawLine) {
    return new AccountRow(holding, rawLine, null);
  }

  static AccountRow of(AccountInfo info) {
    return new AccountRow(null, null, info);
  }

  AccountKey key() {
    return info != null ? info.key() : holding.account();
  }
}

package io.rebalancer.transforms;

import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.Holding;
import io.rebalancer.core.Lot;
import java.util.Comparator;

/**
 * One element of the join of holdings with accounts.csv and lots: a parsed holding (with its raw
 * line, for a dead letter should its account be unknown), an account's line, or a tax lot (of
 * lots.csv, or stated by an export). Joining by key keeps memory flat where a side input would
 * hold every account (and every lot) in every worker.
 *
 * @param fromLotsFile whether the lot is a line of lots.csv (which replaces the export's lots of
 *     its symbol) rather than one an export states
 */
public record AccountRow(Holding holding, String rawLine, AccountInfo info, Lot lot,
    boolean fromLotsFile) {
  /** The account's line first, then holdings in file order, then lots in file order. */
  static final Comparator<AccountRow> ORDER = Comparator
      .comparing((AccountRow r) -> r.info == null)
      .thenComparing(r -> r.lot != null)
      .thenComparing(AccountRow::sourceUri)
      .thenComparingLong(AccountRow::lineNumber);

  static AccountRow of(Holding holding, String rawLine) {
    return new AccountRow(holding, rawLine, null, null, false);
  }

  static AccountRow of(AccountInfo info) {
    return new AccountRow(null, null, info, null, false);
  }

  /** A line of lots.csv. */
  static AccountRow ofLotsFile(Lot lot) {
    return new AccountRow(null, null, null, lot, true);
  }

  /** A lot an export states. */
  static AccountRow ofExport(Lot lot) {
    return new AccountRow(null, null, null, lot, false);
  }

  AccountKey key() {
    return info != null ? info.key() : holding != null ? holding.account() : lot.account();
  }

  private String sourceUri() {
    return holding != null ? holding.sourceUri() : lot != null ? lot.sourceUri() : "";
  }

  private long lineNumber() {
    return holding != null ? holding.lineNumber() : lot != null ? lot.lineNumber() : 0;
  }
}

package io.rebalancer.transforms;

import io.rebalancer.core.AccountHoldings;
import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.Holding;
import io.rebalancer.core.InputException;
import io.rebalancer.core.RejectedRow;
import io.rebalancer.core.SourceTally;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * One account's rows of the join: its line of accounts.csv (if any) and its holdings. A listed
 * account's holdings go on together; without an accounts file every account is in the default
 * household; a holding of an account the file does not list is a rejected row, and its source's
 * tally moves it from holdings to rejected.
 */
final class CheckAccounts extends DoFn<KV<AccountKey, List<AccountRow>>, AccountHoldings> {
  private final String accountsFile;
  private final TupleTag<RejectedRow> rejectedTag;
  private final TupleTag<SourceTally> talliesTag;

  /** @param accountsFile the accounts file, or null when there is none */
  CheckAccounts(String accountsFile, TupleTag<RejectedRow> rejected, TupleTag<SourceTally> tallies) {
    this.accountsFile = accountsFile;
    this.rejectedTag = rejected;
    this.talliesTag = tallies;
  }

  @ProcessElement
  public void process(@Element KV<AccountKey, List<AccountRow>> account, MultiOutputReceiver out) {
    AccountInfo info = accountsFile == null ? AccountInfo.unlisted(account.getKey()) : null;
    List<Holding> holdings = new ArrayList<>();
    for (AccountRow row : account.getValue()) {
      if (row.info() == null) {
        holdings.add(row.holding());
      } else if (info != null) {
        throw new InputException(accountsFile + ": account " + account.getKey()
            + " is listed twice");
      } else {
        info = row.info();
      }
    }
    if (holdings.isEmpty()) {
      return; // listed, but no export holds it today
    }
    if (info != null) {
      out.get(ReadHoldings.ACCOUNTS).output(new AccountHoldings(info, holdings));
      return;
    }
    for (AccountRow row : account.getValue()) {
      out.get(rejectedTag).output(AccountHoldings.unknownAccount(row.holding(), row.rawLine()));
      out.get(talliesTag).output(SourceTally.lateRejection(row.holding().sourceId()));
    }
  }
}

package io.rebalancer.transforms;

import io.rebalancer.core.AccountHoldings;
import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountJoin;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.Holding;
import io.rebalancer.core.Lot;
import io.rebalancer.core.RejectedRow;
import io.rebalancer.core.SourceTally;
import io.rebalancer.core.trust.InputProblem;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * One account's rows of the join, its line of accounts.csv (if any), its holdings and its tax
 * lots, judged by {@link AccountJoin}: the account goes on with its holdings and known lots; a
 * holding of an account the file does not list is a rejected row, and its source's tally moves
 * it from holdings to rejected (its lots go with it); an account in two files, or lots that
 * exceed a holding, are input problems.
 */
final class CheckAccounts extends DoFn<KV<AccountKey, List<AccountRow>>, AccountHoldings> {
  private final String accountsFile;
  private final TupleTag<RejectedRow> rejectedTag;
  private final TupleTag<SourceTally> talliesTag;
  private final TupleTag<InputProblem> problemsTag;

  /** @param accountsFile the accounts file, or null when there is none */
  CheckAccounts(String accountsFile, TupleTag<RejectedRow> rejected, TupleTag<SourceTally> tallies,
      TupleTag<InputProblem> problems) {
    this.accountsFile = accountsFile;
    this.rejectedTag = rejected;
    this.talliesTag = tallies;
    this.problemsTag = problems;
  }

  @ProcessElement
  public void process(@Element KV<AccountKey, List<AccountRow>> account, MultiOutputReceiver out) {
    List<AccountInfo> listed = new ArrayList<>(1);
    List<Holding> holdings = new ArrayList<>();
    List<Lot> fileLots = new ArrayList<>();
    List<Lot> exportLots = new ArrayList<>();
    for (AccountRow row : account.getValue()) {
      if (row.info() != null) {
        listed.add(row.info());
      } else if (row.holding() != null) {
        holdings.add(row.holding());
      } else if (row.fromLotsFile()) {
        fileLots.add(row.lot());
      } else {
        exportLots.add(row.lot());
      }
    }
    AccountJoin join = AccountJoin.of(account.getKey(), listed, holdings, fileLots, exportLots,
        accountsFile);
    if (!join.unknown()) {
      RunMetrics.HOLDINGS.inc(holdings.size()); // as the source tallies count them
    }
    if (join.account() != null) {
      out.get(ReadHoldings.ACCOUNTS).output(join.account());
    } else if (!join.problems().isEmpty()) {
      join.problems().forEach(out.get(problemsTag)::output);
    } else if (join.unknown()) {
      RunMetrics.ROWS_REJECTED.inc(holdings.size());
      for (AccountRow row : account.getValue()) {
        if (row.holding() != null) {
          out.get(rejectedTag).output(AccountHoldings.unknownAccount(row.holding(),
              row.rawLine()));
          out.get(talliesTag).output(SourceTally.lateRejection(row.holding().sourceId()));
        }
      }
    }
  }
}

package io.rebalancer.core;

import io.rebalancer.core.trust.InputProblem;
import java.util.List;
import java.util.TreeMap;

/**
 * The verdict on one account: its lines of accounts.csv (none, one) joined with its holdings from
 * every file and its tax lots (lots.csv, the exports'). Holdings are never summed across files: an
 * account in two files is a problem that fails the run, naming both (yesterday's export left
 * beside today's would double every position). Lots that add up to more than a holding are a
 * problem too ({@link AccountLots}), whether accounts.csv lists the account or not, and whether
 * or not an export holds it today: a lot is of shares some export holds.
 *
 * @param account the account with its household, model, holdings and known lots, or null
 * @param unknown true: accounts.csv does not list it, so each holding is a rejected row (and its
 *     lots go with them)
 * @param problems the account is in two files, or its lots exceed holdings; empty when neither
 */
public record AccountJoin(AccountHoldings account, boolean unknown,
    List<InputProblem> problems) {
  private static final AccountJoin IDLE = new AccountJoin(null, false, List.of());
  private static final AccountJoin UNKNOWN = new AccountJoin(null, true, List.of());

  public AccountJoin {
    problems = List.copyOf(problems);
  }

  /** The first problem, or null. */
  public InputProblem problem() {
    return problems.isEmpty() ? null : problems.get(0);
  }

  /** The join of an account without tax lots. */
  public static AccountJoin of(AccountKey key, List<AccountInfo> listed, List<Holding> holdings,
      String accountsFile) {
    return of(key, listed, holdings, List.of(), List.of(), accountsFile);
  }

  /**
   * @param listed the account's lines of accounts.csv
   * @param fileLots its lines of lots.csv
   * @param exportLots the lots its exports state
   * @param accountsFile accounts.csv, or null when there is none (every account in the default
   *     household)
   */
  public static AccountJoin of(AccountKey key, List<AccountInfo> listed, List<Holding> holdings,
      List<Lot> fileLots, List<Lot> exportLots, String accountsFile) {
    if (listed.size() > 1) {
      throw new InputException(accountsFile + ": account " + key + " is listed twice");
    }
    if (holdings.isEmpty() && fileLots.isEmpty()) {
      return IDLE; // listed, but no export holds it today
    }
    InputProblem twoFiles = twoFiles(key, holdings);
    if (twoFiles != null) {
      return new AccountJoin(null, false, List.of(twoFiles)); // its lots wait for one file
    }
    AccountLots lots = AccountLots.of(key, holdings, fileLots, exportLots);
    if (!lots.problems().isEmpty()) {
      return new AccountJoin(null, false, lots.problems());
    }
    if (holdings.isEmpty()) {
      return IDLE;
    }
    if (accountsFile == null) {
      return new AccountJoin(new AccountHoldings(AccountInfo.unlisted(key), holdings,
          lots.lots()), false, List.of());
    }
    if (listed.isEmpty()) {
      return UNKNOWN;
    }
    return new AccountJoin(new AccountHoldings(listed.get(0), holdings, lots.lots()), false,
        List.of());
  }

  /** The first two files (in name order) that hold the account, or null when one does. */
  private static InputProblem twoFiles(AccountKey key, List<Holding> holdings) {
    TreeMap<String, String> sourceByFile = new TreeMap<>();
    holdings.forEach(h -> sourceByFile.putIfAbsent(h.sourceUri(), h.sourceId()));
    if (sourceByFile.size() < 2) {
      return null;
    }
    var first = sourceByFile.firstEntry();
    var second = sourceByFile.higherEntry(first.getKey());
    String sources = first.getValue().equals(second.getValue())
        ? "source " + first.getValue()
        : "sources " + first.getValue() + " and " + second.getValue();
    return new InputProblem(InputProblem.Kind.ACCOUNT_IN_TWO_FILES, key.toString(),
        "account " + key.accountId() + " of brokerage " + key.brokerageId() + " is in "
        + (sourceByFile.size() == 2 ? "two files" : sourceByFile.size() + " files") + " of "
        + sources + ": " + first.getKey() + " and " + second.getKey()
        + "; holdings are never summed across files: remove the one that is not the current"
        + " export");
  }
}

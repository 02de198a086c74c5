package io.rebalancer.core;

import java.util.List;

/**
 * One account's priced holdings with its household, model and reserve, and its known tax lots
 * (lots.csv and the exports', judged by {@link AccountLots}): what its analysis reads.
 */
public record AccountHoldings(AccountInfo info, List<Holding> holdings, List<Lot> lots) {
  public AccountHoldings {
    holdings = List.copyOf(holdings);
    lots = List.copyOf(lots);
  }

  /** An account without tax lots. */
  public AccountHoldings(AccountInfo info, List<Holding> holdings) {
    this(info, holdings, List.of());
  }

  /**
   * The verdict on a holding of an account that accounts.csv does not list: its household and
   * model are unknown, and guessing them would skew a household's trades.
   */
  public static RejectedRow unknownAccount(Holding h, String rawLine) {
    return new RejectedRow(h.sourceId(), h.sourceUri(), h.lineNumber(),
        "account " + h.accountId() + " of " + h.brokerageId() + " is not in accounts.csv",
        rawLine);
  }
}

package io.rebalancer.core;

import java.util.List;

/** One account's priced holdings with its household, model and reserve: what its analysis reads. */
public record AccountHoldings(AccountInfo info, List<Holding> holdings) {
  public AccountHoldings {
    holdings = List.copyOf(holdings);
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

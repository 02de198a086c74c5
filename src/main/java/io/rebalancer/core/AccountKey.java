package io.rebalancer.core;

import java.util.Comparator;

/** An account is identified by its brokerage and its number there: the same number at two brokerages is two accounts. */
public record AccountKey(String brokerageId, String accountId) implements Comparable<AccountKey> {
  private static final Comparator<AccountKey> ORDER =
      Comparator.comparing(AccountKey::brokerageId).thenComparing(AccountKey::accountId);

  public AccountKey {
    if (brokerageId == null || brokerageId.isEmpty() || accountId == null || accountId.isEmpty()) {
      throw new IllegalArgumentException("account key needs a brokerage and an account id");
    }
  }

  @Override
  public int compareTo(AccountKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return brokerageId + "/" + accountId;
  }
}

package io.rebalancer.core;

import java.math.BigDecimal;

/** One line of accounts.csv: which household and model an account belongs to, and the cash it must keep. */
public record AccountInfo(AccountKey key, String householdId, String modelId, BigDecimal cashReserve) {
  public static final String DEFAULT_HOUSEHOLD = "HOUSEHOLD";
  public static final String DEFAULT_MODEL = "default";

  /** Without an accounts file every account is in one household on the default model. */
  public static AccountInfo unlisted(AccountKey key) {
    return new AccountInfo(key, DEFAULT_HOUSEHOLD, DEFAULT_MODEL, BigDecimal.ZERO);
  }
}

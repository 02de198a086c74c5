package io.rebalancer.core;

import java.math.BigDecimal;

/**
 * One line of accounts.csv: which household and model an account belongs to, the cash it must
 * keep, how it is taxed and what orders it may host.
 */
public record AccountInfo(AccountKey key, String householdId, String modelId,
    BigDecimal cashReserve, AccountType accountType, Trading trading) {
  public static final String DEFAULT_HOUSEHOLD = "HOUSEHOLD";
  public static final String DEFAULT_MODEL = "default";

  /** A taxable account that trades normally: accounts.csv without the optional columns. */
  public AccountInfo(AccountKey key, String householdId, String modelId, BigDecimal cashReserve) {
    this(key, householdId, modelId, cashReserve, AccountType.TAXABLE, Trading.NORMAL);
  }

  /** Without an accounts file every account is in one household on the default model. */
  public static AccountInfo unlisted(AccountKey key) {
    return new AccountInfo(key, DEFAULT_HOUSEHOLD, DEFAULT_MODEL, BigDecimal.ZERO);
  }
}

package io.rebalancer.core;

import java.util.Optional;

/** How an account is taxed (accounts.csv `account_type`, securities.csv `preferred_account_type`). */
public enum AccountType {
  TAXABLE("taxable"),
  TAX_DEFERRED("tax-deferred"),
  TAX_EXEMPT("tax-exempt");

  private final String label;

  AccountType(String label) {
    this.label = label;
  }

  /** The word the input files use. */
  public String label() {
    return label;
  }

  public static Optional<AccountType> parse(String label) {
    return Labels.parse(values(), AccountType::label, label);
  }

  /** The words a file may use, for an error that says what to write instead. */
  public static String labels() {
    return Labels.of(values(), AccountType::label);
  }
}

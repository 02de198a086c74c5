package io.rebalancer.core;

import java.util.Optional;

/**
 * What orders an account may host (accounts.csv `trading`). Its holdings count in the household's
 * value and weights whatever it says; only placement asks it.
 */
public enum Trading {
  NORMAL("normal"),
  NO_SELL("no-sell"),
  NO_BUY("no-buy"),
  FROZEN("frozen");

  private final String label;

  Trading(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean maySell() {
    return this == NORMAL || this == NO_BUY;
  }

  public boolean mayBuy() {
    return this == NORMAL || this == NO_SELL;
  }

  public static Optional<Trading> parse(String label) {
    return Labels.parse(values(), Trading::label, label);
  }

  public static String labels() {
    return Labels.of(values(), Trading::label);
  }
}

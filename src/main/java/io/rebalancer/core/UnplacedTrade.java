package io.rebalancer.core;

import java.math.BigDecimal;

/**
 * A trade the rebalance wanted but could not put on any account, with why: never dropped silently.
 *
 * @param quantity the shares left unplaced; null when they cannot be counted (no price)
 */
public record UnplacedTrade(String householdId, String symbol, Side side, BigDecimal quantity,
    String reason) {
  public static final String NO_PRICE = "no price";
  public static final String NO_CASH = "insufficient cash: no account can pay for one more share";
  /** A short is bought back on its own account (only that closes it): that account lacks cash. */
  public static final String NO_CASH_TO_COVER =
      "insufficient cash: the short account cannot buy back one more share";
  /** Every account holding the symbol is no-sell or frozen (accounts.csv `trading`). */
  public static final String NO_ACCOUNT_MAY_SELL = "no account may sell";
  /** Every account that could take the buy is no-buy or frozen. */
  public static final String NO_ACCOUNT_MAY_BUY = "no account may buy";
  /**
   * With taxAware and avoidShortTermGains, the shares of a sell that only short-term lots at a
   * gain in taxable accounts could have given.
   */
  public static final String SHORT_TERM_GAIN_AVOIDED = "short-term gain avoided";
  /** A class model's buy symbol is in `rebalance.restricted`: nothing buys the class. */
  public static final String RESTRICTED_BUY = "restricted: the class's buy symbol is never traded";
}

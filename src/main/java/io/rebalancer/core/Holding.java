package io.rebalancer.core;

import java.math.BigDecimal;

/**
 * One position (or cash) line of one account, as read from a brokerage export and priced.
 *
 * @param price the price per unit; null only between parsing and pricing (an export without a price)
 * @param sourceId the configured source the line came from
 * @param lineNumber 1-based line in the source file, so that any later rejection can point at it
 */
public record Holding(
    String brokerageId,
    String accountId,
    String symbol,
    BigDecimal quantity,
    BigDecimal price,
    String assetClass,
    boolean cash,
    String sourceId,
    String sourceUri,
    long lineNumber) {

  public static final String CASH = "CASH";

  public AccountKey account() {
    return new AccountKey(brokerageId, accountId);
  }

  public BigDecimal marketValue() {
    return quantity.multiply(price);
  }

  public Holding withPrice(BigDecimal newPrice) {
    return new Holding(brokerageId, accountId, symbol, quantity, newPrice, assetClass, cash,
        sourceId, sourceUri, lineNumber);
  }

  /** Cash is the CASH symbol or anything whose asset class is CASH (money-market sweep funds). */
  public static boolean isCash(String symbol, String assetClass) {
    return CASH.equalsIgnoreCase(symbol) || CASH.equalsIgnoreCase(assetClass);
  }
}

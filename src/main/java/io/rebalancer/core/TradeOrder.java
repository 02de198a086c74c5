package io.rebalancer.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * One order for one account: buy or sell a quantity of a symbol at an estimated price.
 *
 * @param currentWeight the symbol's household weight at {@link #WEIGHT_SCALE} decimals, rounded
 *     once from the exact market value / total value (see {@link Allocation#weight(BigDecimal,
 *     BigDecimal, int)})
 * @param targetWeight the model's weight, exact as the model states it
 */
public record TradeOrder(String householdId, String brokerageId, String accountId, String symbol,
    Side side, BigDecimal quantity, BigDecimal price, BigDecimal currentWeight,
    BigDecimal targetWeight, String reason) {

  /** Decimals of an order's weights in the trade-orders file and the warehouse. */
  public static final int WEIGHT_SCALE = 6;

  /** The order of the trade-orders file: household, brokerage, account, SELL before BUY, symbol. */
  public static final Comparator<TradeOrder> FILE_ORDER = Comparator
      .comparing(TradeOrder::householdId)
      .thenComparing(TradeOrder::brokerageId)
      .thenComparing(TradeOrder::accountId)
      .thenComparing(TradeOrder::side)
      .thenComparing(TradeOrder::symbol);

  /** quantity * price, rounded half-even to cents. */
  public BigDecimal estimatedAmount() {
    return quantity.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
  }

  /**
   * A stable id from what the order is (run date, account, symbol, side): the same inputs give the
   * same id on any runner, and no two orders of a run share one.
   */
  public String orderId(LocalDate runDate) {
    return idOf(runDate, householdId, brokerageId, accountId, symbol, side);
  }

  /** The id of the order of this account, symbol and side on the run date. */
  static String idOf(LocalDate runDate, String householdId, String brokerageId, String accountId,
      String symbol, Side side) {
    String identity = String.join("\u001f", runDate.toString(), householdId, brokerageId,
        accountId, symbol, side.name());
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(identity.getBytes(StandardCharsets.UTF_8));
      return runDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
          + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}

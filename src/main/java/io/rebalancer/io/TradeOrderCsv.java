package io.rebalancer.io;

import io.rebalancer.core.TradeOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/** The trade-orders file's header and rows: plain decimals, 6-decimal weights, formula-safe text. */
public final class TradeOrderCsv {
  public static final List<String> HEADER = List.of("run_date", "order_id", "household_id",
      "brokerage_id", "account_id", "symbol", "side", "quantity", "price", "estimated_amount",
      "current_weight", "target_weight", "reason");

  /** RFC 4180: CRLF line ends, quotes only where needed. */
  public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

  private TradeOrderCsv() {}

  public static List<String> cells(LocalDate runDate, TradeOrder o) {
    return List.of(runDate.toString(), safe(o.orderId(runDate)), safe(o.householdId()),
        safe(o.brokerageId()), safe(o.accountId()), safe(o.symbol()), o.side().name(),
        plain(o.quantity()), plain(o.price()), o.estimatedAmount().toPlainString(),
        weight(o.currentWeight()), weight(o.targetWeight()), safe(o.reason()));
  }

  /** A decimal without exponent or trailing zeros: 10, 0.5, 117.42. */
  public static String plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  /**
   * A weight at 6 decimals. An order's current weight already is (rounded once from the exact
   * quotient by the core); a target weight is exact, so this rounds it once.
   */
  public static String weight(BigDecimal w) {
    return w.setScale(TradeOrder.WEIGHT_SCALE, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** A spreadsheet runs a cell that starts with = + - @ tab or CR as a formula: defuse it. */
  public static String safe(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
  }
}

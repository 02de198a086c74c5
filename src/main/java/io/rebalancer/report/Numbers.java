package io.rebalancer.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How the report writes numbers: money to cents with thousands commas, weights as percentages
 * with two decimals, drift in percentage points with its sign. The same text on any machine.
 */
final class Numbers {
  private Numbers() {}

  private static DecimalFormat format(String pattern) {
    DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_EVEN);
    return f;
  }

  /** 1234567.891 is "1,234,567.89"; half-even to cents, as the orders file rounds. */
  static String money(BigDecimal amount) {
    return amount == null ? "" : format("#,##0.00").format(amount.setScale(2, RoundingMode.HALF_EVEN));
  }

  /** A quantity or price as stored, without trailing zeros: "150", "0.125". */
  static String plain(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }

  /** 0.371252 is "37.13%". */
  static String percent(double weight) {
    return format("0.00").format(weight * 100) + "%";
  }

  /** A drift of -0.0699 is "-6.99 pts" (percentage points of the household's value). */
  static String points(double drift) {
    String s = format("0.00").format(Math.abs(drift) * 100);
    return (drift > 0 && !"0.00".equals(s) ? "+" : drift < 0 && !"0.00".equals(s) ? "-" : "")
        + s + " pts";
  }

  /** 12345 is "12,345". */
  static String count(long n) {
    return format("#,##0").format(n);
  }
}

package io.rebalancer.core.format;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * Numbers as exports write them: "$1,234.56", "+0.09%", "(12.50)", "-$121.97", "-.02", with "--",
 * "N/A" or nothing for missing. Parsed exactly into BigDecimal, never through a double.
 */
public final class Numbers {
  private static final Set<String> MISSING = Set.of("", "--", "-", "n/a", "na", "none", "null");

  private Numbers() {}

  /** True for a cell that says "no value" rather than holding a malformed one. */
  public static boolean isMissing(String cell) {
    return cell == null || MISSING.contains(cell.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * The number in a cell, or null when the cell is missing.
   *
   * @throws NumberFormatException when the cell holds something that is not a number
   */
  public static BigDecimal parse(String cell) {
    if (isMissing(cell)) {
      return null;
    }
    String s = cell.trim();
    boolean negative = false;
    if (s.startsWith("(") && s.endsWith(")")) {
      negative = true;
      s = s.substring(1, s.length() - 1).trim();
    }
    if (s.startsWith("-") || s.startsWith("+")) {
      negative ^= s.startsWith("-");
      s = s.substring(1).trim();
    }
    if (s.startsWith("$")) {
      s = s.substring(1).trim();
    }
    if (s.endsWith("%")) {
      s = s.substring(0, s.length() - 1).trim();
    }
    s = s.replace(",", "");
    // Exports never write exponents; refusing them also keeps "1e999999999" out of the books.
    if (!s.matches("[0-9]+\\.?[0-9]*|\\.[0-9]+")) {
      throw new NumberFormatException("'" + cell.trim() + "' is not a number");
    }
    BigDecimal value = new BigDecimal(s);
    return negative ? value.negate() : value;
  }
}

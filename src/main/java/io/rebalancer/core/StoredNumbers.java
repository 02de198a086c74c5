package io.rebalancer.core;

import java.math.BigDecimal;

/**
 * The numbers the warehouse can store exactly, and the check that an input's numbers are among
 * them. Money, quantities and prices are stored as DECIMAL(38,18); a value with more decimals
 * would be rounded on load (and a check of the rounded sums could then fail on exact data, or
 * pass on wrong data), one with more integer digits would fail the load. So such a value is
 * turned down where it is read, naming it, rather than stored as something else.
 */
public final class StoredNumbers {
  /** Decimals of the warehouse's money, quantity and price columns. */
  public static final int SCALE = 18;

  /** Digits of DuckDB's widest DECIMAL. */
  public static final int PRECISION = 38;

  /**
   * Integer digits an input value may have: below 10^15, five fewer than the columns' 20, so that
   * a sum of up to 100,000 of them (an account's total, a household's value of a symbol) still
   * fits the same column.
   */
  public static final int INPUT_INTEGER_DIGITS = 15;

  private static final String EXPORT_HINT = ": round it in the export";

  private StoredNumbers() {}

  /**
   * Why a holding cannot be stored exactly, or null when it can: its quantity, its price (if it
   * has one yet) and its market value, quantity × price, whose decimals are the sum of both
   * factors'. Call it again once a holding without a price is priced from the history.
   */
  public static String problem(Holding h) {
    String problem = problem("quantity", h.quantity(), EXPORT_HINT);
    if (problem == null && h.price() != null) {
      problem = problem("price", h.price(), EXPORT_HINT);
      if (problem == null) {
        problem = problem("market value (quantity × price)", h.marketValue(), EXPORT_HINT);
      }
    }
    return problem;
  }

  /** Why one value cannot be stored exactly, or null when it can; {@code what} names it. */
  public static String problem(String what, BigDecimal value) {
    return problem(what, value, "");
  }

  private static String problem(String what, BigDecimal value, String decimalsHint) {
    // precision and scale only: a value such as 1e999999999 is never expanded
    BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (v.scale() > SCALE) {
      return what + " " + shown(v) + " has " + v.scale() + " decimals; the warehouse stores "
          + SCALE + decimalsHint;
    }
    int integerDigits = v.precision() - v.scale();
    if (integerDigits > INPUT_INTEGER_DIGITS) {
      return what + " " + shown(v) + " has " + integerDigits + " integer digits; at most "
          + INPUT_INTEGER_DIGITS + " are accepted (the warehouse's sums must fit "
          + (PRECISION - SCALE) + ")";
    }
    return null;
  }

  /** The value as plain digits where that is short, else in scientific notation. */
  private static String shown(BigDecimal v) {
    return Math.abs((long) v.scale()) <= 40 ? v.toPlainString() : v.toString();
  }
}

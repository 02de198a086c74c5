package io.rebalancer.io;

/**
 * DuckDB expressions over the warehouse's DECIMAL(38,18) money. DuckDB types a product of two such
 * columns DECIMAL(38,36), which overflows from 100 on (and a cast of a factor to DOUBLE loses
 * cents from about 10^14 on), so a product is taken apart instead.
 */
final class DecimalSql {
  private DecimalSql() {}

  /**
   * a × b to 18 decimals, for two DECIMAL(38,18) expressions, as a DECIMAL(38,18): the integer
   * and fraction parts multiplied apart (each product exact and in range), only the product of
   * the two fractions rounded (half away from zero, so it is off by at most 0.5e-18). It fails,
   * as DuckDB does for any decimal overflow, only where a × b itself has more than 20 integer
   * digits.
   */
  static String product(String a, String b) {
    String ai = "trunc(" + a + ")";
    String bi = "trunc(" + b + ")";
    String af = "(" + a + " - " + ai + ")";
    String bf = "(" + b + " - " + bi + ")";
    return "(" + ai + " * " + bi + " + " + ai + " * " + bf + " + " + af + " * " + bi
        + " + round(" + af + " * " + bf + ", 18))";
  }

  /** The most that n products of {@link #product} can be off by, as a DECIMAL(38,18). */
  static String productError(String n) {
    return "(" + n + " * CAST('0.000000000000000001' AS DECIMAL(38,18)))";
  }
}

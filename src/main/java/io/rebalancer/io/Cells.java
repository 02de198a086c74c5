package io.rebalancer.io;

import io.rebalancer.core.StoredNumbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How domain values are written as the text cells of staged warehouse rows (null is SQL NULL). */
final class Cells {
  /** Money, quantities and prices: every value the pipeline accepts, exactly (StoredNumbers). */
  static final String MONEY =
      "DECIMAL(" + StoredNumbers.PRECISION + "," + StoredNumbers.SCALE + ")";
  /** Amounts rounded to cents once, as the orders file writes them (estimated_amount). */
  static final String CENTS = "DECIMAL(38,2)";
  /** Decimals a money cell shows at least: the staged lines of earlier versions keep their text. */
  private static final int MONEY_MIN_SCALE = 10;
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private Cells() {}

  static String date(LocalDate d) {
    return d.toString();
  }

  /**
   * A money, quantity or price cell, exactly: at least ten decimals, more where the value has them.
   * A value of more decimals than the column stores is a bug upstream (StoredNumbers turns such
   * inputs down), and fails here: DuckDB would round it silently on load.
   */
  static String money(BigDecimal v) {
    BigDecimal cell = exactly(v);
    if (cell != null && cell.scale() > StoredNumbers.SCALE) {
      throw new IllegalArgumentException("the warehouse cannot store " + cell.toPlainString()
          + " exactly: it has more than " + StoredNumbers.SCALE + " decimals");
    }
    return cell == null ? null : cell.toPlainString();
  }

  /**
   * An amount the core rounded to cents: written at two decimals. One of more is a bug upstream
   * and fails here, as DuckDB would round it silently on load.
   */
  static String cents(BigDecimal v) {
    return v == null ? null : v.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }

  /** An amount of a staged table that is not loaded (run_summary): never rounded, any scale. */
  static String exact(BigDecimal v) {
    BigDecimal cell = exactly(v);
    return cell == null ? null : cell.toPlainString();
  }

  /** The value at ten decimals, or at its own past ten (without trailing zeros). */
  private static BigDecimal exactly(BigDecimal v) {
    if (v == null) {
      return null;
    }
    // the common case first: no division to strip zeros
    BigDecimal s = v.scale() <= MONEY_MIN_SCALE ? v : v.stripTrailingZeros();
    return s.scale() >= MONEY_MIN_SCALE ? s
        : s.setScale(MONEY_MIN_SCALE, RoundingMode.UNNECESSARY);
  }

  static String ratio(BigDecimal v) {
    return v == null ? null : Double.toString(v.doubleValue());
  }

  static String number(Double v) {
    return v == null ? null : Double.toString(v);
  }

  /** A TIMESTAMP (without zone) holds the machine's local time, as JDBC's Timestamp does. */
  static String timestamp(Instant i) {
    return i == null ? null : MICROS.format(i.atZone(ZoneId.systemDefault()));
  }

  static String number(long v) {
    return String.valueOf(v);
  }

  static String number(Integer v) {
    return v == null ? null : v.toString();
  }
}

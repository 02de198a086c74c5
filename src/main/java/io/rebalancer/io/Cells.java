package io.rebalancer.io;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How domain values are written as the text cells of staged warehouse rows (null is SQL NULL). */
final class Cells {
  static final String MONEY = "DECIMAL(38,10)";
  private static final int MONEY_SCALE = 10;
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private Cells() {}

  static String date(LocalDate d) {
    return d.toString();
  }

  /** Money and quantities keep ten decimals in the warehouse: exact for every export we read. */
  static String money(BigDecimal v) {
    return v == null ? null : v.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN).toPlainString();
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

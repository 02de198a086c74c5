package io.rebalancer.core.format;

import java.math.BigDecimal;

/** Numbers as the test writers put them in exports: "$1,234.56", "-1,024.337", decimals kept. */
final class WrittenNumbers {
  private WrittenNumbers() {}

  /** "$1,234.56", "-$12.50". */
  static String money(BigDecimal value) {
    return (value.signum() < 0 ? "-$" : "$") + grouped(value.abs());
  }

  /** "1,024.337", "-100": thousands separators, the number's own decimals kept. */
  static String grouped(BigDecimal value) {
    String plain = value.abs().toPlainString();
    int dot = plain.indexOf('.');
    String whole = dot < 0 ? plain : plain.substring(0, dot);
    StringBuilder out = new StringBuilder(value.signum() < 0 ? "-" : "");
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        out.append(',');
      }
      out.append(whole.charAt(i));
    }
    return out.append(dot < 0 ? "" : plain.substring(dot)).toString();
  }
}

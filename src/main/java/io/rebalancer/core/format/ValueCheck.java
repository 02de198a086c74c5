package io.rebalancer.core.format;

import java.math.BigDecimal;

/**
 * Cross-checks a position's quantity × price against the market value its export also states. A
 * holding is valued at quantity × price downstream, so a row where that product is not the stated
 * value (a bond priced per 100 of face value, an option worth 100 shares per contract) would be
 * valued wrong, silently, by a factor of 100. Such a row is rejected instead.
 */
public final class ValueCheck {
  /** Rounding of the printed price and value: one cent plus 1% of the value. */
  private static final BigDecimal CENT = new BigDecimal("0.01");
  private static final BigDecimal RELATIVE = new BigDecimal("0.01");

  private ValueCheck() {}

  /**
   * Why the row's stated value is not its quantity × price, or null when it is (within rounding),
   * or when any of the three is missing or malformed or the price is negative (the holding's own
   * checks report those).
   */
  public static String problem(String quantityCell, String priceCell, String valueCell) {
    BigDecimal quantity;
    BigDecimal price;
    BigDecimal value;
    try {
      quantity = Numbers.parse(quantityCell);
      price = Numbers.parse(priceCell);
      value = Numbers.parse(valueCell);
    } catch (NumberFormatException e) {
      return null;
    }
    if (quantity == null || price == null || value == null || price.signum() < 0) {
      return null;
    }
    BigDecimal product = quantity.multiply(price);
    BigDecimal tolerance = CENT.add(value.abs().multiply(RELATIVE));
    if (product.subtract(value).abs().compareTo(tolerance) <= 0) {
      return null;
    }
    return "value " + valueCell.trim() + " is not quantity × price (" + product.toPlainString()
        + "): a price per 100 or a contract multiplier is not supported";
  }
}

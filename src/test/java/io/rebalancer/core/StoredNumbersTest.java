package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Which holdings the warehouse stores exactly, and what a rejected one is told. */
class StoredNumbersTest {
  private static Holding holding(String quantity, String price) {
    return new Holding("B1", "A1", "VTI", new BigDecimal(quantity),
        price == null ? null : new BigDecimal(price), "EQUITY", false, "B1", "file:/x.csv", 2);
  }

  @Test
  void eighteenDecimalsFitAndTrailingZerosDoNotCount() {
    assertThat(StoredNumbers.problem(holding("0.123456789012345678", "1")), is(nullValue()));
    assertThat(StoredNumbers.problem(holding("1.5000000000000000000000", "2.00000000000000000000")),
        is(nullValue()));
    // 12 + 6 decimals: the market value has 18
    assertThat(StoredNumbers.problem(holding("0.123456789012", "100.123456")), is(nullValue()));
    assertThat(StoredNumbers.problem(holding("-999999999999999.999999999999999999", "1")),
        is(nullValue()));
    assertThat(StoredNumbers.problem(holding("0", "0")), is(nullValue()));
  }

  @Test
  void aQuantityOfNineteenDecimalsIsNamedWithTheLimit() {
    assertThat(StoredNumbers.problem(holding("1.0000000000000000001", "10")),
        is("quantity 1.0000000000000000001 has 19 decimals; the warehouse stores 18:"
            + " round it in the export"));
    assertThat(StoredNumbers.problem(holding("1", "0.0000000000000000001")),
        is("price 0.0000000000000000001 has 19 decimals; the warehouse stores 18:"
            + " round it in the export"));
  }

  @Test
  void aMarketValueHasTheDecimalsOfBothFactors() {
    // 10 + 9 decimals, each storable, but not their product
    assertThat(StoredNumbers.problem(holding("1.0000000001", "2.000000001")),
        is("market value (quantity × price) 2.0000000012000000001 has 19 decimals;"
            + " the warehouse stores 18: round it in the export"));
  }

  @Test
  void tooManyIntegerDigitsAreNamedWithTheLimit() {
    assertThat(StoredNumbers.problem(holding("1000000000000000", "1")),
        is("quantity 1000000000000000 has 16 integer digits; at most 15 are accepted"
            + " (the warehouse's sums must fit 20)"));
    assertThat(StoredNumbers.problem(holding("100000000", "10000000")),
        is("market value (quantity × price) 1000000000000000 has 16 integer digits; at most 15"
            + " are accepted (the warehouse's sums must fit 20)"));
    // never expanded into a billion digits
    assertThat(StoredNumbers.problem("close", new BigDecimal("1e999999999")),
        is("close 1E+999999999 has 1000000000 integer digits; at most 15 are accepted"
            + " (the warehouse's sums must fit 20)"));
  }

  @Test
  void aHoldingWithoutAPriceYetIsCheckedOnItsQuantityAndAgainOncePriced() {
    Holding unpriced = holding("1.0000000001", null);
    assertThat(StoredNumbers.problem(unpriced), is(nullValue()));
    assertThat(StoredNumbers.problem(unpriced.withPrice(new BigDecimal("2.000000001"))),
        is("market value (quantity × price) 2.0000000012000000001 has 19 decimals;"
            + " the warehouse stores 18: round it in the export"));
  }
}

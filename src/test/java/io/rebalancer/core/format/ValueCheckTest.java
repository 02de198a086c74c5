package io.rebalancer.core.format;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueCheckTest {

  @ParameterizedTest(name = "{0} × {1} matches {2}")
  @CsvSource(delimiter = '|', value = {
      "965.0000 | 1.21   | 1167.6500",
      "18.1817  | 629.30 | 11441.74",   // the product has more decimals than the printed value
      "10.0545  | 266.43 | 2678.82",
      "-20      | 250.10 | -5002.00",   // a short
      "100      | 10.00  | 1009.00",    // within 1% (a price printed rounded)
      "0        | 5.00   | 0.004",      // within a cent
      "''       | 5.00   | 100",        // missing quantity: not this check's to report
      "10       | --     | 100",
      "10       | 5.00   | ''",
      "ten      | 5.00   | 50",         // malformed: the holding's own checks report it
      "10       | -5.00  | 50",         // so is a negative price
  })
  void matchingOrIncompleteValuesPass(String quantity, String price, String value) {
    assertThat(ValueCheck.problem(quantity, price, value), is(nullValue()));
  }

  @ParameterizedTest(name = "{0} × {1} does not match {2}")
  @CsvSource(delimiter = '|', value = {
      "10000 | 98.50 | 9850.00",        // a bond priced per 100 of face value
      "2     | 5.00  | 1000.00",        // an option: 100 shares a contract
      "100   | 10.00 | 1011.00",        // just over 1% and a cent
  })
  void valuesThatAreNotQuantityTimesPriceAreAProblem(String quantity, String price, String value) {
    assertThat(ValueCheck.problem(quantity, price, value) != null, is(true));
  }
}

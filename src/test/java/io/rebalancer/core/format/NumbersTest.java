package io.rebalancer.core.format;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

  /** Parsed exactly, keeping the scale as written: never through a double. */
  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(delimiter = '|', value = {
      "$1,234.56     | 1234.56",
      "(12.50)       | -12.50",
      "-$121.97      | -121.97",
      "-.02          | -0.02",
      "+0.09%        | 0.09",
      "1,000,000     | 1000000",
      "'  42.10  '   | 42.10",
      "($1,234.56)   | -1234.56",
      "0.1           | 0.1",
      "+15           | 15",
      "3.            | 3"
  })
  void parsesNumbersAsExportsWriteThem(String cell, String expected) {
    assertThat(Numbers.parse(cell), equalTo(new BigDecimal(expected)));
  }

  @Test
  void percentIsTheNumberAsWrittenNotAFraction() {
    // "+0.09%" in a change column means 0.09 percent: the number is kept in percent units
    assertThat(Numbers.parse("+0.09%"), equalTo(new BigDecimal("0.09")));
    assertThat(Numbers.parse("-1.5%"), equalTo(new BigDecimal("-1.5")));
  }

  @Test
  void tinyValuesAreExact() {
    // 0.1 + 0.2 as doubles is not 0.3; parsed decimals add up exactly
    assertThat(Numbers.parse("0.1").add(Numbers.parse("0.2")), equalTo(new BigDecimal("0.3")));
  }

  @ParameterizedTest(name = "\"{0}\" is missing")
  @ValueSource(strings = {"--", "N/A", "n/a", "NA", "", "   ", "-", "None", "null"})
  void missingMarkersAreNull(String cell) {
    assertThat(Numbers.parse(cell), is(nullValue()));
    assertThat(Numbers.isMissing(cell), is(true));
  }

  @ParameterizedTest
  @NullSource
  void nullCellIsMissing(String cell) {
    assertThat(Numbers.parse(cell), is(nullValue()));
  }

  @ParameterizedTest(name = "\"{0}\" is not a number")
  @ValueSource(strings = {"abc", "12abc", "1.2.3", "$", ".", "()", "%", "1 2", "USD 5", "--5"})
  void garbageIsANumberFormatException(String cell) {
    NumberFormatException e = assertThrows(NumberFormatException.class, () -> Numbers.parse(cell));

    assertThat(e.getMessage(), containsString("'" + cell.trim() + "'"));
  }

  @ParameterizedTest(name = "\"{0}\" is not a number")
  @ValueSource(strings = {"e5", ".e5"})
  void exponentWithoutDigitsNamesTheCell(String cell) {
    NumberFormatException e = assertThrows(NumberFormatException.class, () -> Numbers.parse(cell));

    assertThat(e.getMessage(), containsString("'" + cell + "'"));
  }

  @Test
  void aNumberIsNotMissing() {
    assertThat(Numbers.isMissing("0"), is(false));
    assertThat(Numbers.isMissing("$0.00"), is(false));
  }
}

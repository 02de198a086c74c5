package io.rebalancer.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void moneyIsCentsHalfEvenWithThousandsCommas() {
    assertThat(Numbers.money(new BigDecimal("1234567.891")), is("1,234,567.89"));
    assertThat(Numbers.money(new BigDecimal("0.125")), is("0.12")); // half-even, as the CSV
    assertThat(Numbers.money(new BigDecimal("-1500")), is("-1,500.00"));
    assertThat(Numbers.money(null), is(""));
  }

  @Test
  void weightsArePercentAndDriftsSignedPoints() {
    assertThat(Numbers.percent(0.371252), is("37.13%"));
    assertThat(Numbers.points(-0.0699), is("-6.99 pts"));
    assertThat(Numbers.points(0.0493), is("+4.93 pts"));
    assertThat(Numbers.points(0.00001), is("0.00 pts")); // no sign on what shows as zero
  }

  @Test
  void quantitiesArePlainWithoutTrailingZeros() {
    assertThat(Numbers.plain(new BigDecimal("150.000000")), is("150"));
    assertThat(Numbers.plain(new BigDecimal("1E+3")), is("1000"));
    assertThat(Numbers.count(1234567), is("1,234,567"));
  }
}

package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebalanceRulesTest {
  private static final BigDecimal TOTAL = new BigDecimal("1000");
  private static final RebalanceRules RULES = RebalanceRules.defaults(); // 5 points, 25%

  private static RebalanceRules fractional(int scale) {
    return new RebalanceRules(new BigDecimal("0.05"), new BigDecimal("0.25"),
        new BigDecimal("100"), false, scale, List.of());
  }

  private static boolean outside(String value, String target) {
    return RULES.outsideBands(new BigDecimal(value), new BigDecimal(target), TOTAL);
  }

  @Test
  void outsideTheAbsoluteBand() {
    assertThat(outside("560", "0.50"), is(true));  // w 0.56, t 0.50: 0.06 > 0.05
    assertThat(outside("440", "0.50"), is(true));  // under weight the same way
  }

  @Test
  void insideBothBands() {
    assertThat(outside("540", "0.50"), is(false)); // 0.04 <= 0.05 and <= 0.125
    assertThat(outside("460", "0.50"), is(false));
  }

  @Test
  void bandEdgesAreInside() {
    assertThat(outside("550", "0.50"), is(false)); // exactly 0.05
    assertThat(outside("50", "0.04"), is(false));  // 0.01 = 0.25 * 0.04
  }

  @Test
  void outsideTheRelativeBandOfASmallTarget() {
    // t 0.04: the relative band is 0.01, tighter than the absolute 0.05
    assertThat(outside("55", "0.04"), is(true));
    assertThat(outside("29", "0.04"), is(true));
    assertThat(outside("48", "0.04"), is(false));
  }

  @Test
  void zeroTargetUsesOnlyTheAbsoluteBand() {
    assertThat(outside("30", "0"), is(false));
    assertThat(outside("60", "0"), is(true));
  }

  @Test
  void restrictedSymbols() {
    RebalanceRules rules = new RebalanceRules(new BigDecimal("0.05"), new BigDecimal("0.25"),
        new BigDecimal("100"), true, 6, List.of("TSLA"));

    assertThat(rules.isRestricted("TSLA"), is(true));
    assertThat(rules.isRestricted("VTI"), is(false));
  }

  @Test
  void floorQuantityToWholeShares() {
    // 1000 / 33 = 30.30...
    assertThat(RULES.floorQuantity(new BigDecimal("1000"), new BigDecimal("33")),
        is(new BigDecimal("30")));
    // 999.99 / 250.00 = 3.99996: rounded down, not to nearest
    assertThat(RULES.floorQuantity(new BigDecimal("999.99"), new BigDecimal("250.00")),
        is(new BigDecimal("3")));
  }

  @Test
  void floorQuantityOfAnExactQuotient() {
    assertThat(RULES.floorQuantity(new BigDecimal("1000.00"), new BigDecimal("250.00")),
        is(new BigDecimal("4")));
  }

  @Test
  void floorQuantityAtTheQuantityScaleForFractionalShares() {
    assertThat(fractional(6).floorQuantity(new BigDecimal("1000"), new BigDecimal("3")),
        is(new BigDecimal("333.333333")));
    // 2/3 = 0.6666...: floor, not half-up
    assertThat(fractional(2).floorQuantity(new BigDecimal("2"), new BigDecimal("3")),
        is(new BigDecimal("0.66")));
  }

  @Test
  void tradeScale() {
    assertThat(RULES.tradeScale(), is(0));
    assertThat(fractional(4).tradeScale(), is(4));
  }

  @Test
  void defaultsAreThoseOfTheSpec() {
    assertThat(RULES, is(new RebalanceRules(new BigDecimal("0.05"), new BigDecimal("0.25"),
        new BigDecimal("100.00"), true, 6, List.of())));
  }

  @Test
  void theBandIsTheNarrowerOfTheTwoAndAgreesWithTheTest() {
    assertThat(RULES.band(new BigDecimal("0.40")), is(new BigDecimal("0.05"))); // 25% of 0.40 is 0.10
    assertThat(RULES.band(new BigDecimal("0.10")), is(new BigDecimal("0.0250"))); // 25% of 0.10
    assertThat(RULES.band(BigDecimal.ZERO), is(BigDecimal.ZERO)); // not in the model: liquidated
    // just inside and just outside the band of a 0.10 target, on a total of 1000
    assertThat(outside("125", "0.10"), is(false));
    assertThat(outside("125.01", "0.10"), is(true));
  }
}

package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskMetricsTest {
  private static final double EPS = 1e-12;

  private static List<ValuePoint> values(String... values) {
    List<ValuePoint> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      out.add(new ValuePoint(LocalDate.of(2025, 3, 3).plusDays(i), new BigDecimal(values[i])));
    }
    return out;
  }

  @Test
  void dailyReturnsAreSimpleReturnsBetweenConsecutiveDates() {
    double[] r = RiskMetrics.dailyReturns(values("100", "110", "99", "108.9"));

    assertThat(r.length, is(3));
    assertThat(r[0], closeTo(0.1, EPS));
    assertThat(r[1], closeTo(-0.1, EPS));
    assertThat(r[2], closeTo(0.1, EPS));
  }

  @Test
  void dailyReturnsAreUndefinedAfterANonPositiveValue() {
    assertThat(RiskMetrics.dailyReturns(values("100", "0", "50")), is(nullValue()));
  }

  @Test
  void sampleStdDevDividesByNMinusOne() {
    // mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, over n - 1 = 7
    double[] v = {2, 4, 4, 4, 5, 5, 7, 9};

    assertThat(RiskMetrics.sampleStdDev(v, 0, v.length), closeTo(Math.sqrt(32.0 / 7.0), EPS));
  }

  @Test
  void sampleStdDevOfASubRange() {
    // [1, 3] of the middle: mean 2, squares 1 + 1, over 1
    double[] v = {100, 1, 3, -100};

    assertThat(RiskMetrics.sampleStdDev(v, 1, 3), closeTo(Math.sqrt(2.0), EPS));
  }

  @Test
  void volatilityIsSampleStdDevOfReturnsTimesRootOf252() {
    // returns 0.006, -0.006, 0.006: mean 0.002, squared deviations sum 24 r^2 / 9, over 2,
    // so std = r * 2 / sqrt(3) and volatility = r * 2 / sqrt(3) * sqrt(252) = r * sqrt(336)
    RiskMetrics m = RiskMetrics.of(values("1000", "1006", "999.964", "1005.963784"));

    assertThat(m.volatility(), closeTo(0.006 * Math.sqrt(336), EPS));
  }

  @Test
  void riskScoreIsCeilingOfVolatilityOverThreePercent() {
    // volatility 0.006 * sqrt(336) = 0.10998, / 0.03 = 3.67
    RiskMetrics m = RiskMetrics.of(values("1000", "1006", "999.964", "1005.963784"));

    assertThat(m.riskScore(), is(4));
  }

  @Test
  void maxDrawdownIsTheLargestFallFromTheRunningPeak() {
    // peaks 100, 120, 120, 130, 130: falls 0, 0, 0.25, 0, 0.5
    RiskMetrics m = RiskMetrics.of(values("100", "120", "90", "130", "65"));

    assertThat(m.maxDrawdown(), closeTo(0.5, EPS));
  }

  @Test
  void drawdownIsMeasuredFromEarlierPeaksOnly() {
    // 80 is 20% below the earlier 100, not 1/3 below the later 120
    RiskMetrics m = RiskMetrics.of(values("100", "80", "120"));

    assertThat(m.maxDrawdown(), closeTo(0.2, EPS));
  }

  @Test
  void drawdownsPerDate() {
    double[] d = RiskMetrics.drawdowns(values("100", "120", "90", "130", "65"));

    assertThat(d.length, is(5));
    assertThat(d[0], closeTo(0, EPS));
    assertThat(d[1], closeTo(0, EPS));
    assertThat(d[2], closeTo(0.25, EPS));
    assertThat(d[3], closeTo(0, EPS));
    assertThat(d[4], closeTo(0.5, EPS));
  }

  @Test
  void flatSeriesHasZeroVolatilityZeroDrawdownAndScoreOne() {
    RiskMetrics m = RiskMetrics.of(values("500", "500", "500"));

    assertThat(m.volatility(), closeTo(0, EPS));
    assertThat(m.maxDrawdown(), closeTo(0, EPS));
    assertThat(m.riskScore(), is(1));
  }

  @Test
  void scoreIsClampedBetweenOneAndTen() {
    assertThat(RiskMetrics.score(0.0), is(1));
    assertThat(RiskMetrics.score(0.001), is(1));
    assertThat(RiskMetrics.score(0.031), is(2));
    assertThat(RiskMetrics.score(0.25), is(9));
    assertThat(RiskMetrics.score(0.31), is(10));
    assertThat(RiskMetrics.score(5.0), is(10));
  }

  @Test
  void highVolatilitySeriesScoresTen() {
    // returns 0.1, -0.1, 0.1: volatility 0.1 * sqrt(336) = 1.83
    RiskMetrics m = RiskMetrics.of(values("100", "110", "99", "108.9"));

    assertThat(m.volatility(), closeTo(0.1 * Math.sqrt(336), EPS));
    assertThat(m.riskScore(), is(10));
  }

  @Test
  void fewerThanThreeDatesGiveNoFigures() {
    assertThat(RiskMetrics.of(values("100", "110")), is(new RiskMetrics(null, null, null)));
    assertThat(RiskMetrics.of(values("100")), is(new RiskMetrics(null, null, null)));
    assertThat(RiskMetrics.of(List.of()), is(new RiskMetrics(null, null, null)));
  }

  @Test
  void threeDatesAreEnough() {
    RiskMetrics m = RiskMetrics.of(values("100", "110", "99"));

    // returns 0.1 and -0.1: std sqrt(0.02)
    assertThat(m.volatility(), closeTo(Math.sqrt(0.02) * Math.sqrt(252), EPS));
    assertThat(m.maxDrawdown(), closeTo(0.1, EPS));
  }

  @Test
  void aZeroValueGivesNoFigures() {
    assertThat(RiskMetrics.of(values("0", "0", "0")), is(RiskMetrics.NONE));
  }
}

package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesAnalyticsTest {
  private static final LocalDate D0 = LocalDate.of(2026, 1, 1);

  private static List<ValuePoint> series(String... values) {
    List<ValuePoint> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      out.add(new ValuePoint(D0.plusDays(i), new BigDecimal(values[i])));
    }
    return out;
  }

  @Test
  void returnsCumulativeReturnsAndDrawdownsByHand() {
    // 100 -> 110 (+10%) -> 99 (-10%) -> 121 (+22.2..%)
    List<SeriesPoint> s = SeriesAnalytics.of(series("100", "110", "99", "121"));
    assertThat(s.get(0).dailyReturn(), is(nullValue()));
    assertThat(s.get(1).dailyReturn(), closeTo(0.10, 1e-15));
    assertThat(s.get(2).dailyReturn(), closeTo(-0.10, 1e-15));
    assertThat(s.get(3).dailyReturn(), closeTo(22.0 / 99, 1e-15));
    assertThat(s.get(2).cumulativeReturn(), closeTo(-0.01, 1e-15));
    assertThat(s.get(3).cumulativeReturn(), closeTo(0.21, 1e-15));
    assertThat(s.get(0).drawdown(), is(0.0));
    assertThat(s.get(2).drawdown(), closeTo(0.10, 1e-15)); // 99 against the peak 110
    assertThat(s.get(3).drawdown(), is(0.0));
    assertThat(s.get(3).rollingVolatility(), is(nullValue()));
  }

  @Test
  void rollingVolatilityStartsAtTheThirtiethReturn() {
    // Alternating +1% / -1% returns: values 100, 101, 99.99, ...
    List<String> values = new ArrayList<>();
    BigDecimal v = new BigDecimal("100");
    for (int i = 0; i <= 31; i++) {
      values.add(v.toPlainString());
      v = v.multiply(i % 2 == 0 ? new BigDecimal("1.01") : new BigDecimal("0.99"));
    }
    List<SeriesPoint> s = SeriesAnalytics.of(series(values.toArray(String[]::new)));
    assertThat(s.get(29).rollingVolatility(), is(nullValue()));
    // 30 returns, 15 of +0.01 and 15 of -0.01: mean 0, sample variance 30 * 0.0001 / 29.
    double expected = Math.sqrt(30 * 0.0001 / 29) * Math.sqrt(252);
    assertThat(s.get(30).rollingVolatility(), closeTo(expected, 1e-12));
    assertThat(s.get(31).rollingVolatility(), closeTo(expected, 1e-12));
  }

  @Test
  void noSeriesWithoutAPositiveStart() {
    assertThat(SeriesAnalytics.of(series("0", "10")), is(empty()));
    assertThat(SeriesAnalytics.of(List.of()), is(empty()));
  }
}

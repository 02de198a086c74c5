package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ValueSeriesTest {
  private static final LocalDate D1 = LocalDate.of(2025, 6, 2);
  private static final LocalDate D2 = D1.plusDays(1);
  private static final LocalDate D3 = D1.plusDays(2);
  private static final LocalDate D4 = D1.plusDays(3);
  private static final LocalDate D5 = D1.plusDays(4);

  /** AAA has no close on D4, BBB none on D2; CCC closes on D2 only. */
  private static final PriceBook PRICES = new PriceBook(List.of(
      new PriceSeries("AAA", List.of(close(D1, "10"), close(D2, "11"), close(D3, "12"),
          close(D5, "14"))),
      new PriceSeries("BBB", List.of(close(D1, "20"), close(D3, "22"), close(D4, "23"),
          close(D5, "24"))),
      new PriceSeries("CCC", List.of(close(D2, "7")))));

  private static PricePoint close(LocalDate date, String close) {
    return new PricePoint(date, new BigDecimal(close));
  }

  private static ValuePoint point(LocalDate date, String value) {
    return new ValuePoint(date, new BigDecimal(value));
  }

  private static Map<String, BigDecimal> quantities(Object... symbolAndQuantity) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (int i = 0; i < symbolAndQuantity.length; i += 2) {
      out.put((String) symbolAndQuantity[i], new BigDecimal((String) symbolAndQuantity[i + 1]));
    }
    return out;
  }

  @Test
  void valuesOnlyTheDatesOnWhichEveryHeldSymbolCloses() {
    List<ValuePoint> s = ValueSeries.of(quantities("AAA", "2", "BBB", "1"),
        new BigDecimal("100"), PRICES);

    // D1: 100 + 2*10 + 20; D3: 100 + 2*12 + 22; D5: 100 + 2*14 + 24. D2 and D4 have gaps.
    assertThat(s, contains(point(D1, "140"), point(D3, "146"), point(D5, "152")));
  }

  @Test
  void cashIsTheSameOnEveryDate() {
    List<ValuePoint> s = ValueSeries.of(quantities("AAA", "1"), new BigDecimal("1000.50"), PRICES);

    assertThat(s, contains(point(D1, "1010.50"), point(D2, "1011.50"), point(D3, "1012.50"),
        point(D5, "1014.50")));
  }

  @Test
  void cashOnlyAccountIsValuedOnEveryDateOfTheHistory() {
    List<ValuePoint> s = ValueSeries.of(quantities(), new BigDecimal("500"), PRICES);

    assertThat(s, contains(point(D1, "500"), point(D2, "500"), point(D3, "500"),
        point(D4, "500"), point(D5, "500")));
  }

  @Test
  void heldSymbolWithoutAnySeriesGivesAnEmptySeries() {
    assertThat(ValueSeries.of(quantities("AAA", "2", "ZZZ", "1"), BigDecimal.ZERO, PRICES),
        is(empty()));
  }

  @Test
  void symbolWithZeroQuantityIsIgnored() {
    List<ValuePoint> s = ValueSeries.of(quantities("CCC", "0", "ZZZ", "0", "BBB", "3"),
        BigDecimal.ZERO, PRICES);

    assertThat(s, contains(point(D1, "60"), point(D3, "66"), point(D4, "69"), point(D5, "72")));
  }

  @Test
  void symbolsWithNoCommonDateGiveAnEmptySeries() {
    assertThat(ValueSeries.of(quantities("BBB", "1", "CCC", "1"), BigDecimal.ZERO, PRICES),
        is(empty()));
  }

  @Test
  void singleCommonDate() {
    List<ValuePoint> s = ValueSeries.of(quantities("AAA", "1", "CCC", "3"), BigDecimal.ZERO,
        PRICES);

    assertThat(s, contains(point(D2, "32")));
  }

  @Test
  void emptyPriceBookGivesAnEmptySeries() {
    assertThat(ValueSeries.of(quantities(), new BigDecimal("10"), PriceBook.empty()), is(empty()));
  }

  @Test
  void doubleValuesGiveWayToTheExactSeriesWhenAValueNearsZeroEvenAcrossAGap() {
    // AAA misses D4; cash -12 takes the value through zero on D3: the exact series must decide
    assertThat(ValueSeries.values(quantities("AAA", "1"), new BigDecimal("-12"), PRICES),
        is(nullValue()));
  }

  @Test
  void doubleValuesAreTheExactSeriesOnTheSameDates() {
    double[] values = ValueSeries.values(quantities("AAA", "2", "BBB", "1"),
        new BigDecimal("5"), PRICES);
    List<ValuePoint> exact = ValueSeries.of(quantities("AAA", "2", "BBB", "1"),
        new BigDecimal("5"), PRICES);
    assertThat(values.length, is(exact.size()));
    for (int i = 0; i < values.length; i++) {
      assertThat(values[i], is(exact.get(i).value().doubleValue()));
    }
  }

}

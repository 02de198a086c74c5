package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PriceSeries and the PriceBook that holds them. */
class PriceBookTest {
  private static final LocalDate JAN2 = LocalDate.of(2025, 1, 2);
  private static final LocalDate JAN3 = LocalDate.of(2025, 1, 3);
  private static final LocalDate JAN6 = LocalDate.of(2025, 1, 6);

  private static PricePoint close(LocalDate date, String close) {
    return new PricePoint(date, new BigDecimal(close));
  }

  @Test
  void seriesSortsItsPointsByDate() {
    PriceSeries s = new PriceSeries("VTI",
        List.of(close(JAN6, "252.10"), close(JAN2, "250.00"), close(JAN3, "251.30")));

    assertThat(s.points().stream().map(PricePoint::date).toList(), contains(JAN2, JAN3, JAN6));
  }

  @Test
  void latestCloseIsTheCloseOfTheLastDateWhateverTheInputOrder() {
    PriceSeries s = new PriceSeries("VTI",
        List.of(close(JAN6, "252.10"), close(JAN2, "250.00"), close(JAN3, "251.30")));

    assertThat(s.latestClose(), is(Optional.of(new BigDecimal("252.10"))));
  }

  @Test
  void emptySeriesHasNoLatestClose() {
    assertThat(new PriceSeries("VTI", List.of()).latestClose(), is(Optional.empty()));
  }

  @Test
  void closeOnIsTheCloseOfExactlyThatDate() {
    PriceSeries s = new PriceSeries("VTI",
        List.of(close(JAN2, "250.00"), close(JAN3, "251.30"), close(JAN6, "252.10")));

    assertThat(s.closeOn(JAN2), is(new BigDecimal("250.00")));
    assertThat(s.closeOn(JAN3), is(new BigDecimal("251.30")));
    assertThat(s.closeOn(JAN6), is(new BigDecimal("252.10")));
  }

  @Test
  void closeOnADateWithoutCloseIsNull() {
    PriceSeries s = new PriceSeries("VTI", List.of(close(JAN2, "250.00"), close(JAN6, "252.10")));

    assertThat(s.closeOn(JAN3), is(nullValue()));            // a gap
    assertThat(s.closeOn(JAN2.minusDays(1)), is(nullValue())); // before the first
    assertThat(s.closeOn(JAN6.plusDays(1)), is(nullValue()));  // after the last
  }

  @Test
  void twoClosesOnOneDateAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PriceSeries("VTI", List.of(close(JAN2, "1"), close(JAN3, "2"), close(JAN2, "3"))));

    assertThat(e.getMessage(), containsString("VTI"));
    assertThat(e.getMessage(), containsString("2025-01-02"));
  }

  @Test
  void bookGivesEachSymbolsLatestClose() {
    PriceBook book = new PriceBook(List.of(
        new PriceSeries("VTI", List.of(close(JAN2, "250.00"), close(JAN3, "251.30"))),
        new PriceSeries("BND", List.of(close(JAN2, "72.50")))));

    assertThat(book.latestClose("VTI"), is(Optional.of(new BigDecimal("251.30"))));
    assertThat(book.latestClose("BND"), is(Optional.of(new BigDecimal("72.50"))));
    assertThat(book.latestClose("XYZ"), is(Optional.empty()));
  }

  @Test
  void bookDatesAreEveryDateWithAnyCloseOldestFirst() {
    PriceBook book = new PriceBook(List.of(
        new PriceSeries("VTI", List.of(close(JAN6, "1"), close(JAN2, "1"))),
        new PriceSeries("BND", List.of(close(JAN3, "1"), close(JAN2, "1")))));

    assertThat(book.dates(), contains(JAN2, JAN3, JAN6));
  }

  @Test
  void bookListsSeriesInSymbolOrder() {
    PriceSeries vti = new PriceSeries("VTI", List.of(close(JAN2, "1")));
    PriceSeries bnd = new PriceSeries("BND", List.of(close(JAN2, "2")));
    PriceBook book = new PriceBook(List.of(vti, bnd));

    assertThat(book.series(), contains(bnd, vti));
    assertThat(book.seriesOf("VTI"), is(vti));
    assertThat(book.seriesOf("XYZ"), is(nullValue()));
  }

  @Test
  void bookRefusesTwoSeriesOfOneSymbol() {
    assertThrows(IllegalArgumentException.class, () -> new PriceBook(List.of(
        new PriceSeries("VTI", List.of(close(JAN2, "1"))),
        new PriceSeries("VTI", List.of(close(JAN3, "1"))))));
  }

  @Test
  void emptyBook() {
    PriceBook book = PriceBook.empty();

    assertThat(book.isEmpty(), is(true));
    assertThat(book.dates().isEmpty(), is(true));
    assertThat(book.latestClose("VTI"), is(Optional.empty()));
  }
}

package io.rebalancer.core.format;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderColumnsTest {
  private static final HeaderColumns HEADER =
      new HeaderColumns(List.of("Symbol", "Qty (Shares)", "Account #", "Last Price", "ASSET_CLASS"));

  @Test
  void matchesIgnoringCaseSpacesAndPunctuation() {
    assertThat(HEADER.find("qty shares"), is(1));
    assertThat(HEADER.find("account"), is(2));
    assertThat(HEADER.find("last_price"), is(3));
    assertThat(HEADER.find("Asset Class"), is(4));
  }

  @Test
  void anyAliasMatches() {
    assertThat(HEADER.find("ticker", "symbol"), is(0));
  }

  @Test
  void firstMatchingAliasWinsOverColumnOrder() {
    HeaderColumns h = new HeaderColumns(List.of("Ticker", "Symbol"));

    assertThat(h.find("symbol", "ticker"), is(1));
    assertThat(h.find("ticker", "symbol"), is(0));
  }

  @Test
  void noMatchIsMinusOne() {
    assertThat(HEADER.find("currency"), is(-1));
    assertThat(HEADER.find(), is(-1));
  }

  @Test
  void partialNamesDoNotMatch() {
    assertThat(HEADER.find("price"), is(-1));
    assertThat(HEADER.find("qty"), is(-1));
  }

  @Test
  void size() {
    assertThat(HEADER.size(), is(5));
  }

  @Test
  void normalize() {
    assertThat(HeaderColumns.normalize(" Market Value ($) "), is("marketvalue"));
    assertThat(HeaderColumns.normalize("account_id"), is("accountid"));
  }
}

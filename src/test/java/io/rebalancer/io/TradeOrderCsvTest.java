package io.rebalancer.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import io.rebalancer.core.Side;
import io.rebalancer.core.TradeOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TradeOrderCsvTest {
  private static final LocalDate RUN = LocalDate.of(2025, 11, 28);

  @Test
  void headerIsTheSpecsColumns() {
    assertThat(String.join(",", TradeOrderCsv.HEADER), is("run_date,order_id,household_id,"
        + "brokerage_id,account_id,symbol,side,quantity,price,estimated_amount,current_weight,"
        + "target_weight,reason"));
  }

  @Test
  void cellsOfAnOrder() {
    TradeOrder o = new TradeOrder("SMITH", "BROKERAGE_001", "XXXX-1234", "VTI", Side.BUY,
        new BigDecimal("12.000"), new BigDecimal("250.1000"), new BigDecimal("0.3512345678"),
        new BigDecimal("0.40"), "drift");

    List<String> cells = TradeOrderCsv.cells(RUN, o);

    assertThat(cells.size(), is(13));
    assertThat(cells.get(1), matchesPattern("20251128-[0-9a-f]{16}"));
    assertThat(cells.subList(2, 13), contains("SMITH", "BROKERAGE_001", "XXXX-1234", "VTI",
        "BUY", "12", "250.1", "3001.20", "0.351235", "0.400000", "drift"));
    assertThat(cells.get(0), is("2025-11-28"));
  }

  @ParameterizedTest(name = "{0} is written {1}")
  @CsvSource({
      "10,          10",
      "10.000,      10",
      "1E+2,        100",
      "1.5E+3,      1500",
      "0.5000,      0.5",
      "117.42,      117.42",
      "0.000001,    0.000001",
      "1E-7,        0.0000001"
  })
  void plainDecimals(String value, String written) {
    assertThat(TradeOrderCsv.plain(new BigDecimal(value)), is(written));
  }

  @ParameterizedTest(name = "{0} is written {1}")
  @CsvSource({
      "0.4,            0.400000",
      "0.123456789,    0.123457",
      "0.0000005,      0.000000",
      "0.0000015,      0.000002",
      "0.0000025,      0.000002",
      "0.33333350001,  0.333334",
      "1,              1.000000",
      "0,              0.000000"
  })
  void weightsHaveSixDecimalsRoundedHalfEven(String weight, String written) {
    assertThat(TradeOrderCsv.weight(new BigDecimal(weight)), is(written));
  }

  @ParameterizedTest(name = "\"{0}\" is defused")
  @ValueSource(strings = {"=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd"})
  void formulaLikeTextGetsALeadingQuote(String text) {
    assertThat(TradeOrderCsv.safe(text), is("'" + text));
  }

  @ParameterizedTest(name = "\"{0}\" is left alone")
  @ValueSource(strings = {"", "VTI", "XXXX-1234", "a=b", " =x", "'quoted"})
  void otherTextIsLeftAlone(String text) {
    assertThat(TradeOrderCsv.safe(text), is(text));
  }

  @Test
  void everyTextCellOfAnOrderIsDefused() {
    TradeOrder o = new TradeOrder("=HH", "+B", "-123", "@X", Side.SELL, BigDecimal.ONE,
        BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO, "=cmd|'/c calc'!A0");

    List<String> cells = TradeOrderCsv.cells(RUN, o);

    assertThat(cells.subList(2, 6), contains("'=HH", "'+B", "'-123", "'@X"));
    assertThat(cells.get(12), is("'=cmd|'/c calc'!A0"));
  }

  @Test
  void formatEndsRecordsWithCrlf() {
    assertThat(TradeOrderCsv.FORMAT.getRecordSeparator(), is("\r\n"));
  }
}

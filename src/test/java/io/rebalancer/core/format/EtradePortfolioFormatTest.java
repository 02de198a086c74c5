package io.rebalancer.core.format;

import static io.rebalancer.core.format.RecordingSink.fixture;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.Holding;
import io.rebalancer.core.InputException;
import io.rebalancer.core.RejectedRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EtradePortfolioFormatTest {
  private static final String URI = "/data/BROKERAGE_004/PortfolioDownload.csv";
  private static final SourceFile FILE = new SourceFile("BROKERAGE_004", URI, null);
  private static final String POSITIONS_HEADER = "Symbol,Last Price $,Change $,Change %,Quantity,"
      + "Price Paid $,Day's Gain $,Total Gain $,Total Gain %,Value $\n";
  /** Lines 1-5: a one-account summary, a blank line and the positions header. */
  private static final String PREFIX = "Account Summary\nAccount,Net Account Value\n"
      + "\"Individual Brokerage -2203\",100.00\n\n" + POSITIONS_HEADER;

  private static RecordingSink read(SourceFile file, String text) {
    return RecordingSink.read(ExportFormats.builtIn("etrade-portfolio").orElseThrow(), file,
        text);
  }

  private static Holding position(String account, String symbol, String quantity, String price,
      long line) {
    return new Holding("BROKERAGE_004", account, symbol, new BigDecimal(quantity),
        price == null ? null : new BigDecimal(price), "UNCLASSIFIED", false, "BROKERAGE_004", URI,
        line);
  }

  private static Holding cash(String account, String amount, long line) {
    return new Holding("BROKERAGE_004", account, "CASH", new BigDecimal(amount), BigDecimal.ONE,
        "CASH", true, "BROKERAGE_004", URI, line);
  }

  /** The one rejected row of a file of PREFIX and this single position row (line 6). */
  private static RejectedRow rejectionOf(String dataRow) {
    RecordingSink sink = read(FILE, PREFIX + dataRow + "\n");
    assertThat(sink.holdings, is(empty()));
    assertThat(sink.rejected, hasSize(1));
    RejectedRow r = sink.rejected.get(0);
    assertThat(r.lineNumber(), is(6L));
    assertThat(r.rawLine(), is(dataRow));
    return r;
  }

  @Test
  void readsTheExportAsDownloaded() {
    RecordingSink sink = read(FILE, fixture(getClass(), "PortfolioDownload.csv"));

    assertThat(sink.holdings, contains(
        position("2203", "LCTX", "965.0000", "1.21", 12),
        position("2203", "SCHB", "1000.0000", "37.76", 13),
        position("2203", "VTI", "465.0000", "274.61", 14),
        cash("2203", "7096.82", 15)));
    assertThat(sink.recognised, contains("1:account summary title", "2:account summary header",
        "3:account summary 2203", "4:blank", "5:blank", "6:positions view title",
        "7:filters title", "8:filters header", "9:filter", "10:blank", "11:positions header",
        "16:total", "17:blank", "18:footer"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void readsAShortPositionMissingCellsAndDecimalsWithoutLeadingZero() {
    RecordingSink sink = read(FILE, fixture(getClass(), "PortfolioDownload-short.csv"));

    assertThat(sink.holdings, contains(
        position("7781", "TSLA", "-20.0000", "250.10", 11),
        position("7781", "GME", "150.0000", null, 12),
        position("7781", "XYZ", "0.0000", "0.85", 13),
        cash("7781", "57014.40", 14)));
    assertThat(sink.recognised, contains("1:account summary title", "2:account summary header",
        "3:account summary 7781", "4:blank", "5:positions view title", "6:filters title",
        "7:filters header", "8:filter", "9:blank", "10:positions header", "15:total", "16:blank",
        "17:footer"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void withoutAccountSummaryTheAccountIsTheSources() {
    SourceFile file = new SourceFile("BROKERAGE_004", URI, "XXXX-2203");

    RecordingSink sink = read(file, fixture(getClass(), "PortfolioDownload-no-summary.csv"));

    assertThat(sink.holdings, contains(
        position("XXXX-2203", "AAPL", "12.0000", "266.43", 7),
        cash("XXXX-2203", "1200.00", 8)));
    assertThat(sink.recognised, contains("1:positions view title", "2:filters title",
        "3:filters header", "4:filter", "5:blank", "6:positions header", "9:total", "10:blank",
        "11:footer"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void severalAccountsEachUnderItsLabelLine() {
    RecordingSink sink = read(FILE, fixture(getClass(), "PortfolioDownload-accounts.csv"));

    assertThat(sink.holdings, contains(
        position("2203", "SCHB", "1000.0000", "37.76", 14),
        cash("2203", "100.00", 15),
        position("4455", "VTI", "50.0000", "274.61", 20),
        cash("4455", "50.00", 21)));
    assertThat(sink.recognised, contains("1:account summary title", "2:account summary header",
        "3:account summary 2203", "4:account summary 4455", "5:account summary total", "6:blank",
        "7:positions view title", "8:filters title", "9:filters header", "10:filter", "11:blank",
        "12:account label 2203", "13:positions header", "16:total", "17:blank",
        "18:account label 4455", "19:positions header", "22:total", "23:blank", "24:footer"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void summaryHeaderWithoutItsTitleStartsTheSummary() {
    RecordingSink sink = read(FILE, "Account,Net Account Value\nBrokerage -2203,100\n"
        + POSITIONS_HEADER + "VTI,274.61,,,2,,,,,549.22\n");

    assertThat(sink.recognised, contains("1:account summary header", "2:account summary 2203",
        "3:positions header"));
    assertThat(sink.holdings, contains(position("2203", "VTI", "2", "274.61", 4)));
  }

  @Test
  void accountIdIsTheSuffixAfterTheLastDash() {
    assertThat(EtradePortfolioFormat.accountId("Individual Brokerage -2203"), is("2203"));
    assertThat(EtradePortfolioFormat.accountId(" Rollover IRA - 7781 "), is("7781"));
    assertThat(EtradePortfolioFormat.accountId("Joint-Trust -A12"), is("A12"));
    assertThat(EtradePortfolioFormat.accountId("Brokerage"), is("Brokerage"));
  }

  @Test
  void accountColumnNamesEachPositionsAccount() {
    RecordingSink sink = read(FILE, "Account,Symbol,Last Price,Quantity,Value\n"
        + "Brokerage -1111,VTI,274.61,2,549.22\nIRA -2222,CASH,,,10.00\n");

    assertThat(sink.holdings, contains(position("1111", "VTI", "2", "274.61", 2),
        cash("2222", "10.00", 3)));
  }

  @Test
  void columnsAreFoundByMeaningInOtherYearsHeaders() {
    RecordingSink sink = read(FILE, "Account Summary\nAccount,Net Account Value\n"
        + "Brokerage -2203,100\nVALUE $,QTY,SYMBOL,LAST PRICE $\n549.22,2,VTI,274.61\n");

    assertThat(sink.holdings, contains(position("2203", "VTI", "2", "274.61", 5)));
  }

  @Test
  void textAfterTheTotalIsRecognised() {
    RecordingSink sink =
        read(FILE, PREFIX + "TOTAL,,,,1,2,3\n\"Prices are delayed, see terms\"\n");

    assertThat(sink.recognised, contains("1:account summary title", "2:account summary header",
        "3:account summary 2203", "4:blank", "5:positions header", "6:total", "7:text line"));
  }

  @Test
  void rejectsRowOutsideTheTables() {
    RecordingSink sink = read(FILE, PREFIX + "TOTAL,,,,1,2,3\nVTI,274.61,,,2,,,,,549.22\n");

    assertThat(sink.rejections(),
        contains("7:row outside the account summary and positions tables"));
  }

  @Test
  void rejectsSummaryRowWithoutAccount() {
    RecordingSink sink = read(FILE, "Account Summary\nAccount,Net Account Value\n,100.00\n");

    assertThat(sink.rejections(), contains("3:account summary row without an account"));
  }

  @Test
  void rejectsPositionWhenSeveralAccountsAndNoLabel() {
    RecordingSink sink = read(FILE, "Account Summary\nAccount,Net Account Value\n"
        + "Brokerage -2203,1\nIRA -4455,2\n" + POSITIONS_HEADER + "VTI,274.61,,,2,,,,,549.22\n");

    assertThat(sink.rejections(), contains("6:the account summary lists several accounts "
        + "(2203, 4455) and no account label precedes this position"));
  }

  @Test
  void rejectsMissingSymbol() {
    assertThat(rejectionOf(",274.61,,,2,,,,,549.22").reason(), is("missing symbol"));
  }

  @Test
  void rejectsBadQuantity() {
    assertThat(rejectionOf("VTI,274.61,,,2..0,,,,,549.22").reason(),
        is("quantity '2..0' is not a number"));
  }

  @Test
  void rejectsMissingQuantity() {
    assertThat(rejectionOf("VTI,274.61,,,--,,,,,549.22").reason(), is("missing quantity"));
  }

  @Test
  void rejectsBadPrice() {
    assertThat(rejectionOf("VTI,n.a.,,,2,,,,,549.22").reason(), is("price 'n.a.' is not a number"));
  }

  @Test
  void rejectsNegativePrice() {
    assertThat(rejectionOf("VTI,-274.61,,,2,,,,,549.22").reason(), is("negative price -274.61"));
  }

  @Test
  void rejectsPositionWhoseValueIsNotQuantityTimesPrice() {
    // An option contract is worth 100 shares: its value is quantity × price × 100.
    assertThat(rejectionOf("AAPL Jan 16 '26 $250 Call,5.00,,,2,,,,,1000.00").reason(),
        is("value 1000.00 is not quantity × price (10.00): a price per 100 or a contract "
        + "multiplier is not supported"));
  }

  @Test
  void rejectsBadCashAmount() {
    assertThat(rejectionOf("CASH,,,,,,,,,7O96.82,").reason(),
        is("cash amount '7O96.82' is not a number"));
  }

  @Test
  void rejectsCashWithoutAmount() {
    assertThat(rejectionOf("CASH,,,,,,,,,--,").reason(), is("missing cash amount"));
  }

  @Test
  void rejectsPositionWithoutAccountWhenTheSourceSetsNone() {
    RecordingSink sink = read(FILE, "Account,Symbol,Last Price,Quantity,Value\n"
        + ",VTI,274.61,2,549.22\n");

    assertThat(sink.rejected, hasSize(1));
    assertThat(sink.rejected.get(0).reason(), containsString("no account id"));
  }

  @Test
  void positionsHeaderWithoutValueIsAnError() {
    InputException e = assertThrows(InputException.class, () -> read(FILE,
        "Account Summary\nAccount,Net Account Value\nBrokerage -1,1\n"
            + "Symbol,Last Price $,Quantity\n"));

    assertThat(e.getMessage(), allOf(containsString("BROKERAGE_004"), containsString(URI),
        containsString("line 4"), containsString("Value $")));
  }

  @Test
  void fileWithoutAnyAccountIsAnError() {
    InputException e = assertThrows(InputException.class,
        () -> read(FILE, fixture(getClass(), "PortfolioDownload-no-summary.csv")));

    assertThat(e.getMessage(), allOf(containsString(URI), containsString("line 6"),
        containsString("names no account")));
  }

  @Test
  void roundTripKeepsEveryHolding() {
    List<Holding> written = randomBook(new Random(20260820), 30);

    RecordingSink sink = read(FILE, write("2203", written));

    assertThat(sink.rejected, is(empty()));
    assertThat(sink.holdings.stream().map(RecordingSink::essentials).toList(),
        is(written.stream().map(RecordingSink::essentials).toList()));
  }

  /** Long and short positions of one account, then its cash, as E*TRADE lists them. */
  private static List<Holding> randomBook(Random random, int count) {
    List<Holding> book = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String symbol = "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26))
          + (char) ('A' + random.nextInt(26));
      BigDecimal quantity = BigDecimal.valueOf(random.nextInt(2_000_000) - 200_000, 4);
      BigDecimal price = BigDecimal.valueOf(random.nextInt(100_000), 2);
      book.add(position("2203", symbol, quantity.toPlainString(), price.toPlainString(), 0));
    }
    book.add(cash("2203", BigDecimal.valueOf(random.nextInt(10_000_000), 2).toPlainString(), 0));
    return book;
  }

  /** A PortfolioDownload.csv of one account's holdings (the last one its cash). */
  private static String write(String account, List<Holding> holdings) {
    StringBuilder out = new StringBuilder("Account Summary\n")
        .append("Account,Net Account Value,Total Gain $,Total Gain %,Day's Gain Unrealized $,"
            + "Day's Gain Unrealized %,Available For Withdrawal,Cash Purchasing Power\n")
        .append("\"Individual Brokerage -").append(account).append("\",1,0,0,0,0,0,0\n\n\n")
        .append("View Summary - All Positions\nFilters applied: \n")
        .append("Symbol,Security type(s),Sort by,Sort order,\n,All,Symbol,Asc,\n\n")
        .append(POSITIONS_HEADER);
    BigDecimal total = BigDecimal.ZERO;
    for (Holding h : holdings) {
      BigDecimal value = h.marketValue();
      total = total.add(value);
      if (h.cash()) {
        out.append("CASH,,,,,,,,,").append(value.toPlainString()).append(",\n");
      } else {
        out.append(String.join(",", h.symbol(), plain(h.price()), "--", "--",
            plain(h.quantity()), "--", "--", "--", "--", value.toPlainString())).append('\n');
      }
    }
    return out.append("TOTAL,,,,").append(total.toPlainString()).append(",0,0,0,")
        .append(total.toPlainString()).append(",\n\nGenerated at Aug 20 2026 11:42 AM ET\n")
        .toString();
  }

  /** E*TRADE drops the leading zero: 0.85 is written .85, -0.5 as -.5. */
  private static String plain(BigDecimal n) {
    return n.toPlainString().replaceFirst("^(-?)0\\.", "$1.");
  }

  // As-of dates and stated totals, for the pipeline's age and reconciliation checks.

  @Test
  void theFooterStatesWhenTheFileWasGenerated() {
    RecordingSink sink = read(FILE, fixture(getClass(), "PortfolioDownload.csv"));
    assertThat(sink.asOf(), is("2026-08-20 11:42 line 18"));
    assertThat(sink.asOfs.get(0).text(), is("Generated at Aug 20 2026 11:42 AM ET"));
    assertThat(generated("Generated at Aug 20, 2026 at 11:42:05 PM EDT"),
        is("2026-08-20 23:42:05 line 8"));
    assertThat(generated("Generated at August 3 2026 9:05 am ET"), is("2026-08-03 09:05 line 8"));
    assertThat(generated("Generated at Sep 1 2026"), is("2026-09-01 - line 8"));
  }

  private static String generated(String footer) {
    return read(FILE, PREFIX + "CASH,,,,,,,,,100.00,\n\n" + footer + "\n").asOf();
  }

  @Test
  void aGenerationTimeThatCannotBeReadStopsTheRun() {
    for (String footer : List.of("Generated at Agu 20 2026 11:42 AM ET",
        "Generated at Feb 30 2026 11:42 AM ET", "Generated at noon")) {
      InputException e = assertThrows(InputException.class, () -> generated(footer));
      assertThat(e.getMessage(), is("source BROKERAGE_004: " + URI + ": line 8: cannot read the"
          + " date in '" + footer + "'"));
    }
  }

  @Test
  void aFileWithoutTheFooterStatesNoDate() {
    assertThat(read(FILE, PREFIX + "CASH,,,,,,,,,100.00,\n").asOfs, is(empty()));
  }

  @Test
  void theNetAccountValueAndTheTotalRowAreBothStatedWithCash() {
    RecordingSink sink = read(FILE, fixture(getClass(), "PortfolioDownload.csv"));
    assertThat(sink.totals(), contains("2203|Net Account Value|169664.71|with cash|3",
        "2203|TOTAL|169664.71|with cash|16"));
  }

  @Test
  void eachAccountsTotalsAreStatedButNotTheSummarysSumOfThem() {
    assertThat(read(FILE, fixture(getClass(), "PortfolioDownload-accounts.csv")).totals(),
        contains("2203|Net Account Value|37860.00|with cash|3",
            "4455|Net Account Value|13780.50|with cash|4", "2203|TOTAL|37860.00|with cash|16",
            "4455|TOTAL|13780.50|with cash|22"));
  }

  @Test
  void withoutASummaryTheTotalIsTheSourceAccounts() {
    SourceFile file = new SourceFile("BROKERAGE_004", URI, "7781");
    assertThat(read(file, fixture(getClass(), "PortfolioDownload-no-summary.csv")).totals(),
        contains("7781|TOTAL|4397.16|with cash|9"));
  }

  @Test
  void theTotalRowsValueIsItsValueCellWhenTheRowIsNotRagged() {
    RecordingSink sink = read(FILE, PREFIX + "CASH,,,,,,,,,100.00,\n"
        + "TOTAL,,,,0.00,,,,,100.00\n");
    assertThat(sink.totals(), contains("2203|Net Account Value|100.00|with cash|3",
        "2203|TOTAL|100.00|with cash|7"));
  }

  @Test
  void anUnreadableTotalIsARejectedRow() {
    assertThat(rejectionOf("TOTAL,,,,37760.00,-230.00,9127.40,25.54,4485x.82,").reason(),
        is("cannot read the stated total TOTAL: '4485x.82' is not a number"));
    RecordingSink sink = read(FILE, "Account,Net Account Value\n\"Individual -2203\",1O0.00\n");
    assertThat(sink.rejections(), contains(
        "2:cannot read the stated total Net Account Value: '1O0.00' is not a number"));
    assertThat(sink.totals, is(empty()));
  }

  /** The bond is rejected, not valued 100 times too high; the totals still count it. */
  @Test
  void aBondPricedPer100IsRejectedAndItsAccountsTotalsStillStated() {
    RecordingSink sink = read(FILE, "Account Summary\nAccount,Net Account Value\n"
        + "\"Individual Brokerage -2203\",9950.00\n\n" + POSITIONS_HEADER
        + "912828XX1,98.50,,,10000,,,,,9850.00\n"
        + "CASH,,,,,,,,,100.00,\n"
        + "TOTAL,,,,9850.00,,,,9950.00,\n");
    assertThat(sink.rejections(), contains("6:value 9850.00 is not quantity × price (985000.00):"
        + " a price per 100 or a contract multiplier is not supported"));
    assertThat(sink.holdings, contains(cash("2203", "100.00", 7)));
    assertThat(sink.totals(), contains("2203|Net Account Value|9950.00|with cash|3",
        "2203|TOTAL|9950.00|with cash|8"));
  }
}

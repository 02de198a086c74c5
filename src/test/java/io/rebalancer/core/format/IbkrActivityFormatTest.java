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

class IbkrActivityFormatTest {
  private static final String URI = "/data/BROKERAGE_005/ActivityStatement.csv";
  private static final SourceFile FILE = new SourceFile("BROKERAGE_005", URI, null);
  private static final String ACCOUNT_INFORMATION = "Account Information,Header,Field Name,"
      + "Field Value\nAccount Information,Data,Account,U1234567\n";
  private static final String POSITIONS_HEADER = "Open Positions,Header,DataDiscriminator,"
      + "Asset Category,Currency,Symbol,Quantity,Mult,Cost Price,Cost Basis,Close Price,Value,"
      + "Unrealized P/L,Code\n";
  private static final String CASH_HEADER = "Cash Report,Header,Currency Summary,Currency,Total,"
      + "Securities,Futures,Month to Date,Year to Date,\n";
  /** Lines 1-4: the account and both holding sections' headers. */
  private static final String PREFIX = ACCOUNT_INFORMATION + POSITIONS_HEADER + CASH_HEADER;

  private static RecordingSink read(SourceFile file, String text) {
    return RecordingSink.read(ExportFormats.builtIn("ibkr-activity").orElseThrow(), file, text);
  }

  private static Holding position(String account, String symbol, String quantity, String price,
      String assetClass, long line) {
    return new Holding("BROKERAGE_005", account, symbol, new BigDecimal(quantity),
        price == null ? null : new BigDecimal(price), assetClass, false, "BROKERAGE_005", URI,
        line);
  }

  private static Holding cash(String account, String amount, long line) {
    return new Holding("BROKERAGE_005", account, "CASH", new BigDecimal(amount), BigDecimal.ONE,
        "CASH", true, "BROKERAGE_005", URI, line);
  }

  /** The one rejected row of a file of PREFIX and this single row (line 5). */
  private static RejectedRow rejectionOf(String row) {
    RecordingSink sink = read(FILE, PREFIX + row + "\n");
    assertThat(sink.holdings, is(empty()));
    assertThat(sink.rejected, hasSize(1));
    RejectedRow r = sink.rejected.get(0);
    assertThat(r.lineNumber(), is(5L));
    assertThat(r.rawLine(), is(row));
    return r;
  }

  @Test
  void readsTheStatementAsDownloaded() {
    RecordingSink sink = read(FILE, fixture(getClass(), "ActivityStatement.csv"));

    assertThat(sink.holdings, contains(
        position("U1234567", "AAPL", "10.0545", "266.43", "Stocks", 15),
        position("U1234567", "BND", "400", "74.12", "Stocks", 16),
        cash("U1234567", "10901.116301185", 26)));
    assertThat(sink.recognised, contains("1:Statement header", "2:Statement data",
        "3:Statement data", "4:Statement data", "5:Statement data", "6:Account Information header",
        "7:Account Information data", "8:Account Information data", "9:Account Information data",
        "10:Account Information data", "11:Net Asset Value header", "12:Net Asset Value data",
        "13:Net Asset Value data", "14:Open Positions header", "17:Open Positions total",
        "18:Trades header", "19:Trades data", "20:Trades subtotal", "21:Trades total",
        "22:Cash Report header", "23:Cash Report Starting Cash", "24:Cash Report Commissions",
        "25:Cash Report Trades (Purchase)", "27:Cash Report Ending Settled Cash",
        "28:Dividends header", "29:Dividends data", "30:Dividends data",
        "31:Notes/Legal Notes header", "32:Notes/Legal Notes data"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void lotRowsDetailTheirSummaryAndAreNotCountedTwice() {
    RecordingSink sink = read(FILE, fixture(getClass(), "ActivityStatement-lots.csv"));

    assertThat(sink.holdings, contains(
        position("U7654321", "AAPL", "10.0545", "266.43", "Stocks", 6),
        position("U7654321", "VXUS", "120", "70.29", "Stocks", 9),
        cash("U7654321", "512.5", 14)));
    assertThat(sink.recognised, contains("1:Statement header", "2:Statement data",
        "3:Account Information header", "4:Account Information data", "5:Open Positions header",
        "7:Open Positions lot (detail of its Summary row)",
        "8:Open Positions lot (detail of its Summary row)",
        "10:Open Positions lot (detail of its Summary row)", "11:Open Positions subtotal",
        "12:Open Positions total", "13:Cash Report header"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void nonUsdPositionAndCashAreRejectedAndBaseCurrencySummaryIsNotAdded() {
    RecordingSink sink = read(FILE, fixture(getClass(), "ActivityStatement-eur.csv"));

    assertThat(sink.holdings, contains(
        position("U1234567", "VTI", "20", "274.61", "Stocks", 10),
        cash("U1234567", "2093.15", 18)));
    assertThat(sink.rejections(), contains("7:currency EUR is not supported (only USD)",
        "16:currency EUR is not supported (only USD)"));
    assertThat(sink.recognised, contains("1:Statement header", "2:Statement data",
        "3:Account Information header", "4:Account Information data",
        "5:Account Information data", "6:Open Positions header", "8:Open Positions total",
        "9:Open Positions total", "11:Open Positions total", "12:Cash Report header",
        "13:Cash Report Starting Cash",
        "14:Cash Report Ending Cash in the base currency (counted per currency)",
        "15:Cash Report Starting Cash", "17:Cash Report Starting Cash"));
  }

  @Test
  void olderStatementWithoutDataDiscriminatorHasEveryDataRowAsAHolding() {
    RecordingSink sink = read(FILE, fixture(getClass(), "ActivityStatement-old.csv"));

    assertThat(sink.holdings, contains(
        position("U0999888", "IBM", "25", "138.00", "Stocks", 7),
        position("U0999888", "MSFT", "12", "117.94", "Stocks", 8),
        cash("U0999888", "811.87", 13)));
    assertThat(sink.recognised, contains("1:Statement header", "2:Statement data",
        "3:Statement data", "4:Account Information header", "5:Account Information data",
        "6:Open Positions header", "9:Open Positions total", "10:Cash Report header",
        "11:Cash Report Starting Cash",
        "12:Cash Report Ending Cash in the base currency (counted per currency)"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void accountComesFromTheSourceWhenTheStatementNamesNone() {
    SourceFile file = new SourceFile("BROKERAGE_005", URI, "XXXX-5");

    RecordingSink sink = read(file, POSITIONS_HEADER + CASH_HEADER
        + "Open Positions,Data,Summary,Stocks,USD,VTI,2,1,250,500,274.61,549.22,49.22,\n"
        + "Cash Report,Data,Ending Cash,USD,10.5,10.5,0,,,\n");

    assertThat(sink.holdings, contains(position("XXXX-5", "VTI", "2", "274.61", "Stocks", 3),
        cash("XXXX-5", "10.5", 4)));
  }

  @Test
  void accountColumnNamesEachRowsAccount() {
    RecordingSink sink = read(FILE, "Open Positions,Header,DataDiscriminator,Account,"
        + "Asset Category,Currency,Symbol,Quantity,Mult,Close Price\n"
        + "Open Positions,Data,Summary,U111,Stocks,USD,VTI,2,1,274.61\n"
        + "Open Positions,Data,Summary,U222,Stocks,USD,BND,3,1,74.12\n");

    assertThat(sink.holdings, contains(position("U111", "VTI", "2", "274.61", "Stocks", 2),
        position("U222", "BND", "3", "74.12", "Stocks", 3)));
  }

  @Test
  void sectionHeaderRepeatedWithOtherColumnsIsFollowed() {
    RecordingSink sink = read(FILE, PREFIX
        + "Open Positions,Header,DataDiscriminator,Asset Category,Currency,Symbol,Quantity,"
        + "Close Price\n"
        + "Open Positions,Data,Summary,Warrants,USD,XYZ WS,1000,0.9931\n");

    assertThat(sink.holdings,
        contains(position("U1234567", "XYZ WS", "1000", "0.9931", "Warrants", 6)));
  }

  @Test
  void unknownRowKindsOutsideTheHoldingSectionsAreRecognised() {
    RecordingSink sink = read(FILE, PREFIX + "Trades,Footer,whatever\n");

    assertThat(sink.recognised.get(4), is("5:Trades footer"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void rejectsUnknownDataDiscriminator() {
    assertThat(rejectionOf("Open Positions,Data,Detail,Stocks,USD,VTI,2,1,250,500,274.61,549.22,"
        + "49.22,").reason(), is("unknown DataDiscriminator 'Detail' (expected Summary or Lot)"));
  }

  @Test
  void rejectsContractWithAMultiplier() {
    assertThat(rejectionOf("Open Positions,Data,Summary,Equity and Index Options,USD,"
        + "AAPL 20DEC26 250 C,2,100,5.1,1020,7.25,1450,430,").reason(),
        is("multiplier 100 is not supported (only 1)"));
  }

  @Test
  void rejectsBondPricedPer100() {
    assertThat(rejectionOf("Open Positions,Data,Summary,Bonds,USD,T 4 1/2 11/15/33,10000,1,98,"
        + "9800,99.31,9931,131,").reason(), is("value 9931 is not quantity × price (993100.00): a "
        + "price per 100 or a contract multiplier is not supported"));
  }

  @Test
  void rejectsBadMultiplier() {
    assertThat(rejectionOf("Open Positions,Data,Summary,Stocks,USD,VTI,2,x1,250,500,274.61,"
        + "549.22,49.22,").reason(), is("multiplier 'x1' is not a number"));
  }

  @Test
  void rejectsNonUsdPosition() {
    assertThat(rejectionOf("Open Positions,Data,Summary,Stocks,EUR,SAP,15,1,180,2700,240.50,"
        + "3607.50,907.50,").reason(), is("currency EUR is not supported (only USD)"));
  }

  @Test
  void rejectsNonUsdCash() {
    assertThat(rejectionOf("Cash Report,Data,Ending Cash,EUR,500.00,500.00,0,,,").reason(),
        is("currency EUR is not supported (only USD)"));
  }

  @Test
  void rejectsCashWithoutCurrency() {
    assertThat(rejectionOf("Cash Report,Data,Ending Cash,,500.00,500.00,0,,,").reason(),
        is("missing cash currency"));
  }

  @Test
  void rejectsBadCashAmount() {
    assertThat(rejectionOf("Cash Report,Data,Ending Cash,USD,5OO.00,500.00,0,,,").reason(),
        is("cash amount '5OO.00' is not a number"));
  }

  @Test
  void rejectsCashWithoutAmount() {
    assertThat(rejectionOf("Cash Report,Data,Ending Cash,USD,,500.00,0,,,").reason(),
        is("missing cash amount"));
  }

  @Test
  void rejectsUnknownRowKindInAHoldingSection() {
    assertThat(rejectionOf("Open Positions,Detail,Summary,Stocks,USD,VTI,2,1,250,500,274.61,"
        + "549.22,49.22,").reason(), is("unknown row kind 'Detail' in Open Positions "
        + "(expected Header, Data, Total, SubTotal or Notes)"));
  }

  @Test
  void rejectsDataRowBeforeItsHeader() {
    RecordingSink sink = read(FILE, ACCOUNT_INFORMATION
        + "Open Positions,Data,Summary,Stocks,USD,VTI,2,1,250,500,274.61,549.22,49.22,\n");

    assertThat(sink.rejections(), contains("3:Open Positions data row before its header"));
  }

  @Test
  void rejectsRowWhenTheStatementNamesSeveralAccounts() {
    RecordingSink sink = read(FILE, ACCOUNT_INFORMATION
        + "Account Information,Data,Account,U7654321\n" + POSITIONS_HEADER + CASH_HEADER
        + "Open Positions,Data,Summary,Stocks,USD,VTI,2,1,250,500,274.61,549.22,49.22,\n"
        + "Cash Report,Data,Ending Cash,USD,10,10,0,,,\n");

    String reason = "the statement names several accounts (U1234567, U7654321) and this row "
        + "names none";
    assertThat(sink.rejections(), contains("6:" + reason, "7:" + reason));
  }

  @Test
  void rejectsMissingSymbol() {
    assertThat(rejectionOf("Open Positions,Data,Summary,Stocks,USD,,2,1,250,500,274.61,549.22,"
        + "49.22,").reason(), is("missing symbol"));
  }

  @Test
  void rejectsBadQuantity() {
    assertThat(rejectionOf("Open Positions,Data,Summary,Stocks,USD,VTI,two,1,250,500,274.61,"
        + "549.22,49.22,").reason(), is("quantity 'two' is not a number"));
  }

  @Test
  void rejectsMissingQuantity() {
    assertThat(rejectionOf("Open Positions,Data,Summary,Stocks,USD,VTI,,1,250,500,274.61,549.22,"
        + "49.22,").reason(), is("missing quantity"));
  }

  @Test
  void rejectsBadPrice() {
    assertThat(rejectionOf("Open Positions,Data,Summary,Stocks,USD,VTI,2,1,250,500,27A.61,549.22,"
        + "49.22,").reason(), is("price '27A.61' is not a number"));
  }

  @Test
  void rejectsNegativePrice() {
    assertThat(rejectionOf("Open Positions,Data,Summary,Stocks,USD,VTI,2,1,250,500,-274.61,"
        + "549.22,49.22,").reason(), is("negative price -274.61"));
  }

  @Test
  void rejectsMissingAssetCategory() {
    assertThat(rejectionOf("Open Positions,Data,Summary,,USD,VTI,2,1,250,500,274.61,549.22,"
        + "49.22,").reason(), is("missing asset class"));
  }

  @Test
  void rejectsRowWithoutAccountWhenTheSourceSetsNone() {
    RecordingSink sink = read(FILE, "Open Positions,Header,DataDiscriminator,Account,"
        + "Asset Category,Currency,Symbol,Quantity,Mult,Close Price\n"
        + "Open Positions,Data,Summary,,Stocks,USD,VTI,2,1,274.61\n");

    assertThat(sink.rejected, hasSize(1));
    assertThat(sink.rejected.get(0).reason(), containsString("no account id"));
  }

  @Test
  void openPositionsHeaderWithoutQuantityIsAnError() {
    InputException e = assertThrows(InputException.class, () -> read(FILE, ACCOUNT_INFORMATION
        + "Open Positions,Header,DataDiscriminator,Asset Category,Currency,Symbol,Close Price\n"));

    assertThat(e.getMessage(), allOf(containsString("BROKERAGE_005"), containsString(URI),
        containsString("line 3"), containsString("Open Positions header has no Quantity")));
  }

  @Test
  void cashReportHeaderWithoutTotalIsAnError() {
    InputException e = assertThrows(InputException.class, () -> read(FILE, ACCOUNT_INFORMATION
        + "Cash Report,Header,Currency Summary,Currency,Securities\n"));

    assertThat(e.getMessage(), allOf(containsString("line 3"),
        containsString("Cash Report header has no Total")));
  }

  @Test
  void statementWithoutAnyAccountIsAnError() {
    InputException e = assertThrows(InputException.class, () -> read(FILE, POSITIONS_HEADER));

    assertThat(e.getMessage(), allOf(containsString(URI), containsString("line 1"),
        containsString("names no account")));
  }

  @Test
  void roundTripKeepsEveryHolding() {
    List<Holding> written = randomBook(new Random(20261120), 30);

    RecordingSink sink = read(FILE, write("U1234567", written));

    assertThat(sink.rejected, is(empty()));
    assertThat(sink.holdings.stream().map(RecordingSink::essentials).toList(),
        is(written.stream().map(RecordingSink::essentials).toList()));
  }

  /** Positions of one account in a few asset categories, then its USD cash. */
  private static List<Holding> randomBook(Random random, int count) {
    List<String> categories = List.of("Bonds", "Stocks", "Warrants");
    List<Holding> book = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String symbol = "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26))
          + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
      BigDecimal quantity = BigDecimal.valueOf(random.nextInt(10_000_000) - 1_000_000, 4);
      BigDecimal price = BigDecimal.valueOf(random.nextInt(1_000_000_000), 6);
      book.add(position("U1234567", symbol, quantity.toPlainString(), price.toPlainString(),
          categories.get(random.nextInt(categories.size())), 0));
    }
    book.add(cash("U1234567", BigDecimal.valueOf(random.nextLong(1_000_000_000_000L), 9)
        .toPlainString(), 0));
    return book;
  }

  /**
   * An Activity Statement of one account's holdings (the last one its cash): each position as a
   * Summary row with one Lot row under it, then the Cash Report with its Base Currency Summary.
   */
  private static String write(String account, List<Holding> holdings) {
    StringBuilder out = new StringBuilder("Statement,Header,Field Name,Field Value\n")
        .append("Statement,Data,Period,\"November 20, 2026\"\n")
        .append("Account Information,Header,Field Name,Field Value\n")
        .append("Account Information,Data,Account,").append(account).append('\n')
        .append(POSITIONS_HEADER);
    BigDecimal cash = BigDecimal.ZERO;
    for (Holding h : holdings) {
      if (h.cash()) {
        cash = cash.add(h.marketValue());
        continue;
      }
      for (String discriminator : List.of("Summary", "Lot")) {
        out.append(String.join(",", "Open Positions", "Data", discriminator, h.assetClass(), "USD",
            h.symbol(), h.quantity().toPlainString(), "1", "0", "0", h.price().toPlainString(),
            h.marketValue().toPlainString(), "0", "")).append('\n');
      }
    }
    String total = cash.toPlainString();
    return out.append(CASH_HEADER)
        .append("Cash Report,Data,Ending Cash,Base Currency Summary,").append(total).append(',')
        .append(total).append(",0,,,\n")
        .append("Cash Report,Data,Ending Cash,USD,").append(total).append(',').append(total)
        .append(",0,,,\n")
        .toString();
  }

  // As-of dates and stated totals, for the pipeline's age and reconciliation checks.

  private static final String STATEMENT = "Statement,Header,Field Name,Field Value\n";

  @Test
  void theStatementIsAsOfTheEndOfItsPeriod() {
    RecordingSink sink = read(FILE, fixture(getClass(), "ActivityStatement.csv"));
    assertThat(sink.asOf(), is("2026-11-20 - line 4"));
    assertThat(sink.asOfs.get(0).text(), is("November 20, 2026"));
    assertThat(read(FILE, fixture(getClass(), "ActivityStatement-old.csv")).asOf(),
        is("2019-03-31 - line 3"));
    assertThat(period("November 1, 2026 - November 20, 2026"), is("2026-11-20 - line 2"));
    assertThat(period("October 21, 2026 - November 20, 2026"), is("2026-11-20 - line 2"));
    assertThat(period("Nov 20, 2026"), is("2026-11-20 - line 2"));
  }

  private static String period(String period) {
    return read(FILE, STATEMENT + "Statement,Data,Period,\"" + period + "\"\n" + PREFIX).asOf();
  }

  @Test
  void aPeriodThatCannotBeReadStopsTheRun() {
    for (String period : List.of("Novembre 20, 2026", "November 31, 2026",
        "Foo 1, 2026 - November 20, 2026", "November 20 2026", "")) {
      InputException e = assertThrows(InputException.class, () -> period(period));
      assertThat(e.getMessage(), is("source BROKERAGE_005: " + URI + ": line 2: cannot read the"
          + " date in '" + period + "'"));
    }
  }

  @Test
  void aStatementWithoutAPeriodStatesNoDate() {
    assertThat(read(FILE, PREFIX).asOfs, is(empty()));
  }

  @Test
  void theUsdOpenPositionsTotalIsStatedWithoutCash() {
    assertThat(read(FILE, fixture(getClass(), "ActivityStatement.csv")).totals(), contains(
        "U1234567|Open Positions Total (USD)|32326.82|no cash|17"));
    assertThat(read(FILE, fixture(getClass(), "ActivityStatement-lots.csv")).totals(), contains(
        "U7654321|Open Positions Total (USD)|11113.62|no cash|12"));
    assertThat(read(FILE, fixture(getClass(), "ActivityStatement-old.csv")).totals(), contains(
        "U0999888|Open Positions Total (USD)|4865.28|no cash|9"));
  }

  @Test
  void theTotalsOfEveryUsdCategoryAddUpToOne() {
    RecordingSink sink = read(FILE, PREFIX
        + "Open Positions,Data,Summary,Stocks,USD,VTI,2,1,250,500,274.61,549.22,49.22,\n"
        + "Open Positions,Total,,Stocks,USD,,,,,500,,549.22,49.22,\n"
        + "Open Positions,Data,Summary,Bonds,USD,BND,3,1,70,210,74.12,222.36,12.36,\n"
        + "Open Positions,Total,,Bonds,USD,,,,,210,,222.36,12.36,\n");
    assertThat(sink.totals(), contains("U1234567|Open Positions Total (USD)|771.58|no cash|6"));
    assertThat(sink.recognised.subList(4, 6), contains("6:Open Positions total",
        "8:Open Positions total"));
  }

  /**
   * EUR positions are rejected, so their total cannot match: skipped, and so is the USD total
   * right after it, which restates the EUR group in the base currency.
   */
  @Test
  void nonUsdTotalsAndTheirBaseCurrencyRestatementAreSkipped() {
    assertThat(read(FILE, fixture(getClass(), "ActivityStatement-eur.csv")).totals(), contains(
        "U1234567|Open Positions Total (USD)|5492.2|no cash|11"));
  }

  @Test
  void eachAccountOfTheSourceHasItsTotal() {
    SourceFile file = new SourceFile("BROKERAGE_005", URI, "XXXX-5");
    assertThat(read(file, POSITIONS_HEADER
        + "Open Positions,Data,Summary,Stocks,USD,VTI,2,1,250,500,274.61,549.22,49.22,\n"
        + "Open Positions,Total,,Stocks,USD,,,,,500,,549.22,49.22,\n").totals(), contains(
        "XXXX-5|Open Positions Total (USD)|549.22|no cash|3"));
  }

  @Test
  void anUnreadableTotalIsRejectedAndItsAccountStatesNone() {
    RecordingSink sink = read(FILE, PREFIX
        + "Open Positions,Data,Summary,Stocks,USD,VTI,2,1,250,500,274.61,549.22,49.22,\n"
        + "Open Positions,Total,,Stocks,USD,,,,,500,,5x9.22,49.22,\n"
        + "Open Positions,Data,Summary,Bonds,USD,BND,3,1,70,210,74.12,222.36,12.36,\n"
        + "Open Positions,Total,,Bonds,USD,,,,,210,,222.36,12.36,\n");
    assertThat(sink.rejections(), contains(
        "6:cannot read the stated total: Value '5x9.22' is not a number"));
    assertThat(sink.totals, is(empty()));
  }

  /** The bond is rejected, not valued 100 times too high; the total still counts it. */
  @Test
  void aBondPricedPer100IsRejectedAndTheAccountsTotalStillStated() {
    RecordingSink sink = read(FILE, PREFIX
        + "Open Positions,Data,Summary,Stocks,USD,VTI,2,1,250,500,274.61,549.22,49.22,\n"
        + "Open Positions,Total,,Stocks,USD,,,,,500,,549.22,49.22,\n"
        + "Open Positions,Data,Summary,Bonds,USD,T 4 1/2 11/15/33,10000,1,98,9800,99.31,9931,"
        + "131,\n"
        + "Open Positions,Total,,Bonds,USD,,,,,9800,,9931,131,\n");
    assertThat(sink.rejections(), contains("7:value 9931 is not quantity × price (993100.00): a "
        + "price per 100 or a contract multiplier is not supported"));
    assertThat(sink.holdings, contains(position("U1234567", "VTI", "2", "274.61", "Stocks", 5)));
    assertThat(sink.totals(), contains("U1234567|Open Positions Total (USD)|10480.22|no cash|6"));
  }
}

package io.rebalancer.core.format;

import static io.rebalancer.core.format.RecordingSink.fixture;
import static io.rebalancer.core.format.WrittenNumbers.grouped;
import static io.rebalancer.core.format.WrittenNumbers.money;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import io.rebalancer.core.Holding;
import io.rebalancer.core.InputException;
import io.rebalancer.core.RejectedRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SchwabPositionsFormatTest {
  private static final String SOURCE = "SCHWAB";
  private static final String URI = "/data/SCHWAB/positions.csv";
  private static final SourceFile FILE = new SourceFile(SOURCE, URI, null);
  private static final String ETF = "ETFs & Closed End Funds";
  private static final String TITLE =
      "\"Positions for account Individual ...977 as of 07:28 PM ET, 2023/06/04\",\"\",\"\"\n";
  private static final String ALL_ACCOUNTS =
      "\"Positions for All-Accounts as of 09:15 AM ET, 2024/02/10\",\"\",\"\"\n";
  private static final String HEADER =
      "\"Symbol\",\"Description\",\"Quantity\",\"Price\",\"Market Value\",\"Security Type\"\n";
  private static final String SCHB =
      "\"SCHB\",\"SCHWAB US BROAD MARKET ETF\",\"961\",\"$117.42\",\"$112,840.62\",\"" + ETF + "\"\n";

  private static RecordingSink read(SourceFile file, String text) {
    return RecordingSink.read(new SchwabPositionsFormat(), file, text);
  }

  private static RecordingSink readFixture(String name) {
    return read(FILE, fixture(SchwabPositionsFormatTest.class, name));
  }

  private static Holding holding(String account, String symbol, String quantity, String price,
      String assetClass, long line) {
    return new Holding(SOURCE, account, symbol, new BigDecimal(quantity),
        price == null ? null : new BigDecimal(price), assetClass, false, SOURCE, URI, line);
  }

  private static Holding cash(String account, String amount, long line) {
    return new Holding(SOURCE, account, Holding.CASH, new BigDecimal(amount), BigDecimal.ONE,
        Holding.CASH, true, SOURCE, URI, line);
  }

  /** The one rejected row of a file with a title, a header and this single data row. */
  private static RejectedRow rejectionOf(String dataRow) {
    RecordingSink sink = read(FILE, TITLE + HEADER + dataRow + "\n");
    assertThat(sink.holdings, is(empty()));
    assertThat(sink.recognised, contains("1:title", "2:header"));
    assertThat(sink.rejected, hasSize(1));
    RejectedRow r = sink.rejected.get(0);
    assertThat(r.sourceId(), is(SOURCE));
    assertThat(r.sourceUri(), is(URI));
    assertThat(r.lineNumber(), is(3L));
    assertThat(r.rawLine(), is(dataRow));
    return r;
  }

  @Test
  void isBuiltIn() {
    assertThat(ExportFormats.builtIn("schwab-positions").orElseThrow(),
        instanceOf(SchwabPositionsFormat.class));
  }

  @Test
  void singleAccountExportAsFormatsMdShowsIt() {
    RecordingSink sink = readFixture("single-account.csv");

    assertThat(sink.holdings, contains(
        holding("977", "SCHB", "961", "117.42", ETF, 4),
        holding("977", "AAPL", "150", "180.95", "Equity", 5),
        holding("977", "SWPPX", "1024.337", "65.12", "Mutual Funds", 6),
        cash("977", "42.82", 7)));
    assertThat(sink.recognised, contains("1:title", "2:blank", "3:header", "8:total"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void olderExportWithTrailingCommasAndRaggedTotals() {
    RecordingSink sink = readFixture("older-trailing-commas.csv");

    assertThat(sink.holdings, contains(
        holding("1234", "VTI", "120", "150.30", ETF, 4),
        holding("1234", "912828XX1", "5000", null, "Fixed Income", 5),
        holding("1234", "SCHF", "230", "31.02", ExportLines.UNCLASSIFIED, 6),
        cash("1234", "374.12", 7)));
    assertThat(sink.recognised, contains("1:title", "2:blank", "3:header", "8:total", "9:total"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void allAccountsExportHasABlockPerAccount() {
    RecordingSink sink = readFixture("all-accounts.csv");

    assertThat(sink.holdings, contains(
        holding("977", "SCHB", "961", "117.42", ETF, 5),
        holding("977", "VTI", "40", "245.10", ETF, 6),
        cash("977", "1042.82", 7),
        holding("123", "VXUS", "300", "58.40", ETF, 12),
        holding("123", "BND", "160.5", "72.31", ETF, 13),
        cash("123", "0.00", 14),
        holding("456", "MSFT", "25", "420.55", "Equity", 19),
        cash("456", "-25.10", 20)));
    assertThat(sink.recognised, contains("1:title", "2:blank", "3:account label", "4:header",
        "8:total", "9:blank", "10:account label", "11:header", "15:total", "16:blank", "17:title",
        "18:header", "21:total", "22:blank", "23:blank"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void layoutOf2024WithAbbreviatedHeaders() {
    RecordingSink sink = readFixture("renamed-2024.csv");

    assertThat(sink.holdings, contains(
        holding("977", "SCHB", "9999.99", "21.50", ETF, 4),
        holding("977", "BRK/B", "1", "520.10", "Equity", 5),
        cash("977", "33.10", 6)));
    assertThat(sink.recognised, contains("1:title", "2:blank", "3:header", "7:total"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void renamedRecasedExtraAndMissingColumns() {
    RecordingSink sink = readFixture("abbreviated-columns.csv");

    assertThat(sink.holdings, contains(
        holding("5521", "VOO", "12.5", "380.10", ExportLines.UNCLASSIFIED, 4),
        holding("5521", "QQQ", "3", "395.00", ExportLines.UNCLASSIFIED, 5),
        cash("5521", "118.40", 6)));
    assertThat(sink.recognised, contains("1:title", "2:blank", "3:header", "7:total"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void badRowsAreRejectedAndTheGoodOnesAroundThemKept() {
    RecordingSink sink = readFixture("bad-rows.csv");

    assertThat(sink.holdings, contains(
        holding("977", "SCHB", "961", "117.42", ETF, 4),
        holding("977", "AAPL", "150", "180.95", "Equity", 7)));
    assertThat(sink.recognised, contains("1:title", "2:blank", "3:header", "10:total"));
    assertThat(sink.rejections(), contains("5:quantity 'abc' is not a number",
        "6:missing symbol", "8:missing quantity", "9:missing cash amount"));
  }

  @Test
  void accountIdIsTheNumberEndingTheLabel() {
    assertThat(SchwabPositionsFormat.accountId("Individual ...977"), is("977"));
    assertThat(SchwabPositionsFormat.accountId("  Roth  IRA ...123 "), is("123"));
    assertThat(SchwabPositionsFormat.accountId("Individual \u2026977"), is("977"));
    assertThat(SchwabPositionsFormat.accountId("Brokerage XXXX-1234"), is("1234"));
    assertThat(SchwabPositionsFormat.accountId("Joint Tenant 4567"), is("4567"));
    assertThat(SchwabPositionsFormat.accountId("Trust  Account"), is("Trust Account"));
    assertThat(SchwabPositionsFormat.accountId("Brokerage2"), is("Brokerage2"));
  }

  @Test
  void sourceAccountIsUsedWhenTheFileHasNoLabel() {
    SourceFile file = new SourceFile(SOURCE, URI, "XXXX-1234");

    RecordingSink sink = read(file, ALL_ACCOUNTS + HEADER + SCHB);

    assertThat(sink.holdings, contains(holding("XXXX-1234", "SCHB", "961", "117.42", ETF, 3)));
  }

  @Test
  void headerOnTheFirstLineNeedsNoTitle() {
    SourceFile file = new SourceFile(SOURCE, URI, "XXXX-1234");

    RecordingSink sink = read(file, HEADER + SCHB);

    assertThat(sink.holdings, contains(holding("XXXX-1234", "SCHB", "961", "117.42", ETF, 2)));
    assertThat(sink.recognised, contains("1:header"));
  }

  @Test
  void theFileLabelWinsOverTheSourceAccount() {
    SourceFile file = new SourceFile(SOURCE, URI, "XXXX-1234");

    RecordingSink sink = read(file, TITLE + HEADER + SCHB);

    assertThat(sink.holdings.get(0).accountId(), is("977"));
  }

  @Test
  void cashAmountComesFromQuantityWhenThereIsNoMarketValueColumn() {
    RecordingSink sink = read(FILE, TITLE + "\"Symbol\",\"Qty\",\"Price\"\n"
        + "\"Cash & Cash Investments\",\"$50.00\",\"--\"\n");

    assertThat(sink.holdings, contains(cash("977", "50.00", 3)));
  }

  @Test
  void linesBeforeTheHeaderThatAreNotDataArePadding() {
    RecordingSink sink = read(FILE, TITLE + "\"Sorted by\",\"Symbol\",\"\"\n,,\n" + HEADER + SCHB);

    assertThat(sink.recognised, contains("1:title", "2:padding", "3:blank", "4:header"));
    assertThat(sink.holdings, hasSize(1));
  }

  @Test
  void rejectsDataRowBeforeAnyHeader() {
    RecordingSink sink = read(FILE, TITLE + SCHB + HEADER + SCHB);

    assertThat(sink.rejections(), contains(
        "2:data row before any header (no row with Symbol and Quantity columns above it)"));
    assertThat(sink.holdings, contains(holding("977", "SCHB", "961", "117.42", ETF, 4)));
  }

  @Test
  void rejectsBadQuantity() {
    assertThat(rejectionOf("\"VTI\",\"VANGUARD\",\"abc\",\"$245.10\",\"$9,804.00\",\"Equity\"")
        .reason(), is("quantity 'abc' is not a number"));
  }

  @Test
  void rejectsMissingQuantity() {
    assertThat(rejectionOf("\"VTI\",\"VANGUARD\",\"N/A\",\"$245.10\",\"$9,804.00\",\"Equity\"")
        .reason(), is("missing quantity"));
  }

  @Test
  void rejectsBadPrice() {
    assertThat(rejectionOf("\"VTI\",\"VANGUARD\",\"40\",\"$24S.10\",\"$9,804.00\",\"Equity\"")
        .reason(), is("price '$24S.10' is not a number"));
  }

  @Test
  void rejectsNegativePrice() {
    assertThat(rejectionOf("\"VTI\",\"VANGUARD\",\"40\",\"($245.10)\",\"$9,804.00\",\"Equity\"")
        .reason(), is("negative price ($245.10)"));
  }

  @Test
  void rejectsMissingSymbol() {
    assertThat(rejectionOf("\"\",\"VANGUARD\",\"40\",\"$245.10\",\"$9,804.00\",\"Equity\"")
        .reason(), is("missing symbol"));
  }

  @Test
  void rejectsBadCashAmount() {
    assertThat(rejectionOf("\"Cash & Cash Investments\",\"--\",\"--\",\"--\",\"$4x.82\",\"--\"")
        .reason(), is("cash amount '$4x.82' is not a number"));
  }

  @Test
  void rejectsCashRowWithoutAmount() {
    assertThat(rejectionOf("\"Cash & Cash Investments\",\"--\",\"--\",\"--\",\"--\",\"--\"")
        .reason(), is("missing cash amount"));
  }

  @Test
  void rejectsRowWithoutAccountWhenNeitherFileNorSourceNamesOne() {
    RecordingSink sink = read(FILE, ALL_ACCOUNTS + HEADER + SCHB);

    assertThat(sink.rejections(), contains(
        "3:no account id (the file has none on this row and the source sets no account:)"));
  }

  @Test
  void rejectsHoldingsUnderASecondLabelWithTheSameAccountNumber() {
    RecordingSink sink = read(FILE, ALL_ACCOUNTS + "\"Individual ...977\"\n" + HEADER + SCHB
        + "\"Roth IRA ...977\",\"\"\n" + SCHB
        + "\"Cash & Cash Investments\",\"--\",\"--\",\"--\",\"$42.82\",\"--\"\n");

    assertThat(sink.holdings, contains(holding("977", "SCHB", "961", "117.42", ETF, 4)));
    String reason = "account label 'Roth IRA ...977' has the same account number 977 as"
        + " 'Individual ...977' above; the two accounts cannot be told apart";
    assertThat(sink.rejections(), contains("6:" + reason, "7:" + reason));
    assertThat(sink.recognised,
        contains("1:title", "2:account label", "3:header", "5:account label"));
  }

  // As-of dates and stated totals, for the pipeline's age and reconciliation checks.

  @Test
  void theTitleStatesWhenTheExportWasTaken() {
    assertThat(readFixture("single-account.csv").asOf(), is("2023-06-04 19:28 line 1"));
    assertThat(readFixture("all-accounts.csv").asOf(), is("2024-02-10 09:15 line 1"));
    assertThat(readFixture("older-trailing-commas.csv").asOf(), is("2019-03-15 16:10 line 1"));
    assertThat(readFixture("abbreviated-columns.csv").asOf(), is("2021-11-30 10:02 line 1"));
    AsOf asOf = readFixture("single-account.csv").asOfs.get(0);
    assertThat(asOf.text(),
        is("Positions for account Individual ...977 as of 07:28 PM ET, 2023/06/04"));
  }

  @Test
  void theAsOfDateMayComeBeforeTheTimeOrWithoutOne() {
    assertThat(asOfIn("as of 07:28 PM ET, 06/04/2023"), is("2023-06-04 19:28 line 1"));
    assertThat(asOfIn("as of 06/04/2023 07:28 PM ET"), is("2023-06-04 19:28 line 1"));
    assertThat(asOfIn("as of 12:05 AM EDT, 2023/06/04"), is("2023-06-04 00:05 line 1"));
    assertThat(asOfIn("as of 2023/06/04"), is("2023-06-04 - line 1"));
    assertThat(asOfIn("As Of 6/4/2023"), is("2023-06-04 - line 1"));
  }

  private static String asOfIn(String words) {
    return read(FILE, "\"Positions for account Individual ...977 " + words + "\",\"\"\n" + HEADER
        + SCHB).asOf();
  }

  @Test
  void aTitleWhoseDateCannotBeReadStopsTheRun() {
    for (String words : List.of("as of 07:28 PM ET, 2023/13/04", "as of 07:28 PM ET, 2023/02/30",
        "as of 13:28 PM ET, 2023/06/04", "as of yesterday", "as of")) {
      String title = "Positions for account Individual ...977 " + words;
      InputException e = assertThrows(InputException.class,
          () -> read(FILE, "\"" + title + "\"\n" + HEADER + SCHB));
      assertThat(e.getMessage(), is("source SCHWAB: /data/SCHWAB/positions.csv: line 1: cannot"
          + " read the date in '" + title + "'"));
    }
  }

  @Test
  void aFileWithoutAnAsOfTitleStatesNoDate() {
    assertThat(read(new SourceFile(SOURCE, URI, "1234"), HEADER + SCHB).asOfs, is(empty()));
    assertThat(read(FILE, "\"Positions for account Individual ...977\"\n" + HEADER + SCHB).asOfs,
        is(empty()));
  }

  @Test
  void eachAccountTotalIsStatedWithCash() {
    assertThat(readFixture("single-account.csv").totals(),
        contains("977|Account Total|206730.77|with cash|8"));
    assertThat(readFixture("all-accounts.csv").totals(), contains(
        "977|Account Total|123687.44|with cash|8", "123|Account Total|29125.76|with cash|15",
        "456|Account Total|10488.65|with cash|21"));
    assertThat(readFixture("renamed-2024.csv").totals(),
        contains("977|Positions Total|215552.99|with cash|7"));
    assertThat(readFixture("abbreviated-columns.csv").totals(),
        contains("5521|ACCOUNT TOTAL|6054.65|with cash|7"));
  }

  @Test
  void aRaggedAccountTotalIsReadFromItsLastValueAndABareTotalIsNotReported() {
    // "Total" and "Account Total","","$30532.22", state the same amount: it is reported once.
    assertThat(readFixture("older-trailing-commas.csv").totals(),
        contains("1234|Account Total|30532.22|with cash|9"));
  }

  /**
   * Within a cent: Schwab rounds each market value (9,999.99 × $21.50 is $214,999.79). Not the
   * older fixture: its bond has no price in the file ("N/A", priced from history downstream).
   */
  @Test
  void theFixturesTotalsAreTheirHoldingsSums() {
    for (String fixture : List.of("single-account.csv", "all-accounts.csv", "renamed-2024.csv",
        "abbreviated-columns.csv")) {
      RecordingSink sink = readFixture(fixture);
      for (StatedTotal total : sink.totals) {
        BigDecimal held = sink.holdings.stream()
            .filter(h -> h.accountId().equals(total.accountId()))
            .map(Holding::marketValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(fixture + " " + total + " holdings " + held,
            held.subtract(total.amount()).abs().compareTo(new BigDecimal("0.01")) <= 0, is(true));
      }
    }
  }

  @Test
  void anAccountTotalWithoutAnAccountOrAnAmountStatesNothing() {
    RecordingSink sink = read(FILE, ALL_ACCOUNTS + HEADER
        + "\"Account Total\",\"--\",\"--\",\"--\",\"$1.00\",\"--\"\n"
        + TITLE + HEADER + "\"Account Total\",\"--\",\"--\",\"--\",\"--\",\"--\"\n");
    assertThat(sink.totals, is(empty()));
    assertThat(sink.recognised, contains("1:title", "2:header", "3:total", "4:title", "5:header",
        "6:total"));
  }

  @Test
  void anUnreadableAccountTotalIsARejectedRow() {
    RejectedRow r = rejectionOf("\"Account Total\",\"--\",\"--\",\"--\",\"$1x,000.00\",\"--\"");
    assertThat(r.reason(), is("cannot read the stated total: '$1x,000.00' is not a number"));
  }

  /**
   * A bond priced per 100 of face value: valued at quantity × price it would be 100 times too
   * large, so the row is rejected, naming why. Its account's total is still stated, so the
   * pipeline's reconciliation sees the gap too and fails the run instead of trading without it.
   */
  @Test
  void aBondPricedPer100IsRejectedAndItsAccountTotalStillStated() {
    RecordingSink sink = read(FILE, TITLE + HEADER + SCHB
        + "\"912828XX1\",\"US TREASURY NOTE\",\"10,000\",\"$98.50\",\"$9,850.00\","
        + "\"Fixed Income\"\n"
        + "\"Account Total\",\"--\",\"--\",\"--\",\"$122,690.62\",\"--\"\n");

    assertThat(sink.holdings, contains(holding("977", "SCHB", "961", "117.42", ETF, 3)));
    assertThat(sink.rejected.get(0).lineNumber(), is(4L));
    assertThat(sink.rejected.get(0).reason(), containsString("is not quantity × price"));
    assertThat(sink.totals(), contains("977|Account Total|122690.62|with cash|5"));
  }

  @Test
  void writtenHoldingsReadBackTheSame() {
    List<Holding> written = List.of(
        position("977", "SCHB", "961", "117.42", ETF),
        position("977", "SWPPX", "1024.337", "65.12", "Mutual Funds"),
        cashOf("977", "42.82"),
        position("123", "BRK/B", "-3", "520.10", "Equity"),
        cashOf("123", "-1250.75"));

    RecordingSink sink = read(FILE, SchwabWriter.write(written));

    assertThat(sink.rejected, is(empty()));
    assertThat(lines(sink.holdings), is(lines(written)));
  }

  @Test
  void randomHoldingsReadBackTheSame() {
    Random random = new Random(20261123);
    for (int book = 0; book < 20; book++) {
      List<Holding> written = randomBook(random);

      RecordingSink sink = read(FILE, SchwabWriter.write(written));

      assertThat(sink.rejected, is(empty()));
      assertThat(lines(sink.holdings), is(lines(written)));
    }
  }

  /** What each holding says, without where it was read from. */
  private static List<String> lines(List<Holding> holdings) {
    return holdings.stream().map(RecordingSink::essentials).toList();
  }

  private static Holding position(String account, String symbol, String quantity, String price,
      String assetClass) {
    return new Holding(SOURCE, account, symbol, new BigDecimal(quantity), new BigDecimal(price),
        assetClass, false, SOURCE, URI, 0);
  }

  private static Holding cashOf(String account, String amount) {
    return new Holding(SOURCE, account, Holding.CASH, new BigDecimal(amount), BigDecimal.ONE,
        Holding.CASH, true, SOURCE, URI, 0);
  }

  private static final String[] SYMBOLS = {"SCHB", "VTI", "BRK/B", "AAPL", "SWPPX", "912828XX1"};
  private static final String[] CLASSES = {ETF, "Equity", "Mutual Funds", "Fixed Income"};

  /** Up to five accounts (distinct numbers), each with up to six positions, then maybe cash. */
  private static List<Holding> randomBook(Random random) {
    List<Holding> book = new ArrayList<>();
    Set<Integer> numbers = new HashSet<>();
    int accounts = 1 + random.nextInt(5);
    while (numbers.size() < accounts) {
      numbers.add(100 + random.nextInt(900));
    }
    for (int number : numbers) {
      String account = Integer.toString(number);
      for (int i = random.nextInt(7); i > 0; i--) {
        BigDecimal quantity = BigDecimal.valueOf(random.nextInt(2_000_000) - 100_000,
            random.nextInt(5));
        BigDecimal price = BigDecimal.valueOf(random.nextInt(10_000_000), 2 + random.nextInt(3));
        book.add(position(account, SYMBOLS[random.nextInt(SYMBOLS.length)],
            quantity.toPlainString(), price.toPlainString(), CLASSES[random.nextInt(CLASSES.length)]));
      }
      if (random.nextBoolean()) {
        book.add(cashOf(account, BigDecimal.valueOf(random.nextInt(2_000_000) - 50_000, 2)
            .toPlainString()));
      }
    }
    return book;
  }

  /** Writes holdings as Schwab's all-accounts export: one block per account, its cash row last. */
  private static final class SchwabWriter {
    private SchwabWriter() {}

    static String write(List<Holding> holdings) {
      Map<String, List<Holding>> byAccount = new LinkedHashMap<>();
      holdings.forEach(h -> byAccount.computeIfAbsent(h.accountId(), a -> new ArrayList<>()).add(h));
      StringBuilder out = new StringBuilder();
      out.append(row("Positions for All-Accounts as of 10:00 AM ET, 2026/11/20", "", "", "", "", ""));
      out.append(row("", "", "", "", "", "", ""));
      byAccount.forEach((account, rows) -> {
        out.append(row("Individual ..." + account, "", "", "", "", "", ""));
        out.append(row("Symbol", "Description", "Quantity", "Price", "Market Value",
            "Day Change %", "Security Type"));
        BigDecimal total = BigDecimal.ZERO;
        for (Holding h : rows) {
          BigDecimal value = h.marketValue().setScale(2, RoundingMode.HALF_EVEN);
          total = total.add(value);
          out.append(h.cash()
              ? row("Cash & Cash Investments", "--", "--", "--", money(value), "0%",
                  "Cash and Money Market")
              : row(h.symbol(), "DESCRIPTION OF " + h.symbol(), grouped(h.quantity()),
                  money(h.price()), money(value), "+0.01%", h.assetClass()));
        }
        out.append(row("Account Total", "--", "--", "--", money(total)));
        out.append(row("", "", "", "", "", "", ""));
      });
      return out.toString();
    }

    /** Every cell quoted, as Schwab writes them. */
    private static String row(String... cells) {
      return Arrays.stream(cells).map(c -> '"' + c.replace("\"", "\"\"") + '"')
          .collect(Collectors.joining(",", "", "\n"));
    }
  }
}

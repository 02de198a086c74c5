package io.rebalancer.core.format;

import static io.rebalancer.core.format.RecordingSink.fixture;
import static io.rebalancer.core.format.WrittenNumbers.grouped;
import static io.rebalancer.core.format.WrittenNumbers.money;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.Holding;
import io.rebalancer.core.InputException;
import io.rebalancer.core.RejectedRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FidelityPositionsFormatTest {
  private static final String SOURCE = "FIDELITY";
  private static final String URI = "/data/FIDELITY/Portfolio_Positions_Nov-20-2026.csv";
  private static final SourceFile FILE = new SourceFile(SOURCE, URI, null);
  private static final String UNCLASSIFIED = ExportLines.UNCLASSIFIED;
  private static final String HEADER = "Account Number,Account Name,Symbol,Description,Quantity,"
      + "Last Price,Current Value,Type\n";
  private static final String VTI = "Z1,Individual,VTI,VANGUARD TOTAL STK MKT,10,$250.00,$2500.00,Cash,\n";

  private static RecordingSink read(SourceFile file, String text) {
    return RecordingSink.read(new FidelityPositionsFormat(), file, text);
  }

  private static RecordingSink readFixture(String name) {
    return read(FILE, fixture(FidelityPositionsFormatTest.class, name));
  }

  private static Holding holding(String account, String symbol, String quantity, String price,
      long line) {
    return new Holding(SOURCE, account, symbol, new BigDecimal(quantity),
        price == null ? null : new BigDecimal(price), UNCLASSIFIED, false, SOURCE, URI, line);
  }

  private static Holding cash(String account, String symbol, String amount, long line) {
    return new Holding(SOURCE, account, symbol, new BigDecimal(amount), BigDecimal.ONE,
        Holding.CASH, true, SOURCE, URI, line);
  }

  /** The one rejected row of a file with the header and this single data row. */
  private static RejectedRow rejectionOf(String dataRow) {
    RecordingSink sink = read(FILE, HEADER + dataRow + "\n");
    assertThat(sink.holdings, is(empty()));
    assertThat(sink.recognised, contains("1:header"));
    assertThat(sink.rejected, hasSize(1));
    RejectedRow r = sink.rejected.get(0);
    assertThat(r.sourceId(), is(SOURCE));
    assertThat(r.sourceUri(), is(URI));
    assertThat(r.lineNumber(), is(2L));
    assertThat(r.rawLine(), is(dataRow));
    return r;
  }

  /** Fidelity states no account total: a bond's price per 100 must be caught on its own row. */
  @Test
  void aBondPricedPer100OfFaceValueIsRejected() {
    RejectedRow r = rejectionOf("Z1,Individual,912828XX1,US TREASURY NOTE,10000,$98.50,"
        + "\"$9,850.00\",Cash,");
    assertThat(r.lineNumber(), is(2L));
    assertThat(r.reason(), containsString("is not quantity × price (985000"));
  }

  @Test
  void isBuiltIn() {
    assertThat(ExportFormats.builtIn("fidelity-positions").orElseThrow(),
        instanceOf(FidelityPositionsFormat.class));
  }

  @Test
  void exportAsFormatsMdShowsIt() {
    RecordingSink sink = readFixture("formats-md.csv");

    assertThat(sink.holdings, contains(
        cash("Z12345678", "SPAXX", "2069.43", 2),
        holding("Z12345678", "VWO", "900", "50.922", 3),
        holding("Z12345678", "FXAIX", "512.331", "165.43", 4),
        cash("Z12345678", "PENDING", "-121.97", 5),
        cash("X98765432", "FCASH", "310.00", 6),
        holding("X98765432", "VTI", "150", "255.12", 7)));
    assertThat(sink.recognised, contains("1:header", "8:blank", "9:disclaimer", "10:footer"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void sentenceCaseHeaderWithBomAndCrlf() {
    String text = fixture(FidelityPositionsFormatTest.class, "sentence-case-bom-crlf.csv");
    assertThat("fixture kept its BOM", text, startsWith("\uFEFFAccount number,"));
    assertThat("fixture kept its CRLF", text, containsString(",Cash,\r\n"));

    RecordingSink sink = read(FILE, text);

    assertThat(sink.holdings, contains(
        cash("Z87654321", "CORE", "1520.55", 2),
        holding("Z87654321", "IVV", "80", "512.0100", 3),
        holding("Z87654321", "BNDX", "163.2", "48.76", 4)));
    assertThat(sink.recognised, contains("1:header", "5:blank", "6:disclaimer", "7:footer"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void pendingActivityCashAndMarginLotsAndMultiLineDisclaimer() {
    RecordingSink sink = readFixture("pending-margin-disclaimer.csv");

    assertThat(sink.holdings, contains(
        cash("Y11122233", "SPAXX", "800.00", 2),
        holding("Y11122233", "AAPL", "10", "190.50", 3),
        holding("Y11122233", "AAPL", "5", "190.50", 4),
        cash("Y11122233", "PENDING", "-1250.75", 5),
        holding("Y11122233", "SCHD", "1200", "28.11", 6),
        cash("241503321", "FDRXX", "5000.00", 7),
        cash("241503321", "PENDING", "12.40", 8)));
    assertThat(sink.recognised, contains("1:header", "9:blank", "10:blank", "11:disclaimer",
        "14:disclaimer", "15:footer"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void olderLayoutWithAccountNameNumberColumn() {
    RecordingSink sink = readFixture("older-account-name-number.csv");

    assertThat(sink.holdings, contains(
        cash("X55544433", "SPAXX", "431.26", 2),
        holding("X55544433", "FZROX", "2310.558", "13.27", 3),
        holding("X55544433", "FZILX", "1500", "11.08", 4)));
    assertThat(sink.recognised, contains("1:header", "5:blank", "6:footer"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void sourceAccountIsUsedWhenTheLayoutHasNoAccountColumn() {
    SourceFile file = new SourceFile(SOURCE, URI, "Z7");

    RecordingSink sink = read(file, "Symbol,Quantity,Last Price\nVTI,10,$250.00\n");

    assertThat(sink.holdings, contains(holding("Z7", "VTI", "10", "250.00", 2)));
  }

  @Test
  void dataRowAfterABlankLineIsStillReadNeverTakenForFooter() {
    RecordingSink sink = read(FILE, HEADER + VTI + "\n" + VTI
        + "Z1,Individual,BND,VANGUARD BOND,ten,$72.00,$720.00,Cash,\n\"Disclaimer text.\"\n");

    assertThat(sink.holdings, contains(holding("Z1", "VTI", "10", "250.00", 2),
        holding("Z1", "VTI", "10", "250.00", 4)));
    assertThat(sink.rejections(), contains("5:quantity 'ten' is not a number"));
    assertThat(sink.recognised, contains("1:header", "3:blank", "6:disclaimer"));
  }

  @Test
  void linesBeforeTheHeaderThatAreNotDataAreTitles() {
    RecordingSink sink = read(FILE, "Portfolio Positions,as of Nov-20-2026\n" + HEADER + VTI);

    assertThat(sink.recognised, contains("1:title", "2:header"));
    assertThat(sink.holdings, hasSize(1));
  }

  @Test
  void rejectsDataRowBeforeTheHeader() {
    RecordingSink sink = read(FILE, VTI + HEADER + VTI);

    assertThat(sink.rejections(), contains(
        "1:data row before the header (no row with Symbol and Quantity columns above it)"));
    assertThat(sink.holdings, contains(holding("Z1", "VTI", "10", "250.00", 3)));
  }

  @Test
  void rejectsBadQuantity() {
    assertThat(rejectionOf("Z1,Individual,VTI,VANGUARD,abc,$250.00,$2500.00,Cash,").reason(),
        is("quantity 'abc' is not a number"));
  }

  @Test
  void rejectsMissingQuantity() {
    assertThat(rejectionOf("Z1,Individual,VTI,VANGUARD,,$250.00,$2500.00,Cash,").reason(),
        is("missing quantity"));
  }

  @Test
  void rejectsBadPrice() {
    assertThat(rejectionOf("Z1,Individual,VTI,VANGUARD,10,$25O.00,$2500.00,Cash,").reason(),
        is("price '$25O.00' is not a number"));
  }

  @Test
  void rejectsNegativePrice() {
    assertThat(rejectionOf("Z1,Individual,VTI,VANGUARD,10,-$250.00,$2500.00,Cash,").reason(),
        is("negative price -$250.00"));
  }

  @Test
  void rejectsMissingSymbol() {
    assertThat(rejectionOf("Z1,Individual,,VANGUARD,10,$250.00,$2500.00,Cash,").reason(),
        is("missing symbol"));
  }

  @Test
  void rejectsRowWithoutAccountWhenTheSourceSetsNone() {
    assertThat(rejectionOf(",Individual,VTI,VANGUARD,10,$250.00,$2500.00,Cash,").reason(),
        is("no account id (the file has none on this row and the source sets no account:)"));
  }

  @Test
  void rejectsBadMoneyMarketAmount() {
    assertThat(rejectionOf("Z1,Individual,SPAXX**,HELD IN MONEY MARKET,,,$2O69.43,Cash,")
        .reason(), is("cash amount '$2O69.43' is not a number"));
  }

  @Test
  void rejectsMoneyMarketRowWithoutAmount() {
    assertThat(rejectionOf("Z1,Individual,SPAXX**,HELD IN MONEY MARKET,,,,Cash,").reason(),
        is("missing cash amount"));
  }

  @Test
  void rejectsPendingActivityWithoutAmount() {
    assertThat(rejectionOf("Z1,Individual,Pending Activity,,,,--,").reason(),
        is("missing cash amount"));
  }

  // As-of dates for the pipeline's age check; the file states no totals.

  @Test
  void theFooterStatesWhenTheFileWasDownloaded() {
    assertThat(readFixture("formats-md.csv").asOf(), is("2021-07-30 14:26 line 10"));
    assertThat(readFixture("older-account-name-number.csv").asOf(), is("2020-02-14 09:30 line 6"));
    assertThat(readFixture("pending-margin-disclaimer.csv").asOf(), is("2026-11-20 16:02 line 15"));
    assertThat(readFixture("sentence-case-bom-crlf.csv").asOf(), is("2025-03-03 10:14 line 7"));
    assertThat(readFixture("formats-md.csv").asOfs.get(0).text(),
        is("Date downloaded 07/30/2021 2:26 PM ET"));
    assertThat(downloaded("Date downloaded Jul-30-2021 2:26 PM ET"), is("2021-07-30 14:26 line 3"));
    assertThat(downloaded("Date downloaded 7/30/2021"), is("2021-07-30 - line 3"));
    assertThat(downloaded("Date Downloaded: 07/30/2021 12:26 AM"), is("2021-07-30 00:26 line 3"));
  }

  private static String downloaded(String footer) {
    return read(FILE, HEADER + VTI + "\"" + footer + "\"\n").asOf();
  }

  @Test
  void aDownloadDateThatCannotBeReadStopsTheRun() {
    for (String footer : List.of("Date downloaded 13/30/2021 2:26 PM ET",
        "Date downloaded Jux-30-2021 2:26 PM ET", "Date downloaded 07/30/2021 2:66 PM ET",
        "Date downloaded today")) {
      InputException e = assertThrows(InputException.class,
          () -> read(FILE, HEADER + VTI + "\n\"" + footer + "\"\n"));
      assertThat(e.getMessage(), is("source FIDELITY: " + URI + ": line 4: cannot read the date"
          + " in '" + footer + "'"));
    }
  }

  @Test
  void aFileWithoutTheFooterStatesNoDateAndNoFileStatesTotals() {
    RecordingSink sink = read(FILE, HEADER + VTI);
    assertThat(sink.asOfs, is(empty()));
    assertThat(sink.totals, is(empty()));
    assertThat(readFixture("pending-margin-disclaimer.csv").totals, is(empty()));
  }

  @Test
  void writtenHoldingsReadBackTheSame() {
    List<Holding> written = List.of(
        cashOf("Z12345678", "SPAXX", "2069.43"),
        position("Z12345678", "VWO", "900", "50.922"),
        position("Z12345678", "AAPL", "10", "190.50"),
        position("Z12345678", "AAPL", "5", "190.50"),
        cashOf("Z12345678", FidelityPositionsFormat.PENDING, "-121.97"),
        position("X98765432", "FZROX", "2310.558", "13.27"));

    RecordingSink sink = read(FILE, FidelityWriter.write(written));

    assertThat(sink.rejected, is(empty()));
    assertThat(lines(sink.holdings), is(lines(written)));
  }

  @Test
  void randomHoldingsReadBackTheSame() {
    Random random = new Random(20261120);
    for (int book = 0; book < 20; book++) {
      List<Holding> written = randomBook(random);

      RecordingSink sink = read(FILE, FidelityWriter.write(written));

      assertThat(sink.rejected, is(empty()));
      assertThat(lines(sink.holdings), is(lines(written)));
    }
  }

  /** What each holding says, without where it was read from. */
  private static List<String> lines(List<Holding> holdings) {
    return holdings.stream().map(RecordingSink::essentials).toList();
  }

  private static Holding position(String account, String symbol, String quantity, String price) {
    return new Holding(SOURCE, account, symbol, new BigDecimal(quantity), new BigDecimal(price),
        UNCLASSIFIED, false, SOURCE, URI, 0);
  }

  private static Holding cashOf(String account, String symbol, String amount) {
    return new Holding(SOURCE, account, symbol, new BigDecimal(amount), BigDecimal.ONE,
        Holding.CASH, true, SOURCE, URI, 0);
  }

  private static final String[] SYMBOLS = {"VTI", "FXAIX", "AAPL", "BRK.B", "912828XX1", "FZROX"};
  private static final String[] CASH = {"SPAXX", "FCASH", "CORE", "FDRXX",
      FidelityPositionsFormat.PENDING};

  /** Up to four accounts, each with up to six positions (repeats are Cash/Margin lots) and cash. */
  private static List<Holding> randomBook(Random random) {
    List<Holding> book = new ArrayList<>();
    for (int a = 1 + random.nextInt(4); a > 0; a--) {
      String account = "Z" + (10_000_000 + random.nextInt(90_000_000));
      for (int i = random.nextInt(7); i > 0; i--) {
        if (random.nextInt(4) == 0) {
          book.add(cashOf(account, CASH[random.nextInt(CASH.length)],
              BigDecimal.valueOf(random.nextInt(2_000_000) - 100_000, 2).toPlainString()));
        } else {
          book.add(position(account, SYMBOLS[random.nextInt(SYMBOLS.length)],
              BigDecimal.valueOf(random.nextInt(2_000_000) - 100_000, random.nextInt(5))
                  .toPlainString(),
              BigDecimal.valueOf(random.nextInt(10_000_000), 2 + random.nextInt(3))
                  .toPlainString()));
        }
      }
    }
    return book;
  }

  /** Writes holdings as Fidelity's positions export, footer and all. */
  private static final class FidelityWriter {
    private FidelityWriter() {}

    static String write(List<Holding> holdings) {
      StringBuilder out = new StringBuilder("Account Number,Account Name,Symbol,Description,"
          + "Quantity,Last Price,Last Price Change,Current Value,Today's Gain/Loss Dollar,"
          + "Today's Gain/Loss Percent,Total Gain/Loss Dollar,Total Gain/Loss Percent,"
          + "Percent Of Account,Cost Basis Total,Average Cost Basis,Type\n");
      boolean margin = false;
      for (Holding h : holdings) {
        String value = money(h.marketValue().setScale(2, RoundingMode.HALF_EVEN));
        if (h.symbol().equals(FidelityPositionsFormat.PENDING)) {
          out.append(row(h.accountId(), "Individual - TOD", "Pending Activity", "", "", "", "",
              value, "", "", "", "", "", ""));
        } else if (h.cash()) {
          out.append(row(h.accountId(), "Individual - TOD", h.symbol() + "**",
              "HELD IN MONEY MARKET", "", "", "", value, "", "", "", "", "1.20%", "", "", "Cash",
              ""));
        } else {
          margin = !margin;
          out.append(row(h.accountId(), "Individual - TOD", h.symbol(), "DESCRIPTION, INC",
              grouped(h.quantity()), money(h.price()), "+$0.160", value, "+$1.00", "+0.32%",
              "+$7,467.75", "+19.46%", "26.60%", "$38,362.05", "$42.62",
              margin ? "Margin" : "Cash", ""));
        }
      }
      out.append("\n\"The data and information in this spreadsheet is provided to you solely for"
          + " your use, and is not for distribution.\"\n");
      out.append("\"Date downloaded 11/20/2026 4:02 PM ET\"\n");
      return out.toString();
    }

    /** Cells quoted only where they must be, as Fidelity writes them. */
    private static String row(String... cells) {
      return Arrays.stream(cells)
          .map(c -> c.contains(",") || c.contains("\"") ? '"' + c.replace("\"", "\"\"") + '"' : c)
          .collect(Collectors.joining(",", "", "\n"));
    }
  }
}

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

class VanguardOfxFormatTest {
  private static final String URI = "/data/BROKERAGE_003/OfxDownload.csv";
  private static final SourceFile FILE = new SourceFile("BROKERAGE_003", URI, null);
  private static final String HEADER =
      "Account Number,Investment Name,Symbol,Shares,Share Price,Total Value,\n";
  private static final String TRANSACTIONS_HEADER = "Account Number,Trade Date,Settlement Date,"
      + "Transaction Type,Transaction Description,Investment Name,Symbol,Shares,Share Price,"
      + "Principal Amount,Commission Fees,Net Amount,Accrued Interest,Account Type,\n";

  private static RecordingSink read(SourceFile file, String text) {
    return RecordingSink.read(ExportFormats.builtIn("vanguard-ofx").orElseThrow(), file, text);
  }

  private static Holding position(String account, String symbol, String quantity, String price,
      long line) {
    return new Holding("BROKERAGE_003", account, symbol, new BigDecimal(quantity),
        price == null ? null : new BigDecimal(price), "UNCLASSIFIED", false, "BROKERAGE_003", URI,
        line);
  }

  private static Holding cash(String account, String symbol, String amount, long line) {
    return new Holding("BROKERAGE_003", account, symbol, new BigDecimal(amount), BigDecimal.ONE,
        "CASH", true, "BROKERAGE_003", URI, line);
  }

  /** The one rejected row of a file with the holdings header and this single data row. */
  private static RejectedRow rejectionOf(SourceFile file, String dataRow) {
    RecordingSink sink = read(file, HEADER + dataRow + "\n");
    assertThat(sink.holdings, is(empty()));
    assertThat(sink.rejected, hasSize(1));
    RejectedRow r = sink.rejected.get(0);
    assertThat(r.lineNumber(), is(2L));
    assertThat(r.sourceUri(), is(URI));
    assertThat(r.rawLine(), is(dataRow));
    return r;
  }

  private static RejectedRow rejectionOf(String dataRow) {
    return rejectionOf(FILE, dataRow);
  }

  @Test
  void readsTheExportAsDownloaded() {
    RecordingSink sink = read(FILE, fixture(getClass(), "OfxDownload.csv"));

    assertThat(sink.holdings, contains(
        position("12345678", "VOO", "18.1817", "629.30", 2),
        position("12345678", "BND", "40", "72.15", 3),
        cash("12345678", "VMFXX", "1520.55", 4)));
    assertThat(sink.recognised, contains("1:holdings header", "5:blank", "6:blank", "7:blank",
        "8:transactions header", "9:transaction", "10:transaction", "11:transaction"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void theFileStatesNeitherADateNorTotals() {
    for (String name : List.of("OfxDownload.csv", "OfxDownload-crlf-bom.csv",
        "OfxDownload-renamed-accounts.csv")) {
      RecordingSink sink = read(FILE, fixture(getClass(), name));
      assertThat(name, sink.asOfs, is(empty()));
      assertThat(name, sink.totals, is(empty()));
    }
  }

  @Test
  void settlementFundIsTheAccountsCashAtItsTotalValue() {
    Holding vmfxx = read(FILE, fixture(getClass(), "OfxDownload.csv")).holdings.get(2);

    assertThat(vmfxx.cash(), is(true));
    assertThat(vmfxx.marketValue(), is(new BigDecimal("1520.55")));
  }

  @Test
  void readsRenamedRecasedHeadersAndSeveralAccounts() {
    RecordingSink sink = read(FILE, fixture(getClass(), "OfxDownload-renamed-accounts.csv"));

    assertThat(sink.holdings, contains(
        position("12345678", "VTI", "120", "274.61", 2),
        position("12345678", "BNDX", "300", "51.36", 3),
        cash("12345678", "VMFXX", "5520.55", 4),
        position("87654321", "VFIAX", "10.5", "580.12", 5),
        cash("87654321", "VUSXX", "250.00", 6),
        cash("87654321", "VMRXX", "100.2500", 7),
        cash("55501234", "VCTXX", "812.40", 8),
        position("55501234", "VXUS", "64", "70.29", 9)));
    assertThat(sink.recognised, contains("1:holdings header", "10:blank", "11:blank",
        "12:transactions header", "13:transaction"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void readsCrlfWithByteOrderMarkAndQuotedNames() {
    RecordingSink sink = read(FILE, fixture(getClass(), "OfxDownload-crlf-bom.csv"));

    assertThat(sink.holdings, contains(
        position("12345678", "VGSTX", "210.337", "31.02", 2),
        cash("12345678", "VMFXX", "980.10", 3)));
    assertThat(sink.recognised, contains("1:holdings header", "4:blank", "5:blank",
        "6:transactions header", "7:transaction"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void moneyMarketFundsAreKnownBySymbolOrName() {
    for (String symbol : List.of("VMFXX", "VMMXX", "VMRXX", "VUSXX", "VYFXX", "VMSXX", "vmfxx")) {
      assertThat(symbol, VanguardOfxFormat.isMoneyMarket(symbol, "SOME FUND"), is(true));
    }
    assertThat(VanguardOfxFormat.isMoneyMarket("VCTXX", "Vanguard California Money Market Fund"),
        is(true));
    assertThat(VanguardOfxFormat.isMoneyMarket("VOO", "VANGUARD S&P 500 INDEX ETF"), is(false));
    assertThat(VanguardOfxFormat.isMoneyMarket(null, null), is(false));
  }

  @Test
  void moneyMarketWithoutSymbolIsCash() {
    RecordingSink sink =
        read(FILE, HEADER + "1,VANGUARD MONEY MARKET RESERVES,,50,1.00,50.00,\n");

    assertThat(sink.holdings, contains(cash("1", "CASH", "50.00", 2)));
  }

  @Test
  void positionWithoutPriceIsAHoldingToBePricedLater() {
    RecordingSink sink = read(FILE, HEADER + "1,VANGUARD S&P 500 INDEX ETF,VOO,10,--,,\n");

    assertThat(sink.holdings, contains(position("1", "VOO", "10", null, 2)));
  }

  @Test
  void accountComesFromTheSourceWhenTheRowHasNone() {
    SourceFile file = new SourceFile("BROKERAGE_003", URI, "XXXX-9");

    RecordingSink sink = read(file, HEADER + ",VANGUARD S&P 500 INDEX ETF,VOO,10,600.00,6000,\n"
        + ",VANGUARD FEDERAL MONEY MARKET FUND,VMFXX,5,1.00,5.00,\n");

    assertThat(sink.holdings, contains(position("XXXX-9", "VOO", "10", "600.00", 2),
        cash("XXXX-9", "VMFXX", "5.00", 3)));
  }

  @Test
  void transactionRowsAreNeverHoldingsEvenWhenMalformed() {
    RecordingSink sink = read(FILE, HEADER + "1,VANGUARD S&P 500 INDEX ETF,VOO,10,600.00,6000,\n"
        + "\n" + TRANSACTIONS_HEADER + "1,06/01/2026,,Buy,Buy,X,,abc,,,,,,CASH,\n");

    assertThat(sink.holdings, hasSize(1));
    assertThat(sink.recognised, contains("1:holdings header", "3:blank", "4:transactions header",
        "5:transaction"));
  }

  @Test
  void rejectsLineBeforeTheHoldingsHeader() {
    RecordingSink sink = read(FILE, "12345678,VOO,1\n" + HEADER);

    assertThat(sink.rejections(), contains("1:line before the holdings header"));
    assertThat(sink.rejected.get(0).rawLine(), is("12345678,VOO,1"));
  }

  @Test
  void rejectsMissingSymbol() {
    assertThat(rejectionOf("1,VANGUARD S&P 500 INDEX ETF,,10,600.00,6000,").reason(),
        is("missing symbol"));
  }

  @Test
  void rejectsBadShares() {
    assertThat(rejectionOf("1,VANGUARD S&P 500 INDEX ETF,VOO,1O,600.00,6000,").reason(),
        is("quantity '1O' is not a number"));
  }

  @Test
  void rejectsMissingShares() {
    assertThat(rejectionOf("1,VANGUARD S&P 500 INDEX ETF,VOO,,600.00,6000,").reason(),
        is("missing quantity"));
  }

  @Test
  void rejectsBadPrice() {
    assertThat(rejectionOf("1,VANGUARD S&P 500 INDEX ETF,VOO,10,6OO.00,6000,").reason(),
        is("price '6OO.00' is not a number"));
  }

  @Test
  void rejectsNegativePrice() {
    assertThat(rejectionOf("1,VANGUARD S&P 500 INDEX ETF,VOO,10,-600.00,6000,").reason(),
        is("negative price -600.00"));
  }

  @Test
  void rejectsRowWithoutAccountWhenTheSourceSetsNone() {
    assertThat(rejectionOf(",VANGUARD S&P 500 INDEX ETF,VOO,10,600.00,6000,").reason(),
        containsString("no account id"));
  }

  @Test
  void rejectsPositionWhoseValueIsNotSharesTimesPrice() {
    // A Treasury held at 10,000 face, priced per 100: valued 100 times too high as shares × price.
    assertThat(rejectionOf("1,US TREASURY NOTE 4.25% 11/15/2034,91282CLW9,10000,98.50,9850.00,")
        .reason(), is("value 9850.00 is not quantity × price (985000.00): a price per 100 or a "
        + "contract multiplier is not supported"));
  }

  @Test
  void rejectsBadCashAmount() {
    assertThat(rejectionOf("1,VANGUARD FEDERAL MONEY MARKET FUND,VMFXX,5,1.00,five,").reason(),
        is("cash amount 'five' is not a number"));
  }

  @Test
  void rejectsCashWithoutAnyAmount() {
    assertThat(rejectionOf("1,VANGUARD FEDERAL MONEY MARKET FUND,VMFXX,--,1.00,,").reason(),
        is("missing cash amount (no Total Value, and Shares × Share Price is not known)"));
  }

  @Test
  void rejectsCashWithoutAccountWhenTheSourceSetsNone() {
    assertThat(rejectionOf(",VANGUARD FEDERAL MONEY MARKET FUND,VMFXX,5,1.00,5.00,").reason(),
        containsString("no account id"));
  }

  @Test
  void goodRowsAroundARejectedOneAreKept() {
    RecordingSink sink = read(FILE, HEADER
        + "1,VANGUARD S&P 500 INDEX ETF,VOO,10,600.00,6000,\n"
        + "1,VANGUARD TOTAL BOND MARKET ETF,BND,ten,72.00,720,\n"
        + "1,VANGUARD FEDERAL MONEY MARKET FUND,VMFXX,5,1.00,5.00,\n");

    assertThat(sink.holdings.stream().map(Holding::symbol).toList(), contains("VOO", "VMFXX"));
    assertThat(sink.rejections(), contains("3:quantity 'ten' is not a number"));
  }

  @Test
  void fileWithoutHoldingsHeaderIsAnError() {
    InputException e = assertThrows(InputException.class,
        () -> read(FILE, TRANSACTIONS_HEADER + "1,06/01/2026,,Buy,Buy,X,VOO,1,1,,,,,CASH,\n"));

    assertThat(e.getMessage(), allOf(containsString("BROKERAGE_003"), containsString(URI),
        containsString("no holdings header")));
  }

  @Test
  void holdingsHeaderWithoutPriceIsAnError() {
    InputException e = assertThrows(InputException.class,
        () -> read(FILE, "\nAccount Number,Investment Name,Symbol,Shares,Total Value,\n"));

    assertThat(e.getMessage(), allOf(containsString(URI), containsString("line 2"),
        containsString("Share Price")));
  }

  @Test
  void holdingsHeaderWithoutAccountNeedsTheSourceAccount() {
    InputException e = assertThrows(InputException.class,
        () -> read(FILE, "Investment Name,Symbol,Shares,Share Price,Total Value,\n"));

    assertThat(e.getMessage(), allOf(containsString("line 1"), containsString("Account Number")));
  }

  @Test
  void roundTripKeepsEveryHolding() {
    List<Holding> written = randomBook(new Random(20260601), 40);

    RecordingSink sink = read(FILE, write(written));

    assertThat(sink.rejected, is(empty()));
    assertThat(sink.holdings.stream().map(RecordingSink::essentials).toList(),
        is(written.stream().map(RecordingSink::essentials).toList()));
  }

  /** Holdings of a few accounts, each with its settlement fund, as Vanguard would list them. */
  private static List<Holding> randomBook(Random random, int count) {
    List<Holding> book = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String account = String.valueOf(10000000 + random.nextInt(3));
      if (random.nextInt(5) == 0) {
        BigDecimal amount = BigDecimal.valueOf(random.nextInt(10_000_000), 2);
        book.add(cash(account, "VMFXX", amount.toPlainString(), 0));
      } else {
        String symbol = "V" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
        BigDecimal quantity = BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(5));
        BigDecimal price = BigDecimal.valueOf(1 + random.nextInt(100_000), 2);
        book.add(position(account, symbol, quantity.toPlainString(), price.toPlainString(), 0));
      }
    }
    return book;
  }

  /** A Vanguard OfxDownload.csv of these holdings, with a transactions section after them. */
  private static String write(List<Holding> holdings) {
    StringBuilder out = new StringBuilder(HEADER);
    for (Holding h : holdings) {
      String name =
          h.cash() ? "VANGUARD FEDERAL MONEY MARKET FUND" : "VANGUARD " + h.symbol() + " ETF";
      // A money-market share is worth $1.00, so its shares and its Total Value are the amount.
      String price = h.cash() ? "1.00" : h.price().toPlainString();
      String value = h.quantity().multiply(h.price()).toPlainString();
      out.append(String.join(",", h.accountId(), name, h.symbol(), h.quantity().toPlainString(),
          price, value, "")).append('\n');
    }
    out.append("\n\n").append(TRANSACTIONS_HEADER)
        .append("10000000,06/01/2026,06/02/2026,Buy,Buy,X,VOO,2.0,610.00,-1220.00,0.0,-1220.00,0.0,"
            + "CASH,\n");
    return out.toString();
  }
}

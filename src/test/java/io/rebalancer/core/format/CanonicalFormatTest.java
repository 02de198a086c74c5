package io.rebalancer.core.format;

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
import org.junit.jupiter.api.Test;

class CanonicalFormatTest {
  private static final String URI = "/data/BROKERAGE_001/positions.csv";
  private static final SourceFile FILE = new SourceFile("BROKERAGE_001", URI, null);
  private static final String HEADER = "account_id,symbol,quantity,price,asset_class,currency\n";

  private static RecordingSink read(SourceFile file, String text) {
    return RecordingSink.read(new CanonicalFormat(), file, text);
  }


  private static Holding holding(String account, String symbol, String quantity, String price,
      String assetClass, boolean cash, long line) {
    return new Holding("BROKERAGE_001", account, symbol, new BigDecimal(quantity),
        price == null ? null : new BigDecimal(price), assetClass, cash, "BROKERAGE_001", URI, line);
  }

  /** The one rejected row of a file with the header and this single data row. */
  private static RejectedRow rejectionOf(String dataRow) {
    RecordingSink sink = read(FILE, HEADER + dataRow + "\n");
    assertThat(sink.holdings, is(empty()));
    assertThat(sink.rejected, hasSize(1));
    RejectedRow r = sink.rejected.get(0);
    assertThat(r.sourceId(), is("BROKERAGE_001"));
    assertThat(r.sourceUri(), is(URI));
    assertThat(r.lineNumber(), is(2L));
    assertThat(r.rawLine(), is(dataRow));
    return r;
  }

  @Test
  void readsHoldings() {
    RecordingSink sink = read(FILE, HEADER
        + "XXXX-1234,VTI,120,250.10,EQUITY,USD\n"
        + "XXXX-1234,BND,\"1,000\",$72.50,FIXED_INCOME,\n"
        + "XXXX-5678,SPAXX,300.5,1.00,CASH,usd\n");

    assertThat(sink.holdings, contains(
        holding("XXXX-1234", "VTI", "120", "250.10", "EQUITY", false, 2),
        holding("XXXX-1234", "BND", "1000", "72.50", "FIXED_INCOME", false, 3),
        holding("XXXX-5678", "SPAXX", "300.5", "1.00", "CASH", true, 4)));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void theFileStatesNeitherADateNorTotals() {
    RecordingSink sink = read(FILE, HEADER + "XXXX-1234,VTI,120,250.10,EQUITY,USD\n");
    assertThat(sink.asOfs, is(empty()));
    assertThat(sink.totals, is(empty()));
  }

  @Test
  void headerAndBlankLinesAreRecognised() {
    RecordingSink sink = read(FILE, "\n" + HEADER + "\n,,,,,\nA1,VTI,1,2,EQUITY,USD\n");

    assertThat(sink.recognised, contains("1:blank", "2:header", "3:blank", "4:blank"));
    assertThat(sink.holdings, hasSize(1));
    assertThat(sink.holdings.get(0).lineNumber(), is(5L));
  }

  @Test
  void columnsAreFoundByMeaningNotPosition() {
    RecordingSink sink = read(FILE, "Ticker,Shares,Class,Close,Account Number\n"
        + "VTI,10,EQUITY,250.00,A1\n");

    assertThat(sink.holdings, contains(holding("A1", "VTI", "10", "250.00", "EQUITY", false, 2)));
  }

  @Test
  void rowWithoutPriceIsAHoldingToBePricedLater() {
    RecordingSink sink = read(FILE, HEADER + "A1,VTI,10,--,EQUITY,USD\n");

    assertThat(sink.holdings, contains(holding("A1", "VTI", "10", null, "EQUITY", false, 2)));
  }

  @Test
  void cashRowWithoutPriceIsPricedAtOne() {
    RecordingSink sink = read(FILE, HEADER + "A1,CASH,\"$2,500.00\",,,\n");

    assertThat(sink.holdings, contains(holding("A1", "CASH", "2500.00", "1", "CASH", true, 2)));
    assertThat(sink.holdings.get(0).marketValue(), is(new BigDecimal("2500.00")));
  }

  @Test
  void accountComesFromTheSourceWhenTheFileHasNoAccountColumn() {
    SourceFile file = new SourceFile("BROKERAGE_001", URI, "XXXX-1234");

    RecordingSink sink = read(file, "symbol,quantity,price,asset_class\nVTI,10,250.00,EQUITY\n");

    assertThat(sink.holdings,
        contains(holding("XXXX-1234", "VTI", "10", "250.00", "EQUITY", false, 2)));
  }

  @Test
  void accountComesFromTheSourceWhenTheRowHasNone() {
    SourceFile file = new SourceFile("BROKERAGE_001", URI, "XXXX-1234");

    RecordingSink sink = read(file, HEADER + ",VTI,10,250.00,EQUITY,USD\n");

    assertThat(sink.holdings.get(0).accountId(), is("XXXX-1234"));
  }

  @Test
  void rejectsMissingSymbol() {
    assertThat(rejectionOf("A1,,10,250.00,EQUITY,USD").reason(), is("missing symbol"));
  }

  @Test
  void rejectsBadQuantity() {
    assertThat(rejectionOf("A1,VTI,ten,250.00,EQUITY,USD").reason(),
        allOf(containsString("quantity"), containsString("'ten'")));
  }

  @Test
  void rejectsMissingQuantity() {
    assertThat(rejectionOf("A1,VTI,,250.00,EQUITY,USD").reason(), is("missing quantity"));
  }

  @Test
  void rejectsBadPrice() {
    assertThat(rejectionOf("A1,VTI,10,25O.00,EQUITY,USD").reason(),
        allOf(containsString("price"), containsString("'25O.00'")));
  }

  @Test
  void rejectsNegativePrice() {
    assertThat(rejectionOf("A1,VTI,10,(250.00),EQUITY,USD").reason(),
        allOf(containsString("negative price"), containsString("(250.00)")));
  }

  @Test
  void rejectsMissingAssetClass() {
    assertThat(rejectionOf("A1,VTI,10,250.00,,USD").reason(), is("missing asset class"));
  }

  @Test
  void rejectsNonUsdCurrency() {
    assertThat(rejectionOf("A1,VTI,10,250.00,EQUITY,EUR").reason(),
        allOf(containsString("EUR"), containsString("only USD")));
  }

  @Test
  void rejectsRowWithoutAccountWhenTheSourceSetsNone() {
    assertThat(rejectionOf(",VTI,10,250.00,EQUITY,USD").reason(),
        containsString("no account id"));
  }

  @Test
  void goodRowsAroundARejectedOneAreKept() {
    RecordingSink sink = read(FILE, HEADER
        + "A1,VTI,10,250.00,EQUITY,USD\n"
        + "A1,VEA,10,50.00,EQUITY,GBP\n"
        + "A1,BND,5,72.00,FIXED_INCOME,USD\n");

    assertThat(sink.holdings.stream().map(Holding::symbol).toList(), contains("VTI", "BND"));
    assertThat(sink.rejected.stream().map(RejectedRow::lineNumber).toList(), contains(3L));
  }

  @Test
  void headerMissingAColumnNamesSourceFileAndLine() {
    InputException e = assertThrows(InputException.class,
        () -> read(FILE, "\naccount_id,symbol,quantity,asset_class\nA1,VTI,10,EQUITY\n"));

    assertThat(e.getMessage(), allOf(containsString("BROKERAGE_001"), containsString(URI),
        containsString("line 2"), containsString("price")));
  }

  @Test
  void headerWithoutAccountColumnNeedsTheSourceAccount() {
    InputException e = assertThrows(InputException.class,
        () -> read(FILE, "symbol,quantity,price,asset_class\nVTI,10,250.00,EQUITY\n"));

    assertThat(e.getMessage(), allOf(containsString("BROKERAGE_001"), containsString(URI),
        containsString("line 1"), containsString("account")));
  }

  @Test
  void aQuantityTheWarehouseCannotStoreExactlyIsARejectedRow() {
    assertThat(rejectionOf("A1,VTI,1.0000000000000000001,250.00,EQUITY,USD").reason(),
        is("quantity 1.0000000000000000001 has 19 decimals; the warehouse stores 18:"
            + " round it in the export"));
    assertThat(rejectionOf("A1,CASH,0.5000000000000000001,,CASH,USD").reason(),
        is("quantity 0.5000000000000000001 has 19 decimals; the warehouse stores 18:"
            + " round it in the export"));
  }
}

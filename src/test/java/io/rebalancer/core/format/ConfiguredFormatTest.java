package io.rebalancer.core.format;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.Holding;
import io.rebalancer.core.InputException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfiguredFormatTest {
  private static final SourceFile FILE = new SourceFile("B6", "/in/depot.csv", "ACME-1");
  private static final String DEPOT = String.join("\n",
      "Acme Securities - Depot statement",
      "",
      "Ticker,Name,Units,Unit price,Value,Category",
      "VTI,Total market,40,274.61,\"10'984.40\",Equity",
      "GLD,Gold,150,\"1'241.21\",\"186'181.50\",Commodity",
      "MMDA,Deposit,,,\"3'250.75\",Liquidity",
      "Subtotal equities,,,,1,",
      "",
      "Total,,,,\"50416.65\",",
      "Values in USD, Zurich",
      "");

  private static FormatSpec spec(int line, String marker) {
    return new FormatSpec("acme", line, marker, null, "Ticker", "Units", "Unit price", "Value",
        "Category", null, List.of(), null, List.of("liquidity"), List.of("Subtotal"),
        List.of("Total"), ".", "'");
  }

  @Test
  void readsTheDescribedLayout() {
    RecordingSink sink = RecordingSink.read(new ConfiguredFormat(spec(0, "ticker")), FILE, DEPOT);
    assertThat(sink.holdings.stream().map(h -> h.accountId() + " " + h.symbol() + " "
        + h.quantity().toPlainString() + " @" + h.price().toPlainString() + " " + h.assetClass()
        + (h.cash() ? " cash" : "") + " line " + h.lineNumber()).toList(), contains(
        "ACME-1 VTI 40 @274.61 Equity line 4",
        "ACME-1 GLD 150 @1241.21 Commodity line 5",
        "ACME-1 MMDA 3250.75 @1 CASH cash line 6"));
    assertThat(sink.recognised, contains("1:before header", "2:before header", "3:header",
        "7:skipped", "8:blank", "9:end of table", "10:footer"));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void theHeaderCanBeGivenByLine() {
    RecordingSink sink = RecordingSink.read(new ConfiguredFormat(spec(3, null)), FILE, DEPOT);
    assertThat(sink.holdings.size(), is(3));
  }

  @Test
  void aMalformedRowIsRejectedWithItsLine() {
    String text = DEPOT.replace("VTI,Total market,40,", "VTI,Total market,4O,");
    RecordingSink sink = RecordingSink.read(new ConfiguredFormat(spec(0, "Ticker")), FILE, text);
    assertThat(sink.rejected.size(), is(1));
    assertThat(sink.rejected.get(0).lineNumber(), is(4L));
    assertThat(sink.rejected.get(0).reason(), containsString("'4O' is not a number"));
  }

  @Test
  void decimalCommasAreRead() {
    FormatSpec eu = new FormatSpec("eu", 1, null, "Konto", "Symbol", "Stueck", "Kurs", null,
        null, null, List.of("CASH"), null, List.of(), List.of(), List.of(), ",", ".");
    RecordingSink sink = RecordingSink.read(new ConfiguredFormat(eu), FILE,
        "Konto,Symbol,Stueck,Kurs\nDE-1,SAP,\"1.200\",\"181,25\"\nDE-1,CASH,\"2.500,50\",\n");
    Holding sap = sink.holdings.get(0);
    assertThat(sap.quantity(), is(new BigDecimal("1200")));
    assertThat(sap.price(), is(new BigDecimal("181.25")));
    assertThat(sap.assetClass(), is("UNCLASSIFIED"));
    assertThat(sink.holdings.get(1).quantity(), is(new BigDecimal("2500.50")));
    assertThat(sink.holdings.get(1).cash(), is(true));
  }

  @Test
  void aMissingHeaderOrColumnNamesTheFormat() {
    InputException noHeader = assertThrows(InputException.class, () -> RecordingSink.read(
        new ConfiguredFormat(spec(0, "Symbol")), FILE, DEPOT));
    assertThat(noHeader.getMessage(), containsString("source B6: /in/depot.csv: format acme:"
        + " no header row starting with 'Symbol'"));
    InputException noColumn = assertThrows(InputException.class, () -> RecordingSink.read(
        new ConfiguredFormat(spec(0, "Ticker")), FILE, DEPOT.replace(",Units,", ",Pieces,")));
    assertThat(noColumn.getMessage(), containsString("line 3: format acme: header has no column"
        + " 'Units'"));
  }
}

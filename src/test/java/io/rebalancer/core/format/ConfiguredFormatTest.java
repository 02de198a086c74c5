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

  /** "3.250,75" under decimal "." and thousands "'" was read as 3.25075, 1000 times too small. */
  @Test
  void aCommaTheLayoutDoesNotWriteIsARejectedRowNotAThousandsComma() {
    String text = DEPOT.replace("\"3'250.75\",Liquidity", "\"3.250,75\",Liquidity");
    RecordingSink sink = RecordingSink.read(new ConfiguredFormat(spec(0, "Ticker")), FILE, text);
    assertThat(sink.holdings.size(), is(2));
    assertThat(sink.rejected.get(0).lineNumber(), is(6L));
    assertThat(sink.rejected.get(0).reason(), containsString("'3.250,75' has a ','"));
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

  // As-of dates and stated totals, for the pipeline's age and reconciliation checks.

  private static final String DATED = DEPOT.replace("Acme Securities - Depot statement",
      "Depot ACME-7781 / valuation date 20.11.2026");

  private static FormatSpec spec(FormatSpec.DateLine asOf, FormatSpec.TotalRow totalRow) {
    FormatSpec s = spec(0, "Ticker");
    return new FormatSpec(s.name(), s.headerLine(), s.headerMarker(), s.account(), s.symbol(),
        s.quantity(), s.price(), s.marketValue(), s.assetClass(), s.currency(), s.cashSymbols(),
        s.cashSymbolSuffix(), s.cashAssetClasses(), s.skipRows(), s.endRows(),
        s.decimalSeparator(), s.thousandsSeparator(), asOf, totalRow);
  }

  private static RecordingSink dated(String marker, String pattern, String text) {
    return RecordingSink.read(new ConfiguredFormat(
        spec(new FormatSpec.DateLine(marker, pattern), null)), FILE, text);
  }

  @Test
  void theDateIsTheFirstTextAfterTheMarkerThatThePatternReads() {
    RecordingSink sink = dated("valuation date", "dd.MM.yyyy", DATED);
    assertThat(sink.asOf(), is("2026-11-20 - line 1"));
    assertThat(sink.asOfs.get(0).text(), is("Depot ACME-7781 / valuation date 20.11.2026"));
    assertThat(sink.recognised.get(0), is("1:before header"));
    assertThat(dated("Valuation Date", "dd.MM.yyyy", DEPOT.replace("Acme Securities - Depot "
        + "statement", "\"Valuation date:\",\"20.11.2026\"")).asOf(), is("2026-11-20 - line 1"));
    assertThat(dated("as of", "d MMM yyyy HH:mm", DEPOT.replace("Values in USD, Zurich",
        "Prices as of 3 Nov 2026 17:30 CET")).asOf(), is("2026-11-03 17:30 line 10"));
  }

  @Test
  void aMarkedLineWhoseDateCannotBeReadStopsTheRun() {
    for (String line : List.of("valuation date 31.11.2026", "valuation date 2026-11-20",
        "valuation date")) {
      InputException e = assertThrows(InputException.class, () -> dated("valuation date",
          "dd.MM.yyyy", DEPOT.replace("Acme Securities - Depot statement", line)));
      assertThat(e.getMessage(), is("source B6: /in/depot.csv: line 1: cannot read the date in '"
          + line + "'"));
    }
  }

  @Test
  void noDateIsReportedWithoutTheMarkerOrWithoutAsOf() {
    assertThat(dated("valuation date", "dd.MM.yyyy", DEPOT).asOfs, is(empty()));
    assertThat(RecordingSink.read(new ConfiguredFormat(spec(0, "Ticker")), FILE, DATED).asOfs,
        is(empty()));
  }

  @Test
  void holdingRowsAreNotSearchedForTheDate() {
    RecordingSink sink = dated("deposit", "dd.MM.yyyy", DATED);
    assertThat(sink.asOfs, is(empty()));
    assertThat(sink.holdings.size(), is(3));
  }

  @Test
  void aDatePatternMustReadAWholeDate() {
    for (String pattern : List.of("dd.MM", "HH:mm", "dd.MM.yyyy {", "bogus")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new FormatSpec.DateLine("valuation date", pattern));
      assertThat(e.getMessage(), containsString("'" + pattern + "' is not a date pattern"));
    }
  }

  @Test
  void theTotalRowStatesTheAccountsTotalAndStillEndsTheTable() {
    RecordingSink sink = RecordingSink.read(new ConfiguredFormat(spec(null,
        new FormatSpec.TotalRow("Total", "Value", true))), FILE, DEPOT);
    assertThat(sink.totals(), contains("ACME-1|Total|50416.65|with cash|9"));
    assertThat(sink.recognised, contains("1:before header", "2:before header", "3:header",
        "7:skipped", "8:blank", "9:end of table", "10:footer"));
    assertThat(sink.holdings.size(), is(3));
  }

  @Test
  void aTotalRowThatDoesNotEndTheTableIsRecognised() {
    RecordingSink sink = RecordingSink.read(new ConfiguredFormat(spec(null,
        new FormatSpec.TotalRow("Subtotal", "Value", false))), FILE, DEPOT);
    assertThat(sink.totals(), contains("ACME-1|Subtotal equities|1|no cash|7"));
    assertThat(sink.recognised, contains("1:before header", "2:before header", "3:header",
        "7:total", "8:blank", "9:end of table", "10:footer"));
  }

  @Test
  void theTotalsAccountIsTheRowsAccountColumn() {
    RecordingSink sink = RecordingSink.read(new ConfiguredFormat(konto()), FILE,
        "Symbol,Konto,Stueck,Kurs,Wert\nSAP,DE-1,\"1.200\",\"181,25\",\"217.500,00\"\n"
        + "Summe,DE-1,,,\"217.500,00\"\nSAP,DE-2,1,\"181,25\",\"181,25\"\n"
        + "Summe,DE-2,,,\"181,25\"\n");
    assertThat(sink.totals(), contains("DE-1|Summe|217500.00|with cash|3",
        "DE-2|Summe|181.25|with cash|5"));
  }

  @Test
  void anAccountColumnThatHoldsTheMarkerNamesNoAccount() {
    RecordingSink sink = RecordingSink.read(new ConfiguredFormat(konto()), FILE,
        "Konto,Symbol,Stueck,Kurs,Wert\nDE-1,SAP,\"1.200\",\"181,25\",\"217.500,00\"\n"
        + "Summe,,,,\"217.500,00\"\n");
    assertThat(sink.totals(), contains("ACME-1|Summe|217500.00|with cash|3"));
  }

  /** A layout with a "Konto" account column, its totals in "Summe" rows. */
  private static FormatSpec konto() {
    return new FormatSpec("eu", 1, null, "Konto", "Symbol", "Stueck", "Kurs", null,
        null, null, List.of(), null, List.of(), List.of(), List.of(), ",", ".", null,
        new FormatSpec.TotalRow("Summe", "Wert", true));
  }

  @Test
  void anUnreadableOrUnattributableTotalIsARejectedRow() {
    FormatSpec totals = spec(null, new FormatSpec.TotalRow("Total", "Value", true));
    RecordingSink sink = RecordingSink.read(new ConfiguredFormat(totals), FILE,
        DEPOT.replace("\"50416.65\"", "\"5O416.65\""));
    assertThat(sink.rejections(), contains(
        "9:cannot read the stated total in column 'Value': '5O416.65' is not a number"));
    assertThat(sink.recognised.get(sink.recognised.size() - 1), is("10:footer"));
    assertThat(sink.totals, is(empty()));
    RecordingSink noAccount = RecordingSink.read(new ConfiguredFormat(totals),
        new SourceFile("B6", "/in/depot.csv", null), DEPOT);
    assertThat(noAccount.rejections().get(noAccount.rejections().size() - 1), is("9:cannot read"
        + " the stated total: no account id (the row has none and the source sets no account:)"));
  }

  @Test
  void aTotalColumnMissingFromTheHeaderNamesIt() {
    InputException e = assertThrows(InputException.class, () -> RecordingSink.read(
        new ConfiguredFormat(spec(null, new FormatSpec.TotalRow("Total", "Amount", true))), FILE,
        DEPOT));
    assertThat(e.getMessage(), containsString("line 3: format acme: header has no column"
        + " 'Amount'"));
  }

  /**
   * Custom layouts are not value-checked: the bond priced per 100 is a holding valued 100 times
   * too high, and the total row the export states lets the pipeline's reconciliation catch it.
   */
  @Test
  void aBondPricedPer100StillHasItsAccountTotalStated() {
    RecordingSink sink = RecordingSink.read(new ConfiguredFormat(spec(null,
        new FormatSpec.TotalRow("Total", "Value", true))), FILE, String.join("\n",
        "Ticker,Name,Units,Unit price,Value,Category",
        "US912828XX,US Treasury,10000,98.50,\"9'850.00\",Bond",
        "Total,,,,\"9'850.00\",", ""));
    assertThat(sink.holdings.get(0).marketValue(), is(new BigDecimal("985000.00")));
    assertThat(sink.totals(), contains("ACME-1|Total|9850.00|with cash|3"));
  }
}

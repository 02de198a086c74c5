package io.rebalancer.core.format;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tax lots each export states, from hand-made snippets of its layout. */
class ExportLotsTest {
  private static final SourceFile IBKR = new SourceFile("B5", "/in/B5/U1_20261120.csv", null);
  private static final String ACCOUNT = "Account Information,Header,Field Name,Field Value\n"
      + "Account Information,Data,Account,U1\n";
  /** Lines 1-3: the account, then a positions header with the open date column named so. */
  private static String ibkr(String openColumn, String... rows) {
    return ACCOUNT + "Open Positions,Header,DataDiscriminator,Asset Category,Currency,Symbol,"
        + openColumn + ",Quantity,Mult,Cost Price,Cost Basis,Close Price,Value,Unrealized P/L,"
        + "Code\n" + String.join("\n", rows) + "\n";
  }

  private static RecordingSink read(ExportFormat format, SourceFile file, String text) {
    return RecordingSink.read(format, file, text);
  }

  private static RecordingSink ibkrRead(String text) {
    return read(new IbkrActivityFormat(), IBKR, text);
  }

  @Test
  void ibkrLotRowsAreTheSummarysLotsWithTheOpenDateAsIbkrWritesIt() {
    RecordingSink sink = ibkrRead(ibkr("Open",
        "Open Positions,Data,Summary,Stocks,USD,BND,-,40,1,72.95,2918,74.12,2964.8,46.8,",
        "Open Positions,Data,Lot,Stocks,USD,BND,\"2026-06-02, 10:31:07\",10,,72.41,724.1,"
            + "74.12,741.2,17.1,ST",
        "Open Positions,Data,Lot,Stocks,USD,BND,2024-03-15 14:02:55,10,,73,730,74.12,741.2,"
            + "11.2,LT",
        "Open Positions,Data,Lot,Stocks,USD,BND,20230102,10,,73,730,74.12,741.2,11.2,LT",
        "Open Positions,Data,Lot,Stocks,USD,BND,2022-12-30,10,,73.4,733.9,74.12,741.2,7.3,LT"));

    assertThat(sink.holdings, hasSize(1));
    assertThat(sink.lots(), contains(
        "U1|BND|U1_20261120.csv:5|2026-06-02|10|724.1|5",
        "U1|BND|U1_20261120.csv:6|2024-03-15|10|730|6",
        "U1|BND|U1_20261120.csv:7|2023-01-02|10|730|7",
        "U1|BND|U1_20261120.csv:8|2022-12-30|10|733.9|8"));
    assertThat(sink.recognised.subList(3, 7), contains("5:" + LOT, "6:" + LOT, "7:" + LOT,
        "8:" + LOT));
    assertThat(sink.lots.get(0).sourceUri(), is(IBKR.uri()));
    assertThat(sink.lots.get(0).brokerageId(), is("B5"));
  }

  private static final String LOT = "Open Positions lot (detail of its Summary row)";

  @ParameterizedTest
  @ValueSource(strings = {"Open", "Open Date", "Open Date/Time", "Date/Time", "Date Acquired",
      "OPEN DATE"})
  void ibkrFindsTheOpenDateColumnByMeaning(String header) {
    RecordingSink sink = ibkrRead(ibkr(header,
        "Open Positions,Data,Summary,Stocks,USD,BND,,10,1,72,720,74,740,20,",
        "Open Positions,Data,Lot,Stocks,USD,BND,\"2025-03-14, 10:22:01\",10,1,72,720,74,740,20,"));
    assertThat(sink.lots(), contains("U1|BND|U1_20261120.csv:5|2025-03-14|10|720|5"));
  }

  @Test
  void ibkrWithoutAnOpenDateColumnGivesLotsOfUnknownDate() {
    String text = ACCOUNT + "Open Positions,Header,DataDiscriminator,Asset Category,Currency,"
        + "Symbol,Quantity,Mult,Cost Price,Cost Basis,Close Price,Value,Unrealized P/L,Code\n"
        + "Open Positions,Data,Summary,Stocks,USD,BND,400,1,72.95,29180,74.12,29648,468,\n"
        + "Open Positions,Data,Lot,Stocks,USD,BND,250,1,72.41,18102.5,74.12,18530,427.5,\n"
        + "Open Positions,Data,Lot,Stocks,USD,BND,150,1,73.85,11077.5,74.12,11118,40.5,\n";
    RecordingSink sink = ibkrRead(text);
    assertThat(sink.lots(), contains("U1|BND|U1_20261120.csv:5|-|250|18102.5|5",
        "U1|BND|U1_20261120.csv:6|-|150|11077.5|6"));
    assertThat(sink.holdings, hasSize(1)); // the Lot rows are never holdings
  }

  @Test
  void ibkrMissingOpenDatesAreUnknown() {
    RecordingSink sink = ibkrRead(ibkr("Open",
        "Open Positions,Data,Summary,Stocks,USD,BND,-,20,1,72,1440,74,1480,40,",
        "Open Positions,Data,Lot,Stocks,USD,BND,--,10,,72,720,74,740,20,",
        "Open Positions,Data,Lot,Stocks,USD,BND,,10,,72,720,74,740,20,"));
    assertThat(sink.lots(), contains("U1|BND|U1_20261120.csv:5|-|10|720|5",
        "U1|BND|U1_20261120.csv:6|-|10|720|6"));
  }

  @Test
  void ibkrSummaryWithoutLotRowsIsOneLotOfUnknownDateRightAfterItsHolding() {
    RecordingSink sink = ibkrRead(ibkr("Open",
        "Open Positions,Data,Summary,Stocks,USD,BND,-,400,1,72.95,29180,74.12,29648,468,",
        "Open Positions,Data,Summary,Stocks,USD,VXUS,-,10,1,63,630,70,700,70,",
        "Open Positions,Data,Lot,Stocks,USD,VXUS,2025-01-02,10,,63,630,70,700,70,",
        "Open Positions,Data,Summary,Stocks,USD,VTI,-,5,1,200,1000,270,1350,350,",
        "Open Positions,Total,,Stocks,USD,,,,,,30810,,31698,888,"));
    assertThat(sink.lots(), contains("U1|BND|U1_20261120.csv:4|-|400|29180|4",
        "U1|VXUS|U1_20261120.csv:6|2025-01-02|10|630|6",
        "U1|VTI|U1_20261120.csv:7|-|5|1000|7"));
    assertThat(sink.holdingsAndLots, contains("holding BND 4", "lot BND 4", "holding VXUS 5",
        "lot VXUS 6", "holding VTI 7", "lot VTI 7"));
  }

  @Test
  void ibkrSummaryWithoutCostBasisAndLotRowsWithoutOneGiveNoLot() {
    RecordingSink sink = ibkrRead(ibkr("Open",
        "Open Positions,Data,Summary,Stocks,USD,BND,-,10,1,--,--,74,740,--,",
        "Open Positions,Data,Summary,Stocks,USD,VTI,-,10,1,200,2000,270,2700,700,",
        "Open Positions,Data,Lot,Stocks,USD,VTI,2025-01-02,10,,--,--,270,2700,--,"));
    assertThat(sink.lots, is(empty()));
    assertThat(sink.holdings, hasSize(2));
    assertThat(sink.rejected, is(empty()));
  }

  @Test
  void ibkrShortLotsAreNoLots() {
    RecordingSink sink = ibkrRead(ibkr("Open",
        "Open Positions,Data,Summary,Stocks,USD,TSLA,-,-10,1,250,-2500,240,-2400,100,",
        "Open Positions,Data,Lot,Stocks,USD,TSLA,2026-10-01,-10,,250,-2500,240,-2400,100,"));
    assertThat(sink.lots, is(empty()));
    assertThat(sink.rejected, is(empty()));
    assertThat(sink.recognised, contains("1:Account Information header",
        "2:Account Information data", "3:Open Positions header", "5:" + LOT));
  }

  @Test
  void ibkrUnreadableLotRowsAreRejectedAndTheHoldingStays() {
    RecordingSink sink = ibkrRead(ibkr("Open",
        "Open Positions,Data,Summary,Stocks,USD,BND,-,40,1,72,2880,74,2960,80,",
        "Open Positions,Data,Lot,Stocks,USD,BND,2024-11-28 (Vesting: 2025-11-28),10,,72,720,74,"
            + "740,20,",
        "Open Positions,Data,Lot,Stocks,USD,BND,2024-02-30,10,,72,720,74,740,20,",
        "Open Positions,Data,Lot,Stocks,USD,BND,2024-01-02,1O,,72,720,74,740,20,",
        "Open Positions,Data,Lot,Stocks,USD,BND,2024-01-02,10,,72,-720,74,740,20,",
        "Open Positions,Data,Lot,Stocks,USD,BND,2024-01-02,10,,72,7x0,74,740,20,",
        "Open Positions,Data,Lot,Stocks,USD,BND,2024-01-02,,,72,720,74,740,20,"));
    assertThat(sink.holdings, hasSize(1));
    assertThat(sink.lots, is(empty()));
    assertThat(sink.rejections(), contains(
        "5:lot of BND: open date '2024-11-28 (Vesting: 2025-11-28)' is not an open date ("
            + ExportLots.OPEN_DATE_FORMS + ") (the holding is kept; this lot is not)",
        "6:lot of BND: open date '2024-02-30' is not an open date (" + ExportLots.OPEN_DATE_FORMS
            + ") (the holding is kept; this lot is not)",
        "7:lot of BND: quantity '1O' is not a number (the holding is kept; this lot is not)",
        "8:lot of BND: negative cost basis -720 of a long position (the holding is kept; this"
            + " lot is not)",
        "9:lot of BND: cost basis '7x0' is not a number (the holding is kept; this lot is not)",
        "10:lot of BND: missing quantity (the holding is kept; this lot is not)"));
  }

  @Test
  void ibkrLotsOfARejectedSummaryAreNoLots() {
    RecordingSink sink = ibkrRead(ibkr("Open",
        "Open Positions,Data,Summary,Stocks,EUR,SAP,-,10,1,100,1000,120,1200,200,",
        "Open Positions,Data,Lot,Stocks,EUR,SAP,2025-01-02,10,,100,1000,120,1200,200,",
        "Open Positions,Data,Lot,Stocks,USD,BND,2025-01-02,10,,72,720,74,740,20,"));
    assertThat(sink.rejected, hasSize(1)); // the EUR Summary
    assertThat(sink.lots, is(empty()));
  }

  private static final SourceFile SCHWAB = new SourceFile("B1", "/in/B1/Positions.csv", null);
  private static final String SCHWAB_HEADER = "\"Symbol\",\"Description\",\"Quantity\",\"Price\","
      + "\"Market Value\",\"Cost Basis\",\"Security Type\"";

  @Test
  void schwabCostBasisIsOneLotOfUnknownDatePerPosition() {
    RecordingSink sink = read(new SchwabPositionsFormat(), SCHWAB, String.join("\n",
        "\"Individual ...1234\"",
        SCHWAB_HEADER,
        "\"VTI\",\"TOTAL\",\"500\",\"$274.61\",\"$137,305.00\",\"$118,940.00\",\"ETFs\"",
        "\"AAPL\",\"APPLE\",\"150\",\"$150.73\",\"$22,609.50\",\"--\",\"Equity\"",
        "\"MSFT\",\"MICROSOFT\",\"10\",\"$500\",\"$5,000.00\",\"N/A\",\"Equity\"",
        "\"SPY\",\"SPDR\",\"-5\",\"$600\",\"-$3,000.00\",\"-$2,900.00\",\"ETFs\"",
        "\"Cash & Cash Investments\",\"--\",\"--\",\"--\",\"$4,250.18\",\"$4,250.18\",\"Cash\"",
        ""));
    assertThat(sink.lots(), contains("1234|VTI|Positions.csv:3|-|500|118940.00|3"));
    assertThat(sink.holdings, hasSize(5));
  }

  @Test
  void schwabUnreadableCostBasisRejectsTheRow() {
    RecordingSink sink = read(new SchwabPositionsFormat(), SCHWAB, String.join("\n",
        "\"Individual ...1234\"", SCHWAB_HEADER,
        "\"VTI\",\"TOTAL\",\"500\",\"$274.61\",\"$137,305.00\",\"about 100k\",\"ETFs\"", ""));
    assertThat(sink.rejections(), contains("3:cost basis 'about 100k' is not a number"));
    assertThat(sink.lots, is(empty()));
  }

  @Test
  void fidelityCostBasisTotalIsOneLotOfUnknownDate() {
    SourceFile file = new SourceFile("B2", "/in/B2/Portfolio_Positions_Nov-20-2026.csv", null);
    RecordingSink sink = read(new FidelityPositionsFormat(), file, String.join("\n",
        "Account Number,Account Name,Symbol,Description,Quantity,Last Price,Current Value,"
            + "Cost Basis Total,Average Cost Basis,Type",
        "Z1,Individual,SPAXX**,MONEY MARKET,,,$8069.43,,,Cash,",
        "Z1,Individual,VXUS,VANGUARD,800,$70.29,\"$56,232.00\",\"$48,800.00\",$61.00,Cash,",
        "Z1,Individual,MSFT,MICROSOFT,40,$555.91,\"$22,236.40\",,,Cash,",
        "Z1,Individual,VXUS,VANGUARD,10,$70.29,$702.90,--,--,Margin,",
        ""));
    assertThat(sink.lots(), contains(
        "Z1|VXUS|Portfolio_Positions_Nov-20-2026.csv:3|-|800|48800.00|3"));
    assertThat(sink.holdings, hasSize(4));
  }

  private static FormatSpec depot(String costBasis) {
    return new FormatSpec("acme", 0, "Ticker", null, "Ticker", "Units", "Unit price", "Value",
        "Category", null, List.of(), null, List.of("liquidity"), List.of(), List.of("Total"),
        ",", ".", null, null, costBasis);
  }

  @Test
  void aCustomLayoutsCostBasisColumnIsOneLotOfUnknownDate() {
    SourceFile file = new SourceFile("B6", "/in/depot.csv", "ACME-1");
    String text = String.join("\n",
        "Ticker,Name,Units,Unit price,Value,Cost,Category",
        "VTI,Total market,40,\"274,61\",\"10.984,40\",\"9.000,50\",Equity",
        "GLD,Gold,150,\"241,21\",\"36.181,50\",,Commodity",
        "MMDA,Deposit,,,\"3.250,75\",\"3.250,75\",Liquidity",
        "");
    RecordingSink sink = read(new ConfiguredFormat(depot("Cost")), file, text);
    assertThat(sink.lots(), contains("ACME-1|VTI|depot.csv:2|-|40|9000.50|2"));
    assertThat(read(new ConfiguredFormat(depot(null)), file, text).lots, is(empty()));
    InputException e = assertThrows(InputException.class,
        () -> read(new ConfiguredFormat(depot("Cost basis")), file, text));
    assertThat(e.getMessage(), containsString("header has no column 'Cost basis'"));
  }

  @Test
  void theSampleExportsWithoutACostBasisColumnStateNoLots() {
    assertThat(read(new EtradePortfolioFormat(), new SourceFile("B4", "/in/P.csv", null),
        String.join("\n", "Account Summary",
            "Account,Net Account Value,Total Gain $,Total Gain %,Day's Gain Unrealized $,"
                + "Day's Gain Unrealized %,Available For Withdrawal,Cash Purchasing Power",
            "\"Individual Brokerage -2203\",37760,0,0,0,0,0,0", "",
            "Symbol,Last Price $,Change $,Change %,Quantity,Price Paid $,Day's Gain $,"
                + "Total Gain $,Total Gain %,Value $",
            "SCHB,37.76,-.23,-.61,1000.0000,28.6326,-230.0000,9127.4000,31.8773,37760.0000",
            "")).lots, is(empty()));
    assertThat(read(new VanguardOfxFormat(), new SourceFile("B3", "/in/OfxDownload.csv", null),
        String.join("\n", "Account Number,Investment Name,Symbol,Shares,Share Price,Total Value,",
            "12345678,VANGUARD TOTAL STOCK MARKET ETF,VTI,120.0000,274.61,32953.20,", ""))
        .lots, is(empty()));
  }
}

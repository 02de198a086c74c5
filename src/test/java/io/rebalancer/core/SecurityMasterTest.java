package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityMasterTest {
  private static final SecurityMaster MASTER = SecurityMaster.of(List.of(
      new Security("VTI", "US_EQUITY", "Vanguard Total Stock Market ETF", null),
      new Security("SPAXX", "MONEY_MARKET", "Fidelity Government Money Market Fund", null),
      new Security("SWVXX", "CASH", "Schwab Value Advantage Money Fund", null)));

  private static Holding row(String symbol, String assetClass, boolean cash) {
    return new Holding("B1", "A1", symbol, new BigDecimal("10"), new BigDecimal("2.5"),
        assetClass, cash, "B1", "/in/positions.csv", 7);
  }

  @Test
  void aNamedSymbolTakesTheMastersClassEverythingElseIsKept() {
    Holding vti = MASTER.classify(row("VTI", "ETFs & Closed End Funds", false));
    assertThat(vti, is(new Holding("B1", "A1", "VTI", new BigDecimal("10"),
        new BigDecimal("2.5"), "US_EQUITY", false, "B1", "/in/positions.csv", 7)));

    Holding unnamed = row("AAPL", "Equity", false);
    assertThat(MASTER.classify(unnamed), is(sameInstance(unnamed)));
    assertThat(SecurityMaster.EMPTY.classify(row("VTI", "Stocks", false)).assetClass(),
        is("Stocks"));
  }

  @Test
  void aCashRowStaysCashWithItsLabelAndAPositionTheMasterCallsCashBecomesCash() {
    // the export's sweep row is cash: the master does not turn it into a position to sell
    Holding sweep = row("SPAXX", "CASH", true);
    assertThat(MASTER.classify(sweep), is(sameInstance(sweep)));
    Holding cashSymbol = row("CASH", "UNCLASSIFIED", true);
    assertThat(MASTER.classify(cashSymbol), is(sameInstance(cashSymbol)));

    Holding swvxx = MASTER.classify(row("SWVXX", "Mutual Funds", false));
    assertThat(swvxx.assetClass(), is("CASH"));
    assertThat(swvxx.cash(), is(true));
  }
}

package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.trust.InputProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountLotsTest {
  private static final AccountKey KEY = new AccountKey("B5", "U1");
  private static final String EXPORT = "/in/U1_20261120.csv";
  private static final String LOTS = "/books/lots.csv";

  private static Holding holding(String symbol, String quantity, long line) {
    return new Holding("B5", "U1", symbol, new BigDecimal(quantity), BigDecimal.ONE, "Stocks",
        false, "B5", EXPORT, line);
  }

  private static Holding cash(String symbol, String amount, long line) {
    return new Holding("B5", "U1", symbol, new BigDecimal(amount), BigDecimal.ONE, "CASH", true,
        "B5", EXPORT, line);
  }

  private static Lot fileLot(String symbol, String id, String quantity, long line) {
    return new Lot("B5", "U1", symbol, id, LocalDate.of(2025, 1, 2), new BigDecimal(quantity),
        new BigDecimal("100"), LOTS, line);
  }

  private static Lot exportLot(String symbol, String quantity, long line) {
    return new Lot("B5", "U1", symbol, "U1_20261120.csv:" + line, null,
        new BigDecimal(quantity), new BigDecimal("50"), EXPORT, line);
  }

  @Test
  void lotsCsvReplacesTheExportsLotsOfItsSymbolsOnly() {
    AccountLots lots = AccountLots.of(KEY,
        List.of(holding("BND", "400", 10), holding("VXUS", "10", 13)),
        List.of(fileLot("BND", "L2", "100", 3), fileLot("BND", "L1", "250", 2)),
        List.of(exportLot("BND", "250", 11), exportLot("BND", "150", 12),
            exportLot("VXUS", "10", 13)));
    assertThat(lots.problems(), is(empty()));
    assertThat(lots.lots(), contains(fileLot("BND", "L1", "250", 2),
        fileLot("BND", "L2", "100", 3), exportLot("VXUS", "10", 13)));
  }

  @Test
  void lotsBelowTheHoldingLeaveItsRemainderToTheRebalancer() {
    AccountLots lots = AccountLots.of(KEY, List.of(holding("BND", "400", 10)),
        List.of(fileLot("BND", "L1", "250", 2)), List.of());
    assertThat(lots.problems(), is(empty()));
    assertThat(lots.lots(), contains(fileLot("BND", "L1", "250", 2))); // no remainder here
  }

  @Test
  void lotsEqualToTheHoldingAcrossTwoRowsAreFine() {
    AccountLots lots = AccountLots.of(KEY,
        List.of(holding("VXUS", "800", 3), holding("VXUS", "10", 5)),
        List.of(fileLot("VXUS", "a", "810", 2)), List.of());
    assertThat(lots.problems(), is(empty()));
  }

  @Test
  void lotsAboveTheHoldingAreOneProblemNamingAccountSymbolQuantitiesAndSources() {
    AccountLots lots = AccountLots.of(KEY, List.of(holding("BND", "400", 10)),
        List.of(fileLot("BND", "L1", "250", 2), fileLot("BND", "L2", "151", 3)), List.of());
    assertThat(lots.problems(), hasSize(1));
    InputProblem p = lots.problems().get(0);
    assertThat(p.kind(), is(InputProblem.Kind.LOTS_EXCEED_HOLDING));
    assertThat(p.key(), is("B5/U1 BND"));
    assertThat(p.message(), is("account U1 of brokerage B5: its lots of BND add up to 401"
        + " shares, but it holds 400 (" + EXPORT + "); the lots are from " + LOTS
        + " lines 2, 3: correct the lots or the export"));
  }

  @Test
  void anExportsOwnLotsAboveItsHoldingAreAProblemToo() {
    AccountLots lots = AccountLots.of(KEY, List.of(holding("BND", "400", 10)), List.of(),
        List.of(exportLot("BND", "250", 11), exportLot("BND", "250", 12)));
    assertThat(lots.problems().get(0).message(), is("account U1 of brokerage B5: its lots of"
        + " BND add up to 500 shares, but it holds 400 (" + EXPORT + "); the lots are from "
        + EXPORT + " lines 11, 12: correct the lots or the export"));
  }

  @Test
  void aSymbolNotHeldShortOrCashHoldsNoShares() {
    AccountLots lots = AccountLots.of(KEY,
        List.of(holding("TSLA", "-10", 4), cash("SPAXX", "8069.43", 2)),
        List.of(fileLot("MSFT", "m", "1", 2), fileLot("TSLA", "t", "1", 3),
            fileLot("SPAXX", "s", "1", 4)),
        List.of());
    assertThat(lots.problems().stream().map(InputProblem::message).toList(), contains(
        "account U1 of brokerage B5: its lots of MSFT add up to 1 share, but it holds none"
            + " today (no export holds it); the lots are from " + LOTS
            + " line 2: correct the lots or the export",
        "account U1 of brokerage B5: its lots of SPAXX add up to 1 share, but it holds it"
            + " only as cash, which has no lots (" + EXPORT + "); the lots are from " + LOTS
            + " line 4: correct the lots or the export",
        "account U1 of brokerage B5: its lots of TSLA add up to 1 share, but it is short 10 ("
            + EXPORT + "); the lots are from " + LOTS + " line 3: correct the lots or the"
            + " export"));
  }

  @Test
  void manyLinesAreShownAsTheFirstFiveAndACount() {
    List<Lot> many = List.of(fileLot("BND", "a", "1", 2), fileLot("BND", "b", "1", 3),
        fileLot("BND", "c", "1", 4), fileLot("BND", "d", "1", 5), fileLot("BND", "e", "1", 6),
        fileLot("BND", "f", "1", 7), fileLot("BND", "g", "1", 8));
    String m = AccountLots.of(KEY, List.of(holding("BND", "6", 10)), many, List.of())
        .problems().get(0).message();
    assertThat(m.contains(LOTS + " lines 2, 3, 4, 5, 6 and 2 more:"), is(true));
  }

  @Test
  void aLotIdTwiceForOneSymbolStopsTheRunNamingBothLines() {
    InputException e = assertThrows(InputException.class, () -> AccountLots.of(KEY,
        List.of(holding("BND", "400", 10)),
        List.of(fileLot("BND", "L1", "1", 7), fileLot("BND", "L1", "1", 3)), List.of()));
    assertThat(e.getMessage(), is(LOTS + ": line 7: column lot_id: L1 is already the id of"
        + " account " + KEY + "'s lot of BND on line 3: write an id unique among the account's"
        + " lots of BND"));
    // the same id for another symbol is another lot
    assertThat(AccountLots.of(KEY, List.of(holding("BND", "1", 10), holding("VTI", "1", 11)),
        List.of(fileLot("BND", "L1", "1", 2), fileLot("VTI", "L1", "1", 3)), List.of())
        .problems(), is(empty()));
  }
}

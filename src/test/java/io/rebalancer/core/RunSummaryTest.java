package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
  private static final RunSummary A = new RunSummary(1, 3, 1, 0, 2, 1, 1,
      new BigDecimal("1200.50"), new BigDecimal("800.25"), new BigDecimal("100000.00"));
  private static final RunSummary B = new RunSummary(2, 4, 0, 2, 0, 5, 0,
      new BigDecimal("0.00"), new BigDecimal("99.75"), new BigDecimal("50000.10"));

  @Test
  void plusAddsEveryCountAndAmount() {
    assertThat(A.plus(B), is(new RunSummary(3, 7, 1, 2, 2, 6, 1, new BigDecimal("1200.50"),
        new BigDecimal("900.00"), new BigDecimal("150000.10"))));
  }

  @Test
  void plusIsCommutative() {
    assertThat(A.plus(B), is(B.plus(A)));
  }

  @Test
  void emptyAddsNothing() {
    RunSummary sum = RunSummary.EMPTY.plus(A);

    assertThat(sum.households(), is(1L));
    assertThat(sum.sellAmount().compareTo(new BigDecimal("1200.50")), is(0));
    assertThat(sum.totalValue().compareTo(new BigDecimal("100000.00")), is(0));
  }

  @Test
  void ordersAreSellsPlusBuys() {
    assertThat(A.orders(), is(3L));
    assertThat(A.plus(B).orders(), is(8L));
  }

  @Test
  void ofAPlanCountsItsOrdersAndAmounts() {
    TradeOrder sell = new TradeOrder("H1", "B1", "A1", "VTI", Side.SELL, new BigDecimal("2"),
        new BigDecimal("250.00"), BigDecimal.ZERO, BigDecimal.ZERO, "drift");
    TradeOrder buy = new TradeOrder("H1", "B1", "A1", "BND", Side.BUY, new BigDecimal("3"),
        new BigDecimal("72.505"), BigDecimal.ZERO, BigDecimal.ZERO, "drift");
    UnplacedTrade unplaced = new UnplacedTrade("H1", "XYZ", Side.BUY, null, UnplacedTrade.NO_PRICE);
    HouseholdPlan plan = new HouseholdPlan("H1", "m", 2, new BigDecimal("10000.00"),
        HouseholdPlan.Status.REBALANCED, List.of(sell, buy), List.of(unplaced), List.of());

    // the buy is 3 * 72.505 = 217.515, 217.52 in cents
    assertThat(RunSummary.of(plan), is(new RunSummary(1, 2, 1, 0, 1, 1, 1,
        new BigDecimal("500.00"), new BigDecimal("217.52"), new BigDecimal("10000.00"))));
  }

  @Test
  void ofAPlanAddsTheTaxableGainsByTermAndCountsTheLotsOfKnownBasis() {
    HouseholdPlan plan = new HouseholdPlan("H1", "m", 2, new BigDecimal("10000.00"),
        HouseholdPlan.Status.REBALANCED, List.of(), List.of(), List.of(), List.of(
            gain(AccountType.TAXABLE, "L1", "1200.00", "-200.00", LotTerm.SHORT, true),
            gain(AccountType.TAXABLE, "L2", "800.00", "200.00", LotTerm.LONG, false),
            gain(AccountType.TAXABLE, "L3", "900.00", "100.00", LotTerm.LONG, false),
            gain(AccountType.TAXABLE, "L4", "250.00", "250.00", LotTerm.UNKNOWN, false),
            gain(AccountType.TAXABLE, "", null, null, LotTerm.UNKNOWN, false),
            // not taxed now: counted as a lot of known basis sold, not in the gains
            gain(AccountType.TAX_DEFERRED, "L5", "500.00", "500.00", LotTerm.SHORT, true),
            gain(AccountType.TAX_EXEMPT, "L6", "100.00", "900.00", LotTerm.LONG, false)));

    assertThat(RunSummary.of(plan).gains(), is(new RealizedGainTotals(new BigDecimal("-200.00"),
        new BigDecimal("300.00"), new BigDecimal("250.00"), 1, 6)));
    assertThat(RunSummary.of(plan).gains().shown(), is(true));
  }

  @Test
  void aPlanWhoseSellsTookOnlyLotsOfUnknownBasisShowsNoGains() {
    HouseholdPlan plan = new HouseholdPlan("H1", "m", 1, new BigDecimal("10.00"),
        HouseholdPlan.Status.REBALANCED, List.of(), List.of(), List.of(),
        List.of(gain(AccountType.TAXABLE, "", null, null, LotTerm.UNKNOWN, false)));

    assertThat(RunSummary.of(plan).gains(), is(RealizedGainTotals.NONE));
    assertThat(RunSummary.of(plan).gains().shown(), is(false));
  }

  @Test
  void plusAddsTheGainsToo() {
    RunSummary a = new RunSummary(1, 1, 1, 0, 1, 0, 0, BigDecimal.ONE, BigDecimal.ZERO,
        BigDecimal.TEN, new RealizedGainTotals(new BigDecimal("1.50"), new BigDecimal("-2.25"),
            BigDecimal.ZERO, 1, 3));
    RunSummary b = new RunSummary(1, 2, 1, 0, 2, 0, 0, BigDecimal.ONE, BigDecimal.ZERO,
        BigDecimal.TEN, new RealizedGainTotals(new BigDecimal("0.50"), new BigDecimal("10.00"),
            new BigDecimal("7.01"), 2, 4));

    assertThat(a.plus(b).gains(), is(new RealizedGainTotals(new BigDecimal("2.00"),
        new BigDecimal("7.75"), new BigDecimal("7.01"), 3, 7)));
    assertThat(a.plus(b).gains(), is(b.plus(a).gains()));
    assertThat(RunSummary.EMPTY.plus(a).gains(), is(a.gains()));
  }

  private static RealizedGain gain(AccountType type, String lotId, String cost, String gain,
      LotTerm term, boolean wash) {
    BigDecimal proceeds = cost == null ? new BigDecimal("1000.00")
        : new BigDecimal(cost).add(new BigDecimal(gain));
    return new RealizedGain("H1", "B1", "A1", type, "VTI", lotId,
        term == LotTerm.UNKNOWN ? null : LocalDate.of(2025, 1, 2), BigDecimal.TEN,
        cost == null ? null : new BigDecimal(cost), proceeds,
        gain == null ? null : new BigDecimal(gain), term, wash);
  }

  @Test
  void ofAPlanWithinTolerance() {
    HouseholdPlan plan = new HouseholdPlan("H1", "m", 1, new BigDecimal("10.00"),
        HouseholdPlan.Status.WITHIN_TOLERANCE, List.of(), List.of(), List.of());

    assertThat(RunSummary.of(plan), is(new RunSummary(1, 1, 0, 1, 0, 0, 0, BigDecimal.ZERO,
        BigDecimal.ZERO, new BigDecimal("10.00"))));
  }
}

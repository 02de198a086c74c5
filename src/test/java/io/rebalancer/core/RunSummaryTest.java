package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
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
  void ofAPlanWithinTolerance() {
    HouseholdPlan plan = new HouseholdPlan("H1", "m", 1, new BigDecimal("10.00"),
        HouseholdPlan.Status.WITHIN_TOLERANCE, List.of(), List.of(), List.of());

    assertThat(RunSummary.of(plan), is(new RunSummary(1, 1, 0, 1, 0, 0, 0, BigDecimal.ZERO,
        BigDecimal.ZERO, new BigDecimal("10.00"))));
  }
}

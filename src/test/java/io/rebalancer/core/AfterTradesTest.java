package io.rebalancer.core;

import static io.rebalancer.core.TestHouseholds.hold;
import static io.rebalancer.core.TestHouseholds.model;
import static io.rebalancer.core.TestHouseholds.prices;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed post-trade weights: each scope's allocation once its orders are executed. */
class AfterTradesTest {
  private static final RebalanceRules DEFAULT = RebalanceRules.defaults();
  private static final Model MODEL = model("A", "0.5", "B", "0.4", "CASH", "0.1");

  /**
   * V = 1100: a1 holds A 70 and C 10 (not in the model), a2 200 of cash, a3 A 10; all at 10.
   * A is 800 against 550: sell 25 (from a1, its largest holder); C is liquidated (10, a1); B,
   * held nowhere, buys 440 / 10 = 44: 35 on a1 (budget 250 + 100 of its sells), 9 on a2.
   */
  private static final AccountAnalysis A1 = account("B1", "a1", hold("A", "70", "10"),
      hold("C", "10", "10"));
  private static final AccountAnalysis A2 = account("B1", "a2", hold("CASH", "200", "1"));
  private static final AccountAnalysis A3 = account("B2", "a3", hold("A", "10", "10"));

  private static HouseholdPlan plan() {
    return new Rebalancer(DEFAULT).rebalance("H", MODEL, List.of(A1, A2, A3), prices("B", "10"));
  }

  @Test
  void theHouseholdAfterItsOrdersIsOnItsModelWithTheLiquidatedSymbolAtZero() {
    HouseholdPlan plan = plan();
    assertThat(orders(plan), contains("B1/a1 SELL A 25 @10", "B1/a1 SELL C 10 @10",
        "B1/a1 BUY B 35 @10", "B1/a2 BUY B 9 @10"));

    // A 450 + 100, B 440 bought new, C sold whole, cash 200 + 350 - 440 = 110; V stays 1100
    assertThat(weights(plan.allocations()), contains("A 8/11 -> 1/2", "B 0 -> 2/5",
        "C 1/11 -> 0", "CASH 2/11 -> 1/10"));
  }

  @Test
  void eachAccountAfterItsOwnOrdersAndAnAccountWithoutOrdersUnchanged() {
    HouseholdPlan plan = plan();
    List<Allocation> accounts =
        AfterTrades.accountAllocations(List.of(A1, A2, A3), plan.orders(), MODEL, DEFAULT);

    // a1: A 45 (450), B 35 (350), C 0, cash 350 - 350 = 0: V 800, as before
    // a2: B 9 (90), cash 110: V 200; B and CASH rows exist, though a2 held no B
    // a3: no orders, so its post-trade weights are its weights
    assertThat(weights(accounts), contains(
        "B1/a1 A 7/8 -> 9/16", "B1/a1 B 0 -> 7/16", "B1/a1 C 1/8 -> 0", "B1/a1 CASH 0 -> 0",
        "B1/a2 A 0 -> 0", "B1/a2 B 0 -> 9/20", "B1/a2 CASH 1 -> 11/20",
        "B2/a3 A 1 -> 1", "B2/a3 B 0 -> 0", "B2/a3 CASH 0 -> 0"));
    for (Allocation a : accounts) {
      if (a.scopeId().equals("B2/a3")) {
        assertThat(a.symbol(), a.postTradeWeight(), is(a.weight()));
      }
    }
  }

  @Test
  void withinToleranceThePostTradeWeightIsTheWeight() {
    HouseholdPlan plan = new Rebalancer(DEFAULT).rebalance("H", model("A", "0.6", "B", "0.4"),
        List.of(account("B1", "a1", hold("A", "61", "10"), hold("B", "39", "10"))),
        PriceBook.empty());

    assertThat(plan.status(), is(HouseholdPlan.Status.WITHIN_TOLERANCE));
    assertThat(weights(plan.allocations()), contains("A 61/100 -> 61/100", "B 39/100 -> 39/100"));
    plan.allocations().forEach(a -> assertThat(a.postTradeWeight(), is(a.weight())));
  }

  @Test
  void aTradedPositionIsWorthItsQuantityAfterTheOrderAtTheOrdersPrice() {
    // A 100 valued at the export's 10 (1000), traded at its close of 12; B (close 10) held
    // nowhere. A: 1000 vs 500, sell floor(500 / 12) = 41 (492); B wants 50 (500), the 492 of
    // proceeds buy floor(50 * 492 / 500) = 49 (490). After: A 59 * 12 = 708, B 490, cash 2:
    // V 1200, where the remaining A is valued at the price it traded at.
    HouseholdPlan plan = new Rebalancer(DEFAULT).rebalance("H", model("A", "0.5", "B", "0.5"),
        List.of(account("B1", "a1", hold("A", "100", "10"))), prices("A", "12", "B", "10"));

    assertThat(orders(plan), contains("B1/a1 SELL A 41 @12", "B1/a1 BUY B 49 @10"));
    assertThat(weights(plan.allocations()), contains("A 1 -> 59/100", "B 0 -> 49/120",
        "CASH 0 -> 1/600"));
  }

  @Test
  void aLiquidationSoldAtAnotherPriceThanTheExportsLeavesNothing() {
    // X 100 at the export's 10, sold whole at its close of 12: X is 0, cash 1200 is everything.
    HouseholdPlan plan = new Rebalancer(DEFAULT).rebalance("H", model("CASH", "1"),
        List.of(account("B1", "a1", hold("X", "100", "10"))), prices("X", "12"));

    assertThat(orders(plan), contains("B1/a1 SELL X 100 @12"));
    assertThat(weights(plan.allocations()), contains("CASH 0 -> 1", "X 1 -> 0"));
  }

  @Test
  void aShortBoughtBackIsFlatAndItsCashPaysForIt() {
    // a2 is 10 short at 10 with 600 of cash (V 500): the buy-back leaves X 0 and cash 500.
    AccountAnalysis shortAccount = account("B1", "a2", hold("X", "-10", "10"),
        hold("CASH", "600", "1"));
    TradeOrder cover = new TradeOrder("H", "B1", "a2", "X", Side.BUY, new BigDecimal("10"),
        new BigDecimal("10"), new BigDecimal("-0.2"), BigDecimal.ZERO, "liquidate: not in model");
    TradeOrder elsewhere = new TradeOrder("H", "B1", "a9", "X", Side.SELL, new BigDecimal("5"),
        new BigDecimal("10"), new BigDecimal("-0.2"), BigDecimal.ZERO, "liquidate: not in model");

    AfterTrades after = AfterTrades.ofAccount(shortAccount, List.of(cover, elsewhere));

    assertThat(after.values().get("X").signum(), is(0));
    assertThat(after.values().get("CASH").compareTo(new BigDecimal("500")), is(0));
    assertThat(after.total().compareTo(new BigDecimal("500")), is(0));
    assertThat(after.weightOf("CASH").compareTo(BigDecimal.ONE), is(0));
  }

  // --- helpers -----------------------------------------------------------------------------

  /** "[scope ]SYMBOL weight -> post-trade weight", each weight as the fraction it must equal. */
  private static List<String> weights(List<Allocation> allocations) {
    List<String> out = new ArrayList<>();
    for (Allocation a : allocations) {
      String scope = a.scope().equals(Allocation.ACCOUNT) ? a.scopeId() + " " : "";
      out.add(scope + a.symbol() + " " + fraction(a.weight()) + " -> "
          + fraction(a.postTradeWeight()));
    }
    return out;
  }

  /** The simplest fraction n/d (d up to 1000) whose 34-digit quotient is w, else w itself. */
  private static String fraction(BigDecimal w) {
    for (int d = 1; d <= 1000; d++) {
      BigDecimal n = w.multiply(BigDecimal.valueOf(d)).setScale(0, RoundingMode.HALF_EVEN);
      if (n.divide(BigDecimal.valueOf(d), MathContext.DECIMAL128).compareTo(w) == 0) {
        return d == 1 ? n.toPlainString() : n.toPlainString() + "/" + d;
      }
    }
    return w.toPlainString();
  }

  private static List<String> orders(HouseholdPlan plan) {
    return plan.orders().stream().map(o -> o.brokerageId() + "/" + o.accountId() + " "
        + o.side() + " " + o.symbol() + " " + o.quantity().stripTrailingZeros().toPlainString()
        + " @" + o.price().stripTrailingZeros().toPlainString()).toList();
  }

  private static AccountAnalysis account(String brokerage, String account, Holding... holdings) {
    List<Holding> rows = new ArrayList<>();
    long line = 1;
    for (Holding h : holdings) {
      rows.add(new Holding(brokerage, account, h.symbol(), h.quantity(), h.price(),
          h.assetClass(), h.cash(), brokerage, "file", line++));
    }
    return AccountAnalyzer.analyze(new AccountInfo(new AccountKey(brokerage, account), "H", "m",
        BigDecimal.ZERO), rows, PriceBook.empty());
  }
}

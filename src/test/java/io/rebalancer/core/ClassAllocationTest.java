package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A household on a class model, by hand. Model: EQUITY 0.6 (buys VTI), BOND 0.3 (buys AGG),
 * CASH 0.1, GOLD 0 (only ever sold). a1 holds VTI 50 and VXUS 20 (EQUITY) at 10 and 100 of cash,
 * 800; a2 holds BND 10 (BOND) at 10 and GLD 1 (GOLD) at 100, 200. The household, 1000: EQUITY
 * 700, BOND 100, CASH 100, GOLD 100.
 */
class ClassAllocationTest {
  private static final Model MODEL = Model.ofClasses("classes", List.of(
      new ClassTarget("EQUITY", new BigDecimal("0.6"), "VTI"),
      new ClassTarget("BOND", new BigDecimal("0.3"), "AGG"),
      new ClassTarget("CASH", new BigDecimal("0.1"), null),
      new ClassTarget("GOLD", BigDecimal.ZERO, null)));
  private static final RebalanceRules RULES = RebalanceRules.defaults(); // 5 points, 25%
  private static final BigDecimal TOTAL = new BigDecimal("1000");

  private static final AccountAnalysis A1 = account("A1", new BigDecimal("100"),
      position("VTI", "EQUITY", 50, 10), position("VXUS", "EQUITY", 20, 10));
  private static final AccountAnalysis A2 = account("A2", BigDecimal.ZERO,
      position("BND", "BOND", 10, 10), position("GLD", "GOLD", 1, 100));
  private static final List<AccountAnalysis> HOUSEHOLD = List.of(A1, A2);

  /**
   * Back to the model: sell 10 VTI on a1 and the GLD on a2 (100 each), buy 10 AGG, held nowhere,
   * on each account with those proceeds.
   */
  private static final List<TradeOrder> ORDERS = List.of(
      order("A1", "VTI", Side.SELL, 10, 10), order("A1", "AGG", Side.BUY, 10, 10),
      order("A2", "GLD", Side.SELL, 1, 100), order("A2", "AGG", Side.BUY, 10, 10));

  @Test
  void theHouseholdsClassesAgainstTheirTargetsAndAfterTheOrders() {
    List<ClassAllocation> classes =
        ClassAllocation.ofHousehold("H", MODEL, HOUSEHOLD, TOTAL, ORDERS, RULES);
    // class weight target drift out-of-band after. After: EQUITY 400 + 200, BOND 100 + 200 (AGG
    // counts in BOND, the class it is bought for), GOLD 0, cash 100 + 200 - 200, of 1000.
    assertThat(rows(classes), contains(
        "household H BOND 0.1 0.3 -0.2 true 0.3",
        "household H CASH 0.1 0.1 0 false 0.1",
        "household H EQUITY 0.7 0.6 0.1 true 0.6",
        "household H GOLD 0.1 0 0.1 true 0"));
  }

  @Test
  void eachAccountsClassesAgainstTheHouseholdsModel() {
    List<ClassAllocation> classes = ClassAllocation.ofAccounts(HOUSEHOLD, ORDERS, MODEL, RULES);
    // a1 after: VTI 400, VXUS 200, AGG 100, cash 100, of 800; a2 after: BND 100, AGG 100, GLD
    // 0, no cash, of 200. Every class of the model has a row, held or not; a2 had no cash.
    assertThat(rows(classes), contains(
        "account B1/A1 BOND 0 0.3 -0.3 true 0.125",
        "account B1/A1 CASH 0.125 0.1 0.025 false 0.125",
        "account B1/A1 EQUITY 0.875 0.6 0.275 true 0.75",
        "account B1/A1 GOLD 0 0 0 false 0",
        "account B1/A2 BOND 0.5 0.3 0.2 true 1",
        "account B1/A2 CASH 0 0.1 -0.1 false 0",
        "account B1/A2 EQUITY 0 0.6 -0.6 true 0",
        "account B1/A2 GOLD 0.5 0 0.5 true 0"));
  }

  @Test
  void withoutOrdersThePostTradeWeightsAreTheWeights() {
    List<ClassAllocation> all = new ArrayList<>(
        ClassAllocation.ofHousehold("H", MODEL, HOUSEHOLD, TOTAL, List.of(), RULES));
    all.addAll(ClassAllocation.ofAccounts(HOUSEHOLD, List.of(), MODEL, RULES));
    for (ClassAllocation c : all) {
      assertThat(c.scopeId() + " " + c.assetClass(), c.postTradeWeight(), is(c.weight()));
    }
    // an account the orders are not placed on keeps its weights too
    for (ClassAllocation c : ClassAllocation.ofAccount(A2, HOUSEHOLD, ORDERS.subList(0, 2),
        MODEL, RULES)) {
      assertThat(c.assetClass(), c.postTradeWeight(), is(c.weight()));
    }
  }

  @Test
  void aSymbolBoughtWhereItIsNotHeldCountsInItsClassInTheAccountThatHoldsIt() {
    // a2 buys 10 VXUS, which only a1 holds (EQUITY), with its GLD's 100
    List<TradeOrder> orders = List.of(order("A2", "GLD", Side.SELL, 1, 100),
        order("A2", "VXUS", Side.BUY, 10, 10));
    assertThat(rows(ClassAllocation.ofAccount(A2, HOUSEHOLD, orders, MODEL, RULES)), contains(
        "account B1/A2 BOND 0.5 0.3 0.2 true 0.5",
        "account B1/A2 CASH 0 0.1 -0.1 false 0",
        "account B1/A2 EQUITY 0 0.6 -0.6 true 0.5",
        "account B1/A2 GOLD 0.5 0 0.5 true 0"));
  }

  @Test
  void aHeldClassTheModelDoesNotNameIsOutOfBandButCashNeverIs() {
    // 0.5 of cash against a target of 0.1 is far outside the band, yet cash is never traded;
    // UNCLASSIFIED, not in the model, has a target of 0
    AccountAnalysis a = account("A3", new BigDecimal("500"),
        position("XYZ", "UNCLASSIFIED", 50, 10));
    assertThat(rows(ClassAllocation.ofHousehold("H3", MODEL, List.of(a), new BigDecimal("1000"),
        List.of(), RULES)), contains(
            "household H3 BOND 0 0.3 -0.3 true 0",
            "household H3 CASH 0.5 0.1 0.4 false 0.5",
            "household H3 EQUITY 0 0.6 -0.6 true 0",
            "household H3 GOLD 0 0 0 false 0",
            "household H3 UNCLASSIFIED 0.5 0 0.5 true 0.5"));
  }

  @Test
  void anOrderForASymbolOfNoClassIsABugNamedNotACountedGuess() {
    List<TradeOrder> orders = List.of(order("A1", "QQQ", Side.BUY, 1, 10));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ClassAllocation.ofHousehold("H", MODEL, HOUSEHOLD, TOTAL, orders, RULES));
    assertThat(e.getMessage(), containsString("household H has an order for QQQ"));
  }

  @Test
  void theSymbolRowsOfAClassModelCarryNoTarget() {
    SortedMap<String, BigDecimal> values = new TreeMap<>();
    values.put("BND", new BigDecimal("100"));
    values.put("CASH", new BigDecimal("100"));
    values.put("GLD", new BigDecimal("100"));
    values.put("VTI", new BigDecimal("500"));
    values.put("VXUS", new BigDecimal("200"));
    AfterTrades after = AfterTrades.ofHousehold(values, TOTAL, HOUSEHOLD, ORDERS);
    List<Allocation> symbols = Allocation.of(Allocation.HOUSEHOLD, "H", values, TOTAL, after,
        MODEL, RULES);
    // AGG, bought new, has a row; GLD, of a class the model liquidates, is not out of band itself
    assertThat(symbols.stream().map(a -> a.symbol() + " " + plain(a.weight()) + " "
        + a.targetWeight() + " " + a.drift() + " " + a.outOfBand() + " "
        + plain(a.postTradeWeight())).toList(), contains("AGG 0 null null false 0.2",
            "BND 0.1 null null false 0.1", "CASH 0.1 null null false 0.1",
            "GLD 0.1 null null false 0", "VTI 0.5 null null false 0.4",
            "VXUS 0.2 null null false 0.2"));
  }

  private static List<String> rows(List<ClassAllocation> classes) {
    return classes.stream().map(c -> c.scope() + " " + c.scopeId() + " " + c.assetClass() + " "
        + plain(c.weight()) + " " + plain(c.targetWeight()) + " " + plain(c.drift()) + " "
        + c.outOfBand() + " " + plain(c.postTradeWeight())).toList();
  }

  private static String plain(BigDecimal v) {
    return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
  }

  private static Position position(String symbol, String assetClass, int quantity, int price) {
    return new Position(symbol, assetClass, BigDecimal.valueOf(quantity),
        BigDecimal.valueOf(price), BigDecimal.valueOf((long) quantity * price), false);
  }

  /** An account at brokerage B1 of household H, with its cash (if any) as one CASH position. */
  private static AccountAnalysis account(String id, BigDecimal cash, Position... invested) {
    List<Position> positions = new ArrayList<>(List.of(invested));
    BigDecimal investedValue = BigDecimal.ZERO;
    for (Position p : invested) {
      investedValue = investedValue.add(p.marketValue());
    }
    if (cash.signum() != 0) {
      positions.add(new Position("CASH", "CASH", cash, BigDecimal.ONE, cash, true));
    }
    return new AccountAnalysis(new AccountKey("B1", id), "H", "classes", BigDecimal.ZERO,
        investedValue.add(cash), cash, investedValue, invested.length, null, null, null, null,
        positions);
  }

  private static TradeOrder order(String account, String symbol, Side side, int quantity,
      int price) {
    return new TradeOrder("H", "B1", account, symbol, side, BigDecimal.valueOf(quantity),
        BigDecimal.valueOf(price), BigDecimal.ZERO, BigDecimal.ZERO, "test");
  }
}

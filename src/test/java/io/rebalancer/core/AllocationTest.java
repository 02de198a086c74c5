package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AllocationTest {
  private static final Model MODEL = new Model("m", List.of(
      new TargetWeight("AAA", new BigDecimal("0.50")),
      new TargetWeight("BBB", new BigDecimal("0.30")),
      new TargetWeight("CASH", new BigDecimal("0.20"))));

  /** AAA 700, ZZZ 200 (not in the model), CASH 100; BBB of the model not held. Total 1000. */
  private static SortedMap<String, BigDecimal> values() {
    SortedMap<String, BigDecimal> v = new TreeMap<>();
    v.put("AAA", new BigDecimal("700"));
    v.put("CASH", new BigDecimal("100"));
    v.put("ZZZ", new BigDecimal("200"));
    return v;
  }

  private static List<Allocation> allocations(RebalanceRules rules) {
    return Allocation.of(Allocation.HOUSEHOLD, "H1", values(), new BigDecimal("1000"), MODEL, rules);
  }

  @Test
  void everyHeldOrModelledSymbolInSymbolOrder() {
    List<Allocation> a = allocations(RebalanceRules.defaults());

    assertThat(a.stream().map(Allocation::symbol).toList(), contains("AAA", "BBB", "CASH", "ZZZ"));
    assertThat(a.stream().allMatch(x -> x.scope().equals("household") && x.scopeId().equals("H1")),
        is(true));
  }

  @Test
  void weightTargetAndDrift() {
    List<Allocation> a = allocations(RebalanceRules.defaults());

    Allocation aaa = a.get(0);
    assertThat(aaa.marketValue(), comparesEqualTo(new BigDecimal("700")));
    assertThat(aaa.weight(), comparesEqualTo(new BigDecimal("0.7")));
    assertThat(aaa.targetWeight(), comparesEqualTo(new BigDecimal("0.50")));
    assertThat(aaa.drift(), comparesEqualTo(new BigDecimal("0.2")));

    Allocation bbb = a.get(1);
    assertThat(bbb.marketValue(), comparesEqualTo(BigDecimal.ZERO));
    assertThat(bbb.weight(), comparesEqualTo(BigDecimal.ZERO));
    assertThat(bbb.drift(), comparesEqualTo(new BigDecimal("-0.30")));

    Allocation zzz = a.get(3);
    assertThat(zzz.weight(), comparesEqualTo(new BigDecimal("0.2")));
    assertThat(zzz.targetWeight(), comparesEqualTo(BigDecimal.ZERO));
    assertThat(zzz.drift(), comparesEqualTo(new BigDecimal("0.2")));
  }

  @Test
  void outOfBandFollowsTheRebalancingTest() {
    List<Allocation> a = allocations(RebalanceRules.defaults());

    // AAA drifts 0.2 > 0.05; BBB 0.3 > 0.05; CASH is never traded; ZZZ is held with target 0
    assertThat(a.stream().map(Allocation::outOfBand).toList(), contains(true, true, false, true));
  }

  @Test
  void restrictedSymbolIsNeverOutOfBand() {
    RebalanceRules rules = new RebalanceRules(new BigDecimal("0.05"), new BigDecimal("0.25"),
        new BigDecimal("100"), true, 6, List.of("ZZZ", "AAA"));

    List<Allocation> a = allocations(rules);

    assertThat(a.stream().map(Allocation::outOfBand).toList(), contains(false, true, false, false));
  }

  @Test
  void withinBandsIsNotOutOfBand() {
    SortedMap<String, BigDecimal> v = new TreeMap<>();
    v.put("AAA", new BigDecimal("520"));
    v.put("BBB", new BigDecimal("290"));
    v.put("CASH", new BigDecimal("190"));

    List<Allocation> a = Allocation.of(Allocation.ACCOUNT, "B1/A1", v, new BigDecimal("1000"),
        MODEL, RebalanceRules.defaults());

    assertThat(a.stream().map(Allocation::outOfBand).toList(), contains(false, false, false));
  }

  @Test
  void modelSymbolWithZeroTargetAndNothingHeldIsNotOutOfBand() {
    Model model = new Model("m", List.of(new TargetWeight("AAA", BigDecimal.ONE),
        new TargetWeight("OLD", BigDecimal.ZERO)));
    SortedMap<String, BigDecimal> v = new TreeMap<>();
    v.put("AAA", new BigDecimal("1000"));

    List<Allocation> a = Allocation.of(Allocation.ACCOUNT, "B1/A1", v, new BigDecimal("1000"),
        model, RebalanceRules.defaults());

    assertThat(a.stream().map(Allocation::outOfBand).toList(), contains(false, false));
  }

  @Test
  void noTotalGivesZeroWeightsAndNothingOutOfBand() {
    SortedMap<String, BigDecimal> v = new TreeMap<>();
    v.put("AAA", BigDecimal.ZERO);

    List<Allocation> a = Allocation.of(Allocation.ACCOUNT, "B1/A1", v, BigDecimal.ZERO, MODEL,
        RebalanceRules.defaults());

    assertThat(a.stream().allMatch(x -> x.weight().signum() == 0 && !x.outOfBand()), is(true));
    assertThat(a.size(), is(3));
  }

  @Test
  void weightHasThirtyFourSignificantDigits() {
    assertThat(Allocation.weight(BigDecimal.ONE, new BigDecimal("3")),
        is(new BigDecimal("0.3333333333333333333333333333333333")));
  }

  @Test
  void aRoundedWeightIsRoundedOnceHalfEvenFromTheExactQuotient() {
    // 1234565 / 10^7 = 0.1234565 exactly: half-way, so half-even keeps the even 6.
    assertThat(Allocation.weight(new BigDecimal("1234565"), new BigDecimal("10000000"), 6),
        is(new BigDecimal("0.123456")));
    // 1e-40 above half-way rounds up, though its 34-digit quotient is 0.1234565000...
    BigDecimal justAbove = new BigDecimal("1234565.000000000000000000000000000000001");
    assertThat(Allocation.weight(justAbove, new BigDecimal("10000000"), 6),
        is(new BigDecimal("0.123457")));
    // 2 / 3 = 0.666666.. -> 0.666667; a scope worth nothing weighs 0.
    assertThat(Allocation.weight(new BigDecimal("2"), new BigDecimal("3"), 6),
        is(new BigDecimal("0.666667")));
    assertThat(Allocation.weight(new BigDecimal("5"), BigDecimal.ZERO, 6),
        is(new BigDecimal("0.000000")));
  }
}

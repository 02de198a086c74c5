package io.rebalancer.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An asset class's share of an account or household on a class model ({@link Model#byClass}),
 * against the class's target: what the rebalancer trades on such a model, as {@link Allocation}
 * is for a model of symbols. Cash of any kind is one class, CASH, which is never out of band.
 *
 * <p>A class's value is that of the positions of its asset class, summed over the scope's
 * accounts. After the orders ({@link AfterTrades}) each symbol's value counts in its class in its
 * account: the asset class of its position there; for a symbol the account did not hold, that of
 * the first account of the household that holds it; for one that no account holds, the class
 * whose buy symbol it is. A scope without orders keeps its values, so its post-trade weights are
 * its weights.
 *
 * @param drift weight - targetWeight
 * @param postTradeWeight the class's share once the run's orders are executed
 */
public record ClassAllocation(String scope, String scopeId, String assetClass,
    BigDecimal marketValue, BigDecimal weight, BigDecimal targetWeight, BigDecimal drift,
    boolean outOfBand, BigDecimal postTradeWeight) {

  /**
   * The household's classes, now and after its orders.
   *
   * @param total the household's value (its accounts' total values summed)
   * @param orders the household's orders, placed on its accounts
   */
  public static List<ClassAllocation> ofHousehold(String householdId, Model model,
      List<AccountAnalysis> accounts, BigDecimal total, List<TradeOrder> orders,
      RebalanceRules rules) {
    SortedMap<String, BigDecimal> now = AccountAnalysis.valuesByAssetClass(accounts);
    if (orders.isEmpty()) {
      return of(Allocation.HOUSEHOLD, householdId, now, total, now, total, model, rules);
    }
    Map<String, String> classes = classesOfSymbols(accounts, model);
    SortedMap<String, BigDecimal> after = new TreeMap<>();
    for (AccountAnalysis a : accounts) {
      afterTrades(a, orders, classes).forEach((c, v) -> after.merge(c, v, BigDecimal::add));
    }
    return of(Allocation.HOUSEHOLD, householdId, now, total, after, sum(after), model, rules);
  }

  /** Each account's classes against the household's class model, now and after its orders. */
  public static List<ClassAllocation> ofAccounts(List<AccountAnalysis> accounts,
      List<TradeOrder> orders, Model model, RebalanceRules rules) {
    List<ClassAllocation> out = new ArrayList<>();
    accounts.forEach(a -> out.addAll(ofAccount(a, accounts, orders, model, rules)));
    return out;
  }

  /**
   * One account's classes against the household's class model, now and after the orders placed
   * on it.
   *
   * @param household every account of its household (for the class of a symbol it buys new)
   */
  public static List<ClassAllocation> ofAccount(AccountAnalysis account,
      List<AccountAnalysis> household, List<TradeOrder> orders, Model model,
      RebalanceRules rules) {
    SortedMap<String, BigDecimal> now = account.valuesByAssetClass();
    boolean traded = orders.stream().anyMatch(o -> o.brokerageId().equals(
        account.key().brokerageId()) && o.accountId().equals(account.key().accountId()));
    if (!traded) {
      return of(Allocation.ACCOUNT, account.key().toString(), now, account.totalValue(), now,
          account.totalValue(), model, rules);
    }
    SortedMap<String, BigDecimal> after =
        afterTrades(account, orders, classesOfSymbols(household, model));
    return of(Allocation.ACCOUNT, account.key().toString(), now, account.totalValue(), after,
        sum(after), model, rules);
  }

  /** Every class held, named by the model, or held after the orders, in class order. */
  private static List<ClassAllocation> of(String scope, String scopeId,
      SortedMap<String, BigDecimal> values, BigDecimal total, SortedMap<String, BigDecimal> after,
      BigDecimal afterTotal, Model model, RebalanceRules rules) {
    SortedMap<String, BigDecimal> all = new TreeMap<>(values);
    model.classes().forEach(c -> all.putIfAbsent(c.assetClass(), BigDecimal.ZERO));
    after.keySet().forEach(c -> all.putIfAbsent(c, BigDecimal.ZERO));
    List<ClassAllocation> out = new ArrayList<>(all.size());
    for (var e : all.entrySet()) {
      String assetClass = e.getKey();
      BigDecimal value = e.getValue();
      BigDecimal target = model.classTargetOf(assetClass);
      BigDecimal weight = Allocation.weight(value, total);
      boolean outside = !Holding.CASH.equals(assetClass)
          && Allocation.outOfBand(value, target, total, rules);
      out.add(new ClassAllocation(scope, scopeId, assetClass, value, weight, target,
          weight.subtract(target), outside,
          Allocation.weight(after.getOrDefault(assetClass, BigDecimal.ZERO), afterTotal)));
    }
    return out;
  }

  /** The account's values by class after the orders placed on it. */
  private static SortedMap<String, BigDecimal> afterTrades(AccountAnalysis a,
      List<TradeOrder> orders, Map<String, String> householdClasses) {
    Map<String, String> own = new HashMap<>();
    a.positions().stream().filter(p -> !p.cash()).forEach(p -> own.put(p.symbol(), p.assetClass()));
    SortedMap<String, BigDecimal> out = new TreeMap<>();
    AfterTrades.ofAccount(a, orders).values().forEach((symbol, value) -> {
      String assetClass = Holding.CASH.equals(symbol) ? Holding.CASH
          : own.getOrDefault(symbol, householdClasses.get(symbol));
      if (assetClass == null) {
        throw new IllegalStateException("household " + a.householdId() + " has an order for "
            + symbol + ", which no account holds and no class of its model buys");
      }
      out.merge(assetClass, value, BigDecimal::add);
    });
    return out;
  }

  /**
   * The class of each symbol of the household: its position's in the first account that holds it,
   * else (a symbol only bought) the class whose buy symbol it is.
   */
  private static Map<String, String> classesOfSymbols(List<AccountAnalysis> accounts,
      Model model) {
    Map<String, String> out = new HashMap<>();
    for (AccountAnalysis a : accounts) {
      a.positions().stream().filter(p -> !p.cash())
          .forEach(p -> out.putIfAbsent(p.symbol(), p.assetClass()));
    }
    for (ClassTarget c : model.classes()) {
      if (c.buySymbol() != null) {
        out.putIfAbsent(c.buySymbol(), c.assetClass());
      }
    }
    return out;
  }

  private static BigDecimal sum(SortedMap<String, BigDecimal> values) {
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal v : values.values()) {
      total = total.add(v);
    }
    return total;
  }
}

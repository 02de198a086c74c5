package io.rebalancer.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an account or a household holds once its orders are executed at the prices the rebalancer
 * gave them (allocations.post_trade_weight). Exact decimals:
 *
 * <ul>
 *   <li>a position an order trades is worth its quantity after the order × the order's price:
 *       one sold whole is worth 0, a symbol bought new is worth what it cost;
 *   <li>cash (one CASH entry) gains each sell's quantity × price and pays each buy's;
 *   <li>every other position keeps its market value.
 * </ul>
 *
 * <p>A scope without orders keeps its values and its total, so its post-trade weights are its
 * weights. With orders, the total is the sum of the values after them: it equals the total before
 * unless a traded position's export price differs from the price it is traded at.
 *
 * @param values market value by symbol after the orders, cash as CASH
 * @param total the scope's value after the orders
 */
public record AfterTrades(SortedMap<String, BigDecimal> values, BigDecimal total) {
  public AfterTrades {
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }

  /** A scope that trades nothing: its values and total as they are. */
  public static AfterTrades unchanged(SortedMap<String, BigDecimal> values, BigDecimal total) {
    return new AfterTrades(values, total);
  }

  /** The account after those of the household's orders that are placed on it. */
  public static AfterTrades ofAccount(AccountAnalysis account, List<TradeOrder> householdOrders) {
    List<TradeOrder> own = householdOrders.stream().filter(o -> isOn(o, account)).toList();
    SortedMap<String, BigDecimal> values = account.valuesBySymbol();
    if (own.isEmpty()) {
      return unchanged(values, account.totalValue());
    }
    SortedMap<String, BigDecimal> quantities = account.investedQuantities();
    BigDecimal cash = values.getOrDefault(Holding.CASH, BigDecimal.ZERO);
    for (TradeOrder o : own) {
      BigDecimal cost = o.quantity().multiply(o.price());
      BigDecimal signed = o.side() == Side.BUY ? o.quantity() : o.quantity().negate();
      BigDecimal after = quantities.getOrDefault(o.symbol(), BigDecimal.ZERO).add(signed);
      quantities.put(o.symbol(), after);
      // the rebalancer prices a symbol once per household, so each order of it has that price
      values.put(o.symbol(), after.multiply(o.price()));
      cash = o.side() == Side.BUY ? cash.subtract(cost) : cash.add(cost);
    }
    values.put(Holding.CASH, cash);
    return new AfterTrades(values, sum(values));
  }

  /** The household after its orders: its accounts' values after theirs, summed by symbol. */
  public static AfterTrades ofHousehold(SortedMap<String, BigDecimal> values, BigDecimal total,
      List<AccountAnalysis> accounts, List<TradeOrder> orders) {
    if (orders.isEmpty()) {
      return unchanged(values, total);
    }
    SortedMap<String, BigDecimal> summed = new TreeMap<>();
    for (AccountAnalysis a : accounts) {
      ofAccount(a, orders).values().forEach((s, v) -> summed.merge(s, v, BigDecimal::add));
    }
    return new AfterTrades(summed, sum(summed));
  }

  /** Each account's allocation against the household's model, with its post-trade weights. */
  public static List<Allocation> accountAllocations(List<AccountAnalysis> accounts,
      List<TradeOrder> orders, Model model, RebalanceRules rules) {
    List<Allocation> out = new ArrayList<>();
    for (AccountAnalysis a : accounts) {
      out.addAll(Allocation.of(Allocation.ACCOUNT, a.key().toString(), a.valuesBySymbol(),
          a.totalValue(), ofAccount(a, orders), model, rules));
    }
    return out;
  }

  /** The symbol's share of the scope after the orders, as {@link Allocation#weight} weighs. */
  public BigDecimal weightOf(String symbol) {
    return Allocation.weight(values.getOrDefault(symbol, BigDecimal.ZERO), total);
  }

  private static boolean isOn(TradeOrder o, AccountAnalysis a) {
    return o.brokerageId().equals(a.key().brokerageId())
        && o.accountId().equals(a.key().accountId());
  }

  private static BigDecimal sum(SortedMap<String, BigDecimal> values) {
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal v : values.values()) {
      total = total.add(v);
    }
    return total;
  }
}

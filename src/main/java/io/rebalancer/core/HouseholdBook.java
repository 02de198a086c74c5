package io.rebalancer.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A household's accounts (in brokerage, account order) and their holdings summed by symbol. */
final class HouseholdBook {
  final List<AccountAnalysis> accounts;
  final BigDecimal totalValue;
  /** Market value by symbol, cash as CASH: what the allocation shows. */
  final SortedMap<String, BigDecimal> values = new TreeMap<>();
  /** Net quantity by non-cash symbol. */
  final SortedMap<String, BigDecimal> quantities = new TreeMap<>();
  /** The price on the holding row of the first account holding each symbol. */
  final Map<String, BigDecimal> rowPrices = new HashMap<>();
  /** The asset class on the first holding row of each symbol, as {@link #rowPrices}. */
  private final Map<String, String> assetClasses = new HashMap<>();
  /** Each account's quantity by non-cash symbol, in the order of {@link #accounts}. */
  final List<SortedMap<String, BigDecimal>> accountQuantities = new ArrayList<>();
  /** Each account's known tax lots by symbol, as {@link #accountQuantities}. */
  private final List<Map<String, List<Lot>>> accountLots = new ArrayList<>();

  HouseholdBook(List<AccountAnalysis> unordered) {
    accounts = new ArrayList<>(unordered);
    accounts.sort(Comparator.comparing(AccountAnalysis::key));
    BigDecimal total = BigDecimal.ZERO;
    for (AccountAnalysis a : accounts) {
      total = total.add(a.totalValue());
      a.valuesBySymbol().forEach((s, v) -> values.merge(s, v, BigDecimal::add));
      accountQuantities.add(a.investedQuantities());
      Map<String, List<Lot>> lots = new HashMap<>();
      a.lots().forEach(l -> lots.computeIfAbsent(l.symbol(), s -> new ArrayList<>()).add(l));
      accountLots.add(lots);
      for (Position p : a.positions()) {
        if (!p.cash()) {
          quantities.merge(p.symbol(), p.quantity(), BigDecimal::add);
          rowPrices.putIfAbsent(p.symbol(), p.price());
          assetClasses.putIfAbsent(p.symbol(), p.assetClass());
        }
      }
    }
    totalValue = total;
  }

  BigDecimal valueOf(String symbol) {
    return values.getOrDefault(symbol, BigDecimal.ZERO);
  }

  /** The asset class a held symbol is counted in (its first holding row's). */
  String assetClassOf(String symbol) {
    String assetClass = assetClasses.get(symbol);
    return assetClass == null || assetClass.isEmpty() ? "UNCLASSIFIED" : assetClass;
  }

  /** Whether the i-th account may host a sell, or a buy (accounts.csv `trading`). */
  boolean maySell(int account) {
    return accounts.get(account).trading().maySell();
  }

  boolean mayBuy(int account) {
    return accounts.get(account).trading().mayBuy();
  }

  /** Whether any account of the household may host a buy. */
  boolean anyBuyer() {
    for (int i = 0; i < accounts.size(); i++) {
      if (mayBuy(i)) {
        return true;
      }
    }
    return false;
  }

  boolean holds(String symbol) {
    return quantities.getOrDefault(symbol, BigDecimal.ZERO).signum() != 0;
  }

  /** Shares of a symbol that can be sold: the sum of the accounts' long positions. */
  BigDecimal sellable(String symbol) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < accounts.size(); i++) {
      sum = sum.add(longQuantity(i, symbol));
    }
    return sum;
  }

  /** Shares of a symbol held short, summed over the accounts: what a liquidation buys back. */
  BigDecimal coverable(String symbol) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < accounts.size(); i++) {
      sum = sum.add(shortQuantity(i, symbol));
    }
    return sum;
  }

  /** The long quantity of a symbol in the i-th account (a short is nothing to sell). */
  BigDecimal longQuantity(int account, String symbol) {
    return quantityIn(account, symbol).max(BigDecimal.ZERO);
  }

  /** The short quantity of a symbol in the i-th account, as a positive number of shares. */
  BigDecimal shortQuantity(int account, String symbol) {
    return quantityIn(account, symbol).negate().max(BigDecimal.ZERO);
  }

  /**
   * The tax lots of a symbol in the i-th account, in the order a sell takes them: its known lots,
   * then what they leave of the long quantity as one lot of unknown basis.
   */
  List<Lot> lotsOf(int account, String symbol) {
    List<Lot> lots = new ArrayList<>(accountLots.get(account).getOrDefault(symbol, List.of()));
    BigDecimal rest = longQuantity(account, symbol);
    for (Lot lot : lots) {
      rest = rest.subtract(lot.quantity());
    }
    if (rest.signum() > 0) {
      lots.add(Lot.remainder(accounts.get(account).key(), symbol, rest));
    }
    lots.sort(Lot.SELL_ORDER);
    return lots;
  }

  private BigDecimal quantityIn(int account, String symbol) {
    return accountQuantities.get(account).getOrDefault(symbol, BigDecimal.ZERO);
  }
}

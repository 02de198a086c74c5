package io.rebalancer.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Step 5: puts a household's sells and buys on its accounts. Each account has a budget: its cash
 * above reserve plus the proceeds of its own sells. An order is never bigger than what the account
 * holds (sells) or can pay for (buys); what cannot be placed is recorded as unplaced.
 */
final class Placement {
  private final String householdId;
  private final HouseholdBook book;
  private final RebalanceRules rules;
  private final BigDecimal[] budgets;
  private final List<TradeOrder> orders = new ArrayList<>();
  private final List<UnplacedTrade> unplaced = new ArrayList<>();

  Placement(String householdId, HouseholdBook book, RebalanceRules rules) {
    this.householdId = householdId;
    this.book = book;
    this.rules = rules;
    budgets = new BigDecimal[book.accounts.size()];
    for (int i = 0; i < budgets.length; i++) {
      budgets[i] = book.accounts.get(i).spendableCash();
    }
  }

  /** Sells go to the accounts holding the symbol, largest quantity first, each up to what it holds. */
  void placeSell(Rebalancer.Trade sell) {
    List<Integer> holders = new ArrayList<>();
    for (int i = 0; i < budgets.length; i++) {
      if (book.longQuantity(i, sell.symbol()).signum() > 0) {
        holders.add(i);
      }
    }
    // Accounts are in (brokerage, account) order, so a stable sort keeps that order for ties.
    holders.sort(Comparator.comparing((Integer i) -> book.longQuantity(i, sell.symbol()))
        .reversed());
    BigDecimal remaining = sell.quantity();
    for (int i : holders) {
      if (remaining.signum() <= 0) {
        break;
      }
      BigDecimal take = remaining.min(book.longQuantity(i, sell.symbol()));
      order(i, sell, Side.SELL, take);
      budgets[i] = budgets[i].add(take.multiply(sell.price()));
      remaining = remaining.subtract(take);
    }
  }

  /**
   * A liquidation's buy-back of a short goes to each account that is short, since only a buy
   * there closes its leg: the whole short when its budget pays for it, else what the budget buys
   * at the trade scale. What no short account can pay for is unplaced.
   */
  void placeCover(Rebalancer.Trade cover) {
    BigDecimal unpaid = BigDecimal.ZERO;
    for (int i = 0; i < budgets.length; i++) {
      BigDecimal leg = book.shortQuantity(i, cover.symbol());
      if (leg.signum() == 0) {
        continue;
      }
      BigDecimal take = leg.multiply(cover.price()).compareTo(budgets[i]) <= 0 ? leg
          : rules.floorQuantity(budgets[i], cover.price()).min(leg);
      if (take.signum() > 0) {
        order(i, cover, Side.BUY, take);
        budgets[i] = budgets[i].subtract(take.multiply(cover.price()));
      }
      unpaid = unpaid.add(leg.subtract(take));
    }
    if (unpaid.signum() > 0) {
      unplaced.add(new UnplacedTrade(householdId, cover.symbol(), Side.BUY, unpaid,
          UnplacedTrade.NO_CASH_TO_COVER));
    }
  }

  /**
   * A buy goes to the account with the largest remaining budget, as many shares as it can pay for,
   * then to the next largest, until placed or no account can pay for one more share.
   */
  void placeBuy(Rebalancer.Trade buy) {
    BigDecimal remaining = buy.quantity();
    while (remaining.signum() > 0) {
      int richest = 0;
      for (int i = 1; i < budgets.length; i++) {
        if (budgets[i].compareTo(budgets[richest]) > 0) {
          richest = i;
        }
      }
      BigDecimal affordable = rules.floorQuantity(budgets[richest], buy.price()).min(remaining);
      if (affordable.signum() <= 0) {
        break;
      }
      order(richest, buy, Side.BUY, affordable);
      budgets[richest] = budgets[richest].subtract(affordable.multiply(buy.price()));
      remaining = remaining.subtract(affordable);
    }
    if (remaining.signum() > 0) {
      unplaced.add(new UnplacedTrade(householdId, buy.symbol(), Side.BUY, remaining,
          UnplacedTrade.NO_CASH));
    }
  }

  private void order(int account, Rebalancer.Trade trade, Side side, BigDecimal quantity) {
    AccountKey key = book.accounts.get(account).key();
    orders.add(new TradeOrder(householdId, key.brokerageId(), key.accountId(), trade.symbol(), side,
        quantity, trade.price(), trade.currentWeight(), trade.targetWeight(), trade.reason()));
  }

  List<TradeOrder> orders() {
    return orders;
  }

  List<UnplacedTrade> unplaced() {
    return unplaced;
  }
}

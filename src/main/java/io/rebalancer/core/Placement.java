package io.rebalancer.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Step 5: puts a household's sells and buys on its accounts. Each account has a budget: its cash
 * above reserve plus the proceeds of its own sells. An order is never bigger than what the account
 * holds (sells) or can pay for (buys), and never on an account whose `trading` forbids it (a
 * frozen account hosts nothing); what cannot be placed is recorded as unplaced.
 */
final class Placement {
  private final String householdId;
  private final HouseholdBook book;
  private final RebalanceRules rules;
  private final BigDecimal[] budgets;
  private final List<TradeOrder> orders = new ArrayList<>();
  private final List<UnplacedTrade> unplaced = new ArrayList<>();
  private final TaxLots lots;
  private final SecurityMaster securities;
  private final List<RealizedGain> realizedGains = new ArrayList<>();
  /** What the sells placed on accounts that may buy brought in: step 4 may spend it. */
  private BigDecimal proceedsOfBuyers = BigDecimal.ZERO;

  /**
   * @param runDate the day lot terms are counted to (null only without dated lots)
   * @param securities the security master, whose preferred account types tax-aware buys follow
   */
  Placement(String householdId, HouseholdBook book, RebalanceRules rules, LocalDate runDate,
      SecurityMaster securities) {
    this.householdId = householdId;
    this.book = book;
    this.rules = rules;
    this.lots = new TaxLots(book, rules, runDate);
    this.securities = securities;
    budgets = new BigDecimal[book.accounts.size()];
    for (int i = 0; i < budgets.length; i++) {
      budgets[i] = book.accounts.get(i).spendableCash();
    }
  }

  /**
   * Sells go to the accounts holding the symbol that may sell, largest quantity first, each up to
   * what it holds; with taxAware, tax-deferred and tax-exempt accounts before taxable ones, and
   * with avoidShortTermGains a taxable account keeps its short-term lots at a gain. Each sell
   * takes lots (see {@link TaxLots}). What only accounts that may not sell hold is unplaced, as
   * is what avoidance kept.
   */
  void placeSell(Rebalancer.Trade sell) {
    String symbol = sell.symbol();
    List<Integer> holders = new ArrayList<>();
    for (int i = 0; i < budgets.length; i++) {
      if (book.maySell(i) && book.longQuantity(i, symbol).signum() > 0) {
        holders.add(i);
      }
    }
    // Accounts are in (brokerage, account) order, so a stable sort keeps that order for ties.
    Comparator<Integer> largestFirst =
        Comparator.comparing((Integer i) -> book.longQuantity(i, symbol)).reversed();
    holders.sort(rules.taxAware()
        ? Comparator.comparing((Integer i) -> taxable(i)).thenComparing(largestFirst)
        : largestFirst);
    BigDecimal remaining = sell.quantity();
    BigDecimal kept = BigDecimal.ZERO;
    for (int i : holders) {
      if (remaining.signum() <= 0) {
        break;
      }
      BigDecimal withheld = lots.withheld(i, symbol, sell.price());
      BigDecimal take = remaining.min(book.longQuantity(i, symbol).subtract(withheld));
      kept = kept.add(withheld);
      if (take.signum() <= 0) {
        continue;
      }
      order(i, sell, Side.SELL, take);
      realizedGains.addAll(lots.sell(householdId, i, symbol, take, sell.price()));
      BigDecimal proceeds = take.multiply(sell.price());
      budgets[i] = budgets[i].add(proceeds);
      if (book.mayBuy(i)) {
        proceedsOfBuyers = proceedsOfBuyers.add(proceeds);
      }
      remaining = remaining.subtract(take);
    }
    BigDecimal avoided = remaining.min(kept);
    if (avoided.signum() > 0) {
      unplaced.add(new UnplacedTrade(householdId, symbol, Side.SELL, avoided,
          UnplacedTrade.SHORT_TERM_GAIN_AVOIDED));
    }
    BigDecimal barred = remaining.subtract(avoided);
    if (barred.signum() > 0) {
      unplaced.add(new UnplacedTrade(householdId, symbol, Side.SELL, barred,
          UnplacedTrade.NO_ACCOUNT_MAY_SELL));
    }
  }

  private boolean taxable(int account) {
    return book.accounts.get(account).accountType() == AccountType.TAXABLE;
  }

  /**
   * A liquidation's buy-back of a short goes to each account that is short, since only a buy
   * there closes its leg: the whole short when its budget pays for it, else what the budget buys
   * at the trade scale. What no short account can pay for is unplaced, as is the short of an
   * account that may not buy.
   */
  void placeCover(Rebalancer.Trade cover) {
    BigDecimal unpaid = BigDecimal.ZERO;
    BigDecimal barred = BigDecimal.ZERO;
    for (int i = 0; i < budgets.length; i++) {
      BigDecimal leg = book.shortQuantity(i, cover.symbol());
      if (leg.signum() == 0) {
        continue;
      }
      if (!book.mayBuy(i)) {
        barred = barred.add(leg);
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
    if (barred.signum() > 0) {
      unplaced.add(new UnplacedTrade(householdId, cover.symbol(), Side.BUY, barred,
          UnplacedTrade.NO_ACCOUNT_MAY_BUY));
    }
  }

  /**
   * A buy goes to the account that may buy with the largest remaining budget, as many shares as
   * it can pay for, then to the next largest, until placed or no account can pay for one more
   * share; with no account that may buy, it is unplaced whole. With taxAware, the accounts of
   * the symbol's preferred account type (securities.csv) are drawn on first, then the others.
   */
  void placeBuy(Rebalancer.Trade buy) {
    BigDecimal remaining = buy.quantity();
    if (!book.anyBuyer()) {
      if (remaining.signum() > 0) {
        unplaced.add(new UnplacedTrade(householdId, buy.symbol(), Side.BUY, remaining,
            UnplacedTrade.NO_ACCOUNT_MAY_BUY));
      }
      return;
    }
    AccountType preferred = rules.taxAware() ? securities.security(buy.symbol())
        .map(Security::preferredAccountType).orElse(null) : null;
    if (preferred != null) {
      remaining = fill(buy, remaining, i -> accountType(i) == preferred);
      remaining = fill(buy, remaining, i -> accountType(i) != preferred);
    } else {
      remaining = fill(buy, remaining, i -> true);
    }
    if (remaining.signum() > 0) {
      unplaced.add(new UnplacedTrade(householdId, buy.symbol(), Side.BUY, remaining,
          UnplacedTrade.NO_CASH));
    }
  }

  /**
   * Step 5's buy loop over the accounts that may buy and are in the group: the largest remaining
   * budget takes what it can pay for, until none can pay for one more share. Returns what is left.
   */
  private BigDecimal fill(Rebalancer.Trade buy, BigDecimal quantity, IntPredicate group) {
    BigDecimal remaining = quantity;
    while (remaining.signum() > 0) {
      int richest = -1;
      for (int i = 0; i < budgets.length; i++) {
        if (book.mayBuy(i) && group.test(i)
            && (richest < 0 || budgets[i].compareTo(budgets[richest]) > 0)) {
          richest = i;
        }
      }
      if (richest < 0) {
        break;
      }
      BigDecimal affordable = rules.floorQuantity(budgets[richest], buy.price()).min(remaining);
      if (affordable.signum() <= 0) {
        break;
      }
      order(richest, buy, Side.BUY, affordable);
      budgets[richest] = budgets[richest].subtract(affordable.multiply(buy.price()));
      remaining = remaining.subtract(affordable);
    }
    return remaining;
  }

  private AccountType accountType(int account) {
    return book.accounts.get(account).accountType();
  }

  private void order(int account, Rebalancer.Trade trade, Side side, BigDecimal quantity) {
    AccountKey key = book.accounts.get(account).key();
    orders.add(new TradeOrder(householdId, key.brokerageId(), key.accountId(), trade.symbol(), side,
        quantity, trade.price(), trade.currentWeight(), trade.targetWeight(), trade.reason()));
  }

  BigDecimal proceedsOfBuyers() {
    return proceedsOfBuyers;
  }

  List<TradeOrder> orders() {
    return orders;
  }

  List<UnplacedTrade> unplaced() {
    return unplaced;
  }

  /** The lots the placed sells took, in the order they were placed. */
  List<RealizedGain> realizedGains() {
    return realizedGains;
  }
}

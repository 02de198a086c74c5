package io.rebalancer.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Rebalancing of one household against its model, SPEC "Rebalancing, per household" steps 1-6: find
 * the out-of-band symbols, size sells and buys, scale buys to the cash available, place them on
 * accounts. Exact decimals throughout; every tie is broken by (brokerage, account), then symbol.
 *
 * <p>Liquidation (a held symbol with t = 0) closes each leg on its own account: every long is sold
 * whole and every short is bought back whole, so that the symbol ends flat in every account and
 * never net short in the household (selling only the longs of a symbol also held short would turn
 * the household short). A leg worth less than minTradeValue is dropped, as any sell is. A buy-back
 * is paid for first, before the model's buys: step 4's available cash is reduced by its cost, and
 * step 5 places it only on the short account, as far as that account's budget pays (the whole
 * short when it can, else floor(budget / price) at the trade scale); the rest is unplaced.
 *
 * <p>A price of zero or less is no price: nothing can be sized by dividing by it.
 */
public final class Rebalancer {
  static final String LIQUIDATE = "liquidate: not in model";

  private final RebalanceRules rules;

  public Rebalancer(RebalanceRules rules) {
    this.rules = rules;
  }

  /** A symbol to trade: its out-of-band drift turned into a signed quantity at a price. */
  record Trade(String symbol, BigDecimal quantity, BigDecimal price, BigDecimal currentWeight,
      BigDecimal targetWeight, String reason) {
    BigDecimal cost() {
      return quantity.multiply(price);
    }

    Trade withQuantity(BigDecimal q) {
      return new Trade(symbol, q, price, currentWeight, targetWeight, reason);
    }
  }

  public HouseholdPlan rebalance(String householdId, Model model, List<AccountAnalysis> accounts,
      PriceBook prices) {
    HouseholdBook book = new HouseholdBook(accounts);
    if (book.totalValue.signum() <= 0) {
      return plan(householdId, model, book, HouseholdPlan.Status.NO_VALUE, List.of(), List.of());
    }
    List<UnplacedTrade> unplaced = new ArrayList<>();
    List<Trade> sells = new ArrayList<>();
    List<Trade> covers = new ArrayList<>();
    List<Trade> buys = new ArrayList<>();
    boolean anyOutOfBand = size(householdId, book, model, prices, sells, covers, buys, unplaced);
    if (!anyOutOfBand) {
      return plan(householdId, model, book, HouseholdPlan.Status.WITHIN_TOLERANCE, List.of(),
          List.of());
    }
    List<Trade> fundedBuys = fitToCash(book, sells, covers, buys);
    Placement placement = new Placement(householdId, book, rules);
    sells.forEach(placement::placeSell);
    covers.forEach(placement::placeCover);
    fundedBuys.stream()
        .sorted(Comparator.comparing(Trade::cost).reversed().thenComparing(Trade::symbol))
        .forEach(placement::placeBuy);
    unplaced.addAll(placement.unplaced());
    return plan(householdId, model, book, HouseholdPlan.Status.REBALANCED, placement.orders(),
        unplaced);
  }

  /**
   * Steps 1 and 3: the out-of-band symbols, each sized as a sell or a buy, a liquidated one as a
   * sell of its longs and a buy-back (cover) of its shorts. Returns whether any symbol was out of
   * band (a symbol with no price is, but only shows as unplaced).
   */
  private boolean size(String householdId, HouseholdBook book, Model model, PriceBook prices,
      List<Trade> sells, List<Trade> covers, List<Trade> buys, List<UnplacedTrade> unplaced) {
    TreeSet<String> symbols = new TreeSet<>();
    book.quantities.forEach((s, q) -> {
      if (q.signum() != 0) {
        symbols.add(s);
      }
    });
    model.targets().stream().filter(t -> t.weight().signum() > 0)
        .filter(t -> !Holding.CASH.equals(t.symbol())).forEach(t -> symbols.add(t.symbol()));
    boolean any = false;
    BigDecimal total = book.totalValue;
    for (String symbol : symbols) {
      BigDecimal target = model.targetOf(symbol);
      BigDecimal value = book.valueOf(symbol);
      boolean liquidate = target.signum() == 0 && book.holds(symbol);
      if (rules.isRestricted(symbol)
          || !(liquidate || rules.outsideBands(value, target, total))) {
        continue;
      }
      any = true;
      BigDecimal change = target.multiply(total).subtract(value);
      Optional<BigDecimal> price = tradingPrice(symbol, book, prices);
      if (price.isEmpty()) {
        unpriced(householdId, symbol, book, liquidate, change, unplaced);
        continue;
      }
      BigDecimal weight = Allocation.weight(value, total, TradeOrder.WEIGHT_SCALE);
      if (liquidate) {
        liquidation(symbol, book.sellable(symbol), price.get(), weight, target)
            .ifPresent(sells::add);
        liquidation(symbol, book.coverable(symbol), price.get(), weight, target)
            .ifPresent(covers::add);
      } else if (change.signum() < 0) {
        sizeSell(symbol, book, change.negate(), price.get(), weight, target)
            .ifPresent(sells::add);
      } else if (change.signum() > 0) {
        BigDecimal quantity = rules.floorQuantity(change, price.get());
        buys.add(new Trade(symbol, quantity, price.get(), weight, target, "underweight"));
      }
    }
    return any;
  }

  private Optional<Trade> sizeSell(String symbol, HouseholdBook book, BigDecimal excess,
      BigDecimal price, BigDecimal weight, BigDecimal target) {
    BigDecimal quantity = rules.floorQuantity(excess, price).min(book.sellable(symbol));
    return worthTrading(quantity, price)
        ? Optional.of(new Trade(symbol, quantity, price, weight, target, "overweight"))
        : Optional.empty();
  }

  /** One leg of a liquidation, all of it (fractional shares too): the longs or the shorts. */
  private Optional<Trade> liquidation(String symbol, BigDecimal leg, BigDecimal price,
      BigDecimal weight, BigDecimal target) {
    return worthTrading(leg, price)
        ? Optional.of(new Trade(symbol, leg, price, weight, target, LIQUIDATE))
        : Optional.empty();
  }

  private boolean worthTrading(BigDecimal quantity, BigDecimal price) {
    return quantity.signum() > 0 && quantity.multiply(price).compareTo(rules.minTradeValue()) >= 0;
  }

  /** A symbol that cannot be priced: each trade it needed is unplaced, its size unknown. */
  private static void unpriced(String householdId, String symbol, HouseholdBook book,
      boolean liquidate, BigDecimal change, List<UnplacedTrade> unplaced) {
    boolean sell = liquidate ? book.sellable(symbol).signum() > 0 : change.signum() < 0;
    boolean buy = liquidate ? book.coverable(symbol).signum() > 0 : change.signum() > 0;
    if (sell) {
      unplaced.add(new UnplacedTrade(householdId, symbol, Side.SELL, null, UnplacedTrade.NO_PRICE));
    }
    if (buy) {
      unplaced.add(new UnplacedTrade(householdId, symbol, Side.BUY, null, UnplacedTrade.NO_PRICE));
    }
  }

  /**
   * Step 4: buys may spend the cash above reserves plus the proceeds of the sells, less what the
   * buy-backs of shorts cost (they are paid first). When the buys cost more, every buy is cut to
   * floor(n * available / cost); buys then under the minimum are dropped.
   */
  private List<Trade> fitToCash(HouseholdBook book, List<Trade> sells, List<Trade> covers,
      List<Trade> buys) {
    BigDecimal available = BigDecimal.ZERO;
    for (AccountAnalysis a : book.accounts) {
      available = available.add(a.spendableCash());
    }
    for (Trade sell : sells) {
      available = available.add(sell.cost());
    }
    for (Trade cover : covers) {
      available = available.subtract(cover.cost());
    }
    available = available.max(BigDecimal.ZERO);
    BigDecimal cost = BigDecimal.ZERO;
    for (Trade buy : buys) {
      cost = cost.add(buy.cost());
    }
    boolean scale = cost.compareTo(available) > 0;
    List<Trade> funded = new ArrayList<>();
    for (Trade buy : buys) {
      BigDecimal n = scale
          ? rules.floorQuantity(buy.quantity().multiply(available), cost)
          : buy.quantity();
      Trade sized = buy.withQuantity(n);
      if (n.signum() > 0 && sized.cost().compareTo(rules.minTradeValue()) >= 0) {
        funded.add(sized);
      }
    }
    return funded;
  }

  /**
   * The latest close on or before the run date, else the first holding row's price. A price of
   * zero or less is none: a share that costs nothing cannot be sized (change / price).
   */
  static Optional<BigDecimal> tradingPrice(String symbol, HouseholdBook book, PriceBook prices) {
    Optional<BigDecimal> close = prices.latestClose(symbol).filter(p -> p.signum() > 0);
    return close.isPresent() ? close
        : Optional.ofNullable(book.rowPrices.get(symbol)).filter(p -> p.signum() > 0);
  }

  /** The plan, with the household's allocation before and after its orders. */
  private HouseholdPlan plan(String householdId, Model model, HouseholdBook book,
      HouseholdPlan.Status status, List<TradeOrder> orders, List<UnplacedTrade> unplaced) {
    List<TradeOrder> sorted = new ArrayList<>(orders);
    sorted.sort(TradeOrder.FILE_ORDER);
    AfterTrades after = AfterTrades.ofHousehold(book.values, book.totalValue, book.accounts,
        sorted);
    List<Allocation> allocations = Allocation.of(Allocation.HOUSEHOLD, householdId, book.values,
        book.totalValue, after, model, rules);
    return new HouseholdPlan(householdId, model.modelId(), book.accounts.size(), book.totalValue,
        status, sorted, unplaced, allocations);
  }
}

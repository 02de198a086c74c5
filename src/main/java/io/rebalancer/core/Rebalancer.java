package io.rebalancer.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Rebalancing of one household against its model, SPEC "Rebalancing, per household" steps 1-6 and
 * "Rebalancing as advisors do it": find the out-of-band sleeves (symbols, or asset classes on a
 * class model), size sells and buys, place the sells, scale the buys to the cash the accounts that
 * may buy have, place the buys. The mode (bands or buy-only), the trade-to (target or band edge),
 * the sleeves and the accounts' trading restrictions are rules this one rebalancer is given.
 * Exact decimals throughout; every tie is broken by (brokerage, account), then symbol.
 *
 * <p>Liquidation (a held symbol with t = 0, or every symbol of a held class with t = 0) closes
 * each leg on its own account: every long is sold whole and every short is bought back whole, so
 * that the symbol ends flat in every account and never net short in the household (selling only
 * the longs of a symbol also held short would turn the household short). A leg worth less than
 * minTradeValue is dropped, as any sell is. A buy-back is paid for first, before the model's buys:
 * step 4's available cash is reduced by its cost, and step 5 places it only on the short account,
 * as far as that account's budget pays (the whole short when it can, else floor(budget / price) at
 * the trade scale); the rest is unplaced.
 *
 * <p>Tax lots change where orders go, never how large steps 1-4 size them: with taxAware a sell
 * is placed on tax-deferred and tax-exempt accounts first and a buy on the symbol's preferred
 * account type first; with avoidShortTermGains a taxable account keeps its short-term lots at a
 * gain (the rest is unplaced); every placed sell takes lots and reports their gains ({@link
 * TaxLots}).
 *
 * <p>A price of zero or less is no price: nothing can be sized by dividing by it.
 */
public final class Rebalancer {
  static final String LIQUIDATE = "liquidate: not in model";

  private final RebalanceRules rules;
  private final LocalDate runDate;
  private final SecurityMaster securities;

  /**
   * @param runDate the day lot terms and the wash-sale window are counted to
   * @param securities the security master: tax-aware buys go to a symbol's preferred account type
   */
  public Rebalancer(RebalanceRules rules, LocalDate runDate, SecurityMaster securities) {
    this.rules = rules;
    this.runDate = runDate;
    this.securities = securities;
  }

  /** For households without dated lots and without preferred account types. */
  public Rebalancer(RebalanceRules rules) {
    this(rules, null, SecurityMaster.EMPTY);
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

  /** The trades sized for a household, before placement. */
  private static final class Sized {
    final List<Trade> sells = new ArrayList<>();
    final List<Trade> covers = new ArrayList<>();
    final List<Trade> buys = new ArrayList<>();
    final List<UnplacedTrade> unplaced = new ArrayList<>();
    /** Some sleeve needed trading (bands: out of band; buy-only: below target). */
    boolean any;
  }

  public HouseholdPlan rebalance(String householdId, Model model, List<AccountAnalysis> accounts,
      PriceBook prices) {
    HouseholdBook book = new HouseholdBook(accounts);
    if (book.totalValue.signum() <= 0) {
      return plan(householdId, model, book, HouseholdPlan.Status.NO_VALUE, List.of(), List.of(),
          List.of());
    }
    List<Sleeve> sleeves = Sleeve.of(model, book);
    Sized sized = new Sized();
    boolean buyOnly = rules.mode() == RebalanceMode.BUY_ONLY;
    if (buyOnly) {
      sizeDeficits(householdId, model, book, sleeves, prices, sized);
    } else {
      sizeDrift(householdId, book, sleeves, prices, sized);
    }
    if (!sized.any) {
      return plan(householdId, model, book, HouseholdPlan.Status.WITHIN_TOLERANCE, List.of(),
          List.of(), List.of());
    }
    Placement placement = new Placement(householdId, book, rules, runDate, securities);
    sized.sells.forEach(placement::placeSell);
    sized.covers.forEach(placement::placeCover);
    List<Trade> buys = sized.buys;
    if (!book.anyBuyer()) {
      buys = worthTrading(buys); // unplaced whole ("no account may buy"), not cut to nothing
    } else if (!buyOnly) {
      buys = fitToCash(availableForBuys(book, placement, sized), buys);
    }
    buys.stream()
        .sorted(Comparator.comparing(Trade::cost).reversed().thenComparing(Trade::symbol))
        .forEach(placement::placeBuy);
    List<UnplacedTrade> unplaced = new ArrayList<>(sized.unplaced);
    unplaced.addAll(placement.unplaced());
    return plan(householdId, model, book, HouseholdPlan.Status.REBALANCED, placement.orders(),
        unplaced, placement.realizedGains());
  }

  /**
   * Bands mode, steps 1 and 3: the out-of-band sleeves, each sized as sells or a buy, a liquidated
   * one as sells of its longs and buy-backs (covers) of its shorts. A sleeve with no price counts
   * as out of band but only shows as unplaced.
   */
  private void sizeDrift(String householdId, HouseholdBook book, List<Sleeve> sleeves,
      PriceBook prices, Sized out) {
    BigDecimal total = book.totalValue;
    for (Sleeve sleeve : sleeves) {
      if (!sleeve.byClass() && rules.isRestricted(sleeve.key())) {
        continue; // a restricted symbol is never traded; in a class it is skipped when selling
      }
      boolean liquidate = sleeve.target().signum() == 0 && sleeve.held(book);
      if (liquidate && tradable(sleeve.members()).isEmpty()) {
        continue; // a class held only in restricted symbols: nothing of it may be sold
      }
      if (!(liquidate || rules.outsideBands(sleeve.value(), sleeve.target(), total))) {
        continue;
      }
      out.any = true;
      BigDecimal weight = Allocation.weight(sleeve.value(), total, TradeOrder.WEIGHT_SCALE);
      if (liquidate) {
        for (String symbol : tradable(sleeve.members())) {
          liquidate(householdId, symbol, book, prices, weight, sleeve, out);
        }
        continue;
      }
      BigDecimal change = goal(sleeve, total).subtract(sleeve.value());
      if (change.signum() < 0) {
        sellDown(householdId, sleeve, change.negate(), book, prices, weight, out);
      } else if (change.signum() > 0) {
        buy(householdId, sleeve, change, book, prices, weight, out);
      }
    }
  }

  /**
   * The value a sleeve is traded to: its target, or with tradeTo band-edge the nearest edge of
   * its band, (t + sign(w - t) * h) * V with h = min(absoluteBand, relativeBand * t). A sleeve of
   * weight 0 has no band to stop at: it is liquidated before this is asked.
   */
  private BigDecimal goal(Sleeve sleeve, BigDecimal total) {
    BigDecimal target = sleeve.target();
    if (rules.tradeTo() == TradeTo.BAND_EDGE && target.signum() > 0) {
      int side = sleeve.value().compareTo(target.multiply(total));
      target = target.add(rules.band(target).multiply(BigDecimal.valueOf(side)));
    }
    return target.multiply(total);
  }

  /**
   * Sells worth excess, taken from the sleeve's held, tradable symbols, largest market value
   * first: each n = min(held, floor(remaining / price)), the remaining amount falling by n * price
   * whether or not that sell is then dropped for being under minTradeValue. A symbol's sleeve is
   * the SPEC's step 3: floor(|change| / price), never more than held.
   */
  private void sellDown(String householdId, Sleeve sleeve, BigDecimal excess, HouseholdBook book,
      PriceBook prices, BigDecimal weight, Sized out) {
    BigDecimal remaining = excess;
    for (String symbol : tradable(sleeve.members())) {
      BigDecimal held = book.sellable(symbol);
      if (held.signum() <= 0 || remaining.signum() <= 0) {
        continue;
      }
      Optional<BigDecimal> price = tradingPrice(symbol, book, prices);
      if (price.isEmpty()) {
        out.unplaced.add(new UnplacedTrade(householdId, symbol, Side.SELL, null,
            UnplacedTrade.NO_PRICE));
        continue;
      }
      BigDecimal quantity = rules.floorQuantity(remaining, price.get()).min(held);
      remaining = remaining.subtract(quantity.multiply(price.get()));
      if (worthTrading(quantity, price.get())) {
        out.sells.add(new Trade(symbol, quantity, price.get(), weight, sleeve.target(),
            sleeve.overweight()));
      }
    }
  }

  /** A buy of the sleeve's buy symbol worth amount: floor(amount / price) shares. */
  private void buy(String householdId, Sleeve sleeve, BigDecimal amount, HouseholdBook book,
      PriceBook prices, BigDecimal weight, Sized out) {
    String symbol = sleeve.buySymbol();
    if (rules.isRestricted(symbol)) {
      out.unplaced.add(new UnplacedTrade(householdId, symbol, Side.BUY, null,
          UnplacedTrade.RESTRICTED_BUY));
      return;
    }
    Optional<BigDecimal> price = tradingPrice(symbol, book, prices);
    if (price.isEmpty()) {
      out.unplaced.add(new UnplacedTrade(householdId, symbol, Side.BUY, null,
          UnplacedTrade.NO_PRICE));
      return;
    }
    out.buys.add(new Trade(symbol, rules.floorQuantity(amount, price.get()), price.get(), weight,
        sleeve.target(), sleeve.underweight()));
  }

  /** One symbol of a liquidated sleeve: its longs sold whole, its shorts bought back whole. */
  private void liquidate(String householdId, String symbol, HouseholdBook book, PriceBook prices,
      BigDecimal weight, Sleeve sleeve, Sized out) {
    Optional<BigDecimal> price = tradingPrice(symbol, book, prices);
    if (price.isEmpty()) {
      if (book.sellable(symbol).signum() > 0) {
        out.unplaced.add(new UnplacedTrade(householdId, symbol, Side.SELL, null,
            UnplacedTrade.NO_PRICE));
      }
      if (book.coverable(symbol).signum() > 0) {
        out.unplaced.add(new UnplacedTrade(householdId, symbol, Side.BUY, null,
            UnplacedTrade.NO_PRICE));
      }
      return;
    }
    leg(symbol, book.sellable(symbol), price.get(), weight, sleeve).ifPresent(out.sells::add);
    leg(symbol, book.coverable(symbol), price.get(), weight, sleeve).ifPresent(out.covers::add);
  }

  /** One leg of a liquidation, all of it (fractional shares too): the longs or the shorts. */
  private Optional<Trade> leg(String symbol, BigDecimal leg, BigDecimal price, BigDecimal weight,
      Sleeve sleeve) {
    return worthTrading(leg, price)
        ? Optional.of(new Trade(symbol, leg, price, weight, sleeve.target(), sleeve.liquidate()))
        : Optional.empty();
  }

  /**
   * Buy-only mode: nothing is sold and sleeves outside the model are left alone; bands do not
   * gate. Spendable cash is min(the cash above reserve of the accounts that may buy, max(0,
   * household cash - t(CASH) * V)); each tradable sleeve of the model with a deficit d = t * V -
   * MV gets a buy of d, or of d * spendable / sum(d) when the deficits add up to more; shares =
   * floor(amount / price); buys under minTradeValue (or of no shares) are dropped.
   */
  private void sizeDeficits(String householdId, Model model, HouseholdBook book,
      List<Sleeve> sleeves, PriceBook prices, Sized out) {
    BigDecimal total = book.totalValue;
    BigDecimal cashTarget = model.byClass() ? model.classTargetOf(Holding.CASH)
        : model.targetOf(Holding.CASH);
    BigDecimal spendable = book.valueOf(Holding.CASH).subtract(cashTarget.multiply(total))
        .max(BigDecimal.ZERO).min(cashOfBuyers(book));
    List<Trade> deficits = new ArrayList<>(); // quantity holds the deficit until scaled
    BigDecimal sum = BigDecimal.ZERO;
    for (Sleeve sleeve : sleeves) {
      if (sleeve.target().signum() <= 0 || sleeve.buySymbol() == null
          || rules.isRestricted(sleeve.buySymbol())) {
        continue;
      }
      BigDecimal deficit = sleeve.target().multiply(total).subtract(sleeve.value());
      if (deficit.signum() <= 0) {
        continue;
      }
      out.any = true;
      Optional<BigDecimal> price = tradingPrice(sleeve.buySymbol(), book, prices);
      if (price.isEmpty()) {
        out.unplaced.add(new UnplacedTrade(householdId, sleeve.buySymbol(), Side.BUY, null,
            UnplacedTrade.NO_PRICE));
        continue;
      }
      deficits.add(new Trade(sleeve.buySymbol(), deficit, price.get(),
          Allocation.weight(sleeve.value(), total, TradeOrder.WEIGHT_SCALE), sleeve.target(),
          sleeve.underweight()));
      sum = sum.add(deficit);
    }
    // With no account that may buy, nothing is spendable; the deficits are shown unplaced whole.
    boolean scale = sum.compareTo(spendable) > 0 && book.anyBuyer();
    for (Trade d : deficits) {
      BigDecimal quantity = scale
          ? rules.floorQuantity(d.quantity().multiply(spendable), sum.multiply(d.price()))
          : rules.floorQuantity(d.quantity(), d.price());
      if (worthTrading(quantity, d.price())) {
        out.buys.add(d.withQuantity(quantity));
      }
    }
  }

  private List<Trade> worthTrading(List<Trade> trades) {
    return trades.stream().filter(t -> worthTrading(t.quantity(), t.price())).toList();
  }

  /** The symbols of a sleeve that may be traded: all but the restricted ones. */
  private List<String> tradable(List<String> symbols) {
    return symbols.stream().filter(s -> !rules.isRestricted(s)).toList();
  }

  private boolean worthTrading(BigDecimal quantity, BigDecimal price) {
    return quantity.signum() > 0 && quantity.multiply(price).compareTo(rules.minTradeValue()) >= 0;
  }

  /** Cash above reserve in the accounts that may host buys. */
  private static BigDecimal cashOfBuyers(HouseholdBook book) {
    BigDecimal cash = BigDecimal.ZERO;
    for (int i = 0; i < book.accounts.size(); i++) {
      if (book.mayBuy(i)) {
        cash = cash.add(book.accounts.get(i).spendableCash());
      }
    }
    return cash;
  }

  /**
   * Step 4's available cash, once the sells are placed: the cash above reserve of the accounts
   * that may buy plus the proceeds of the sells placed on them, less what the buy-backs of their
   * shorts cost (they are paid first). Without trading restrictions every sell is placed and this
   * is the SPEC's sum over all accounts.
   */
  private static BigDecimal availableForBuys(HouseholdBook book, Placement placement,
      Sized sized) {
    BigDecimal available = cashOfBuyers(book).add(placement.proceedsOfBuyers());
    for (Trade cover : sized.covers) {
      for (int i = 0; i < book.accounts.size(); i++) {
        if (book.mayBuy(i)) {
          available = available.subtract(
              book.shortQuantity(i, cover.symbol()).multiply(cover.price()));
        }
      }
    }
    return available.max(BigDecimal.ZERO);
  }

  /**
   * Step 4: when the buys cost more than is available, every buy is cut to floor(n * available /
   * cost); buys then under the minimum are dropped.
   */
  private List<Trade> fitToCash(BigDecimal available, List<Trade> buys) {
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
      HouseholdPlan.Status status, List<TradeOrder> orders, List<UnplacedTrade> unplaced,
      List<RealizedGain> realizedGains) {
    List<TradeOrder> sorted = new ArrayList<>(orders);
    sorted.sort(TradeOrder.FILE_ORDER);
    // as their sell orders are in the file; a stable sort keeps each order's lots in sale order
    List<RealizedGain> gains = new ArrayList<>(realizedGains);
    gains.sort(Comparator.comparing(RealizedGain::brokerageId)
        .thenComparing(RealizedGain::accountId).thenComparing(RealizedGain::symbol));
    AfterTrades after = AfterTrades.ofHousehold(book.values, book.totalValue, book.accounts,
        sorted);
    List<Allocation> allocations = Allocation.of(Allocation.HOUSEHOLD, householdId, book.values,
        book.totalValue, after, model, rules);
    return new HouseholdPlan(householdId, model.modelId(), book.accounts.size(), book.totalValue,
        status, sorted, unplaced, allocations, gains);
  }
}

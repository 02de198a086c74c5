package io.rebalancer.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a household's sells do to its tax lots (SPEC "Tax lots"): which lots a sell on an account
 * takes, in {@link Lot#SELL_ORDER}, and the realised gain of each; which shares short-term gain
 * avoidance keeps from being sold; whether a loss is at risk of being a wash sale.
 */
final class TaxLots {
  /** A loss is at risk of a wash sale when the symbol was bought this many days before the run. */
  static final long WASH_SALE_DAYS = 30;

  private final HouseholdBook book;
  private final RebalanceRules rules;
  private final LocalDate runDate;
  /** Per symbol, whether some account bought it in the wash-sale window: asked once a symbol. */
  private final Map<String, Boolean> recentlyBought = new HashMap<>();

  /** @param runDate the day terms are counted to; null only for a household without dated lots */
  TaxLots(HouseholdBook book, RebalanceRules rules, LocalDate runDate) {
    this.book = book;
    this.rules = rules;
    this.runDate = runDate;
  }

  /**
   * Whether a lot may not be sold: with avoidShortTermGains (which needs taxAware), a lot of a
   * taxable account held short-term and standing at a gain at this price.
   */
  private boolean avoided(int account, Lot lot, BigDecimal price) {
    return avoiding() && book.accounts.get(account).accountType() == AccountType.TAXABLE
        && lot.gainAt(price) && term(lot) == LotTerm.SHORT;
  }

  /** avoidShortTermGains is on (it needs taxAware, which the config checks too). */
  private boolean avoiding() {
    return rules.taxAware() && rules.avoidShortTermGains();
  }

  /** The shares of a symbol in an account that avoidance keeps from being sold at this price. */
  BigDecimal withheld(int account, String symbol, BigDecimal price) {
    BigDecimal kept = BigDecimal.ZERO;
    if (!avoiding()) {
      return kept; // every sell asks; without avoidance there is nothing to look up
    }
    for (Lot lot : book.lotsOf(account, symbol)) {
      if (avoided(account, lot, price)) {
        kept = kept.add(lot.quantity());
      }
    }
    return kept;
  }

  /** The lots a sell of quantity shares on an account takes, each a realised gain. */
  List<RealizedGain> sell(String householdId, int account, String symbol, BigDecimal quantity,
      BigDecimal price) {
    AccountAnalysis a = book.accounts.get(account);
    List<RealizedGain> gains = new ArrayList<>();
    BigDecimal left = quantity;
    for (Lot lot : book.lotsOf(account, symbol)) {
      if (left.signum() <= 0) {
        break;
      }
      if (avoided(account, lot, price)) {
        continue;
      }
      BigDecimal take = left.min(lot.quantity());
      left = left.subtract(take);
      BigDecimal proceeds = take.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
      BigDecimal cost = lot.knownBasis()
          ? lot.costBasis().multiply(take).divide(lot.quantity(), 2, RoundingMode.HALF_EVEN)
          : null;
      gains.add(new RealizedGain(householdId, a.key().brokerageId(), a.key().accountId(),
          a.accountType(), symbol, lot.lotId(), lot.openDate(), take, cost, proceeds,
          cost == null ? null : proceeds.subtract(cost), term(lot),
          lot.lossAt(price)
              && recentlyBought.computeIfAbsent(symbol, this::boughtRecently)));
    }
    return gains;
  }

  /** Some account of the household opened a lot of the symbol in the 30 days to the run date. */
  private boolean boughtRecently(String symbol) {
    for (int i = 0; i < book.accounts.size(); i++) {
      for (Lot lot : book.lotsOf(i, symbol)) {
        if (lot.openDate() != null && !lot.openDate().isAfter(runDate)
            && !lot.openDate().isBefore(runDate.minusDays(WASH_SALE_DAYS))) {
          return true;
        }
      }
    }
    return false;
  }

  private LotTerm term(Lot lot) {
    if (lot.openDate() != null && runDate == null) {
      throw new IllegalStateException("a dated lot's term needs the run date");
    }
    return lot.openDate() == null ? LotTerm.UNKNOWN : lot.term(runDate);
  }
}

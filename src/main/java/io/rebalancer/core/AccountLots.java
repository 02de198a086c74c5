package io.rebalancer.core;

import io.rebalancer.core.trust.InputProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One account's tax lots, from lots.csv and from its exports, judged against its holdings, per
 * symbol: where lots.csv names the symbol its lots are the holding's and the export's are not
 * used (the more detailed source wins; adding both would double the holding). Lots adding up to
 * more than the account's long quantity of the symbol (0 when it is not held, short or cash) are
 * an input problem that fails the run: a sell would realise gains on shares that are not there.
 * What lots leave of a holding is a lot of unknown basis, which the rebalancer adds.
 *
 * @param lots the known lots, by symbol, then source file, then line
 * @param problems one per symbol whose lots exceed its holding, in symbol order
 */
public record AccountLots(List<Lot> lots, List<InputProblem> problems) {
  public static final Comparator<Lot> ORDER = Comparator.comparing(Lot::symbol)
      .thenComparing(Lot::sourceUri).thenComparingLong(Lot::lineNumber);
  private static final int LINES_SHOWN = 5;

  public AccountLots {
    lots = List.copyOf(lots);
    problems = List.copyOf(problems);
  }

  /**
   * @param holdings the account's holdings from every export (priced or not: only quantities
   *     count)
   * @param fileLots its lines of lots.csv
   * @param exportLots the lots its exports state
   * @throws InputException when lots.csv gives one lot_id twice for one symbol of the account
   */
  public static AccountLots of(AccountKey key, List<Holding> holdings, List<Lot> fileLots,
      List<Lot> exportLots) {
    checkUniqueIds(key, fileLots);
    Map<String, List<Lot>> bySymbol = new TreeMap<>();
    fileLots.forEach(l -> bySymbol.computeIfAbsent(l.symbol(), s -> new ArrayList<>()).add(l));
    Set<String> inLotsFile = Set.copyOf(bySymbol.keySet());
    for (Lot l : exportLots) {
      if (!inLotsFile.contains(l.symbol())) {
        bySymbol.computeIfAbsent(l.symbol(), s -> new ArrayList<>()).add(l);
      }
    }
    List<Lot> known = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    bySymbol.forEach((symbol, lots) -> {
      lots.sort(ORDER);
      BigDecimal sum = lots.stream().map(Lot::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
      Holdings held = Holdings.of(symbol, holdings);
      if (sum.compareTo(held.longQuantity()) > 0) {
        problems.add(exceeds(key, symbol, sum, held, lots));
      }
      known.addAll(lots);
    });
    return new AccountLots(known, problems);
  }

  /** What the account holds of one symbol, as far as lots are concerned. */
  private record Holdings(BigDecimal quantity, boolean cash, Set<String> files) {
    static Holdings of(String symbol, List<Holding> holdings) {
      BigDecimal quantity = BigDecimal.ZERO;
      boolean cash = false;
      Set<String> files = new LinkedHashSet<>();
      for (Holding h : holdings) {
        if (h.symbol().equals(symbol)) {
          files.add(h.sourceUri());
          if (h.cash()) {
            cash = true;
          } else {
            quantity = quantity.add(h.quantity());
          }
        }
      }
      return new Holdings(quantity, cash, files);
    }

    BigDecimal longQuantity() {
      return quantity.max(BigDecimal.ZERO);
    }

    String described() {
      if (files.isEmpty()) {
        return "it holds none today (no export holds it)";
      }
      String in = " (" + String.join(", ", files) + ")";
      if (quantity.signum() < 0) {
        return "it is short " + quantity.negate().toPlainString() + in;
      }
      if (quantity.signum() == 0 && cash) {
        return "it holds it only as cash, which has no lots" + in;
      }
      return "it holds " + quantity.toPlainString() + in;
    }
  }

  private static InputProblem exceeds(AccountKey key, String symbol, BigDecimal sum,
      Holdings held, List<Lot> lots) {
    return new InputProblem(InputProblem.Kind.LOTS_EXCEED_HOLDING, key + " " + symbol,
        "account " + key.accountId() + " of brokerage " + key.brokerageId() + ": its lots of "
        + symbol + " add up to " + sum.toPlainString()
        + (sum.compareTo(BigDecimal.ONE) == 0 ? " share" : " shares") + ", but " + held.described()
        + "; the lots are from " + sources(lots) + ": correct the lots or the export");
  }

  /** "lots.csv lines 2, 3" or "U1.csv lines 11, 12 and 3 more", per file, in file order. */
  private static String sources(List<Lot> lots) {
    Map<String, List<Long>> lines = new TreeMap<>();
    lots.forEach(l -> lines.computeIfAbsent(l.sourceUri(), f -> new ArrayList<>())
        .add(l.lineNumber()));
    List<String> out = new ArrayList<>();
    lines.forEach((file, ls) -> {
      String shown = ls.stream().limit(LINES_SHOWN).map(String::valueOf)
          .collect(Collectors.joining(", "));
      out.add(file + (ls.size() == 1 ? " line " : " lines ") + shown
          + (ls.size() > LINES_SHOWN ? " and " + (ls.size() - LINES_SHOWN) + " more" : ""));
    });
    return String.join("; ", out);
  }

  /** lot_id is unique per (brokerage, account, symbol): a repeated line would count twice. */
  private static void checkUniqueIds(AccountKey key, List<Lot> fileLots) {
    Map<List<String>, Lot> first = new HashMap<>();
    List<Lot> ordered = new ArrayList<>(fileLots);
    ordered.sort(ORDER);
    for (Lot l : ordered) {
      Lot earlier = first.putIfAbsent(List.of(l.symbol(), l.lotId()), l);
      if (earlier != null) {
        throw new InputException(l.sourceUri() + ": line " + l.lineNumber() + ": column lot_id: "
            + l.lotId() + " is already the id of account " + key + "'s lot of " + l.symbol()
            + " on line " + earlier.lineNumber() + ": write an id unique among the account's"
            + " lots of " + l.symbol());
      }
    }
  }
}

package io.rebalancer.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The security master (securities.csv) by symbol: where it names a symbol, its asset class
 * replaces the export's label, so that holdings, allocations and asset-class weights all read the
 * same classes whichever brokerage a symbol is held at (one says "ETFs & Closed End Funds",
 * another "Stocks", a third nothing at all).
 */
public final class SecurityMaster {
  public static final SecurityMaster EMPTY = new SecurityMaster(Map.of());

  private final Map<String, Security> bySymbol;

  public SecurityMaster(Map<String, Security> bySymbol) {
    this.bySymbol = Map.copyOf(bySymbol);
  }

  /** The master of a file's lines (the file has already turned down a symbol listed twice). */
  public static SecurityMaster of(List<Security> securities) {
    Map<String, Security> map = new HashMap<>();
    securities.forEach(s -> map.put(s.symbol(), s));
    return new SecurityMaster(map);
  }

  public Optional<Security> security(String symbol) {
    return Optional.ofNullable(bySymbol.get(symbol));
  }

  public boolean isEmpty() {
    return bySymbol.isEmpty();
  }

  /**
   * The holding with the master's asset class for its symbol, or as it is where the master does
   * not name it. A cash row (symbol CASH, or a sweep fund the export calls cash) stays cash and
   * keeps its label: the master classifies what is invested, and turning cash into a position
   * would have it sold as "not in model". A position the master puts in class CASH becomes cash,
   * as the SPEC's rule says of any row of that class ({@link Holding#isCash}).
   */
  public Holding classify(Holding h) {
    Security s = h.cash() ? null : bySymbol.get(h.symbol());
    if (s == null || s.assetClass().equals(h.assetClass())) {
      return h;
    }
    return new Holding(h.brokerageId(), h.accountId(), h.symbol(), h.quantity(), h.price(),
        s.assetClass(), Holding.isCash(h.symbol(), s.assetClass()), h.sourceId(), h.sourceUri(),
        h.lineNumber());
  }
}

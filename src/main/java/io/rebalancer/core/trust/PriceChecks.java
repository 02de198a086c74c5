package io.rebalancer.core.trust;

import io.rebalancer.core.Holding;
import io.rebalancer.core.Model;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.PricePoint;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Whether the price history can be trusted for a symbol on the run date: a close more than
 * maxPriceAgeDays old values (and trades) a holding at a price the market has left. A symbol with
 * no close at all is not judged here: it is priced by its export, or rejected for having no price.
 */
public final class PriceChecks {
  private PriceChecks() {}

  /** The problem with a symbol's latest close, or null when it is recent or there is none. */
  public static InputProblem stale(String symbol, PriceBook prices, LocalDate runDate,
      int maxAgeDays, String pricesFile) {
    PricePoint last = prices.latest(symbol).orElse(null);
    if (last == null) {
      return null;
    }
    long age = ChronoUnit.DAYS.between(last.date(), runDate);
    if (age <= maxAgeDays) {
      return null;
    }
    return new InputProblem(InputProblem.Kind.STALE_PRICE, symbol, pricesFile + ": the latest"
        + " close of " + symbol + " is on " + last.date() + ", " + age
        + " days before the run date " + runDate + " (validation.maxPriceAgeDays is "
        + maxAgeDays + "): update the price history");
  }

  /**
   * The stale closes of the models' symbols (cash aside) and of the class models' buy symbols,
   * each symbol once, in symbol order: a buy at a stale close is a wrong trade either way.
   */
  public static List<InputProblem> staleModelSymbols(Collection<Model> models, PriceBook prices,
      LocalDate runDate, int maxAgeDays, String pricesFile) {
    TreeSet<String> symbols = new TreeSet<>();
    models.forEach(m -> m.targets().forEach(t -> symbols.add(t.symbol())));
    models.forEach(m -> m.classes().stream().filter(c -> c.buySymbol() != null)
        .forEach(c -> symbols.add(c.buySymbol())));
    List<InputProblem> out = new ArrayList<>();
    for (String symbol : symbols) {
      InputProblem stale = Holding.CASH.equalsIgnoreCase(symbol) ? null
          : stale(symbol, prices, runDate, maxAgeDays, pricesFile);
      if (stale != null) {
        out.add(stale);
      }
    }
    return out;
  }

  /**
   * The break between a holding's export price and its symbol's latest close, or null when they
   * agree within tolerance (relative to the close), or there is nothing to compare. The test is
   * exact: |price − close| > tolerance × close, no division.
   */
  public static PriceBreak priceBreak(Holding fromExport, PriceBook prices, BigDecimal tolerance) {
    if (fromExport.cash() || fromExport.price() == null) {
      return null;
    }
    PricePoint last = prices.latest(fromExport.symbol()).orElse(null);
    if (last == null || last.close().signum() <= 0) {
      return null;
    }
    BigDecimal gap = fromExport.price().subtract(last.close()).abs();
    if (gap.compareTo(tolerance.multiply(last.close())) <= 0) {
      return null;
    }
    return new PriceBreak(fromExport.sourceId(), fromExport.sourceUri(), fromExport.lineNumber(),
        fromExport.brokerageId(), fromExport.accountId(), fromExport.symbol(),
        fromExport.price(), last.close(), last.date(),
        gap.divide(last.close(), new MathContext(6)));
  }
}

package io.rebalancer.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-account analysis: value, cash, concentration and risk of one account's holdings. */
public final class AccountAnalyzer {
  private static final Comparator<Holding> FILE_ORDER =
      Comparator.comparing(Holding::sourceUri).thenComparingLong(Holding::lineNumber);

  /** By symbol; a symbol held both as a position and as cash lists its position first. */
  private static final Comparator<Position> POSITION_ORDER =
      Comparator.comparing(Position::symbol).thenComparing(Position::cash);

  private record PositionKey(String symbol, boolean cash) {}

  private AccountAnalyzer() {}

  /**
   * @param holdings the account's priced holdings, in any order (they are put back in file order,
   *     so that the first row of a symbol gives its price whatever order they arrived in)
   */
  public static AccountAnalysis analyze(AccountInfo info, List<Holding> holdings, PriceBook prices) {
    return analyze(info, holdings, List.of(), prices);
  }

  /**
   * @param lots the account's known tax lots, in any order (they are put in {@link
   *     AccountLots#ORDER}: by symbol, then source file, then line)
   */
  public static AccountAnalysis analyze(AccountInfo info, List<Holding> holdings, List<Lot> lots,
      PriceBook prices) {
    List<Holding> ordered = new ArrayList<>(holdings);
    ordered.sort(FILE_ORDER);
    // Rows merge by symbol and cash flag: a symbol on a CASH-class row and on another row is
    // cash on the one and a position on the other, whichever row comes first.
    Map<PositionKey, Position> merged = new LinkedHashMap<>();
    for (Holding h : ordered) {
      merged.merge(new PositionKey(h.symbol(), h.cash()), Position.of(h), (a, b) -> a.plus(h));
    }
    List<Position> positions = new ArrayList<>(merged.values());
    positions.sort(POSITION_ORDER);

    BigDecimal total = BigDecimal.ZERO;
    BigDecimal cash = BigDecimal.ZERO;
    int count = 0;
    for (Position p : positions) {
      total = total.add(p.marketValue());
      if (p.cash()) {
        cash = cash.add(p.marketValue());
      } else if (p.quantity().signum() != 0) {
        count++;
      }
    }
    BigDecimal invested = total.subtract(cash);
    Double hhi = concentration(positions, invested);
    AccountAnalysis partial = new AccountAnalysis(info.key(), info.householdId(), info.modelId(),
        info.cashReserve(), total, cash, invested, count, hhi, null, null, null, positions,
        info.accountType(), info.trading());
    double[] values = ValueSeries.values(partial.investedQuantities(), cash, prices);
    RiskMetrics risk = values != null ? RiskMetrics.ofValues(values)
        : RiskMetrics.of(ValueSeries.of(partial.investedQuantities(), cash, prices));
    return new AccountAnalysis(info.key(), info.householdId(), info.modelId(),
        info.cashReserve(), total, cash, invested, count, hhi, risk.volatility(),
        risk.maxDrawdown(), risk.riskScore(), positions, info.accountType(), info.trading(),
        lots.stream().sorted(AccountLots.ORDER).toList());
  }

  /** Herfindahl index of the invested positions: sum of (symbol value / invested value)^2. */
  static Double concentration(List<Position> positions, BigDecimal invested) {
    if (invested.signum() == 0) {
      return null;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Position p : positions) {
      if (!p.cash()) {
        BigDecimal w = p.marketValue().divide(invested, MathContext.DECIMAL128);
        sum = sum.add(w.multiply(w, MathContext.DECIMAL128));
      }
    }
    return sum.doubleValue();
  }
}
